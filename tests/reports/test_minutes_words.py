"""The minutes' words come from the catalogue (resources/words, section "minutes" and the shared words): the
typed Labels hold exactly the catalogue's words, and the PDF and the DOCX print them in both languages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import load_guide
from lardesk.method.logic import ItemKind
from lardesk.method.snapshot import LinkInfo, SessionSnapshot
from lardesk.method.stats import ScaleStats
from lardesk.method.words import WORD_LANGUAGES, section, word, words
from lardesk.reports import document as doc
from lardesk.reports.minutes import (
    SHARED_WORDS,
    STATUS_WORDS,
    Labels,
    _action_line,
    assessment_text,
    build_minutes,
    count,
    fill,
    kind_words,
    labels_for,
    own_words,
    render_minutes,
)
from lardesk.reports.minutes_docx import render_minutes_docx, write_document_docx
from lardesk.reports.typst_pdf import write_pdf
from tests.reports.test_minutes_pdfua import findings_snapshot


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_labels_are_exactly_the_catalogue_words() -> None:
    fields = {f.name for f in dataclasses.fields(Labels)} - {"language"}
    for language in WORD_LANGUAGES:
        own = own_words(language)
        assert not own.keys() & SHARED_WORDS.keys(), "a shared word is copied into the minutes' section"
        assert fields == own.keys() | SHARED_WORDS.keys()
        labels = labels_for(language)
        assert labels.language == language
        for name, text in own.items():
            assert getattr(labels, name) == text == word(f"minutes.{name}", language)
        for name, key in SHARED_WORDS.items():
            assert getattr(labels, name) == word(key, language)
    assert labels_for("de") == labels_for("sv")
    assert (labels_for("sv").decimal, labels_for("en").decimal) == (",", ".")


def test_every_word_of_the_section_is_used_by_the_minutes() -> None:
    """Plain words are Labels fields; the subsections and plural forms are what the code asks for by name."""
    asked = {f"kind_count.{kind.value}" for kind in ItemKind}
    asked |= {"box_count", "link_count", "gap_count", "indicators_moved"}
    asked |= {f"link_kinds.{kind.value}.{role}" for kind in ItemKind for role in ("subject", "target", "targets")}
    for language in WORD_LANGUAGES:
        keys = {key.removeprefix("minutes.") for key in words(language) if key.startswith("minutes.")}
        assert keys == own_words(language).keys() | asked
        for kind in ItemKind:
            assert all(kind_words(language)[kind])
            assert count(f"kind_count.{kind.value}", language, 1).startswith("1 ")
        assert section("minutes.link_kinds", language)["mediator.target"] == kind_words(language)[ItemKind.MEDIATOR][1]


def test_counts_agree_with_their_number() -> None:
    assert count("link_count", "sv", 1) == "1 koppling"
    assert count("link_count", "sv", 3) == "3 kopplingar"
    assert count("link_count", "en", 1) == "1 link"
    assert count("box_count", "en", 2) == "2 boxes"
    assert count("kind_count.starting_point", "sv", 1) == "1 utgångspunkt"
    assert count("kind_count.result", "en", 4) == "4 expected results (short-term)"
    assert word("minutes.indicators_moved", "en", n=1, towards=0).startswith("0 of 1 indicator with a target")
    assert word("minutes.indicators_moved", "sv", n=3, towards=2).startswith("2 av 3 indikatorer med mål")
    with pytest.raises(TypeError, match="plural"):
        word("minutes.gap_count", "sv")


def snapshot_with_two_target_kinds(language: str) -> SessionSnapshot:
    """The findings session, where one activity also leads to a mediating instance (two kinds of target)."""
    base = findings_snapshot(language)
    return dataclasses.replace(base, links=(*base.links, LinkInfo(3, 7)))


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_pdf_and_the_docx_print_the_catalogue_words(language: str, tmp_path: Path) -> None:
    guide = load_guide(language)
    other = labels_for("en" if language == "sv" else "sv")
    snapshot = snapshot_with_two_target_kinds(language)
    lab = labels_for(language)
    minutes = build_minutes(snapshot, guide)
    (sentence,) = [s for s in minutes.links if len(s.targets) == 2]
    joined = word("minutes.link_and", language, first="", second="").strip()
    assert f" {joined} " in sentence.text
    assert [text for text, emphasised in sentence.pieces if emphasised] == [
        next(i.text for i in snapshot.items if i.id == 3),
        *(text for _, texts in sentence.targets for text in texts),
    ]
    board = minutes.board_alt
    assert count("kind_count.starting_point", language, 1) + "," in board  # one starting point: no plural
    assert count("link_count", language, len(snapshot.links)) in board

    pdf_path = tmp_path / "minutes.pdf"
    render_minutes(snapshot, guide, pdf_path)
    pages = [flat(page.extract_text() or "") for page in PdfReader(pdf_path).pages]
    text = " ".join(pages)
    for said in (
        lab.summary,
        lab.appendix_logic,
        lab.links_intro,
        lab.gaps_intro,
        lab.status_findings,
        lab.previous_actions.format(previous=minutes.previous_in_text),
        word("owner_missing", language),
        STATUS_WORDS[language][ActionStatus.DONE],
        flat(sentence.text),
        flat(board),
    ):
        assert flat(said) in text, said
    assert all(word("page", language, page=index, pages=len(pages)) in page for index, page in enumerate(pages, 1))
    for foreign in (other.appendix_logic, other.links_intro, other.gaps_intro, other.summary_joint):
        assert flat(foreign) not in text, foreign

    docx_path = tmp_path / "minutes.docx"
    render_minutes_docx(snapshot, guide, docx_path)
    document = docx.Document(str(docx_path))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert {lab.summary, lab.ratings, lab.actions, lab.appendix_logic, lab.links} <= set(headings)
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert sentence.text in paragraphs and board in paragraphs
    assert other.links_intro not in paragraphs and lab.links_intro in paragraphs
    header = "".join(t.text or "" for t in document.sections[0].header._element.iter() if t.tag.endswith("}t"))
    assert header.count(word("page", language, page="", pages="").split(" ")[0]) == 1
    assert document.core_properties.title.startswith(f"{lab.kind}: ")


def test_a_document_without_its_own_page_number_takes_the_catalogues() -> None:
    """The page number is one template, "Sida {page} ({pages})": Typst and Word fill its placeholders with
    their page counters, so a translator may put the number where the language wants it."""
    for language in WORD_LANGUAGES:
        document = doc.Document(title="T", language=language, blocks=())
        parts = doc.document_json(document, lambda figure: "")["page"]
        assert "".join(f"{literal}{{{name}}}" if name else literal for literal, name in parts) == word("page", language)
        assert [name for _, name in parts if name] == ["page", "pages"]
    own = doc.Document(title="T", language="en", blocks=(), page_number="{pages}/{page}")
    assert doc.document_json(own, lambda figure: "")["page"] == [["", "pages"], ["/", "page"]]
    assert labels_for("en").page == "Page {page} ({pages})"


def test_a_translator_may_move_the_page_number(tmp_path: Path) -> None:
    """Typst and Word print the template as given, the counters where its placeholders are."""
    document = doc.Document(
        title="T",
        language="sv",
        blocks=(doc.Paragraph("a"), doc.PageBreak(), doc.Paragraph("b")),
        page_number="{pages} sidor, detta är sida {page}",
    )
    pdf_path = tmp_path / "t.pdf"
    write_pdf(document, pdf_path)
    pages = [flat(page.extract_text() or "") for page in PdfReader(pdf_path).pages]
    assert len(pages) == 2 and all(f"2 sidor, detta är sida {n}" in page for n, page in enumerate(pages, 1))
    docx_path = tmp_path / "t.docx"
    write_document_docx(document, docx_path)
    header = docx.Document(str(docx_path)).sections[0].header._element.xml
    assert header.index(">NUMPAGES<") < header.index(" sidor, detta är sida ") < header.index(">PAGE<")


def test_a_sentence_with_emphasised_items_is_filled_from_its_template() -> None:
    assert fill(
        "{subject} {source} leder till {targets}.",
        subject="Resursen",
        source=(("R1", True),),
        targets=(
            ("resultatet ", False),
            ("E1", True),
        ),
    ) == (("Resursen ", False), ("R1", True), (" leder till resultatet ", False), ("E1", True), (".", False))
    assert fill("{first}", first=()) == ()


def test_the_sentences_read_as_before_they_were_templates() -> None:
    """The texts the minutes printed when these sentences were glued from words in code, each now one entry."""
    sv, en = labels_for("sv"), labels_for("en")
    due = dt.date(2027, 6, 1)
    assert _action_line("Ny rutin", " Anna ", due, sv) == "Ny rutin (ansvarig: Anna; klart senast 2027-06-01)"
    assert _action_line("Ny rutin", "", None, sv) == "Ny rutin (ansvarig saknas; datum saknas)"
    assert _action_line("New routine", "", due, en) == "New routine (no owner; due 2027-06-01)"
    stats = ScaleStats(scale=1, present=6, values=(5, 6, 7, 7, 8, 9))
    assert assessment_text(stats, sv) == "Personlig bedömning: median 7, spridning 5–9 (6 av 6 bedömde)."
    assert assessment_text(None, en) == "Personal assessment: no ratings."
