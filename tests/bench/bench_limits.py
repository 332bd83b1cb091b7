"""A session at the limits lardesk accepts (lardesk.method.limits): every command must stay within a few seconds
and a few hundred MB. Builds the fullest session the limits allow (items, links, participants with every
rating, a note of the longest size on every question, actions), imports it, and times ``lardesk minutes``
(PDF and DOCX), ``export``, ``findings`` and ``stats`` in their own processes, with their peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from lardesk.method import limits
from lardesk.method.guide import load_guide

REPO = Path(__file__).resolve().parents[2]


def fullest_document() -> dict[str, Any]:
    per_kind = limits.MAX_ITEMS // 5
    kinds = ("resources", "activities", "results", "mediators", "effects")
    logic: dict[str, list[dict[str, Any]]] = {
        kind: [{"key": f"{kind[0]}{n}", "text": f"{kind} {n}: " + "ord " * 30} for n in range(per_kind)]
        for kind in kinds
    }
    links = 0
    onward = {"resources": ("activities", "activities"), "activities": ("results", "results")}
    onward |= {"results": ("effects", "effects"), "mediators": ("results", "results")}
    for kind, (member, target) in onward.items():
        for n, entry in enumerate(logic[kind]):
            targets = [f"{target[0]}{(n + k) % per_kind}" for k in range(4)]
            room = limits.MAX_LINKS - links
            entry[member] = targets[: max(0, min(4, room))]
            links += len(entry[member])
    participants = [
        {"key": f"p{n}", "role": f"Roll {n % 5}", "gender": ("woman", "man")[n % 2]}
        for n in range(limits.MAX_PARTICIPANTS)
    ]
    ratings = [
        {"participant": p["key"], "scale": scale, "value": 1 + (n + scale) % 10}
        for n, p in enumerate(participants)
        for scale in range(1, 10)
    ]
    guide = load_guide("sv")
    places = [(section.number, q + 1) for section in guide.sections for q in range(len(section.questions))]
    size = limits.MAX_NOTES_TEXT // len(places)
    notes = [{"section": s, "question": q, "text": ("Vi diskuterade länge. " * 2000)[:size]} for s, q in places]
    improvements = [
        {"scale": 1 + n % 9, "text": f"Åtgärd {n}: " + "gör så här " * 10, "owner": "Chef", "due": "2027-06-30"}
        for n in range(limits.MAX_IMPROVEMENTS)
    ]
    return {
        "format": "lardesk-session",
        "format_version": 2,
        "organisation": {"name": "Gränskommunen"},
        "session": {"date": "2026-11-25", "title": "Vid gränserna", "parts": list(range(1, 10))},
        "participants": participants,
        "logic": logic,
        "notes": notes,
        "ratings": ratings,
        "improvements": improvements,
    }


def timed(*args: str) -> tuple[float, float, str]:
    """Seconds and peak MB of one lardesk command in its own process."""
    code = (
        "import resource, sys, time; from lardesk.launch import main; t = time.perf_counter(); "
        "c = main(sys.argv[1:]); "
        "print('@@', time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
        "file=sys.stderr); sys.exit(c)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO, check=False, timeout=900
    )
    line = [row for row in done.stderr.splitlines() if row.startswith("@@")]
    if done.returncode != 0 or not line:
        return float("nan"), float("nan"), done.stderr[-500:]
    _, seconds, megabytes = line[0].split()
    return float(seconds), float(megabytes), ""


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        path = directory / "full.json"
        path.write_text(json.dumps(fullest_document(), ensure_ascii=False), encoding="utf-8")
        figures["file_mb"] = path.stat().st_size / 1e6
        data = directory / "data"
        base = ("--data-dir", str(data))
        seconds, mb, problem = timed(*base, "import", str(path))
        if problem:
            print(problem, file=sys.stderr)
        figures |= {"import_s": seconds, "import_mb": mb}
        session = "1"
        for name, args in (
            ("minutes_pdf", ("minutes", session, str(directory / "p.pdf"))),
            ("minutes_docx", ("minutes", session, str(directory / "p.docx"))),
            ("export", ("export", session, str(directory / "ut.json"))),
            ("findings", ("findings", session, "--json")),
            ("stats", ("stats", session, "--json")),
        ):
            seconds, mb, problem = timed(*base, *args)
            if problem:
                print(name, problem, file=sys.stderr)
            figures[f"{name}_s"], figures[f"{name}_mb"] = seconds, mb
        if (directory / "p.pdf").exists():
            figures["minutes_pdf_kb"] = (directory / "p.pdf").stat().st_size / 1024
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>20} {value:10.2f}")
