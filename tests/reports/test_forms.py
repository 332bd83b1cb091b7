"""The printable forms: the personal assessment form (Bilaga 2) and the A3 program-logic worksheet."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from lardesk.method.guide import load_guide
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.method.words import section, word
from lardesk.reports.forms import FormsOptions, form_names, render_forms
from lardesk.services import Services
from tests.reports.test_minutes import big_snapshot

GUIDE = load_guide("sv")
A4 = (595, 842)
A3_LANDSCAPE = (1191, 842)


def sizes(path: Path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(path).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_blank_forms_are_one_personal_page_and_one_a3_worksheet_in_its_own_file(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    written = render_forms(GUIDE, path)
    sheet = tmp_path / "forms-arbetsblad.pdf"
    assert written == [path, sheet]
    assert sizes(path) == [A4]
    assert sizes(sheet) == [A3_LANDSCAPE]
    reader = PdfReader(path)
    personal = flat(reader.pages[0].extract_text() or "")
    assert "Organisation" in personal and "Datum" in personal, "a blank form has lines for them"
    assert "”Avstår”" in personal
    assert "Personlig bedömning" in personal
    assert "Namn" in personal
    for scale in GUIDE.scales:
        assert f"{scale.number}. {scale.label}" in personal
        assert flat(scale.question) in personal
    assert personal.count(GUIDE.scale_low) == 9 and personal.count(GUIDE.scale_high) == 9
    assert personal.count("Avstår") >= 9
    worksheet = flat(PdfReader(sheet).pages[0].extract_text() or "")
    assert "Sida 1 (1)" in worksheet
    for header in (
        "Resurser",
        "Planerade aktiviteter",
        "Förväntat resultat (kortsiktigt)",
        "Förmedlande instanser",
        "Förväntade effekter (långsiktiga)",
    ):
        assert header in worksheet
    assert worksheet.count("Bedömning:") == 5


def test_copies_give_that_many_personal_pages(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    render_forms(GUIDE, path, options=FormsOptions(copies=7, worksheet=False))
    assert sizes(path) == [A4] * 7


def test_one_page_per_participant_names_only_in_open_mode(tmp_path: Path) -> None:
    open_session = big_snapshot(participants=4, items=10, anonymity=Anonymity.OPEN)
    path = tmp_path / "open.pdf"
    render_forms(GUIDE, path, snapshot=open_session, options=FormsOptions(worksheet=False))
    reader = PdfReader(path)
    assert len(reader.pages) == 4
    for index, page in enumerate(reader.pages, start=1):
        assert f"Deltagare Nummer{index}" in (page.extract_text() or "")
    roles_session = big_snapshot(participants=4, items=10, anonymity=Anonymity.ROLES)
    assert form_names(roles_session, None) == ["", "", "", ""]
    path = tmp_path / "roles.pdf"
    render_forms(GUIDE, path, snapshot=roles_session, options=FormsOptions(worksheet=False))
    text = "".join(p.extract_text() or "" for p in PdfReader(path).pages)
    assert "Deltagare Nummer" not in text
    assert "(frivilligt)" in text


def test_worksheet_prefilled_from_a_session(services: Services, example_id: int, tmp_path: Path) -> None:
    snapshot: SessionSnapshot = services.sessions.snapshot(example_id)
    path = tmp_path / "worksheet.pdf"
    render_forms(GUIDE, path, snapshot=snapshot, options=FormsOptions(personal=False))
    assert sizes(path)[0] == A3_LANDSCAPE
    text = flat("".join(p.extract_text() or "" for p in PdfReader(path).pages))
    for item in snapshot.items:
        assert flat(item.text) in text, item.key
    assert "Exempelkommunen" in text
    blank = tmp_path / "blank.pdf"
    render_forms(GUIDE, blank, snapshot=snapshot, options=FormsOptions(personal=False, prefill=False))
    assert "Ettårigt utbildningsprogram" not in flat(PdfReader(blank).pages[0].extract_text() or "")


def test_a_large_worksheet_runs_over_several_a3_pages(tmp_path: Path) -> None:
    path = tmp_path / "large.pdf"
    render_forms(GUIDE, path, snapshot=big_snapshot(participants=2, items=200), options=FormsOptions(personal=False))
    pages = sizes(path)
    assert len(pages) > 1 and set(pages) == {A3_LANDSCAPE}
    text = flat("".join(p.extract_text() or "" for p in PdfReader(path).pages))
    assert "Punkt 199 i programlogiken" in text
    for number, page in enumerate(PdfReader(path).pages, start=1):
        assert f"Sida {number} ({len(pages)})" in (page.extract_text() or "")


def test_nothing_to_print_is_refused_and_the_old_file_stays(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    render_forms(GUIDE, path)
    before = path.read_bytes()
    with pytest.raises(ValueError, match="nothing to print"):
        render_forms(GUIDE, path, options=FormsOptions(personal=False, worksheet=False))
    with pytest.raises(ValueError, match="copies"):
        render_forms(GUIDE, path, options=FormsOptions(copies=-1))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forms-arbetsblad.pdf", "forms.pdf"]


def test_only_the_agreed_scales_are_printed(tmp_path: Path) -> None:
    snapshot = big_snapshot(participants=2, items=4)
    agreed = replace(snapshot, session=replace(snapshot.session, parts=frozenset({2, 5})))
    path = tmp_path / "agreed.pdf"
    render_forms(GUIDE, path, snapshot=agreed, options=FormsOptions(worksheet=False))
    text = flat(PdfReader(path).pages[0].extract_text() or "")
    shown = [scale.number for scale in GUIDE.scales if f"{scale.number}. {scale.label}" in text]
    assert shown == [2, 5, 9]  # scale 9 is always agreed
    assert "Organisation" not in text.split("Personlig bedömning")[0] or "Storkommunen" in text


def contrast(foreground: str, background: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_ink_on_the_forms_has_contrast_of_at_least_4_5() -> None:
    from lardesk.reports import forms

    assert contrast("#a7afb8") < 4.5  # the old faint digits: the check can fail
    for colour in (forms.DIGIT_COLOUR, forms.MUTED, forms.INK, forms.ACCENT):
        assert contrast(colour) >= 4.5, colour


def test_the_guides_figures_for_the_room(tmp_path: Path) -> None:
    """Figures 1–3 of the guide (program logic, program logic for evaluation, APeL's model), one A4 landscape
    page each, a set for each person asked for; the small print says lardesk drew them."""
    path = tmp_path / "figurer.pdf"
    assert render_forms(GUIDE, path, options=FormsOptions(figures=True, copies=2)) == [path]
    assert sizes(path) == [(842, 595)] * 6
    pages = [flat(page.extract_text() or "") for page in PdfReader(path).pages]
    assert "Figur 1: Programlogik" in pages[0]
    for words in ("Resurser", "Planerade aktiviteter", "Förväntade effekter (långsiktiga)"):
        assert words in pages[0]
    assert "Står avsatta resurser i proportion till planerade aktiviteter?" in pages[0]  # the four questions
    assert "Genomförda aktiviteter" in pages[1] and "Uppnådda resultat" in pages[1]
    for words in ("Struktur", "Sammanhållen utvecklingsidé", "Förmedlande instanser", "Delaktighet", "Lärande"):
        assert words in pages[2]
    assert all("ritade av lardesk" in page for page in pages)
    assert pages[3:] == pages[:3]


def test_the_personal_form_says_the_numbers_and_end_labels_are_lardesks(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    render_forms(GUIDE, path, options=FormsOptions(worksheet=False))
    personal = flat(PdfReader(path).pages[0].extract_text() or "")
    assert "Siffrorna 1–10 och ändpunkternas ord är lardesks" in personal


def test_the_forms_words_are_the_catalogues_forms_section() -> None:
    """FormWords is built from the catalogue: a word missing from it, or one it does not know, fails here."""
    from dataclasses import fields

    from lardesk.method.words import WORD_LANGUAGES
    from lardesk.reports.forms import ApelWords, FigureBoxes, FormWords, words_for

    nested = {"boxes": FigureBoxes, "apel": ApelWords}
    shared = {"page"}  # the catalogue's top-level word, not copied into the section
    expected = {f.name for f in fields(FormWords)} - set(nested) - shared
    expected |= {f"{name}.{f.name}" for name, kind in nested.items() for f in fields(kind)}
    for language in WORD_LANGUAGES:
        assert set(section("forms", language)) == expected
        assert words_for(language).page == word("page", language)
    assert words_for("en").abstain == "Abstain" and words_for("sv").abstain == "Avstår"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_printed_forms_say_the_catalogue_words_in_both_languages(tmp_path: Path, language: str) -> None:
    guide = load_guide(language)
    path = tmp_path / "forms.pdf"
    personal_path, sheet_path = render_forms(guide, path)
    assert sheet_path.name == f"forms-{word('forms.worksheet_file', language)}.pdf"
    personal = flat(PdfReader(personal_path).pages[0].extract_text() or "")
    for key in ("appendix2", "personal_title", "name", "name_hint", "organisation", "date", "instructions"):
        assert flat(word(f"forms.{key}", language)) in personal, key
    assert personal.count(word("forms.abstain", language)) >= len(guide.scales)
    assert flat(word("forms.scale_note", language)) in personal
    sheet = flat(PdfReader(sheet_path).pages[0].extract_text() or "")
    for key in ("appendix1", "worksheet_title", "worksheet_hint"):
        assert flat(word(f"forms.{key}", language)) in sheet, key
    assert sheet.count(word("forms.assessment", language)) == 5
    assert word("page", language, page=1, pages=1) in sheet
    figures = tmp_path / "figures.pdf"
    render_forms(guide, figures, options=FormsOptions(figures=True))
    pages = [flat(page.extract_text() or "") for page in PdfReader(figures).pages]
    for number, page in enumerate(pages, start=1):
        assert word(f"forms.figure_{number}", language) in page
        assert word("forms.figures_title", language) in page and word("forms.figures_note", language) in page
    boxes, apel = section("forms.boxes", language), section("forms.apel", language)
    assert word("forms.read_right_to_left", language) in pages[0]
    assert all(boxes[name] in pages[1] for name in boxes)
    assert all(text in pages[2] for text in apel.values())
