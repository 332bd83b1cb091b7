"""Command-line ratings: ``lardesk stats SESSION [--json]`` and ``lardesk ratings-csv SESSION FILE``.

Registered with :func:`lardesk.cli.command` when :mod:`lardesk.cli` loads its plugins.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lardesk.cli import EXIT_OK, _print_json, check_target, command, positive_int, session_id, write_output
from lardesk.method.guide import load_guide
from lardesk.method.snapshot import SessionSnapshot
from lardesk.method.stats import number
from lardesk.reports.files import write_atomic
from lardesk.reports.ratings_csv import NamesNotAllowed, gender_breakdown_csv, write_ratings_csv
from lardesk.services import InputError, Services


def stats_json(snapshot: SessionSnapshot, round_: int = 1) -> dict[str, Any]:
    """Per agreed scale: n, present, median, min, max, quartiles, the sorted values and the joint value."""
    scales = []
    for s in snapshot.stats(round_, snapshot.session.agreed_sections):
        joint = snapshot.joint_for(s.scale)
        previous = snapshot.previous.scale(s.scale) if snapshot.previous is not None else None
        quartiles = s.quartiles
        scales.append(
            {
                "scale": s.scale,
                "n": s.n,
                "present": s.present,
                "median": number(s.median),
                "min": s.minimum,
                "max": s.maximum,
                "q1": number(quartiles[0]) if quartiles else None,
                "q3": number(quartiles[1]) if quartiles else None,
                "values": list(s.values),
                "joint": joint.value if joint is not None else None,
                "joint_comment": joint.comment if joint is not None else None,
                "previous_median": number(previous.median) if previous is not None else None,
                "previous_joint": previous.joint if previous is not None else None,
            }
        )
    return {"session": snapshot.session.id, "round": round_, "scales": scales}


def _configure_stats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument("--round", type=positive_int, default=1, dest="round_", help="the round (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


@command("stats", "per scale: ratings given of present, median, range and joint value", _configure_stats)
def _stats(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    snapshot = services.sessions.snapshot(args.session)
    data = stats_json(snapshot, args.round_)
    if args.json:
        _print_json(data, out)
        return EXIT_OK
    guide = load_guide(snapshot.session.language if snapshot.session.language in ("sv", "en") else "sv")
    out.write(f"{'':<28}{'n':>7}  {'median':>6}  {'min–max':>7}  {'joint':>5}  values\n")
    for s in data["scales"]:
        label = f"{s['scale']} {guide.scale(s['scale']).label}"
        median = "-" if s["median"] is None else str(s["median"])
        span = "-" if s["min"] is None else f"{s['min']}–{s['max']}"
        joint = "-" if s["joint"] is None else str(s["joint"])
        values = " ".join(str(v) for v in s["values"])
        out.write(f"{label:<28}{s['n']:>3} av {s['present']:<2} {median:>6}  {span:>7}  {joint:>5}  {values}\n")
    return EXIT_OK


def _configure_csv(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument("file", help="the CSV file to write")
    parser.add_argument(
        "--round", type=positive_int, default=None, dest="round_", help="only this round (default: all)"
    )
    parser.add_argument("--names", action="store_true", help="with names (only when the group chose open mode)")
    parser.add_argument(
        "--by-gender",
        action="store_true",
        help="medians per gender instead (scales with a group of fewer than 3 are left blank)",
    )


@command("ratings-csv", "write the ratings as CSV (anonymous unless --names in open mode)", _configure_csv)
def _ratings_csv(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    path = check_target(args.file)
    snapshot = services.sessions.snapshot(args.session, with_previous=False)
    guide = load_guide(snapshot.session.language if snapshot.session.language in ("sv", "en") else "sv")
    if args.by_gender:
        text = "\ufeff" + gender_breakdown_csv(snapshot, guide, args.round_ or 1)
        write_output(path, lambda: write_atomic(path, text))
        return EXIT_OK
    try:
        write_output(path, lambda: write_ratings_csv(snapshot, guide, path, round_=args.round_, named=args.names))
    except NamesNotAllowed as error:
        raise InputError(str(error)) from error
    return EXIT_OK
