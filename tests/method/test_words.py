"""The catalogue of report words: both languages have the same keys, placeholders and plural forms, and the
reports take their shared words from it (one word, one definition)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping

import pytest

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import load_guide
from lardesk.method.messages import placeholders
from lardesk.method.overview import ActionEntry, Overview
from lardesk.method.snapshot import previous_label
from lardesk.method.words import PLURAL_CATEGORIES, WORD_LANGUAGES, flatten, section, word, words, words_path
from lardesk.reports import document as doc
from lardesk.reports import minutes, overview_pdf


def shape(entry: str | Mapping[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """(plural categories, placeholders) of one entry; a plain text has no categories."""
    if isinstance(entry, str):
        return frozenset(), placeholders(entry)
    return frozenset(entry), frozenset().union(*(placeholders(text) for text in entry.values()))


def test_every_key_has_both_languages_with_the_same_placeholders_and_plural_forms() -> None:
    raw = {
        language: flatten(json.loads(words_path(language).read_text(encoding="utf-8"))["words"])
        for language in WORD_LANGUAGES
    }
    assert raw["sv"].keys() == raw["en"].keys()
    for key in raw["sv"]:
        assert shape(raw["sv"][key]) == shape(raw["en"][key]), key
        for language in WORD_LANGUAGES:
            entry = raw[language][key]
            assert isinstance(entry, str) or (set(entry) == PLURAL_CATEGORIES and "n" in shape(entry)[1]), key
            assert (entry if isinstance(entry, str) else "".join(entry.values())).strip(), key


ONE_ENGLISH_TERM = {
    r"\bjoint\b": "samlad bedömning is the overall assessment, as scale 9 and the UI call it (tests/ui/test_words.py)",
    r"\b(short|long) term\b": "the glossary's short-term and long-term",
    r"(?<!gender-)\bequal services\b": "jämställda verksamheter are gender-equal services, as in the guide",
    r"\bresponsible\b": "ansvarig is an action's owner, as in the UI and the half-year checkpoint",
}
"""A term the English catalogue must not use (a regular expression) → the one it uses instead, and why."""


def test_english_reports_use_one_term_per_thing() -> None:
    """The minutes printed "Joint assessment per scale" over a column "Overall", and the spread's legend "joint
    assessment" beside the heading "Personal and overall assessment": one thing, two names, on one page."""
    texts = {
        key: text
        for key, entry in words("en").items()
        for text in ([entry] if isinstance(entry, str) else entry.values())
    }
    for pattern, why in ONE_ENGLISH_TERM.items():
        assert not [key for key, text in texts.items() if re.search(pattern, text, re.IGNORECASE)], why
    assert load_guide("en").scale(9).label == "Overall assessment" == word("minutes.joint", "en")
    assert word("minutes.summary_joint", "en").startswith("Overall assessment")
    assert word("spread.print.joint", "en") == word("spread.joint", "en")
    assert word("forms.boxes.expected_results", "en").endswith("(short-term)")
    assert word("minutes.owner", "en") == overview_pdf.WORDS["en"].owner
    # the heading over the previous actions, with the label as it reads inside a sentence: no missing "the"
    label = previous_label(dt.date(2011, 11, 15), dt.date(2011, 5, 2), "2011", "en", in_text=True)
    heading = word("minutes.previous_actions", "en", previous=label)
    assert not re.search(r"\b(of|from) previous\b", heading), heading


def test_plural_forms_follow_n() -> None:
    assert word("units", "sv", n=1) == "1 enhet"
    assert word("units", "sv", n=0) == "0 enheter"
    assert word("units", "sv", n=3) == "3 enheter"
    assert word("units", "en", n=1) == "1 unit"
    assert word("units", "en", n=2) == "2 units"
    with pytest.raises(TypeError, match="plural"):
        word("units", "sv")


def test_sections_nest_and_a_key_is_the_dotted_path() -> None:
    tree = {"a": "A", "units": {"one": "{n} x", "other": "{n} xs"}, "minutes": {"title": "T", "sub": {"x": "X"}}}
    assert flatten(tree) == {
        "a": "A",
        "units": {"one": "{n} x", "other": "{n} xs"},
        "minutes.title": "T",
        "minutes.sub.x": "X",
    }
    with pytest.raises(ValueError, match="'b'"):
        flatten({"b": 3})
    assert word("action_status.done", "sv") == "Genomförd"
    assert section("action_status", "en")["partly_done"] == "Partly implemented"
    assert section("indicators", "sv")["group.women"] == "Kvinnor"
    own = section("indicators", "sv", nested=False)
    assert "group.women" not in own and own["baseline"] == "utgångsvärde"


def test_an_unknown_language_gets_swedish_as_the_reports_do() -> None:
    assert words("de") == words("sv")
    assert word("action_status.not_done", "de") == "Inte genomförd"


def test_the_reports_status_words_come_from_the_catalogue() -> None:
    for language in WORD_LANGUAGES:
        for status in ActionStatus:
            checkpoint = overview_pdf.WORDS[language].statuses[status]
            assert checkpoint == word(f"action_status.{status.value}", language)
            if status is not ActionStatus.OPEN:  # the minutes say an open action was "not followed up"
                assert minutes.STATUS_WORDS[language][status] == checkpoint
        assert minutes.STATUS_WORDS[language][ActionStatus.OPEN] == word("not_followed_up", language)
    sv, en = minutes.labels_for("sv"), minutes.labels_for("en")
    assert sv.not_done == overview_pdf.WORDS["sv"].statuses[ActionStatus.NOT_DONE] == "Inte genomförd"
    assert en.not_done == overview_pdf.WORDS["en"].statuses[ActionStatus.NOT_DONE] == "Not implemented"
    assert (sv.owner_missing, sv.due_missing) == ("Ansvarig saknas", "Datum saknas")


def test_the_previous_follow_up_is_named_alike_in_the_minutes_and_the_snapshot() -> None:
    current, previous = dt.date(2026, 11, 25), dt.date(2026, 5, 20)
    assert previous_label(current, previous) == "Föregående uppföljning (2026-05-20)"
    sv, en = minutes.labels_for("sv"), minutes.labels_for("en")
    assert previous_label(current, previous) == sv.previous_follow_up.format(date="2026-05-20")
    assert previous_label(current, previous, language="en") == en.previous_follow_up.format(date="2026-05-20")
    assert previous_label(current, dt.date(2025, 11, 20), "2025") == sv.last_year.format(period="2025")


def test_the_checkpoint_prints_the_catalogue_word_and_the_overview_counts_units_in_the_plural() -> None:
    guide = load_guide("sv")
    today = dt.date(2026, 11, 25)
    action = ActionEntry(
        1, "Kommunen", "Enheten", 1, dt.date(2026, 5, 20), "a1", 3, "Ny rutin", "", None, ActionStatus.NOT_DONE
    )
    document = overview_pdf.checkpoint_document([action], guide, today)
    tables = [block for block in document.blocks if isinstance(block, doc.Table)]
    assert tables[0].rows[0][3] == minutes.STATUS_WORDS["sv"][ActionStatus.NOT_DONE]
    assert overview_pdf.overview_document(Overview((), today), guide).subtitle.startswith("0 enheter · ")
