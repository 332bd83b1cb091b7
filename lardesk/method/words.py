"""One home for the words of what leaves lardesk (minutes, overview and checkpoint PDFs), in both languages.

The Qt UI keeps Qt Linguist; refusal messages keep :mod:`lardesk.method.messages`. The words that several
reports print live here, as data: ``resources/words/sv.json`` and ``en.json`` map a key ("action_status.not_done")
to a text, or to plural forms (``{"one": "1 enhet", "other": "{n} enheter"}``) chosen by ``n``. Both files have
the same keys, the same ``{placeholders}`` and the same plural categories (``tests/method/test_words.py``).

    word("action_status.not_done", "sv")          # "Inte genomförd"
    word("previous_follow_up", "en", date="2011-11-15")
    word("units", "sv", n=1)                       # "1 enhet"
"""

from __future__ import annotations

import json
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


@cache
def words(language: str) -> Mapping[str, Entry]:
    """The catalogue of ``language`` (loaded once); an unknown language gives Swedish, as the reports do."""
    if language not in WORD_LANGUAGES:
        language = DEFAULT_LANGUAGE
    with words_path(language).open(encoding="utf-8") as handle:
        data = json.load(handle)
    return dict(data["words"])


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
