"""Several units' follow-ups over several years, for the overview's and the actions' tests.

Each session is an exchange document imported through the services (as a user's file would be); the
expected figures of every test are worked out here by hand from the rules (``shared/domain.md``, issue 15),
next to the data they come from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lardesk.method.actions import ActionStatus
from lardesk.services import Services


def document(  # noqa: PLR0917 - a session's parts
    organisation: str,
    unit: str,
    date: str,
    ratings: dict[int, list[int | None]],
    joint: dict[int, int],
    logic: dict[str, list[dict[str, Any]]] | None = None,
    improvements: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """``ratings`` maps a scale to each participant's value (None: abstained), participants p1, p2, … in order."""
    people = max((len(values) for values in ratings.values()), default=0)
    return {
        "format": "lardesk-session",
        "format_version": 1,
        "organisation": {"name": organisation, "unit": unit},
        "session": {"date": date, "language": "sv"},
        "participants": [
            {"key": f"p{n}", "name": f"Person {n}", "role": "Chef", "gender": "woman"} for n in range(1, people + 1)
        ],
        "logic": logic or {},
        "ratings": [
            {"participant": f"p{n}", "scale": scale, "value": value}
            for scale, values in ratings.items()
            for n, value in enumerate(values, start=1)
        ],
        "joint": [{"scale": scale, "value": value, "comment": "Enig."} for scale, value in joint.items()],
        "improvements": improvements or [],
    }


@dataclass
class Imported:
    ids: dict[str, int] = field(default_factory=dict)
    """Session ids by a short name (a1, a2, t1, b1, b2)."""


# Alfa kommun – Socialförvaltningen, 2024 and 2025. The 2025 session has four participants (p4 absent: her
# ratings do not count), a small program logic and four actions: one open and past its date, one in progress,
# one done and one open without a date.
ALFA_2025_LOGIC: dict[str, list[dict[str, Any]]] = {
    "resources": [{"key": "r1", "text": "Tid", "activities": ["a1"]}, {"key": "r2", "text": "Pengar"}],
    "activities": [
        {"key": "a1", "text": "Utbilda chefer", "status": "implemented", "results": ["res1"]},
        {"key": "a2", "text": "Ta fram statistik", "status": "not_implemented"},
    ],
    "results": [
        {"key": "res1", "text": "Chefer kan analysera", "status": "achieved"},
        {"key": "res2", "text": "Statistik könsuppdelad", "status": "not_achieved", "effects": ["e1"]},
    ],
    "mediators": [{"key": "m1", "text": "Beslut i nämnden", "results": ["res2"]}],
    "effects": [{"key": "e1", "text": "Likvärdig service"}, {"key": "e2", "text": "Förtroende"}],
}
ALFA_2025_FINDINGS = {
    # G1 activity → no result: a2. G2 result ← no activity: res2. G3 effect ← no result: e2.
    # G4 result → no effect: res1. G5 (achieved) result without mediating instance: res1 (m1 carries res2 on).
    # G6 activity ← no resource: a2. G7 resource → no activity: r2. S1 not implemented: a2. S2 not achieved: res2.
    # No starting points (no G8), nothing carried over (no S4), and res1's one activity was implemented (no S3).
    "G1": 1,
    "G2": 1,
    "G3": 1,
    "G4": 1,
    "G5": 1,
    "G6": 1,
    "G7": 1,
    "S1": 1,
    "S2": 1,
}


def import_all(services: Services) -> Imported:
    imported = Imported()

    def add(name: str, doc: dict[str, Any]) -> int:
        new_id = services.exchange.import_bytes(_bytes(doc)).new_id
        assert new_id is not None
        imported.ids[name] = new_id
        return new_id

    add(
        "a1",
        document(
            "Alfa kommun",
            "Socialförvaltningen",
            "2024-11-10",
            ratings={1: [5, 6, 7], 9: [4, 4, 5]},
            joint={1: 7, 2: 5, 9: 4},
            improvements=[
                {"scale": 1, "text": "Mål i verksamhetsplanen", "owner": "Förvaltningschef", "due": "2025-06-30"},
                {"scale": 9, "text": "Nätverk för strateger", "owner": "Strateg", "due": "2025-03-31"},
            ],
        ),
    )
    a2 = add(
        "a2",
        document(
            "Alfa kommun",
            "Socialförvaltningen",
            "2025-11-12",
            # p4 is made absent below: her 10s do not count.
            ratings={1: [4, 6, 7, 10], 2: [5, None, 8, 10], 3: [3, 3, 8, 10], 9: [6, 7, 5, 10]},
            joint={1: 7, 9: 6, 3: 2},
            logic=ALFA_2025_LOGIC,
            improvements=[
                {"scale": 1, "text": "Öppen, försenad", "owner": "Chef A", "due": "2026-03-01"},
                {"scale": 3, "text": "Öppen, i tid", "owner": "Chef B", "due": "2026-12-31"},
                {"scale": 5, "text": "Klar", "owner": "Chef A", "due": "2026-02-01"},
                {"scale": 9, "text": "Utan datum", "owner": ""},
            ],
        ),
    )
    by_text = {a.text: a for a in services.overview.actions()}
    services.sessions.set_action_status(by_text["Klar"].id, ActionStatus.DONE, date=dt.date(2026, 2, 1))
    services.sessions.set_action_status(
        by_text["Öppen, i tid"].id, ActionStatus.IN_PROGRESS, "Påbörjad i mars", date=dt.date(2026, 3, 15)
    )
    snapshot = services.sessions.snapshot(a2, with_previous=False)
    absent = next(p for p in snapshot.participants if p.key == "p4")
    services.sessions.update_participant(absent.id, present=False)
    add(
        "t1",
        document(
            "Alfa kommun",
            "Tekniska förvaltningen",
            "2023-05-01",
            ratings={9: [8, 9]},
            joint={9: 8},
            improvements=[{"text": "Gammal åtgärd", "owner": "Teknikchef", "due": "2023-12-31"}],
        ),
    )
    # Beta region (no unit): two follow-ups on one day; the one created last is the latest.
    add("b1", document("Beta region", "", "2025-02-02", ratings={9: [5, 5, 5]}, joint={9: 5}))
    add("b2", document("Beta region", "", "2025-02-02", ratings={9: [6, 7, 8]}, joint={9: 3}))
    return imported


def _bytes(doc: dict[str, Any]) -> bytes:
    import json

    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


TODAY = dt.date(2026, 6, 1)
