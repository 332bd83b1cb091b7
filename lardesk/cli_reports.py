"""Command-line minutes and forms.

    lardesk minutes SESSION FILE.pdf [--docx] [--dnr DNR] [--no-board] [--no-spread]
    lardesk minutes SESSION FILE.docx                  the editable DOCX instead of the PDF
    lardesk forms FILE.pdf [--session SESSION] [--copies N] [--only personal|worksheet|figures] [--blank-worksheet]
                                                       the A4 forms in FILE.pdf, the A3 worksheet in
                                                       FILE-arbetsblad.pdf (or alone in FILE.pdf with --only)

Registered with :func:`lardesk.cli.command` when :mod:`lardesk.cli` loads its plugins. Bad input (an unknown
session, a wrong file name, a folder that is not there) is an InputError: exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from lardesk.cli import EXIT_OK, check_target, command, session_id, write_output
from lardesk.method.guide import LANGUAGES, Guide, load_guide
from lardesk.method.snapshot import SessionSnapshot
from lardesk.reports.forms import MAX_COPIES, FormsOptions, render_forms
from lardesk.reports.minutes import MinutesOptions, draw_figures, render_minutes
from lardesk.reports.minutes_docx import render_minutes_docx
from lardesk.services import Services


def guide_for(snapshot: SessionSnapshot | None) -> Guide:
    language = snapshot.session.language if snapshot is not None else "sv"
    return load_guide(language if language in LANGUAGES else "sv")


def copies(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of copies") from error
    if not 1 <= value <= MAX_COPIES:
        raise argparse.ArgumentTypeError(f"the number of copies must be between 1 and {MAX_COPIES}")
    return value


def _configure_minutes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument("file", help="the file to write: FILE.pdf, or FILE.docx for the editable document")
    parser.add_argument("--docx", action="store_true", help="also write the editable DOCX beside the PDF")
    parser.add_argument("--dnr", metavar="DNR", help="the case number (diarienummer) to print; default: the session's")
    parser.add_argument("--no-board", action="store_true", help="leave out the picture of the program logic")
    parser.add_argument("--no-spread", action="store_true", help="leave out the spread of the ratings")


@command("minutes", "write the minutes of a session (PDF, or DOCX to edit)", _configure_minutes)
def _minutes(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    path = check_target(args.file, (".pdf", ".docx"))
    snapshot = services.sessions.snapshot(args.session)
    guide = guide_for(snapshot)
    options = MinutesOptions(case_number=args.dnr, include_board=not args.no_board, include_spread=not args.no_spread)
    figures = draw_figures(snapshot, guide, options)  # once, for the PDF and the DOCX
    written: list[Path] = []
    if path.suffix.lower() == ".docx":
        write_output(path, lambda: render_minutes_docx(snapshot, guide, path, options=options, figures=figures))
        written.append(path)
    else:
        write_output(path, lambda: render_minutes(snapshot, guide, path, options=options, figures=figures))
        written.append(path)
        if args.docx:
            docx_path = path.with_suffix(".docx")
            write_output(
                docx_path, lambda: render_minutes_docx(snapshot, guide, docx_path, options=options, figures=figures)
            )
            written.append(docx_path)
    for item in written:
        out.write(f"{item}\n")
    return EXIT_OK


def _configure_forms(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the PDF to write")
    parser.add_argument(
        "--session", type=session_id, help="a session: one form per participant present, its worksheet pre-filled"
    )
    parser.add_argument("--copies", type=copies, help="this many blank personal forms (default: one a participant)")
    parser.add_argument(
        "--only",
        choices=("personal", "worksheet", "figures"),
        help="only the personal form, only the worksheet, or only the guide's figures 1–3 for the room "
        "(--copies N: a set for each of N people)",
    )
    parser.add_argument("--blank-worksheet", action="store_true", help="do not pre-fill the worksheet from the session")


@command("forms", "print the personal assessment form (Bilaga 2) and the A3 program-logic worksheet", _configure_forms)
def _forms(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    path = check_target(args.file, (".pdf",))
    snapshot = services.sessions.snapshot(args.session) if args.session is not None else None
    options = FormsOptions(
        personal=args.only != "worksheet",
        worksheet=args.only != "personal",
        copies=args.copies,
        prefill=not args.blank_worksheet,
        figures=args.only == "figures",
    )
    written: list[Path] = []

    def write() -> None:
        written.extend(render_forms(guide_for(snapshot), path, snapshot=snapshot, options=options))

    write_output(path, write)
    for item in written:  # the A4 forms, and the A3 worksheet in a file of its own beside them
        out.write(f"{item}\n")
    return EXIT_OK
