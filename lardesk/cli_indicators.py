"""Command-line indicators: ``lardesk indicators SESSION [--json]`` and ``lardesk indicators-csv SESSION FILE``.

Registered with :func:`lardesk.cli.command` when :mod:`lardesk.cli` loads its plugins. An unknown session or
a file that cannot be written is bad input: exit status 2 with a message.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from lardesk.cli import EXIT_OK, _print_json, check_target, command, session_id, write_output
from lardesk.method.guide import LANGUAGES, load_guide
from lardesk.reports.indicators import entries_of, indicators_json, indicators_text, write_indicators_csv
from lardesk.services import Services


def _configure_indicators(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


@command(
    "indicators",
    "the indicators of a session: figures per period, change from the baseline, gap women−men, target",
    _configure_indicators,
)
def _indicators(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    snapshot = services.sessions.snapshot(args.session, with_previous=False)
    entries = entries_of(snapshot)
    if args.json:
        _print_json(indicators_json(entries, snapshot.session.id), out)
        return EXIT_OK
    language = snapshot.session.language if snapshot.session.language in LANGUAGES else "sv"
    out.write(indicators_text(entries, load_guide(language)))
    return EXIT_OK


def _configure_csv(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument("file", help="the CSV file to write (semicolons, decimal comma, UTF-8 with BOM)")


@command("indicators-csv", "write the indicators as CSV for a Swedish spreadsheet", _configure_csv)
def _indicators_csv(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    path = check_target(args.file)
    snapshot = services.sessions.snapshot(args.session, with_previous=False)
    entries = entries_of(snapshot)
    write_output(path, lambda: write_indicators_csv(entries, path))
    return EXIT_OK
