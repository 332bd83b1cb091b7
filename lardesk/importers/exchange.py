"""Reading the session exchange file (``lardesk-session``): decode and check, an importer (writing it is an
exporter, :mod:`lardesk.reports.exchange`).

Reading is strict: a file is accepted whole or rejected with a message naming the first offending place as a
JSON pointer (RFC 6901). Versions 1 and 2 are read (a version 1 file may not use version 2's members);
version 2 is written (by :mod:`lardesk.reports.exchange`). The format's own schema is shipped in
``resources/exchange/session.schema.json``; lardesk's own extras travel in the member ``x-lardesk``: in
version 1 also the anonymity, the case number (Dnr), the starting points, the carried-over items and the
done actions, which version 2 carries in the format itself.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from lardesk.method.indicators import (
    FIGURE_MEMBERS,
    IndicatorError,
    check_indicator,
    figure_is_sensible,
    indicator_from_plain,
)
from lardesk.method.logic import MAX_AMOUNT_SEK, ItemKind
from lardesk.method.messages import LocalizedError, Message
from lardesk.method.stats import MAX_REVEALED_ROUND
from lardesk.resources import resources_dir

if TYPE_CHECKING:  # jsonschema loads when the first file is read, not at start-up
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

FORMAT = "lardesk-session"
FORMAT_VERSION = 2
"""The version lardesk writes."""
READ_VERSIONS = (1, 2)
EXTENSION = "x-lardesk"
MAX_FILE_BYTES = 50 * 1024 * 1024

# The lists of the "logic" member, the kind of item each holds, and the member that links onward.
LOGIC_LISTS: tuple[tuple[str, ItemKind, str | None, str | None], ...] = (
    ("starting_points", ItemKind.STARTING_POINT, None, None),
    ("resources", ItemKind.RESOURCE, "activities", "activities"),
    ("activities", ItemKind.ACTIVITY, "results", "results"),
    ("results", ItemKind.RESULT, "effects", "effects"),
    ("mediators", ItemKind.MEDIATOR, "results", "results"),
    ("effects", ItemKind.EFFECT, "starting_points", "starting_points"),
)
LIST_OF_KIND: dict[ItemKind, str] = {kind: name for name, kind, _, _ in LOGIC_LISTS}
KIND_OF_LIST: dict[str, ItemKind] = {name: kind for name, kind, _, _ in LOGIC_LISTS}
CARRIED_KINDS = frozenset({ItemKind.ACTIVITY, ItemKind.RESULT, ItemKind.EFFECT})
"""The kinds whose entries carry ``carried_over`` and ``previous`` in version 2 (the others keep the flag in
x-lardesk)."""
INDICATOR_KINDS = frozenset({ItemKind.STARTING_POINT, ItemKind.RESULT, ItemKind.EFFECT})
MOVED_IN_VERSION_2 = ("anonymity", "case_number", "starting_points", "done_improvements")
"""Members of x-lardesk that version 2 carries in the format itself: read from x-lardesk in version 1 only."""


class ExchangeError(LocalizedError):
    """A file that is not a valid exchange file. ``pointer`` names the place ("" for the whole file).

    Raised with an English template and its params, as :class:`lardesk.services.InputError`.
    """

    def __init__(self, template: str, /, pointer: str = "", **params: object) -> None:
        self.pointer = pointer
        super().__init__(template, **params)

    def _placed(self, text: str) -> str:
        return f"{self.pointer or '/'}: {text}"


def pointer(*parts: str | int) -> str:
    """An RFC 6901 JSON pointer from its reference tokens."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


