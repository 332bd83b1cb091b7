"""The command line beside the GUI: the same use cases, from a terminal or a script.

    lardesk [--data-dir DIR | --database URL]          start the GUI
    lardesk import FILE                                 import one session; print its id
    lardesk export SESSION FILE                         write one session as an exchange file
    lardesk sessions [--json]                           list organisations and their sessions
    lardesk findings SESSION [--json]                   the gaps G1–G8 and the status findings
    lardesk demo                                        load the guide's example session; print its id

Exit status: 0 done, 2 bad input (a bad file, an unknown session, a damaged database), 1 anything else.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from lardesk import __version__
from lardesk.method.guide import load_guide
from lardesk.paths import DATABASE_URL_ENV, Paths, resolve_paths
from lardesk.services import InputError, Services, StorageError
from lardesk.services.base import MAX_ID
from lardesk.storage.errors import DatabaseRefused

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
"""Ctrl+C (SIGINT) ended a command: 128 + the signal's number, as a shell reports it."""

log = logging.getLogger("lardesk")

Command = Callable[[Services, argparse.Namespace, TextIO], int]
OfflineCommand = Callable[[Paths, argparse.Namespace, TextIO], int]
COMMANDS: dict[str, Command] = {}
OFFLINE_COMMANDS: dict[str, OfflineCommand] = {}
"""Commands that must work when the database cannot be opened (restoring a backup): they get the paths."""
"""Registered subcommands; other modules add theirs with @command (see register())."""
_PARSERS: list[Callable[[Any], None]] = []


def _add_parser(name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None] | None) -> None:
    """Remember how to add the subcommand's parser (build_parser adds them all)."""

    def add(subparsers: Any) -> None:
        parser = subparsers.add_parser(name, help=help_text, description=help_text)
        if configure:
            configure(parser)

    _PARSERS.append(add)


def command(
    name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None] | None = None
) -> Callable[[Command], Command]:
    def decorate(function: Command) -> Command:
        COMMANDS[name] = function
        _add_parser(name, help_text, configure)
        return function

    return decorate


def offline_command(
    name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None] | None = None
) -> Callable[[OfflineCommand], OfflineCommand]:
    """Register a command that runs without opening the database (it receives the paths instead)."""

    def decorate(function: OfflineCommand) -> OfflineCommand:
        OFFLINE_COMMANDS[name] = function
        _add_parser(name, help_text, configure)
        return function

    return decorate


def session_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a session id (a number; see 'lardesk sessions')") from error
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not a session id")
    return value


def positive_int(text: str) -> int:
    """A count or a round: a whole number from 1 (argparse's ``type``)."""
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from error
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def check_target(text: str, suffixes: tuple[str, ...] = ()) -> Path:
    """The file to write: one of ``suffixes`` (any, when none are given), in a folder that exists (bad input
    otherwise)."""
    path = Path(text)
    if suffixes and path.suffix.lower() not in suffixes:
        raise InputError("{path}: the file name must end in {suffixes}", path=text, suffixes=" or ".join(suffixes))
    if path.is_dir():
        raise InputError("{path} is a folder, not a file", path=text)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("{path}: the folder {folder} does not exist", path=text, folder=str(folder))
    return path


def write_output(path: Path, write: Callable[[], None]) -> None:
    """Run ``write``; an error of the operating system (permission, disk full) is bad input, not a traceback."""
    try:
        write()
    except OSError as error:  # permission denied, disk full…: nothing was replaced
        raise InputError(
            "{path}: could not be written ({reason})", path=str(path), reason=error.strerror or str(error)
        ) from error


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _print_json(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# -- the commands ------------------------------------------------------------------------------------------


def _configure_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="an exchange file (lardesk-session JSON)")


