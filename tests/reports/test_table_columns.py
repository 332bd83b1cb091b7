"""No word of a printed table runs into the next column: Typst does not hyphenate, so a column narrower than its
longest word ("Jämställdhetsstrateg" under *Ansvarig*, "Implemented" over a count) let the word overflow onto
its neighbour. The template measures the words (resources/typst/document.typ, ``column-widths``); checked on
the PDFs themselves, every word where poppler's ``pdftotext -bbox`` finds it."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lardesk.method.guide import load_guide
from lardesk.method.words import WORD_LANGUAGES
from lardesk.reports import document as doc
from lardesk.reports.minutes import build_minutes, minutes_document
from lardesk.reports.overview_pdf import checkpoint_document, overview_document
from lardesk.reports.typst_pdf import write_pdf
from lardesk.services import Services

TODAY = dt.date(2012, 7, 1)
GAP_PT = 1.5
"""Two words on one line are at least this far apart (a space at 9 pt is about 2.9 pt)."""

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")

Word = tuple[int, float, float, float, float, str]


def placed_words(pdf: Path) -> list[Word]:
    """(page, x0, y0, x1, y1, text) of every word poppler finds."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found: list[Word] = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    for number, page in enumerate(out.split("<page ")[1:], 1):
        for x0, y0, x1, y1, text in re.findall(pattern, page):
            found.append((number, float(x0), float(y0), float(x1), float(y1), html.unescape(text)))
    return found


def crowded(words: list[Word]) -> list[tuple[str, str]]:
    """Pairs of words on one line of a page that overlap or nearly touch."""
    pairs = []
    for index, (page, x0, y0, x1, y1, text) in enumerate(words):
        for other_page, u0, v0, u1, v1, other in words[index + 1 :]:
            if page == other_page and min(y1, v1) - max(y0, v0) > 0.5 and min(x1, u1) - max(x0, u0) > -GAP_PT:
                pairs.append((text, other))
    return pairs


def table_words(document: doc.Document) -> set[str]:
    """The words of the document's tables (those held together by a no-break space left out)."""
    return {
        word
        for block in document.blocks
        if isinstance(block, doc.Table)
        for row in (block.header, *block.rows)
        for cell in row
        for word in doc.plain(cell).split()
        if "\N{NO-BREAK SPACE}" not in word
    }


def assert_columns_hold_their_words(document: doc.Document, pdf: Path) -> None:
    write_pdf(document, pdf)
    words = placed_words(pdf)
    assert not crowded(words)
    seen = {text for *_, text in words}
    for word in table_words(document):  # none merged with its neighbour (a line may break after a hyphen)
        assert word in seen or set(re.split(r"(?<=-)(?=[^\W\d])", word)) <= seen, word


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_overview_and_the_checkpoint_keep_each_word_in_its_column(
    services: Services, language: str, tmp_path: Path
) -> None:
    demo = services.exchange.load_demo()
    services.sessions.add_improvement(demo, "Utbilda nämnden", owner="Jämställdhetsstrateg", due=TODAY)
    guide = load_guide(language)
    overview = services.overview.overview(today=TODAY)
    assert_columns_hold_their_words(overview_document(overview, guide), tmp_path / "overview.pdf")
    actions = services.overview.checkpoint_actions([])
    assert any(action.owner == "Jämställdhetsstrateg" for action in actions)
    assert_columns_hold_their_words(checkpoint_document(actions, guide, TODAY), tmp_path / "checkpoint.pdf")


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_minutes_tables_keep_each_word_in_its_column(services: Services, language: str, tmp_path: Path) -> None:
    guide = load_guide(language)
    snapshot = services.sessions.snapshot(services.exchange.load_demo())
    document = minutes_document(build_minutes(snapshot, guide))
    assert_columns_hold_their_words(document, tmp_path / "minutes.pdf")


def test_words_column_widths_hold_the_longest_word_and_an_amount_whole() -> None:
    """The DOCX's widths (Word's own layout, estimated): a no-break space holds an amount together."""
    amount = "12\N{NO-BREAK SPACE}500\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}kr"
    table = doc.Table(
        ("Åtgärd", "Ansvarig", "Avsatt"),
        (("Koppla varje resultat till ett beslut", "Jämställdhetsstrateg", amount),),
        widths=(6.0, 1.0, 1.0),
    )
    widths = doc.column_widths(table, 16.6)
    assert sum(widths) == pytest.approx(16.6)
    assert widths[1] >= len("Jämställdhetsstrateg") * doc.CHAR_CM
    assert widths[2] >= len(amount) * doc.CHAR_CM
    assert widths[0] > widths[1]  # what is left still follows the relative widths