@cache
def schema() -> dict[str, Any]:
    with (resources_dir() / "exchange" / "session.schema.json").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def _is_integer(checker: object, instance: object) -> bool:
    """A JSON integer is written as one: 5, not 5.0 (and never true or false)."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator, FormatChecker, validators

    strict = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
    )
    validator: Draft202012Validator = strict(schema(), format_checker=FormatChecker())
    return validator


class _Members(dict[str, Any]):
    """A JSON object that remembers member names it saw twice."""

    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Members:
    members = _Members()
    seen: list[str] = []
    for name, value in pairs:
        if name in members:
            seen.append(name)
        members[name] = value
    members.duplicates = tuple(seen)
    return members


GENDER_TOTALS = "x-lardesk-gender-totals"
"""Where a session keeps the gender totals an imported file carried (its participants came without genders)."""
MAX_INTEGER = 2**63 - 1
"""The largest whole number a file may hold anywhere (a database column holds no more)."""


class _Unusable:
    """What the decoder puts where the text holds a number lardesk cannot keep: found afterwards, with its place."""

    def __init__(self, text: str) -> None:
        self.text = text


def _parse_int(text: str) -> int | _Unusable:
    digits = text.lstrip("-")
    if len(digits) > 19:  # also before Python's own limit of 4300 digits, whose ValueError is no JSON error
        return _Unusable(text)
    value = int(text)
    return value if -MAX_INTEGER - 1 <= value <= MAX_INTEGER else _Unusable(text)


def _parse_float(text: str) -> float | _Unusable:
    value = float(text)
    return value if math.isfinite(value) else _Unusable(text)  # 1e309 is Infinity, which JSON has no way to write


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _first_problem(value: Any, path: tuple[str | int, ...] = ()) -> tuple[str, Message] | None:
    """The first place (a JSON pointer) that no valid file may hold, whatever the schema says: a member given
    twice, a number too large to keep, a string with a lone surrogate (\\ud800: no character, cannot be stored)."""
    if isinstance(value, _Unusable):
        shown = value.text if len(value.text) <= 30 else f"{value.text[:12]}…({len(value.text)} characters)"
        return pointer(*path), Message(
            "the number {number} is too large (whole numbers up to {limit}, and no infinite numbers)",
            number=shown,
            limit=MAX_INTEGER,
        )
    if isinstance(value, str):
        if _has_lone_surrogate(value):
            return pointer(*path), Message("the text holds a lone surrogate (\\ud800–\\udfff), which is no character")
        return None
    if isinstance(value, _Members):
        if value.duplicates:
            return pointer(*path, value.duplicates[0]), Message("this member is given twice")
        for name, child in value.items():
            if _has_lone_surrogate(name):
                return pointer(*path), Message(
                    "a member name holds a lone surrogate (\\ud800–\\udfff), which is no character"
                )
            found = _first_problem(child, (*path, name))
            if found:
                return found
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found = _first_problem(child, (*path, index))
            if found:
                return found
    return None


def _reject_constant(name: str) -> float:
    raise ExchangeError("{name} is not a number JSON allows", name=name)


def decode(data: bytes | str) -> Any:
    """Decode JSON text strictly: UTF-8 only, no NaN or Infinity, no member named twice, whole numbers that fit
    64 bits, no number too large for a float, no lone surrogate in any string."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise ExchangeError(
                "the file is too large ({size} bytes; at most {limit})", size=len(data), limit=MAX_FILE_BYTES
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ExchangeError(
                "the file is not UTF-8 text (byte {position} cannot be read)", position=error.start
            ) from error
    else:
        if len(data) > MAX_FILE_BYTES:
            raise ExchangeError(
                "the file is too large ({size} bytes; at most {limit})", size=len(data), limit=MAX_FILE_BYTES
            )
        text = data
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_reject_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as error:
        raise ExchangeError(
            "not valid JSON: {problem} at line {line}, column {column}",
            problem=error.msg,
            line=error.lineno,
            column=error.colno,
        ) from error
    except RecursionError as error:
        raise ExchangeError("not valid JSON: nested too deeply") from error
    problem = _first_problem(value)
    if problem is not None:
        place, message = problem
        raise ExchangeError(message.template, place, **message.params)
    return value


