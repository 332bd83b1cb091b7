"""The PDF minutes: what a committee reads, extracted back with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from lardesk.method.guide import SECTIONS, load_guide
from lardesk.method.logic import ItemKind
from lardesk.method.people import Gender
from lardesk.method.snapshot import (
    Anonymity,
    ImprovementInfo,
    ItemInfo,
    JointInfo,
    LinkInfo,
    NoteInfo,
    OrganisationInfo,
    ParticipantInfo,
    RatingInfo,
    SessionInfo,
    SessionSnapshot,
)
from lardesk.method.stats import number
from lardesk.reports.files import render_atomic
from lardesk.reports.minutes import (
    FigureImage,
    MinutesFigures,
    MinutesOptions,
    build_minutes,
    clean_text,
    render_minutes,
    write_minutes_pdf,
)
from lardesk.reports.typst_pdf import PublishError
from lardesk.services import Services

GUIDE = load_guide("sv")


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces made single spaces (wrapped lines join up)."""
    return re.sub(r"\s+", " ", text)


def big_snapshot(
    participants: int = 30,
    items: int = 200,
    *,
    anonymity: Anonymity = Anonymity.OPEN,
    note: str = "Gruppen resonerade om frågan & kom fram till <något> viktigt. ",
    note_repeat: int = 6,
) -> SessionSnapshot:
    """A large session built as plain data: every question has a note, every scale ratings."""
    info = SessionInfo(
        id=1,
        organisation=OrganisationInfo(1, "Storkommunen", "Socialförvaltningen"),
        date=dt.date(2025, 3, 14),
        title="Lärande uppföljning 2025",
        period="2024",
        facilitator="Kim Strateg",
        case_number="SN 2025/77",
        anonymity=anonymity,
    )
    people = tuple(
        ParticipantInfo(
            id=i,
            key=f"p{i}",
            name=f"Deltagare Nummer{i}",
            role=f"Roll {i % 7}",
            gender=Gender.WOMAN if i % 3 else Gender.MAN,
            position=i,
        )
        for i in range(1, participants + 1)
    )
    kinds = [ItemKind.RESOURCE, ItemKind.ACTIVITY, ItemKind.RESULT, ItemKind.MEDIATOR, ItemKind.EFFECT]
    statuses: dict[ItemKind, str | None] = {
        ItemKind.ACTIVITY: "implemented",
        ItemKind.RESULT: "partly_achieved",
        ItemKind.EFFECT: "expected",
    }
    logic = tuple(
        ItemInfo(
            id=1000 + i,
            kind=kinds[i % 5],
            key=f"k{i}",
            text=f"Punkt {i} i programlogiken: jämställdhetsintegrering av verksamhetsplanen del {i}",
            status=statuses.get(kinds[i % 5]),
            outcome="Delvis klart." if i % 11 == 0 else "",
            budget_sek=25000.0 if kinds[i % 5] is ItemKind.RESOURCE else None,
            position=i,
        )
        for i in range(items)
    )
    links = tuple(
        LinkInfo(logic[i].id, logic[i + 1].id)
        for i in range(items - 1)
        if (logic[i].kind, logic[i + 1].kind)
        in {(ItemKind.RESOURCE, ItemKind.ACTIVITY), (ItemKind.ACTIVITY, ItemKind.RESULT)}
    )
    notes = [NoteInfo(s, 0, f"Sammanfattning av del {s}. " + note * 2) for s in SECTIONS]
    for section in GUIDE.sections:
        for question in section.questions:
            notes.append(NoteInfo(section.number, question.number, note * note_repeat))
    ratings = tuple(RatingInfo(p.id, scale, 1, (p.id + scale) % 10 + 1) for p in people for scale in SECTIONS)
    improvements = tuple(
        ImprovementInfo(
            id=i,
            text=f"Åtgärd {i}: följ upp resultat {i}",
            scale=(i % 9) + 1,
            owner="Förvaltningschef",
            due=dt.date(2025, 12, 31),
            position=i,
        )
        for i in range(1, 16)
    )
    return SessionSnapshot(
        session=info,
        participants=people,
        items=logic,
        links=links,
        notes=tuple(notes),
        ratings=ratings,
        joint=(JointInfo(9, 6, "Enig grupp."), JointInfo(4, 3, "")),
        improvements=improvements,
    )


@pytest.fixture
def example_pdf(services: Services, example_id: int, tmp_path: Path) -> Path:
    path = tmp_path / "minutes.pdf"
    render_minutes(services.sessions.snapshot(example_id), GUIDE, path)
    return path


