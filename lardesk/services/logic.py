"""Use cases on the program logic: items and the links between them."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from sqlalchemy import delete, func, or_, select, update

from lardesk.method.indicators import (
    INDICATOR_KINDS,
    Indicator,
    IndicatorError,
    check_indicator,
    indicators_to_json,
)
from lardesk.method.limits import MAX_ITEMS, MAX_LINKS
from lardesk.method.logic import (
    DEFAULT_STATUS,
    MAX_AMOUNT_SEK,
    ItemKind,
    StartingPointKind,
    can_link,
    status_allowed,
)
from lardesk.method.messages import Message, Term
from lardesk.method.snapshot import ItemInfo
from lardesk.services.base import Changed, Changes, InputError, ServiceBase, check_room, check_text
from lardesk.services.sessions import next_key
from lardesk.storage.models import FollowUpSession, LogicItem, LogicLink

KEY_PREFIX: dict[ItemKind, str] = {
    ItemKind.STARTING_POINT: "s",
    ItemKind.RESOURCE: "r",
    ItemKind.ACTIVITY: "a",
    ItemKind.RESULT: "res",
    ItemKind.MEDIATOR: "m",
    ItemKind.EFFECT: "e",
}
TEXT_MAX = 2000
OUTCOME_MAX = 5000
REASON_MAX = 2000
KEY_PATTERN = re.compile(r"[A-Za-z0-9_.-]{1,64}")
SESSION = Message("session")
ITEM = Message("item")


def _kind(value: ItemKind | str) -> ItemKind:
    try:
        return ItemKind(value)
    except ValueError as error:
        raise InputError("unknown kind of item {value!r}", value=value) from error


def _amount(value: object, what: Message) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InputError("{what} must be an amount in kronor", what=what)
    if isinstance(value, str):
        compact = "".join(value.split())
        ambiguous = re.fullmatch(r"([1-9]\d{0,2})[,.](\d{3})", compact)
        if ambiguous:  # "1,500": a thousand five hundred (as English groups it), or one and a half kronor?
            whole, part = ambiguous.groups()
            raise InputError(
                "{what}: {value!r} can be read two ways: write {grouped} or {decimal}",
                what=what,
                value=value,
                grouped=f"{whole} {part}",
                decimal=f"{whole},{part.rstrip('0') or '0'}",
            )
    try:
        # "12 500 000" as the editor shows it: any space (also no-break and thin) groups digits; a comma is decimal
        amount = float("".join(value.split()).replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError as error:
        raise InputError("{what} must be an amount in kronor, not {value!r}", what=what, value=value) from error
    if not math.isfinite(amount) or amount < 0:
        raise InputError("{what} must be zero or more", what=what)
    if amount > MAX_AMOUNT_SEK:
        raise InputError("{what} must be an amount in kronor, not {value!r}", what=what, value=value)
    return amount


def _category(value: object) -> str | None:
    if value is None:
        return None
    try:
        return StartingPointKind(str(value)).value
    except ValueError as error:
        raise InputError("a starting point is a goal, a problem or other, not {value!r}", value=value) from error


def check_indicators(indicators: Sequence[Indicator]) -> tuple[Indicator, ...]:
    """The indicators checked and tidied (see lardesk.method.indicators.check_indicator), each with a key the
    exchange format allows, unique on the item; InputError otherwise."""
    keys: set[str] = set()
    checked = []
    for indicator in indicators:
        if not isinstance(indicator.key, str) or not KEY_PATTERN.fullmatch(indicator.key) or indicator.key in keys:
            raise InputError("{key!r} is not a free key for an indicator", key=indicator.key)
        keys.add(indicator.key)
        try:
            checked.append(check_indicator(indicator))
        except IndicatorError as error:
            raise InputError(error.template, "", **error.params) from error
    return tuple(checked)


def _status(value: object) -> object:
    """A status as the message shows it: the guide's word when it is a known status."""
    return Term(value) if isinstance(value, str) else value


