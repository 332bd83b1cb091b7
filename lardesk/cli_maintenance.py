"""``lardesk backups [--restore FILE]``: list the automatic backups, or put one back.

lardesk backups                 list the backups of the database, newest first
lardesk backups --json          the same as JSON
lardesk backups --restore FILE  put FILE in place of the database (the current file is renamed aside)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from lardesk.cli import EXIT_BAD_INPUT, EXIT_OK, offline_command
from lardesk.paths import Paths
from lardesk.services import InputError
from lardesk.services.maintenance import DAILY_DAYS_KEPT, backups, database_file, restore_backup


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--restore", metavar="FILE", help="put this backup in place of the database")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run_backups(paths: Paths, restore: str | None, as_json: bool, out: TextIO) -> int:
    """The command without open services (a damaged database cannot be opened, and needs this most)."""
    if database_file(paths) is None:
        raise InputError("lardesk keeps automatic backups of SQLite databases only")
    if restore is not None:
        kept = restore_backup(paths, Path(restore))
        out.write(f"restored {restore}\n")
        if kept is not None:
            out.write(f"the replaced database is kept as {kept}\n")
        return EXIT_OK
    listing = backups(paths)
    if as_json:
        entries = [
            {
                "path": str(b.path),
                "created": b.created.isoformat(timespec="seconds"),
                "reason": b.reason,
                "bytes": b.size,
            }
            for b in listing
        ]
        out.write(json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if not listing:
        out.write(f"No backups yet in {paths.backup_dir}.\n")
    for backup in listing:
        out.write(f"{backup.label}  {backup.path}\n")
    out.write(f"(a daily backup is kept for the last {DAILY_DAYS_KEPT} days on which lardesk was used)\n")
    return EXIT_OK


@offline_command("backups", "list the automatic backups of the database, or restore one", _configure)
def _backups(paths: Paths, args: argparse.Namespace, out: TextIO) -> int:
    return run_backups(paths, args.restore, args.json, out)


__all__ = ["EXIT_BAD_INPUT", "run_backups"]
