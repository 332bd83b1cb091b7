"""Indicators on starting points, results and effects: add, change and remove them and their figures.

Each call is one short transaction: it reads the item's indicators, changes one thing, checks the whole
indicator again (:func:`lardesk.method.indicators.check_indicator`: shares 0–100, women + men ≤ 100 for a
share of a whole, a count's parts ≤ its total, each period once) and writes them back; bad input changes
nothing and says why. Figures may be given as numbers or as text typed the Swedish way ("38,5", "1 200").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from lardesk.method.indicators import (
    INDICATOR_KINDS,
    Figures,
    FiguresKind,
    Group,
    Indicator,
    IndicatorError,
    figures_name,
    group_name,
    indicators_from_json,
    indicators_to_json,
    parse_number,
)
from lardesk.method.logic import ItemKind
from lardesk.method.messages import Message
from lardesk.services.base import Changed, Changes, InputError, ServiceBase
from lardesk.services.logic import check_indicators
from lardesk.services.sessions import next_key
from lardesk.storage.models import LogicItem

ITEM = Message("item")
KEY_PREFIX = "i"
FIELDS = frozenset({"text", "unit", "source"})

Typed = float | str | None
"""A figure as given: a number, or text as typed ("38,5", "1 200"; empty: no value)."""


def input_error(error: IndicatorError) -> InputError:
    """The method's refusal as the services' (the same template and params)."""
    return InputError(error.template, "", **error.params)


def checked(indicator: Indicator) -> Indicator:
    """``indicator`` checked as a whole and tidied (the method's rules and what the exchange format can carry)."""
    return check_indicators([indicator])[0]


def _number(value: Typed, what: Message, unit: str) -> float | None:
    if isinstance(value, str):
        try:
            return parse_number(value, what, unit=unit)
        except IndicatorError as error:
            raise input_error(error) from error
    return value  # a number (or a wrong type, refused with the indicator)


def make_figures(kind: FiguresKind, typed: Mapping[str, Typed], unit: str = "") -> Figures:
    """Figures from what was typed: ``period``, ``women``, ``men``, ``total`` (numbers or text), ``note``."""
    unknown = sorted(set(typed) - {"period", "women", "men", "total", "note"})
    if unknown:
        raise InputError("figures have no field {name!r}", name=unknown[0])
    period, note = typed.get("period") or "", typed.get("note") or ""
    if not isinstance(period, str):
        raise InputError("{what} must be text", what=Message("the period"))
    if not isinstance(note, str):
        raise InputError("{what} must be text", what=Message("the note"))
    what = figures_name(kind.value, period.strip())
    values = {
        group: _number(typed.get(group.value), Message("{what}, {group}", what=what, group=group_name(group)), unit)
        for group in Group
    }
    return Figures(period.strip(), values[Group.WOMEN], values[Group.MEN], values[Group.TOTAL], note.strip())


def _find(indicators: Sequence[Indicator], key: str) -> int:
    for index, indicator in enumerate(indicators):
        if indicator.key == key:
            return index
    raise InputError("there is no indicator {key!r} on this item", key=key)


class IndicatorService(ServiceBase):
    """Every call takes the item's id and (but for :meth:`add_indicator`) the indicator's key."""

    def _item(self, db: Session, item_id: int) -> tuple[LogicItem, list[Indicator]]:
        row = self._get(db, LogicItem, item_id, ITEM)
        if ItemKind(row.kind) not in INDICATOR_KINDS:
            raise InputError("only starting points, results and effects carry indicators")
        return row, list(indicators_from_json(row.indicators))

    @staticmethod
    def _write(row: LogicItem, indicators: Sequence[Indicator]) -> Changes:
        row.indicators = indicators_to_json(indicators)
        return Changes(Changed.LOGIC, row.session_id)

    def add_indicator(self, item_id: int, text: str, unit: str = "", source: str = "") -> Changes:
        """A new indicator, last on the item; its key (i1, i2 … unique in the session) is ``new_key``."""
        with self.database.transaction() as db:
            row, indicators = self._item(db, item_id)
            others = db.scalars(select(LogicItem.indicators).where(LogicItem.session_id == row.session_id))
            taken = [indicator.key for text_ in others for indicator in indicators_from_json(text_)]
            key = next_key(taken, KEY_PREFIX)
            indicators.append(checked(Indicator(key, text, unit, source)))
            return dataclasses.replace(self._write(row, indicators), new_key=key)

    def update_indicator(self, item_id: int, key: str, **fields: str) -> Changes:
        """Change what is measured (``text``), the ``unit`` or the ``source``; the figures are checked again
        against a new unit (a share over 100 % is refused when the unit becomes %)."""
        unknown = sorted(set(fields) - FIELDS)
        if unknown:
            raise InputError("an indicator has no field {name!r}", name=unknown[0])
        with self.database.transaction() as db:
            row, indicators = self._item(db, item_id)
            index = _find(indicators, key)
            old = indicators[index]
            indicators[index] = checked(
                dataclasses.replace(
                    old,
                    text=fields.get("text", old.text),
                    unit=fields.get("unit", old.unit),
                    source=fields.get("source", old.source),
                )
            )
            return self._write(row, indicators)

    def remove_indicator(self, item_id: int, key: str) -> Changes:
        with self.database.transaction() as db:
            row, indicators = self._item(db, item_id)
            del indicators[_find(indicators, key)]
            return self._write(row, indicators)

    def enter_figures(self, item_id: int, key: str, kind: FiguresKind | str, figures: Mapping[str, Typed]) -> Changes:
        """Set the baseline or the target, or add a measurement (a measurement of a period already measured
        replaces it; a new one goes in period order when the periods are years, else last)."""
        kind = _kind(kind)
        with self.database.transaction() as db:
            row, indicators = self._item(db, item_id)
            index = _find(indicators, key)
            indicator = indicators[index]
            new = make_figures(kind, figures, indicator.unit)
            if kind is FiguresKind.BASELINE:
                indicator = dataclasses.replace(indicator, baseline=new)
            elif kind is FiguresKind.TARGET:
                indicator = dataclasses.replace(indicator, target=new)
            else:
                indicator = dataclasses.replace(indicator, values=_placed(indicator.values, new))
            indicators[index] = checked(indicator)
            return self._write(row, indicators)

    def remove_figures(self, item_id: int, key: str, kind: FiguresKind | str, period: str = "") -> Changes:
        """Remove the baseline, the target, or the measurement of ``period``."""
        kind = _kind(kind)
        with self.database.transaction() as db:
            row, indicators = self._item(db, item_id)
            index = _find(indicators, key)
            indicator = indicators[index]
            if kind is FiguresKind.BASELINE:
                indicator = dataclasses.replace(indicator, baseline=None)
            elif kind is FiguresKind.TARGET:
                indicator = dataclasses.replace(indicator, target=None)
            else:
                kept = tuple(f for f in indicator.values if f.period != period)
                if len(kept) == len(indicator.values):
                    raise InputError("there is no measurement for {period}", period=period)
                indicator = dataclasses.replace(indicator, values=kept)
            indicators[index] = checked(indicator)
            return self._write(row, indicators)


def _kind(kind: FiguresKind | str) -> FiguresKind:
    try:
        return FiguresKind(kind)
    except ValueError as error:
        raise InputError("figures are a baseline, a measurement or a target, not {value!r}", value=kind) from error


def _year(period: str) -> int | None:
    head = period.strip()[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


def _placed(values: tuple[Figures, ...], new: Figures) -> tuple[Figures, ...]:
    """``values`` with ``new``: in place of the same period, else before the first later year, else last."""
    same = new.period.casefold()
    if any(f.period.casefold() == same for f in values):
        return tuple(new if f.period.casefold() == same else f for f in values)
    year = _year(new.period)
    if year is not None:
        for index, figures in enumerate(values):
            other = _year(figures.period)
            if other is not None and other > year:
                return (*values[:index], new, *values[index:])
    return (*values, new)
