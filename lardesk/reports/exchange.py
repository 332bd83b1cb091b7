"""Writing the session exchange file (``lardesk-session``, format version 2): a pure function of a snapshot.

Reading and checking a file is an importer's work: :mod:`lardesk.importers.exchange`, which also holds the
format's names and constants.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from lardesk.importers.exchange import (
    CARRIED_KINDS,
    EXTENSION,
    FORMAT,
    FORMAT_VERSION,
    GENDER_TOTALS,
    INDICATOR_KINDS,
    LOGIC_LISTS,
)
from lardesk.method.indicators import indicator_to_plain
from lardesk.method.logic import ItemKind
from lardesk.method.snapshot import Anonymity, ItemInfo, SessionSnapshot
from lardesk.method.stats import MIN_GROUP_SIZE

# -- writing ---------------------------------------------------------------------------------------------


def _amount(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _drop_empty(entry: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in entry.items() if value not in (None, "", [], {}, False)}


def _item_entry(
    snapshot: SessionSnapshot, item: ItemInfo, member: str | None, key_of: dict[int, str]
) -> dict[str, Any]:
    kind = item.kind
    entry: dict[str, Any] = {"key": item.key, "text": item.text}
    if kind is ItemKind.STARTING_POINT:
        if item.category is not None:
            entry["kind"] = item.category.value
    elif item.outcome:
        entry["outcome"] = item.outcome
    if item.status is not None:
        entry["status"] = item.status
    if member is not None:
        targets = [key_of[link.target_id] for link in snapshot.links if link.source_id == item.id]
        if targets:
            entry[member] = targets
    if kind in (ItemKind.RESULT, ItemKind.EFFECT) and item.unexpected:
        entry["unexpected"] = True
    if kind is ItemKind.RESOURCE:
        if item.budget_sek is not None:
            entry["budget_sek"] = _amount(item.budget_sek)
        if item.spent_sek is not None:
            entry["spent_sek"] = _amount(item.spent_sek)
    if item.dropped_reason is not None:
        entry["dropped"] = {"reason": item.dropped_reason}
    if kind in CARRIED_KINDS:
        if item.carried_over:
            entry["carried_over"] = True
        previous = _drop_empty({"status": item.previous_status, "outcome": item.previous_outcome})
        if previous:
            entry["previous"] = previous
    if kind in INDICATOR_KINDS and item.indicators:
        entry["indicators"] = [indicator_to_plain(indicator) for indicator in item.indicators]
    return entry


def _participant_entries(snapshot: SessionSnapshot) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The participants as the session's anonymity allows them beside their ratings, and the gender counts
    (totals only) when the genders were left out.

    The file carries each person's ratings, so what stands beside a participant's key can identify them:

    - open: name, role and gender;
    - roles: a role only where at least MIN_GROUP_SIZE (3) people hold it; the genders only when every gender
      present is shared by at least 3 (1 man among 5 women: his ratings could be read off), otherwise as
      totals; never a name;
    - anonymous: the key alone; the gender distribution travels as totals in x-lardesk (``gender_totals``).
    """
    people = snapshot.participants
    mode = snapshot.session.anonymity
    roles = Counter(p.role for p in people if p.role)
    genders = Counter(p.gender.value for p in people)
    entries: list[dict[str, Any]] = []
    for p in people:
        if mode is Anonymity.OPEN:
            entries.append(_drop_empty({"key": p.key, "name": p.name, "role": p.role, "gender": p.gender.value}))
        elif mode is Anonymity.ROLES:
            role = p.role if roles[p.role] >= MIN_GROUP_SIZE else None
            # all genders or none: leaving out only the small group's would point at it all the same
            gender = p.gender.value if min(genders.values()) >= MIN_GROUP_SIZE else None
            entries.append(_drop_empty({"key": p.key, "role": role, "gender": gender}))
        else:
            entries.append({"key": p.key})
    kept = snapshot.extra.get(GENDER_TOTALS)  # the totals an imported file carried (its people came without)
    if (
        mode is not Anonymity.OPEN
        and isinstance(kept, dict)
        and sum(kept.values()) == len(people)
        and set(genders) == {"unspecified"}
    ):
        return [{k: v for k, v in entry.items() if k != "gender"} for entry in entries], dict(sorted(kept.items()))
    withheld = any("gender" not in entry for entry in entries)
    if withheld and any(p.gender.value != "unspecified" for p in people):
        return entries, dict(sorted(genders.items()))
    return entries, {}