def test_example_minutes_say_what_the_committee_needs(services: Services, example_id: int, example_pdf: Path) -> None:
    snapshot = services.sessions.snapshot(example_id)
    text = flat(pdf_text(example_pdf))
    assert "Exempelkommunen" in text
    assert "Kommunledningsförvaltningen" in text
    assert "6 deltagare, varav 4 kvinnor och 2 män" in text
    # Every gap finding, by its title and by the item it concerns.
    assert snapshot.findings
    for finding in snapshot.findings:
        assert flat(GUIDE.findings[finding.code]) in text
        assert flat(finding.text) in text, finding
    # Every scale's median, in the scale table (Swedish decimal comma).
    for stats in snapshot.stats(1):
        shown = str(number(stats.median)).replace(".", ",")
        label = GUIDE.scale(stats.scale).label
        assert re.search(rf"{stats.scale}\. {label} {stats.n}/{stats.present} {re.escape(shown)} ", text), label
    # The joint assessment and its comment.
    joint = snapshot.joint_for(9)
    assert joint is not None
    assert f"Samlad bedömning: {joint.value}." in text
    assert flat(joint.comment) in text
    # The improvement actions: what, who, by when.
    for improvement in snapshot.improvements:
        assert flat(improvement.text) in text
        assert improvement.owner in text
        assert improvement.due is not None and improvement.due.isoformat() in text


def test_example_medians_match_the_exchange_readme(example_pdf: Path) -> None:
    text = flat(pdf_text(example_pdf))
    assert re.search(r"1\. Utgångspunkt 6/6 7 ", text)
    assert re.search(r"4\. Förmedlande instanser 6/6 3 ", text)
    assert re.search(r"9\. Samlad bedömning 6/6 5,5 ", text)
    assert re.search(r"7\. Struktur 5/6 ", text)  # p5 abstained on scale 7


def test_every_page_says_page_x_of_y_and_the_outline_points_at_the_right_pages(example_pdf: Path) -> None:
    reader = PdfReader(example_pdf)
    total = len(reader.pages)
    assert total >= 3
    for index, page in enumerate(reader.pages, start=1):
        assert f"Sida {index} ({total})" in (page.extract_text() or "")
    outline = reader.outline
    titles: dict[str, int] = {}

    def walk(entries: list[Any]) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                number = reader.get_destination_page_number(entry)
                assert number is not None
                titles[entry.title] = number

    walk(outline)
    for heading in (
        "Deltagare",
        "Överenskomna delar",
        "Programlogik",
        "Luckor i programlogiken",
        "Personlig och samlad bedömning",
        "Förbättringsåtgärder",
        "1. Utgångspunkter",
        "9. Samlad bedömning",
    ):
        assert heading in titles, heading
        page_text = reader.pages[titles[heading]].extract_text() or ""
        assert heading in page_text, f"the bookmark {heading!r} points at a page without that heading"
    assert titles["Förbättringsåtgärder"] > titles["Deltagare"]


def test_metadata_language_and_embedded_fonts(example_pdf: Path) -> None:
    reader = PdfReader(example_pdf)
    meta = reader.metadata
    assert meta is not None
    assert meta.title is not None and "Minnesanteckningar" in meta.title
    assert meta.author == "Jämställdhetsstrateg"
    assert meta.subject is not None and "Exempelkommunen" in meta.subject
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE"
    fonts_seen = 0
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for reference in resources["/Font"].values():
            font = reference.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
            assert "DejaVu" in str(font["/BaseFont"]) or "LardeskSans" in str(font["/BaseFont"])
            fonts_seen += 1
    assert fonts_seen


