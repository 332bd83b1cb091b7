"""Realistic data for benchmarks and fixture databases, as exchange documents (no randomness: the same every
time, so figures and fixtures can be compared between runs)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

GENDERS = ("woman", "man", "woman", "other", "unspecified", "man")
ROLES = ("Förvaltningschef", "Avdelningschef", "Enhetschef", "Controller", "HR-strateg", "Verksamhetsutvecklare")
WORDS = (  # noqa: SIM905 - a sentence is easier to read than a list of words
    "jämställdhet kvinnor män resurser analys statistik brukare uppföljning beslut nämnd förvaltning mål effekt "
    "resultat aktivitet utbildning chefer styrdokument könsuppdelad delaktighet lärande process struktur"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def session_document(
    organisation: str,
    year: int,
    *,
    participants: int = 30,
    items: int = 200,
    notes: int = 40,
    seed: int = 0,
) -> dict[str, Any]:
    """One session: ``participants`` people who all rate all nine scales, ``items`` linked logic items
    (a tenth resources, three tenths activities and results, a tenth mediators, two tenths effects)."""
    rng = random.Random(f"{organisation}-{year}-{seed}")
    people = [
        {"key": f"p{n}", "name": f"Deltagare {n}", "role": ROLES[n % len(ROLES)], "gender": GENDERS[n % len(GENDERS)]}
        for n in range(1, participants + 1)
    ]
    counts = {
        "resources": items // 10,
        "activities": items * 3 // 10,
        "results": items * 3 // 10,
        "mediators": items // 10,
    }
    counts["effects"] = items - sum(counts.values())
    prefix = {"resources": "r", "activities": "a", "results": "res", "mediators": "m", "effects": "e"}
    keys = {name: [f"{prefix[name]}{n}" for n in range(1, count + 1)] for name, count in counts.items()}
    targets = {"resources": "activities", "activities": "results", "results": "effects", "mediators": "results"}
    logic: dict[str, list[dict[str, Any]]] = {}
    for name, names in keys.items():
        entries = []
        for key in names:
            entry: dict[str, Any] = {"key": key, "text": _sentence(rng, rng.randint(5, 14))}
            target = targets.get(name)
            if target and keys[target] and rng.random() < 0.85:
                entry[target] = rng.sample(keys[target], min(len(keys[target]), rng.randint(1, 3)))
            if name == "activities":
                entry["status"] = rng.choice(["planned", "implemented", "partly_implemented", "not_implemented"])
                if rng.random() < 0.5:
                    entry["outcome"] = _sentence(rng, 12)
            elif name == "results":
                entry["status"] = rng.choice(["expected", "achieved", "partly_achieved", "not_achieved"])
            elif name == "resources":
                entry["budget_sek"] = rng.randrange(10_000, 2_000_000, 1000)
                entry["spent_sek"] = rng.randrange(0, 2_000_000, 1000)
            entries.append(entry)
        logic[name] = entries
    ratings = [
        {"participant": p["key"], "scale": scale, "value": None if rng.random() < 0.03 else rng.randint(2, 9)}
        for p in people
        for scale in range(1, 10)
    ]
    places = [(section, question) for section in range(1, 10) for question in range(1, 11)]
    return {
        "format": "lardesk-session",
        "format_version": 1,
        "organisation": {"name": organisation, "unit": "Kommunledningsförvaltningen"},
        "session": {
            "title": f"Lärande uppföljning {year}",
            "date": dt.date(year, 11, 15).isoformat(),
            "period": str(year),
            "facilitator": "Jämställdhetsstrateg",
            "language": "sv",
        },
        "participants": people,
        "logic": logic,
        "notes": [
            {"section": s, "question": q, "text": _sentence(rng, rng.randint(20, 80))} for s, q in places[:notes]
        ],
        "ratings": ratings,
        "joint": [
            {"scale": scale, "value": rng.randint(3, 8), "comment": _sentence(rng, 10)} for scale in range(1, 10)
        ],
        "improvements": [
            {"scale": 1 + n % 9, "text": _sentence(rng, 12), "owner": ROLES[n % len(ROLES)], "due": f"{year + 1}-06-30"}
            for n in range(12)
        ],
    }


def big_session(year: int = 2026) -> dict[str, Any]:
    """The benchmark's session: 30 participants and 200 logic items."""
    return session_document("Storkommunen", year, participants=30, items=200, notes=60)


def yearly_session(organisation: int, year: int) -> dict[str, Any]:
    """A typical session of the start-up database (100 organisations × 10 years)."""
    return session_document(
        f"Organisation {organisation:03d}", year, participants=8, items=24, notes=12, seed=organisation
    )