_JSON_TYPES: dict[str, Message] = {
    "object": Message("'object'"),
    "array": Message("'array'"),
    "string": Message("'string'"),
    "integer": Message("'integer'"),
    "number": Message("'number'"),
    "boolean": Message("'boolean'"),
    "null": Message("'null'"),
}


def _shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: its repr, shortened when long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _schema_message(error: ValidationError) -> Message:
    """The message of a schema violation, for the common cases in words of our own (and translated)."""
    keyword, instance = error.validator, error.instance
    expected: Any = error.validator_value
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = [name for name in instance if name not in known] or list(instance)
        return Message("unknown member: {names}", names=", ".join(map(repr, extra)))
    if keyword == "required" and isinstance(instance, dict):
        missing = [name for name in expected if name not in instance] or list(expected)
        return Message("missing member: {name!r}", name=missing[0])
    if keyword == "type" and isinstance(expected, str) and expected in _JSON_TYPES:
        return Message("{value} is not of type {type}", value=_shown(instance), type=_JSON_TYPES[expected])
    if keyword == "minimum":
        return Message("{value} is less than the minimum of {limit!r}", value=_shown(instance), limit=expected)
    if keyword == "maximum":
        return Message("{value} is greater than the maximum of {limit!r}", value=_shown(instance), limit=expected)
    if keyword == "format" and expected == "date":
        return Message("{value} is not a valid date (such as 2026-11-25)", value=_shown(instance))
    if keyword == "enum":
        return Message(
            "{value} is not one of {allowed}", value=_shown(instance), allowed=", ".join(map(repr, expected))
        )
    if keyword == "const":
        return Message("{expected!r} was expected", expected=expected)
    if keyword in ("minLength", "minItems"):
        return Message("{value} is too short", value=_shown(instance))
    if keyword in ("maxLength", "maxItems"):
        return Message("{value} is too long", value=_shown(instance))
    if keyword == "uniqueItems":
        return Message("the list has the same value twice")
    return Message("{detail}", detail=error.message)


def _first_schema_error(document: Any) -> ValidationError | None:
    errors = list(_validator().iter_errors(document))
    if not errors:
        return None
    first: ValidationError = min(
        errors, key=lambda e: (len(e.absolute_path) == 0, [str(p).zfill(8) for p in e.absolute_path])
    )
    return first


def check_document(document: Any) -> dict[str, Any]:
    """Validate a decoded document against the schema and the rules the schema cannot say."""
    error = _first_schema_error(document)
    if error is not None:
        message = _schema_message(error)
        raise ExchangeError(message.template, pointer(*error.absolute_path), **message.params)
    assert isinstance(document, dict)
    if not _is_integer(None, document["format_version"]):  # the enum would take 1.0 for 1
        raise ExchangeError(
            "{value} is not of type {type}",
            "/format_version",
            value=_shown(document["format_version"]),
            type=_JSON_TYPES["integer"],
        )
    if document["format_version"] == 1:
        _check_version_1(document)
    _check_keys_and_links(document)
    _check_figures(document)
    _check_extension(document.get(EXTENSION))
    return document


# Members a version 1 file may not use: {where: members}, where "*" is every entry of a list.
_VERSION_2_MEMBERS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("session",), ("dnr", "anonymity")),
    (("logic",), ("starting_points",)),
    *(
        (("logic", name, "*"), ("dropped", "carried_over", "previous", "indicators", "starting_points"))
        for name, *_ in LOGIC_LISTS
    ),
    (("improvements", "*"), ("key", "status", "status_comment", "status_date")),
)


def _check_version_1(document: dict[str, Any]) -> None:
    for where, members in _VERSION_2_MEMBERS:
        for path, entry in _entries(document, where):
            for member in members:
                if isinstance(entry, dict) and member in entry:
                    raise ExchangeError(
                        "{member!r} needs format version 2 (this file says version 1)",
                        pointer(*path, member),
                        member=member,
                    )


