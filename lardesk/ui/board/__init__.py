"""The program-logic board (part 1 of the session): columns, links, gaps, findings, evaluation, export."""
