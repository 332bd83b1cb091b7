"""The overview's CSV speaks the guide's language: its headers are the catalogue's words (section "csv.overview")."""

from __future__ import annotations

import csv
import io

import pytest

from lardesk.method.guide import load_guide
from lardesk.method.overview import Overview
from lardesk.method.words import WORD_LANGUAGES, section
from lardesk.reports.overview_csv import SCALE_COLUMNS, overview_csv, overview_rows
from lardesk.services import Services
from tests.services.overview_data import TODAY, import_all


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_headers_are_the_catalogues_words(services: Services, language: str) -> None:
    import_all(services)
    guide = load_guide(language)
    overview = services.overview.overview(today=TODAY)
    words = section("csv.overview", language)
    header, *rows = list(csv.reader(io.StringIO(overview_csv(overview, guide, (9, 2)), newline=""), delimiter=";"))
    assert len(rows) == len(overview.units) == 3
    named = [f"{n} {guide.scale(n).label}" for n in (9, 2)]
    assert header == [
        words["organisation"],
        words["unit"],
        words["latest"],
        words["previous"],
        *(f"{name} – {words[column]}" for name in named for column in SCALE_COLUMNS),
        *overview.finding_codes,
        words["open"],
        words["in_progress"],
        words["overdue"],
        words["done"],
    ]
    # every word of the section is a header (nothing left over in the catalogue)
    used = {"organisation", "unit", "latest", "previous", "scale_column", *SCALE_COLUMNS}
    assert set(words) == used | {"open", "in_progress", "overdue", "done"}
    other = section("csv.overview", "en" if language == "sv" else "sv")
    assert other["latest"] not in header


def test_the_swedish_and_english_headers() -> None:
    guide, english = load_guide("sv"), load_guide("en")
    empty = Overview((), TODAY)
    assert overview_rows(empty, guide, (9,))[0][:5] == [
        "Organisation",
        "Enhet",
        "Senaste uppföljning",
        "Föregående uppföljning",
        "9 Samlad bedömning – samlad",
    ]
    assert overview_rows(empty, english, (9,))[0][4:9] == [
        "9 Overall assessment – overall",
        "9 Overall assessment – previous overall",
        "9 Overall assessment – change",
        "9 Overall assessment – median",
        "9 Overall assessment – ratings",
    ]
    assert overview_rows(empty, english, ())[0][-4:] == [
        "Actions open",
        "Actions in progress",
        "Actions overdue",
        "Actions done",
    ]