@command("import", "import one session from an exchange file; print its id", _configure_import)
def _import(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    changes = services.exchange.import_file(args.file)
    out.write(f"{changes.new_id}\n")
    return EXIT_OK


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument("file", help="the exchange file to write")


@command("export", "write one session as an exchange file", _configure_export)
def _export(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    services.exchange.export_file(args.session, args.file)
    return EXIT_OK


@command("sessions", "list organisations and their sessions", _json_flag)
def _sessions(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    listing = services.sessions.list_sessions()
    if args.json:
        _print_json(
            [
                {
                    "organisation": {"id": o.organisation.id, "name": o.organisation.name, "unit": o.organisation.unit},
                    "sessions": [
                        {
                            "id": s.id,
                            "date": s.date.isoformat(),
                            "period": s.period,
                            "title": s.title,
                            "facilitator": s.facilitator,
                            "participants": s.participants,
                        }
                        for s in o.sessions
                    ],
                }
                for o in listing
            ],
            out,
        )
        return EXIT_OK
    if not listing:
        out.write("No sessions yet. 'lardesk demo' loads the guide's example.\n")
    for entry in listing:
        out.write(f"{entry.organisation.display_name}\n")
        for s in entry.sessions:
            title = f"  {s.title}" if s.title else ""
            out.write(f"  {s.id:>5}  {s.date.isoformat()}  {s.period or '-':<8}{title}  ({s.participants} deltagare)\n")
    return EXIT_OK


def _configure_session_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    _json_flag(parser)


@command(
    "findings", "the gaps G1–G8 and the status findings S1–S4 of a session's program logic", _configure_session_json
)
def _findings(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    snapshot = services.sessions.snapshot(args.session, with_previous=False)
    guide = load_guide(snapshot.session.language)
    findings = snapshot.findings
    if args.json:
        _print_json(
            [
                {
                    "code": f.code,
                    "title": guide.findings.get(f.code, f.code),
                    "kind": f.kind.value,
                    "key": f.key,
                    "text": f.text,
                    "item_id": f.item_id,
                }
                for f in findings
            ],
            out,
        )
        return EXIT_OK
    if not findings:
        out.write("No gaps and no status findings.\n")
    current = ""
    for finding in findings:
        if finding.code != current:
            current = finding.code
            out.write(f"{finding.code} {guide.findings.get(finding.code, '')}\n")
        out.write(f"    {finding.key or '':<6} {finding.text}\n")
    return EXIT_OK


@command("demo", "load the guide's example session (Bilaga 1); print its id")
def _demo(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    out.write(f"{services.exchange.load_demo()}\n")
    return EXIT_OK


# -- plumbing ----------------------------------------------------------------------------------------------


def _load_plugins() -> None:
    """Commands defined in other modules (stats, minutes, forms…) register themselves on import."""
    import lardesk.cli_indicators
    import lardesk.cli_maintenance
    import lardesk.cli_overview
    import lardesk.cli_rate
    import lardesk.cli_ratings
    import lardesk.cli_reports  # noqa: F401


def build_parser() -> argparse.ArgumentParser:
    _load_plugins()
    parser = argparse.ArgumentParser(
        prog="lardesk",
        description="Lärande uppföljning för jämställda verksamheter. Without a command, starts the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"lardesk {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data-dir", metavar="DIR", help="keep the database (and its backups) in DIR")
    where.add_argument(
        "--database",
        metavar="URL",
        help=f"a SQLAlchemy database URL, e.g. postgresql+psycopg://… (also ${DATABASE_URL_ENV})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    seen: set[int] = set()
    for add in _PARSERS:
        if id(add) not in seen:
            seen.add(id(add))
            add(subparsers)
    return parser


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    start_gui: Callable[[Paths], int] | None = None,
) -> int:
    """The command line. Without a command it calls ``start_gui`` (given by ``lardesk.launch``, the program's
    entry point): this module never imports Qt, which import-linter checks."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.database is not None and not args.database.strip():
        err.write("lardesk: --database needs a database URL (it was empty)\n")
        return EXIT_BAD_INPUT
    if args.data_dir is not None and not args.data_dir.strip():
        err.write("lardesk: --data-dir needs a folder (it was empty)\n")
        return EXIT_BAD_INPUT
    paths = resolve_paths(args.data_dir, args.database)
    if args.command is None:
        if start_gui is None:
            parser.print_usage(err)
            err.write("lardesk: give a command (the GUI starts from the program 'lardesk' itself)\n")
            return EXIT_BAD_INPUT
        return start_gui(paths)
    logging.basicConfig(level=logging.WARNING, format="lardesk: %(message)s")
    try:
        return _run_command(args, paths, out, err)
    except KeyboardInterrupt:  # Ctrl+C before a command handles it itself (lardesk rate does, once serving)
        err.write("lardesk: interrupted\n")
        return EXIT_INTERRUPTED


def _run_command(args: argparse.Namespace, paths: Paths, out: TextIO, err: TextIO) -> int:
    if args.command in OFFLINE_COMMANDS:
        try:
            return OFFLINE_COMMANDS[args.command](paths, args, out)
        except InputError as error:
            err.write(f"lardesk: {error}\n")
            return EXIT_BAD_INPUT
        except DatabaseRefused as error:
            err.write(f"lardesk: {error.message}\n")
            return EXIT_BAD_INPUT
        except StorageError as error:
            err.write(f"lardesk: {error.message}\n")
            return EXIT_FAILURE
    try:
        services = Services.for_paths(paths)
    except DatabaseRefused as error:
        err.write(f"lardesk: {error.message}\n")
        return EXIT_BAD_INPUT
    except StorageError as error:
        err.write(f"lardesk: {error.message}\n")
        return EXIT_FAILURE
    try:
        return COMMANDS[args.command](services, args, out)
    except InputError as error:
        err.write(f"lardesk: {error}\n")
        return EXIT_BAD_INPUT
    except DatabaseRefused as error:  # read-only, disk full: the user's to fix, like bad input
        err.write(f"lardesk: {error.message}\n")
        return EXIT_BAD_INPUT
    except StorageError as error:
        err.write(f"lardesk: {error.message}\n")
        return EXIT_FAILURE
    except BrokenPipeError:
        return EXIT_OK
    finally:
        services.close()


if __name__ == "__main__":
    # Run as ``python -m lardesk.cli``, this file is the module ``__main__``; the commands of the other cli_*
    # modules register on ``lardesk.cli``, so dispatch through that module, not this copy.
    from lardesk.cli import main as registered_main

    raise SystemExit(registered_main())