def snapshot_to_exchange(snapshot: SessionSnapshot) -> dict[str, Any]:
    """The exchange document (version 2) of a session. Keys of imported items are written back as they were."""
    info = snapshot.session
    organisation: dict[str, Any] = {"name": info.organisation.name}
    if info.organisation.unit:
        organisation["unit"] = info.organisation.unit
    session = _drop_empty(
        {
            "title": info.title,
            "date": info.date.isoformat(),
            "period": info.period,
            "facilitator": info.facilitator,
        }
    )
    session["date"] = info.date.isoformat()
    session["parts"] = sorted(info.parts)
    session["language"] = info.language
    if info.case_number:
        session["dnr"] = info.case_number
    session["anonymity"] = info.anonymity.value
    participants, withheld_genders = _participant_entries(snapshot)
    key_of = {item.id: item.key for item in snapshot.items}
    logic: dict[str, list[dict[str, Any]]] = {}
    for name, kind, member, _target in LOGIC_LISTS:
        entries = [_item_entry(snapshot, item, member, key_of) for item in snapshot.items_of(kind)]
        if entries:
            logic[name] = entries
    notes = []
    for note in snapshot.notes:
        entry = {"section": note.section, "text": note.text}
        if note.question:
            entry = {"section": note.section, "question": note.question, "text": note.text}
        notes.append(entry)
    participant_key = {p.id: p.key for p in snapshot.participants}
    order = {p.id: index for index, p in enumerate(snapshot.participants)}
    ratings = []
    for rating in sorted(snapshot.ratings, key=lambda r: (r.round, order[r.participant_id], r.scale)):
        entry = {"participant": participant_key[rating.participant_id], "scale": rating.scale}
        if rating.round != 1:
            entry["round"] = rating.round
        entry["value"] = rating.value
        ratings.append(entry)
    joint = [
        {"scale": j.scale, "value": j.value, **({"comment": j.comment} if j.comment else {})} for j in snapshot.joint
    ]
    improvements = [
        {
            **_drop_empty(
                {
                    "key": improvement.key,
                    "scale": improvement.scale,
                    "text": improvement.text,
                    "owner": improvement.owner,
                    "due": improvement.due.isoformat() if improvement.due else None,
                }
            ),
            "status": improvement.status.value,
            **_drop_empty(
                {
                    "status_comment": improvement.status_comment,
                    "status_date": improvement.status_date.isoformat() if improvement.status_date else None,
                }
            ),
        }
        for improvement in snapshot.improvements
    ]
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "organisation": organisation,
        "session": session,
    }
    members: tuple[tuple[str, object], ...] = (
        ("participants", participants),
        ("logic", logic),
        ("notes", notes),
        ("ratings", ratings),
        ("joint", joint),
        ("improvements", improvements),
    )
    for name, value in members:
        if value:
            document[name] = value
    extension = _drop_empty(
        {
            "defer_improvements": info.defer_improvements,
            # carried over, of the kinds whose entries have no place for it (resources, mediators, starting points)
            "carried_over": [
                f"{item.kind.value}:{item.key}"
                for item in snapshot.items
                if item.carried_over and item.kind not in CARRIED_KINDS
            ],
            "outcomes": {
                f"{item.kind.value}:{item.key}": item.outcome
                for item in snapshot.items_of(ItemKind.STARTING_POINT)
                if item.outcome
            },
            "absent": [p.key for p in snapshot.participants if not p.present],
            "revealed_rounds": sorted(info.revealed_rounds),
            "gender_totals": withheld_genders,
        }
    )
    for name, value in snapshot.extra.items():
        if name not in (EXTENSION, GENDER_TOTALS) and name.startswith("x-"):
            document[name] = value
    if extension:  # nothing of lardesk's own: no empty member
        document[EXTENSION] = extension
    return document


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
