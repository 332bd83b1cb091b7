"""One home for the words of what leaves lardesk (minutes, overview and checkpoint PDFs), in both languages.

The Qt UI keeps Qt Linguist; refusal messages keep :mod:`lardesk.method.messages`. Every word that leaves
lardesk for people outside it — the minutes (PDF and DOCX), the forms, the overview and checkpoint PDFs, the CSV
files, the phone page — lives here, as data: ``resources/words/sv.json`` and ``en.json``. The files nest names
in sections ("minutes": {"heading": …}); a key is the path joined by dots ("minutes.heading",
"action_status.not_done"). An entry is a text, or plural forms (``{"one": "{n} enhet", "other": "{n} enheter"}``)
chosen by ``n``. Both files have the same keys, the same ``{placeholders}`` and the same plural categories
(``tests/method/test_words.py``).

    word("action_status.not_done", "sv")          # "Inte genomförd"
    word("previous_follow_up", "en", date="2011-11-15")
    word("units", "sv", n=1)                       # "1 enhet"
    section("minutes", "sv")                       # {"heading": …, …}: a section's entries, by their own names
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from lardesk.resources import resources_dir

WORD_LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
PLURAL_CATEGORIES = frozenset({"one", "other"})

Entry = str | Mapping[str, str]


def words_path(language: str) -> Path:
    return resources_dir() / "words" / f"{language}.json"


def is_plural(entry: object) -> bool:
    """Plural forms are an object whose names are exactly the plural categories; any other object is a section."""
    return isinstance(entry, Mapping) and set(entry) == PLURAL_CATEGORIES


def flatten(tree: Mapping[str, object], prefix: str = "") -> dict[str, Entry]:
    """The nested sections of a catalogue file as one mapping from dotted key to entry."""
    flat: dict[str, Entry] = {}
    for name, entry in tree.items():
        key = f"{prefix}{name}"
        if isinstance(entry, str):
            flat[key] = entry
        elif is_plural(entry):
            assert isinstance(entry, Mapping)
            flat[key] = {str(category): str(text) for category, text in entry.items()}
        elif isinstance(entry, Mapping):
            flat.update(flatten(entry, f"{key}."))
        else:
            raise ValueError(f"the word {key!r} is neither a text, plural forms nor a section")
    return flat


@cache
def words(language: str) -> Mapping[str, Entry]:
    """The catalogue of ``language`` (loaded once); an unknown language gives Swedish, as the reports do."""
    if language not in WORD_LANGUAGES:
        language = DEFAULT_LANGUAGE
    with words_path(language).open(encoding="utf-8") as handle:
        data = json.load(handle)
    return flatten(data["words"])


def section(name: str, language: str, *, nested: bool = True) -> dict[str, str]:
    """The plain texts of section ``name`` by their names inside it: with its subsections' texts (dotted,
    "group.women"), or with ``nested=False`` only its own (what a report's typed words are built from)."""
    prefix = f"{name}."
    return {
        key[len(prefix) :]: entry
        for key, entry in words(language).items()
        if key.startswith(prefix) and isinstance(entry, str) and (nested or "." not in key[len(prefix) :])
    }


def plural_category(n: int) -> str:
    """Swedish and English alike: "one" for 1, else "other"."""
    return "one" if n == 1 else "other"


def word(key: str, language: str, /, **params: object) -> str:
    """The text of ``key`` in ``language`` with ``params`` filled in; plural forms are chosen by ``n``."""
    entry = words(language)[key]
    if not isinstance(entry, str):
        n = params.get("n")
        if not isinstance(n, int):
            raise TypeError(f"the word {key!r} has plural forms and needs an integer n")
        entry = entry[plural_category(n)]
    return entry.format(**params) if params else entry


def template_parts(template: str) -> list[tuple[str, str | None]]:
    """A catalogue text as (literal text, the name of the placeholder after it, or None at the end): for a
    renderer that fills a placeholder with more than text (an emphasised item, a page counter)."""
    return [(literal, name) for literal, name, _spec, _conversion in string.Formatter().parse(template)]