def _entries(
    value: Any, where: tuple[str, ...], path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if not where:
        yield path, value
        return
    head, rest = where[0], where[1:]
    if head == "*":
        for index, child in enumerate(value if isinstance(value, list) else []):
            yield from _entries(child, rest, (*path, index))
    elif isinstance(value, dict) and head in value:
        yield from _entries(value[head], rest, (*path, head))


def _check_figures(document: dict[str, Any]) -> None:
    """Indicators: keys unique per item, and every figure a finite number of sensible size."""
    for name, kind, _member, _target in LOGIC_LISTS:
        if kind not in INDICATOR_KINDS:
            continue
        for index, entry in enumerate(document.get("logic", {}).get(name, [])):
            where = ("logic", name, index, "indicators")
            _unique_keys(entry.get("indicators", []), where)
            for number, indicator in enumerate(entry.get("indicators", [])):
                places: list[tuple[tuple[str | int, ...], dict[str, Any]]] = []
                for member in ("baseline", "target"):
                    if member in indicator:
                        places.append(((member,), indicator[member]))
                places.extend(((("values", i), figures) for i, figures in enumerate(indicator.get("values", []))))
                for place, figures in places:
                    for member in FIGURE_MEMBERS:
                        value = figures.get(member)
                        if value is not None and not figure_is_sensible(value):
                            raise ExchangeError(
                                "the figure is not a sensible number", pointer(*where, number, *place, member)
                            )
                try:  # the figures against the unit: shares 0–100, women + men no more than the whole …
                    check_indicator(indicator_from_plain(indicator))
                except IndicatorError as error:
                    raise ExchangeError(error.template, pointer(*where, number), **error.params) from error


def _unique_keys(entries: Iterable[dict[str, Any]], where: tuple[str | int, ...]) -> set[str]:
    keys: set[str] = set()
    for index, entry in enumerate(entries):
        if "key" not in entry:  # optional only for improvement actions
            continue
        key = entry["key"]
        if key in keys:
            raise ExchangeError("the key {key!r} is used twice in this list", pointer(*where, index, "key"), key=key)
        keys.add(key)
    return keys


def _check_keys_and_links(document: dict[str, Any]) -> None:
    participants = _unique_keys(document.get("participants", []), ("participants",))
    logic = document.get("logic", {})
    keys = {name: _unique_keys(logic.get(name, []), ("logic", name)) for name, *_ in LOGIC_LISTS}
    for name, _kind, member, target_list in LOGIC_LISTS:
        if member is None or target_list is None:
            continue
        for index, entry in enumerate(logic.get(name, [])):
            for link_index, target in enumerate(entry.get(member, [])):
                if target not in keys[target_list]:
                    raise ExchangeError(
                        "links to {target!r}, which is not a key in /logic/{target_list}",
                        pointer("logic", name, index, member, link_index),
                        target=target,
                        target_list=target_list,
                    )
    seen_ratings: set[tuple[str, int, int]] = set()
    for index, rating in enumerate(document.get("ratings", [])):
        if rating["participant"] not in participants:
            raise ExchangeError(
                "rates for {participant!r}, who is not among /participants",
                pointer("ratings", index, "participant"),
                participant=rating["participant"],
            )
        identity = (rating["participant"], rating["scale"], rating.get("round", 1))
        if identity in seen_ratings:
            raise ExchangeError(
                "this participant already has a rating on this scale in this round", pointer("ratings", index)
            )
        seen_ratings.add(identity)
    seen_scales: set[int] = set()
    for index, joint in enumerate(document.get("joint", [])):
        if joint["scale"] in seen_scales:
            raise ExchangeError("this scale already has a joint assessment", pointer("joint", index, "scale"))
        seen_scales.add(joint["scale"])
    seen_notes: set[tuple[int, int]] = set()
    for index, note in enumerate(document.get("notes", [])):
        place = (note["section"], note.get("question", 0))
        if place in seen_notes:
            raise ExchangeError("there is already a note on this question", pointer("notes", index))
        seen_notes.add(place)
    _unique_keys(document.get("improvements", []), ("improvements",))
    for index, resource in enumerate(logic.get("resources", [])):
        for member in ("budget_sek", "spent_sek"):
            amount = resource.get(member)
            if amount is not None and not _amount_is_sensible(amount):
                raise ExchangeError("the amount is not a sensible number", pointer("logic", "resources", index, member))


def _amount_is_sensible(value: float) -> bool:
    try:
        return math.isfinite(value) and value <= MAX_AMOUNT_SEK
    except OverflowError:  # an int too large for a float
        return False


_EXTENSION_FIELDS: dict[str, type | tuple[type, ...]] = {
    "anonymity": str,
    "case_number": str,
    "defer_improvements": bool,
    "starting_points": list,
    "carried_over": list,
    "absent": list,
    "revealed_rounds": list,
    "done_improvements": list,
    "outcomes": dict,
    "gender_totals": dict,
}


def _check_extension(extension: Any) -> None:
    if extension is None:
        return
    where = (EXTENSION,)
    if not isinstance(extension, dict):
        raise ExchangeError("must be an object", pointer(*where))
    for name, value in extension.items():
        expected = _EXTENSION_FIELDS.get(name)
        if expected is None:
            continue
        if not isinstance(value, expected) or (expected is list and isinstance(value, bool)):
            raise ExchangeError("has the wrong type ({type})", pointer(*where, name), type=type(value).__name__)
    if extension.get("anonymity", "roles") not in ("open", "roles", "anonymous"):
        raise ExchangeError("must be open, roles or anonymous", pointer(*where, "anonymity"))
    keys: set[str] = set()
    for index, item in enumerate(extension.get("starting_points", [])):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("key"), str)
            or not isinstance(item.get("text"), str)
            or not item["text"].strip()
            or len(item["text"]) > 2000
            or len(item["key"]) > 64
            or not isinstance(item.get("outcome", ""), str)
        ):
            raise ExchangeError("a starting point needs a key and a text", pointer(*where, "starting_points", index))
        if item["key"] in keys:
            raise ExchangeError("the key is used twice", pointer(*where, "starting_points", index, "key"))
        keys.add(item["key"])
    for name, value in extension.get("outcomes", {}).items():
        if not isinstance(value, str) or len(value) > 5000:
            raise ExchangeError("must be text", pointer(*where, "outcomes", name))
    for name, value in extension.get("gender_totals", {}).items():
        if name not in ("woman", "man", "other", "unspecified") or type(value) is not int or not 0 <= value <= 10_000:
            raise ExchangeError(
                "must be a count of woman, man, other or unspecified", pointer(*where, "gender_totals", name)
            )
    for name in ("carried_over", "absent"):
        for index, value in enumerate(extension.get(name, [])):
            if not isinstance(value, str):
                raise ExchangeError("must be a key", pointer(*where, name, index))
    for name in ("revealed_rounds", "done_improvements"):
        for index, value in enumerate(extension.get(name, [])):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ExchangeError("must be a whole number", pointer(*where, name, index))
    for index, value in enumerate(extension.get("revealed_rounds", [])):
        if not 1 <= value <= MAX_REVEALED_ROUND:
            raise ExchangeError(
                "a round shown to the room is from 1 to {limit}",
                pointer(*where, "revealed_rounds", index),
                limit=MAX_REVEALED_ROUND,
            )


def read_exchange(data: bytes | str) -> dict[str, Any]:
    """Decode and check an exchange file; the document is returned as plain JSON values."""
    document = check_document(decode(data))
    plain: dict[str, Any] = json.loads(json.dumps(document))  # plain dicts again, not _Members
    return plain
