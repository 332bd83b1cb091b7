"""Importers: files from outside lardesk, checked before anything of them is stored."""
