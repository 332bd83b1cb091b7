"""Command-line overview across units and the improvement actions through the year.

    lardesk overview [--json] [--organisation NAME] [--year YEAR] [--today DATE] [--output FILE.csv|.pdf] [--scale N]
    lardesk actions [--json] [--open] [--overdue] [--today YYYY-MM-DD]
    lardesk action-status SESSION KEY STATUS [--comment TEXT]
    lardesk actions-checkpoint FILE.pdf [--unit UNIT ...] [--today YYYY-MM-DD]

Registered with :func:`lardesk.cli.command` when :mod:`lardesk.cli` loads its plugins. Bad input (an unknown
session, key or status, a bad date, a wrong file name) is an InputError: exit status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TextIO

from lardesk.cli import EXIT_OK, _print_json, check_target, command, session_id, write_output
from lardesk.method.actions import ActionStatus
from lardesk.method.guide import SECTIONS, load_guide
from lardesk.method.logic import FINDING_CODES
from lardesk.method.overview import Overview, action_json, change_text, median_text, overview_json
from lardesk.reports.overview_csv import write_overview_csv
from lardesk.services import Services
from lardesk.services.sessions import action_status


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-11-25") from error


def year(text: str) -> int:
    if not text.isdigit() or not 1900 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year such as 2026")
    return int(text)


def scale_number(text: str) -> int:
    if not text.isdigit() or int(text) not in SECTIONS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a scale (1–9)")
    return int(text)


def _configure_overview(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--organisation", metavar="NAME", help="only this organisation's units")
    parser.add_argument(
        "--year", type=year, help="the follow-ups of this year (each unit's latest of the year, beside the one before)"
    )
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="judge overdue actions as of this day")
    parser.add_argument(
        "--output",
        metavar="FILE",
        help="also write the overview: FILE.csv (for Swedish Excel) or FILE.pdf (tagged PDF/UA-1)",
    )
    parser.add_argument(
        "--scale",
        type=scale_number,
        action="append",
        default=[],
        metavar="N",
        help="only this scale's columns in the --output file (repeatable; the JSON always has all nine)",
    )


@command("overview", "every unit's latest follow-up side by side (the strategist's overview)", _configure_overview)
def _overview(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    path = check_target(args.output, (".csv", ".pdf")) if args.output else None
    overview = services.overview.overview(organisation=args.organisation, year=args.year, today=args.today)
    if path is not None:
        guide = load_guide("sv")
        scales = tuple(sorted(set(args.scale))) or SECTIONS
        if path.suffix.lower() == ".pdf":
            from lardesk.reports.overview_pdf import render_overview_pdf

            write_output(path, lambda: render_overview_pdf(overview, guide, path, scales))
        else:
            write_output(path, lambda: write_overview_csv(overview, guide, path, scales))
    if args.json:
        _print_json(overview_json(overview), out)
        return EXIT_OK
    _print_overview(overview, out)
    return EXIT_OK


def _print_overview(overview: Overview, out: TextIO) -> None:
    if not overview.units:
        out.write("No follow-ups yet.\n")
        return
    for unit in overview.units:
        previous = f" (previous {unit.previous.date.isoformat()})" if unit.previous else ""
        out.write(
            f"{unit.display_name}\n  latest {unit.latest.date.isoformat()} (session {unit.latest.id}){previous}\n"
        )
        out.write("  scale  " + "".join(f"{n:>9}" for n in SECTIONS) + "\n")
        joints = (
            f"{'' if s.joint is None else s.joint}{' ' + change_text(s.change) if s.change is not None else ''}"
            for s in unit.scales
        )
        out.write("  joint  " + "".join(f"{text:>9}" for text in joints) + "\n")
        out.write("  median " + "".join(f"{median_text(s.median):>9}" for s in unit.scales) + "\n")
        out.write("  n      " + "".join(f"{s.n:>9}" for s in unit.scales) + "\n")
        found = " · ".join(f"{code} {unit.findings[code]}" for code in FINDING_CODES if unit.findings.get(code))
        out.write(f"  findings {found or 'none'}\n")
        a = unit.actions
        out.write(f"  actions  {a.open} open, {a.in_progress} in progress, {a.overdue} overdue, {a.done} done\n")


def _configure_actions(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--open", action="store_true", help="only actions open or in progress")
    parser.add_argument("--overdue", action="store_true", help="only open or in-progress actions past their date")
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="judge 'overdue' as of this day")


@command("actions", "every improvement action across units, with its status", _configure_actions)
def _actions(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    today = args.today or dt.date.today()
    actions = services.overview.actions(open_only=args.open, overdue_only=args.overdue, today=today)
    if args.json:
        _print_json([action_json(action) for action in actions], out)
        return EXIT_OK
    if not actions:
        out.write("No improvement actions.\n")
    current = ""
    for action in actions:
        heading = f"{action.display_unit}  {action.session_date.isoformat()} (session {action.session_id})"
        if heading != current:
            current = heading
            out.write(f"{heading}\n")
        due = action.due.isoformat() if action.due else "-"
        overdue = "  OVERDUE" if action.is_overdue(today) else ""
        out.write(
            f"  {action.key:<6} {action.status.value:<12} {due:<10} {action.owner or '-'}: {action.text}{overdue}\n"
        )
        if action.status_comment:
            out.write(f"         {action.status_comment}\n")
    return EXIT_OK


def _configure_action_status(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument("key", help="the action's key (in 'lardesk export', e.g. i3)")
    parser.add_argument("status", help=f"one of {', '.join(status.value for status in ActionStatus)}")
    parser.add_argument("--comment", metavar="TEXT", help="why, or what was done (kept with the status)")


@command("action-status", "set an improvement action's status (dated today)", _configure_action_status)
def _action_status(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    action_status(args.status)  # an unknown status is refused before anything is looked up
    improvement = services.overview.action_id(args.session, args.key)
    services.sessions.set_action_status(improvement, args.status, args.comment)
    return EXIT_OK


def _configure_checkpoint(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the PDF to write")
    parser.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="UNIT",
        help="only this unit (its name, 'Organisation – unit', or an organisation for all its units); repeatable",
    )
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="the day printed, and 'overdue' as of it")


@command(
    "actions-checkpoint",
    "print the half-year checkpoint: per unit, the latest follow-up's actions and room to write",
    _configure_checkpoint,
)
def _checkpoint(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from lardesk.reports.overview_pdf import render_checkpoint_pdf

    path = check_target(args.file, (".pdf",))
    actions = services.overview.checkpoint_actions(args.unit)
    today = args.today or dt.date.today()
    write_output(path, lambda: render_checkpoint_pdf(actions, load_guide("sv"), path, today))
    out.write(f"{path}\n")
    return EXIT_OK
