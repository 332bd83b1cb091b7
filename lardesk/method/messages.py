"""The messages a user sees when input is refused, in English (the source) and in Swedish.

An error is raised with an English *template* and named *params*; the text is made when it is shown::

    raise InputError("the note is too long ({length} characters; at most {limit})", length=n, limit=NOTE_MAX)

``str(error)`` and ``error.message`` are the English text (the command line and the logs use it);
``error.localized("sv")`` is the same message in Swedish, for the UI. The Swedish templates are data:
``resources/messages/sv.json`` maps each English template to its Swedish one, with the same
``{placeholders}``. A test scans the package for every literal template passed to an error (or to
:class:`Message`) and fails when one has no Swedish, when the placeholders differ, or when a template is
built with an f-string (which the scan could not read). So: always pass the template as a literal string and
the values as keyword arguments; never format the text yourself.

Parameters are rendered by type:

* :class:`Term` — a key of the guide's ``terms`` ("activity", "partly_implemented"): shown as the key in
  English (as before) and as the guide's word, in lower case, in Swedish ("aktivitet", "delvis genomförd").
* :class:`Message` — a nested phrase ("the note", "participant {key}"), itself translated through the same
  catalogue. Swedish adjectives agree with it: a Swedish template may write ``{what:lång/långt}``, which
  gives the first word for an en-word and the second for an ett-word; the catalogue's ``neuter`` list names
  the English phrases whose Swedish is an ett-word ("the name" → "namnet").
* a :class:`LocalizedError` — its own message, translated.
* anything else — as it is (``{value!r}`` works as in ``str.format``). In a Swedish template ``{n:n}``
  groups the digits with a no-break space and writes a decimal comma (25 000; 38,5; −3).

A template given without params is taken literally (no ``{}`` handling), so text that is already in the
user's language (a Qt-translated string the UI refuses with) passes through unchanged. The Swedish text
begins with a capital letter even when its template begins with a placeholder.

Other packages can use the mechanism as it is: derive the error from :class:`LocalizedError` (or hold a
:class:`Message`), raise it with a literal template, and add the Swedish to ``sv.json``; the scan in
``tests/method/test_messages.py`` picks up every ``raise`` of a class it lists in ``ERROR_CLASSES`` — add the
new class's name there, as ``lardesk.storage``'s ``StorageError`` and its subclasses are.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lardesk.method.guide import LANGUAGES, load_guide
from lardesk.resources import resources_dir

SOURCE_LANGUAGE = "en"
"""The language templates are written in."""
NO_BREAK_SPACE = "\u00a0"


class Term(str):
    """A parameter that is a key of the guide's ``terms``: rendered as the guide's word in Swedish."""

    __slots__ = ()


class Message:
    """A template and its params, rendered in a language when shown (also a param of another message)."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params

    def render(self, language: str = SOURCE_LANGUAGE) -> str:
        return localize(self.template, self.params, language)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (other.template, other.params)

    __hash__ = None  # type: ignore[assignment]


class LocalizedError(ValueError):
    """An error whose text is a template with params: English in ``str()``, any language in ``localized``."""

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params
        self.message = localize(template, params, SOURCE_LANGUAGE)
        """The English text (without the place, for errors that have one)."""
        super().__init__(self._placed(self.message))

    def _placed(self, text: str) -> str:
        """The text as ``str()`` shows it; subclasses put the place (a JSON pointer) in front."""
        return text

    def localized(self, language: str) -> str:
        """The whole message (with its place, as ``str()``) in ``language`` ("sv" or "en")."""
        return self._placed(localize(self.template, self.params, language))

    def as_message(self) -> Message:
        """The message alone, to pass on to another error."""
        return Message(self.template, **self.params)


@dataclass(frozen=True, slots=True)
class Catalogue:
    messages: Mapping[str, str]
    """English template → template in this language."""
    neuter: frozenset[str]
    """English phrases whose translation is an ett-word (for ``{what:lång/långt}``)."""


def catalogue_path(language: str) -> Path:
    return resources_dir() / "messages" / f"{language}.json"


@cache
def catalogue(language: str) -> Catalogue:
    """The translations into ``language`` (loaded once); English is the source and has none."""
    if language == SOURCE_LANGUAGE:
        return Catalogue({}, frozenset())
    with catalogue_path(language).open(encoding="utf-8") as handle:
        data = json.load(handle)
    return Catalogue(dict(data["messages"]), frozenset(data.get("neuter", ())))


def placeholders(template: str) -> frozenset[str]:
    """The names of the ``{placeholders}`` of a template."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)


class _Rendered(str):
    """A nested phrase already rendered, remembering whether it is an ett-word."""

    __slots__ = ("neuter",)
    neuter: bool


def swedish_number(value: float) -> str:
    """25000 → "25 000", 38.5 → "38,5", -3 → "−3": digits grouped with a no-break space, a decimal comma and
    a real minus sign. A float is shown as Python's shortest form of it (round it first)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}"
    return text.translate({ord(","): NO_BREAK_SPACE, ord("."): ",", ord("-"): "\u2212"})


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec == "n" and isinstance(value, int | float) and not isinstance(value, bool):
            return swedish_number(value)
        if "/" in format_spec:
            common, _, neuter = format_spec.partition("/")
            return neuter if getattr(value, "neuter", False) else common
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def _param(value: object, language: str) -> object:
    if isinstance(value, LocalizedError):
        value = value.as_message()
    if isinstance(value, Message):
        rendered = _Rendered(_localize(value.template, value.params, language))
        rendered.neuter = value.template in catalogue(language).neuter
        return rendered
    if isinstance(value, Term):
        return str(value) if language == SOURCE_LANGUAGE else load_guide(language).term(str(value)).lower()
    return value


def _localize(template: str, params: Mapping[str, object], language: str) -> str:
    if language != SOURCE_LANGUAGE:
        translated = catalogue(language).messages.get(template)
        if translated is None:  # not translated (yet): English rather than nothing
            language, translated = SOURCE_LANGUAGE, template
        template = translated
    if not params:
        return template
    values = {name: _param(value, language) for name, value in params.items()}
    return _FORMATTER.vformat(template, (), values)


def localize(template: str, params: Mapping[str, object], language: str) -> str:
    """The message ``template`` with ``params`` in ``language`` (an unknown language gives English)."""
    if language not in LANGUAGES:
        language = SOURCE_LANGUAGE
    text = _localize(template, params, language)
    return text[:1].upper() + text[1:] if language != SOURCE_LANGUAGE else text