def test_the_program_logic_is_a_landscape_worksheet(example_pdf: Path) -> None:
    reader = PdfReader(example_pdf)
    wide = [p for p in reader.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert wide, "the program logic should sit on landscape pages"
    text = flat(" ".join(p.extract_text() or "" for p in wide))
    for header in (
        "Resurser",
        "Planerade aktiviteter",
        "Förväntat resultat (kortsiktigt)",
        "Förmedlande instanser",
        "Förväntade effekter (långsiktiga)",
    ):
        assert header in text
    assert "Inte genomförd: Skjuts till våren." in text  # a6: status and outcome


def test_user_text_is_escaped_and_long_text_breaks_across_pages(tmp_path: Path) -> None:
    tricky = 'R&D <b>inte fet</b> 5 < 7 & "citat" – åäö ÅÄÖ é'
    snapshot = big_snapshot(participants=30, items=40, note=tricky + "\n\n" + "Lång rad med ord. " * 80)
    snapshot = SessionSnapshot(
        session=snapshot.session,
        participants=snapshot.participants,
        items=snapshot.items,
        links=snapshot.links,
        notes=(*snapshot.notes, NoteInfo(1, 1, "Ett stycke.\n\n" + "Mycket lång anteckning. " * 1500)),
        ratings=snapshot.ratings,
        joint=snapshot.joint,
        improvements=snapshot.improvements,
    )
    path = tmp_path / "tricky.pdf"
    render_minutes(snapshot, GUIDE, path, options=MinutesOptions(include_board=False, include_spread=False))
    reader = PdfReader(path)
    text = flat(pdf_text(path))
    assert tricky in text
    assert "inte fet" in text and "<b>" in text
    assert len(reader.pages) > 10
    # 30 named participants (open mode), across a page break if need be.
    for i in range(1, 31):
        assert f"Deltagare Nummer{i} " in text
    assert "30 deltagare, varav 20 kvinnor och 10 män" in text


@pytest.mark.parametrize(
    ("anonymity", "names", "roles"),
    [(Anonymity.OPEN, True, True), (Anonymity.ROLES, False, True), (Anonymity.ANONYMOUS, False, False)],
)
def test_anonymity_decides_who_is_named(tmp_path: Path, anonymity: Anonymity, names: bool, roles: bool) -> None:
    snapshot = big_snapshot(participants=5, items=10, anonymity=anonymity)
    path = tmp_path / "m.pdf"
    render_minutes(snapshot, GUIDE, path, options=MinutesOptions(include_board=False, include_spread=False))
    text = pdf_text(path)
    assert "5 deltagare, varav 4 kvinnor och 1 man" in flat(text)
    assert ("Deltagare Nummer1" in text) is names
    assert ("Roll 1" in text) is roles


def test_case_number_option_overrides_and_shows_on_every_page(
    services: Services, example_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "m.pdf"
    render_minutes(
        services.sessions.snapshot(example_id), GUIDE, path, options=MinutesOptions(case_number="KS 2011/42")
    )
    for page in PdfReader(path).pages:
        assert "Dnr KS 2011/42" in (page.extract_text() or "")


def test_a_failed_export_leaves_the_earlier_file_alone(services: Services, example_id: int, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "minutes.pdf"
    render_minutes(services.sessions.snapshot(example_id), GUIDE, target)
    before = target.read_bytes()
    snapshot = services.sessions.snapshot(example_id)
    minutes = build_minutes(snapshot, GUIDE)
    broken = FigureImage(svg=b"this is not an SVG", width_in=6.0, height_in=4.0)
    # Typst fails on the figure, writing into the temporary file.
    with pytest.raises(PublishError, match=r"(?i)svg|image"):
        render_atomic(target, lambda temp: write_minutes_pdf(minutes, temp, MinutesFigures(spread=broken)))
    assert target.read_bytes() == before
    # And through render_minutes itself, when the figure it is given is broken.
    with pytest.raises(PublishError, match=r"(?i)svg|image"):
        render_minutes(snapshot, GUIDE, target, figures=MinutesFigures(spread=broken))
    assert target.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["minutes.pdf"], "a temporary file was left behind"


def test_control_characters_are_dropped() -> None:
    assert clean_text("a\x00b\x0bc\td\ne") == "abc d\ne"


def test_large_session_minutes(tmp_path: Path) -> None:
    snapshot = big_snapshot()
    path = tmp_path / "large.pdf"
    render_minutes(snapshot, GUIDE, path, options=MinutesOptions(include_board=False))
    reader = PdfReader(path)
    text = flat(pdf_text(path))
    assert "Punkt 199 i programlogiken" in text
    assert "Åtgärd 15: följ upp resultat 15" in text
    assert "avsatt 25 000 kr" in text  # resources carry their amounts, in Swedish form
    total = len(reader.pages)
    assert f"Sida {total} ({total})" in (reader.pages[-1].extract_text() or "")


def test_the_scale_tables_list_only_the_agreed_parts() -> None:
    """Like the spread figure, the per-scale tables leave out the scales of parts the group did not agree on
    (ratings that stayed from before the parts changed included)."""
    snapshot = big_snapshot(participants=4, items=10)
    agreed = SessionInfo(
        id=1,
        organisation=snapshot.session.organisation,
        date=snapshot.session.date,
        anonymity=snapshot.session.anonymity,
        parts=frozenset({2, 3}),
    )
    minutes = build_minutes(replace(snapshot, session=agreed), GUIDE)
    (table,) = minutes.scale_tables
    assert [row[0].split(".")[0] for row in table.rows] == ["2", "3", "9"]