class LogicService(ServiceBase):
    def add_item(
        self,
        session_id: int,
        kind: ItemKind | str,
        text: str,
        *,
        status: str | None = None,
        outcome: str = "",
        position: int | None = None,
        key: str | None = None,
        category: StartingPointKind | str | None = None,
    ) -> Changes:
        item_kind = _kind(kind)
        if category is not None and item_kind is not ItemKind.STARTING_POINT:
            raise InputError("only a starting point is a goal or a problem")
        check_text(text, Message("the text"), max_length=TEXT_MAX, required=True)
        check_text(outcome, Message("the outcome"), max_length=OUTCOME_MAX)
        status = status or DEFAULT_STATUS.get(item_kind)
        if not status_allowed(item_kind, status):
            raise InputError(
                "{status!r} is not a status of a {kind}", status=_status(status), kind=Term(item_kind.value)
            )
        with self.database.transaction() as db:
            self._get(db, FollowUpSession, session_id, SESSION)
            check_room(db, LogicItem.session_id, session_id, MAX_ITEMS, Message("items of the program logic"))
            same_kind = (LogicItem.session_id == session_id) & (LogicItem.kind == item_kind.value)
            if position is None:
                position = int(
                    db.scalar(select(func.coalesce(func.max(LogicItem.position) + 1, 0)).where(same_kind)) or 0
                )
            else:
                db.execute(
                    update(LogicItem)
                    .where(same_kind, LogicItem.position >= position)
                    .values(position=LogicItem.position + 1)
                )
            keys = db.scalars(select(LogicItem.key).where(same_kind)).all()
            row = LogicItem(
                session_id=session_id,
                kind=item_kind.value,
                key=key or next_key(keys, KEY_PREFIX[item_kind]),
                text=text.strip(),
                outcome=outcome,
                status=status,
                unexpected=False,
                carried_over=False,
                category=_category(category),
                position=position,
            )
            db.add(row)
            self._flush(db, Message("the item"))
            return Changes(Changed.LOGIC, session_id, row.id)

    def update_item(self, item_id: int, **fields: object) -> Changes:
        """Change text, outcome, status, unexpected, budget_sek, spent_sek or (a starting point's) category."""
        with self.database.transaction() as db:
            row = self._get(db, LogicItem, item_id, ITEM)
            kind = ItemKind(row.kind)
            for name, value in fields.items():
                if name == "text":
                    row.text = check_text(str(value), Message("the text"), max_length=TEXT_MAX, required=True).strip()
                elif name == "outcome":
                    row.outcome = check_text(str(value), Message("the outcome"), max_length=OUTCOME_MAX)
                elif name == "status":
                    if not status_allowed(kind, None if value is None else str(value)) or (
                        value is None and kind in DEFAULT_STATUS
                    ):
                        raise InputError(
                            "{status!r} is not a status of a {kind}", status=_status(value), kind=Term(kind.value)
                        )
                    row.status = None if value is None else str(value)
                elif name == "unexpected":
                    if kind not in (ItemKind.RESULT, ItemKind.EFFECT) and value:
                        raise InputError("only results and effects can be marked unexpected")
                    row.unexpected = bool(value)
                elif name in ("budget_sek", "spent_sek"):
                    if kind is not ItemKind.RESOURCE and value is not None:
                        raise InputError("only resources carry amounts")
                    setattr(row, name, _amount(value, Message("the amount")))
                elif name == "category":
                    if kind is not ItemKind.STARTING_POINT and value is not None:
                        raise InputError("only a starting point is a goal or a problem")
                    row.category = _category(value)
                else:
                    raise InputError("an item has no field {name!r}", name=name)
            return Changes(Changed.LOGIC, row.session_id)

    def drop_item(self, item_id: int, reason: str) -> Changes:
        """Struken: the item stays on the board, greyed, and takes no part in any rule (a reason is needed)."""
        reason = check_text(reason, Message("the reason"), max_length=REASON_MAX, required=True).strip()
        with self.database.transaction() as db:
            row = self._get(db, LogicItem, item_id, ITEM)
            row.dropped_reason = reason
            return Changes(Changed.LOGIC, row.session_id)

    def restore_item(self, item_id: int) -> Changes:
        """Undo :meth:`drop_item`: the item takes part in the rules again."""
        with self.database.transaction() as db:
            row = self._get(db, LogicItem, item_id, ITEM)
            row.dropped_reason = None
            return Changes(Changed.LOGIC, row.session_id)

    def set_indicators(self, item_id: int, indicators: Sequence[Indicator]) -> Changes:
        """Replace the indicators of a starting point, result or effect (all of them, in this order)."""
        indicators = check_indicators(indicators)
        with self.database.transaction() as db:
            row = self._get(db, LogicItem, item_id, ITEM)
            if indicators and ItemKind(row.kind) not in INDICATOR_KINDS:
                raise InputError("only starting points, results and effects carry indicators")
            row.indicators = indicators_to_json(indicators)
            return Changes(Changed.LOGIC, row.session_id)

    def move_item(self, item_id: int, position: int) -> Changes:
        """Put an item at ``position`` (0-based) within its column."""
        with self.database.transaction() as db:
            row = self._get(db, LogicItem, item_id, ITEM)
            siblings = list(
                db.scalars(
                    select(LogicItem)
                    .where(LogicItem.session_id == row.session_id, LogicItem.kind == row.kind)
                    .order_by(LogicItem.position, LogicItem.id)
                )
            )
            siblings.remove(row)
            siblings.insert(max(0, min(position, len(siblings))), row)
            for index, sibling in enumerate(siblings):
                sibling.position = index
            return Changes(Changed.LOGIC, row.session_id)

    def delete_item(self, item_id: int) -> Changes:
        with self.database.transaction() as db:
            row = self._get(db, LogicItem, item_id, ITEM)
            db.execute(delete(LogicLink).where(or_(LogicLink.source_id == item_id, LogicLink.target_id == item_id)))
            db.delete(row)
            return Changes(Changed.LOGIC, row.session_id)

    def put_back_item(self, session_id: int, item: ItemInfo, links: Sequence[tuple[int, int]]) -> Changes:
        """Undo :meth:`delete_item` in one transaction: the item comes back whole (key, text, status, marks,
        amounts, indicators, its place in the column) with its ``links`` (source, target; ``item.id`` stands
        for the item itself, which gets a new id: ``Changes.new_id``). A link whose other end is gone is left
        out."""
        with self.database.transaction() as db:
            self._get(db, FollowUpSession, session_id, SESSION)
            same_kind = (LogicItem.session_id == session_id) & (LogicItem.kind == item.kind.value)
            taken = db.scalar(select(LogicItem.id).where(same_kind, LogicItem.key == item.key))
            occupied = db.scalar(select(LogicItem.id).where(same_kind, LogicItem.position == item.position))
            if occupied is not None:  # its place was taken since: the others make room (else the gap is its)
                db.execute(
                    update(LogicItem)
                    .where(same_kind, LogicItem.position >= item.position)
                    .values(position=LogicItem.position + 1)
                )
            row = LogicItem(
                session_id=session_id,
                kind=item.kind.value,
                key=item.key
                if taken is None
                else next_key(db.scalars(select(LogicItem.key).where(same_kind)).all(), KEY_PREFIX[item.kind]),
                text=item.text,
                outcome=item.outcome,
                status=item.status,
                unexpected=item.unexpected,
                carried_over=item.carried_over,
                previous_status=item.previous_status,
                previous_outcome=item.previous_outcome,
                dropped_reason=item.dropped_reason,
                category=item.category.value if item.category is not None else None,
                indicators=indicators_to_json(item.indicators),
                budget_sek=item.budget_sek,
                spent_sek=item.spent_sek,
                position=item.position,
            )
            db.add(row)
            self._flush(db, Message("the item"))
            for first, second in links:
                source = row.id if first == item.id else first
                target = row.id if second == item.id else second
                other = db.get(LogicItem, target if source == row.id else source)
                if other is not None and other.session_id == session_id:
                    db.add(LogicLink(session_id=session_id, source_id=source, target_id=target))
            return Changes(Changed.LOGIC, session_id, row.id)

    def add_link(self, source_id: int, target_id: int) -> Changes:
        """Link the item that supports to the item supported (the direction is put right if reversed)."""
        with self.database.transaction() as db:
            source = self._get(db, LogicItem, source_id, ITEM)
            target = self._get(db, LogicItem, target_id, ITEM)
            if source.session_id != target.session_id:
                raise InputError("items of different sessions cannot be linked")
            check_room(db, LogicLink.session_id, source.session_id, MAX_LINKS, Message("links"))
            source_kind, target_kind = ItemKind(source.kind), ItemKind(target.kind)
            if not can_link(source_kind, target_kind):
                if can_link(target_kind, source_kind):
                    source, target = target, source
                else:
                    raise InputError(
                        "a {source} cannot be linked to a {target}",
                        source=Term(source_kind.value),
                        target=Term(target_kind.value),
                    )
            exists = db.scalar(
                select(LogicLink.id).where(LogicLink.source_id == source.id, LogicLink.target_id == target.id)
            )
            if exists is None:
                db.add(LogicLink(session_id=source.session_id, source_id=source.id, target_id=target.id))
            return Changes(Changed.LOGIC, source.session_id)

    def remove_link(self, source_id: int, target_id: int) -> Changes:
        with self.database.transaction() as db:
            source = self._get(db, LogicItem, source_id, ITEM)
            db.execute(
                delete(LogicLink).where(
                    or_(
                        (LogicLink.source_id == source_id) & (LogicLink.target_id == target_id),
                        (LogicLink.source_id == target_id) & (LogicLink.target_id == source_id),
                    )
                )
            )
            return Changes(Changed.LOGIC, source.session_id)
