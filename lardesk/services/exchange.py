"""Use cases on exchange files: import one session, export one session, load the demo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from lardesk.importers.exchange import (
    EXTENSION,
    GENDER_TOTALS,
    KIND_OF_LIST,
    LOGIC_LISTS,
    MAX_FILE_BYTES,
    ExchangeError,
    read_exchange,
)
from lardesk.method.actions import ActionStatus
from lardesk.method.indicators import indicator_from_plain, indicators_to_json
from lardesk.method.limits import MAX_IMPROVEMENTS, MAX_ITEMS, MAX_LINKS, MAX_NOTES_TEXT, MAX_PARTICIPANTS
from lardesk.method.logic import DEFAULT_STATUS, ItemKind
from lardesk.method.messages import Message
from lardesk.method.snapshot import Anonymity
from lardesk.reports.exchange import dumps, snapshot_to_exchange
from lardesk.reports.files import FileTooLarge, read_regular_file, write_atomic
from lardesk.resources import resources_dir
from lardesk.services.base import Changed, Changes, InputError, ServiceBase
from lardesk.services.sessions import SessionService, check_parts, next_key
from lardesk.storage.models import (
    FollowUpSession,
    Improvement,
    JointAssessment,
    LogicItem,
    LogicLink,
    Note,
    Organisation,
    Participant,
    Rating,
)

DEMO_FILES = ("demo-2010.json", "example-bilaga1.json")
"""The guide's worksheet (Bilaga 1) as this year's session, and an invented session of the year before."""


def check_limits(document: dict[str, Any]) -> None:
    """Refuse a file that holds more than one session may (lardesk.method.limits), before anything is stored."""
    logic = document.get("logic", {})
    extension = document.get(EXTENSION, {})
    items = sum(len(logic.get(name, [])) for name, *_ in LOGIC_LISTS) + len(logic.get("starting_points", []))
    items += len(extension.get("starting_points", []))
    links = sum(
        len(entry.get(member, [])) for name, _k, member, _t in LOGIC_LISTS if member for entry in logic.get(name, [])
    )
    links += sum(len(entry.get("effects", [])) for entry in logic.get("starting_points", []) if isinstance(entry, dict))
    counted: tuple[tuple[str, int, int, Message], ...] = (
        ("/logic", items, MAX_ITEMS, Message("items of the program logic")),
        ("/logic", links, MAX_LINKS, Message("links")),
        ("/participants", len(document.get("participants", [])), MAX_PARTICIPANTS, Message("participants")),
        ("/improvements", len(document.get("improvements", [])), MAX_IMPROVEMENTS, Message("improvement actions")),
    )
    for place, count, limit, what in counted:
        if count > limit:
            raise InputError("a session holds at most {limit} {what}", place, limit=limit, what=what)
    if sum(len(note.get("text", "")) for note in document.get("notes", [])) > MAX_NOTES_TEXT:
        raise InputError(
            "the notes of a session hold at most {limit} characters together", "/notes", limit=MAX_NOTES_TEXT
        )


class ExchangeService(ServiceBase):
    def import_bytes(self, data: bytes | str) -> Changes:
        """Check and import one exchange file in one transaction: whole, or not at all."""
        try:
            document = read_exchange(data)
        except ExchangeError as error:
            raise InputError(error.template, error.pointer or "/", **error.params) from error
        return self.import_document(document)

    def import_file(self, path: str | Path) -> Changes:
        try:
            data = read_regular_file(path, MAX_FILE_BYTES)  # the limit is checked before anything is read
        except FileTooLarge as error:
            raise InputError(
                "the file is too large ({size} bytes; at most {limit})", size=error.size, limit=error.limit
            ) from error
        except OSError as error:
            raise InputError(
                "cannot read {path}: {reason}", path=str(path), reason=error.strerror or str(error)
            ) from error
        return self.import_bytes(data)

    def import_document(self, document: dict[str, Any]) -> Changes:
        check_limits(document)
        """Import a checked document (version 1 or 2) in one transaction."""
        extension: dict[str, Any] = document.get(EXTENSION, {})
        session_data = document["session"]
        version_1 = document["format_version"] == 1
        if version_1:  # what version 2 carries in the format itself travelled in x-lardesk
            anonymity = Anonymity(extension.get("anonymity", Anonymity.ROLES.value))
            case_number = str(extension.get("case_number", ""))[:100]
        else:
            anonymity = Anonymity(session_data.get("anonymity", Anonymity.ROLES.value))
            case_number = session_data.get("dnr", "")
        absent = set(extension.get("absent", []))
        carried = set(extension.get("carried_over", []))
        outcomes: dict[str, str] = extension.get("outcomes", {})
        with self.database.transaction() as db:
            org = document["organisation"]
            organisation = db.scalar(
                select(Organisation).where(Organisation.name == org["name"], Organisation.unit == org.get("unit", ""))
            )
            if organisation is None:
                organisation = Organisation(name=org["name"], unit=org.get("unit", ""))
                db.add(organisation)
            extra = {name: value for name, value in document.items() if name.startswith("x-") and name != EXTENSION}
            if extension.get("gender_totals"):  # an anonymous group's gender counts, kept for the next export
                extra[GENDER_TOTALS] = extension["gender_totals"]
            session = FollowUpSession(
                organisation=organisation,
                date=dt.date.fromisoformat(session_data["date"]),
                title=session_data.get("title", ""),
                period=session_data.get("period", ""),
                facilitator=session_data.get("facilitator", ""),
                case_number=case_number,
                language=session_data.get("language", "sv"),
                anonymity=anonymity.value,
                parts=check_parts(session_data.get("parts", range(1, 10))),
                defer_improvements=bool(extension.get("defer_improvements", False)),
                current_step="",
                revealed_rounds=",".join(str(r) for r in sorted(set(extension.get("revealed_rounds", [])))),
                extra=json.dumps(extra, ensure_ascii=False) if extra else "",
            )
            db.add(session)
            db.flush()
            participant_ids: dict[str, int] = {}
            for position, entry in enumerate(document.get("participants", [])):
                participant = Participant(
                    session_id=session.id,
                    key=entry["key"],
                    name=None if anonymity is Anonymity.ANONYMOUS else entry.get("name"),
                    role=entry.get("role", ""),
                    gender=entry.get("gender", "unspecified"),
                    present=entry["key"] not in absent,
                    position=position,
                )
                db.add(participant)
                db.flush()
                participant_ids[entry["key"]] = participant.id
            items: dict[tuple[ItemKind, str], LogicItem] = {}
            logic = document.get("logic", {})
            if version_1:
                for position, entry in enumerate(extension.get("starting_points", [])):
                    items[(ItemKind.STARTING_POINT, entry["key"])] = self._item(
                        session.id, ItemKind.STARTING_POINT, entry, position, carried=carried, outcomes={}
                    )
            for name, kind, _member, _target in LOGIC_LISTS:
                for position, entry in enumerate(logic.get(name, [])):
                    items[(kind, entry["key"])] = self._item(
                        session.id, kind, entry, position, carried=carried, outcomes=outcomes
                    )
            db.add_all(items.values())
            db.flush()
            target_kind = KIND_OF_LIST
            for name, kind, member, _target in LOGIC_LISTS:
                if member is None:
                    continue
                for entry in logic.get(name, []):
                    source = items[(kind, entry["key"])]
                    for target_key in entry.get(member, []):
                        target = items[(target_kind[member], target_key)]
                        db.add(LogicLink(session_id=session.id, source_id=source.id, target_id=target.id))
            for entry in document.get("notes", []):
                db.add(
                    Note(
                        session_id=session.id,
                        section=entry["section"],
                        question=entry.get("question", 0),
                        text=entry["text"],
                    )
                )
            for entry in document.get("ratings", []):
                db.add(
                    Rating(
                        session_id=session.id,
                        participant_id=participant_ids[entry["participant"]],
                        scale=entry["scale"],
                        round=entry.get("round", 1),
                        value=entry.get("value"),
                    )
                )
            for entry in document.get("joint", []):
                db.add(
                    JointAssessment(
                        session_id=session.id,
                        scale=entry["scale"],
                        value=entry["value"],
                        comment=entry.get("comment", ""),
                    )
                )
            done = set(extension.get("done_improvements", [])) if version_1 else set()
            entries = document.get("improvements", [])
            keys = [entry["key"] for entry in entries if "key" in entry]
            for position, entry in enumerate(entries):
                key = entry.get("key") or next_key(keys, "i")
                keys.append(key)
                status = ActionStatus.DONE if position in done else ActionStatus(entry.get("status", "open"))
                db.add(
                    Improvement(
                        session_id=session.id,
                        key=key,
                        scale=entry.get("scale"),
                        text=entry["text"],
                        owner=entry.get("owner", ""),
                        due=dt.date.fromisoformat(entry["due"]) if entry.get("due") else None,
                        status=status.value,
                        status_comment=entry.get("status_comment", ""),
                        status_date=dt.date.fromisoformat(entry["status_date"]) if entry.get("status_date") else None,
                        position=position,
                    )
                )
            self._flush(db, Message("the session"))
            return Changes(Changed.ALL, session.id, session.id)

    @staticmethod
    def _item(
        session_id: int,
        kind: ItemKind,
        entry: dict[str, Any],
        position: int,
        *,
        carried: set[str],
        outcomes: dict[str, str],
    ) -> LogicItem:
        name = f"{kind.value}:{entry['key']}"
        previous = entry.get("previous", {})
        dropped = entry.get("dropped")
        return LogicItem(
            session_id=session_id,
            kind=kind.value,
            key=entry["key"],
            text=entry["text"],
            outcome=entry.get("outcome", outcomes.get(name, "")),
            status=entry.get("status", DEFAULT_STATUS.get(kind)),
            unexpected=bool(entry.get("unexpected", False)),
            carried_over=bool(entry.get("carried_over", False)) or name in carried,
            previous_status=previous.get("status"),
            previous_outcome=previous.get("outcome"),
            dropped_reason=dropped["reason"] if dropped else None,
            category=entry.get("kind") if kind is ItemKind.STARTING_POINT else None,
            indicators=indicators_to_json([indicator_from_plain(plain) for plain in entry.get("indicators", [])]),
            budget_sek=entry.get("budget_sek"),
            spent_sek=entry.get("spent_sek"),
            position=position,
        )

    def export_document(self, session_id: int) -> dict[str, Any]:
        snapshot = SessionService(self.database).snapshot(session_id, with_previous=False)
        return snapshot_to_exchange(snapshot)

    def export_file(self, session_id: int, path: str | Path) -> None:
        text = dumps(self.export_document(session_id))
        try:
            write_atomic(path, text)
        except OSError as error:
            raise InputError(
                "cannot write {path}: {reason}", path=str(path), reason=error.strerror or str(error)
            ) from error

    def load_demo(self) -> int:
        """Load the guide's example session (and the year before it); returns the example's id.

        Loading it again gives the same session back instead of a copy.
        """
        sessions = SessionService(self.database)
        latest = None
        for name in DEMO_FILES:
            data = (resources_dir() / "demo" / name).read_bytes()
            document = read_exchange(data)
            org = document["organisation"]
            existing = self._find(org["name"], org.get("unit", ""), document["session"])
            latest = existing if existing is not None else self.import_document(document).new_id
        assert latest is not None
        previous = sessions.previous_session_id(latest)
        if previous is not None:
            with self.database.transaction() as db:
                row = db.get(FollowUpSession, latest)
                if row is not None and row.previous_session_id is None:
                    row.previous_session_id = previous
        return latest

    def _find(self, name: str, unit: str, session: dict[str, Any]) -> int | None:
        with self.database.reading() as db:
            return db.scalar(
                select(FollowUpSession.id)
                .join(Organisation)
                .where(
                    Organisation.name == name,
                    Organisation.unit == unit,
                    FollowUpSession.date == dt.date.fromisoformat(session["date"]),
                    FollowUpSession.title == session.get("title", ""),
                )
                .limit(1)
            )
