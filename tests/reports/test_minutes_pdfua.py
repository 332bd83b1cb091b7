"""The minutes as a nämnd publishes them: tagged PDF/UA-1 (checked with pikepdf), summary first, every finding,
median, joint comment and action in the text, user text as typed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import Guide, load_guide
from lardesk.method.logic import FINDING_CODES, ItemKind
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
    PreviousSession,
    RatingInfo,
    ScaleHistory,
    SessionInfo,
    SessionSnapshot,
)
from lardesk.method.stats import number
from lardesk.reports.minutes import MinutesOptions, build_minutes, draw_figures, minutes_document, render_minutes
from lardesk.reports.typst_pdf import PublishError, write_pdf
from lardesk.services import Services
from tests.pdfua import PdfUaError, PdfUaReport, check_pdf_ua
from tests.reports.test_minutes import big_snapshot, flat, pdf_text

SV = load_guide("sv")
EN = load_guide("en")
TRICKY = "Anteckning #rubrik *fet* <b>x</b> & $pengar$ @etikett ] [länk](x) `kod` \\ _under_ = slut"


def findings_snapshot(language: str = "sv") -> SessionSnapshot:
    """A small session whose program logic has every finding kind, rated in two rounds, with a previous
    follow-up, an action without owner or date, a joint value outside the range without a comment, and user
    text full of markup characters."""
    info = SessionInfo(
        id=7,
        organisation=OrganisationInfo(
            1,
            "Region Västra Långnamnslänet med en mycket lång organisationsbenämning som måste radbrytas",
            "Förvaltningen för regional utveckling, kultur, fritid och folkhälsa",
        ),
        date=dt.date(2026, 3, 10),
        title="Uppföljning #1 <2026> & *mer*",
        period="2025",
        facilitator="Kim Strateg",
        case_number="",
        language=language,
        anonymity=Anonymity.OPEN,
    )
    people = tuple(
        ParticipantInfo(i, f"p{i}", f"Person {i}", "Chef" if i % 2 else "Controller", g, position=i)
        for i, g in enumerate((Gender.WOMAN, Gender.MAN, Gender.WOMAN, Gender.UNSPECIFIED), start=1)
    )

    def item(i: int, kind: ItemKind, text: str, status: str | None = None) -> ItemInfo:
        return ItemInfo(i, kind, f"k{i}", text, status=status, position=i)

    items = (
        item(1, ItemKind.RESOURCE, "Resurs används $100 & mer"),
        item(2, ItemKind.RESOURCE, "Resurs som ingen använder"),
        item(3, ItemKind.ACTIVITY, "Aktivitet med allt", "implemented"),
        item(4, ItemKind.ACTIVITY, "Aktivitet utan allt #tag", "not_implemented"),
        item(5, ItemKind.RESULT, "Resultat med stöd", "achieved"),
        item(6, ItemKind.RESULT, "Resultat utan stöd <x>", "not_achieved"),
        item(7, ItemKind.MEDIATOR, "Förmedlare @hr"),
        item(8, ItemKind.EFFECT, "Effekt som nås"),
        item(9, ItemKind.EFFECT, "Effekt utan resultat ]"),
        item(10, ItemKind.STARTING_POINT, "Kommunens jämställdhetsmål"),
        item(11, ItemKind.RESULT, "Uppnått resultat utan förmedlare", "achieved"),
        item(12, ItemKind.RESULT, "Resultat på det som inte blev av", "expected"),
        item(13, ItemKind.ACTIVITY, "Aktivitet som inte blev av", "not_implemented"),
        ItemInfo(14, ItemKind.ACTIVITY, "k14", "Aktivitet från förra året", status="planned", carried_over=True),
    )
    links = (
        LinkInfo(1, 3),
        LinkInfo(3, 5),
        LinkInfo(7, 5),
        LinkInfo(5, 8),
        LinkInfo(8, 10),
        LinkInfo(11, 8),
        LinkInfo(1, 13),
        LinkInfo(13, 12),
        LinkInfo(12, 8),
        LinkInfo(7, 12),
        LinkInfo(1, 14),
        LinkInfo(14, 11),
    )
    notes = (
        NoteInfo(1, 0, TRICKY),
        NoteInfo(2, 1, "Andra stycket.\n\nTredje stycket med #hash."),
    )
    ratings = tuple(RatingInfo(p.id, s, 1, (p.id * s) % 10 + 1) for p in people for s in range(1, 10))
    ratings += tuple(RatingInfo(p.id, s, 2, (p.id + s) % 10 + 1) for p in people for s in (3, 9))
    joint = (JointInfo(9, 10, ""), JointInfo(3, 5, "Gruppen enades <snabbt> & tydligt."))
    improvements = (
        ImprovementInfo(1, "Åtgärd med allt", 3, "Enhetschef", dt.date(2026, 12, 31)),
        ImprovementInfo(2, "Åtgärd utan ansvarig och datum *viktig*", None),
    )
    previous = PreviousSession(
        3,
        dt.date(2025, 11, 15),
        "2024",
        tuple(ScaleHistory(s, 5.0, 3, 7, 4, 5) for s in range(1, 10)),
        (ImprovementInfo(9, "Förra uppföljningens åtgärd", 2, "HR", dt.date(2025, 6, 30), status=ActionStatus.DONE),),
    )
    return SessionSnapshot(
        session=info,
        participants=people,
        items=items,
        links=links,
        notes=notes,
        ratings=ratings,
        joint=joint,
        improvements=improvements,
        previous=previous,
    )


def bench_snapshot(services: Services) -> SessionSnapshot:
    """The 30-participant, 200-item session of the benchmarks (tests/bench/data.py), imported for real."""
    import json

    from tests.bench.data import big_session

    new_id = services.exchange.import_bytes(json.dumps(big_session())).new_id
    assert new_id is not None
    return services.sessions.snapshot(new_id)


def write_checked(snapshot: SessionSnapshot, guide: Guide, path: Path) -> PdfUaReport:
    """Write the minutes, check them as PDF/UA, and check that the structure tree's headings are the
    document's, in its order."""
    figures = draw_figures(snapshot, guide)
    render_minutes(snapshot, guide, path, figures=figures)
    report = check_pdf_ua(path)
    minutes = build_minutes(snapshot, guide)
    assert report.headings == minutes_document(minutes, figures).headings
    assert report.headings[0] == (1, minutes.labels.summary)
    assert report.orphans == [], "a heading alone at the foot of a page"
    spreads = 1 + len(figures.later_rounds)
    assert len(report.figures) == spreads + len(figures.board_parts)
    assert figures.board_parts, "the board is printed"
    for alt, part in zip(report.figures[spreads:], figures.board_parts, strict=True):
        assert alt == part.alt
    return report


def assert_complete(snapshot: SessionSnapshot, guide: Guide, path: Path) -> None:
    """Every finding, median, joint comment and action is in the text; page 1 is the summary."""
    reader = PdfReader(path)
    text = flat(pdf_text(path))
    minutes = build_minutes(snapshot, guide)
    for finding in snapshot.findings:
        assert flat(guide.findings[finding.code]) in text, finding.code
        assert flat(finding.text.strip()) in text, finding
    decimal = "," if guide.language == "sv" else "."
    for round_ in snapshot.rounds():
        for stats in snapshot.stats(round_, snapshot.session.agreed_sections):
            if not stats.values:
                continue
            if round_ > 1 and stats.scale not in {r.scale for r in snapshot.ratings_in(round_)}:
                continue
            shown = str(number(stats.median)).replace(".", decimal)
            label = guide.scale(stats.scale).label
            assert re.search(rf"{stats.scale}\. {re.escape(label)} {stats.n}/{stats.present} {re.escape(shown)} ", text)
    for heading, comment in minutes.joint_comments:
        assert flat(heading) in text
        assert flat(comment) in text
    for action in snapshot.improvements:
        assert flat(action.text) in text
    # "Sida x (y)" counts up on every page (a layout Typst could not settle numbers pages wrongly).
    total = len(reader.pages)
    for index, page in enumerate(reader.pages, start=1):
        assert re.search(rf"(Sida|Page) {index} \({total}\)", page.extract_text() or ""), f"page {index}"
    first = flat(reader.pages[0].extract_text() or "")
    assert minutes.labels.summary in first
    if minutes.actions:
        assert flat(minutes.actions[0].text) in first, "the actions start on page 1"
    assert flat(snapshot.participation_sentence(guide.language)) in first


def test_demo_minutes_are_pdf_ua(services: Services, tmp_path: Path) -> None:
    snapshot = services.sessions.snapshot(services.exchange.load_demo())
    path = tmp_path / "demo.pdf"
    report = write_checked(snapshot, SV, path)
    assert report.tables >= 6
    assert any("median 7" in alt for alt in report.figures)
    assert_complete(snapshot, SV, path)


def test_every_finding_kind_two_rounds_and_markup_characters(tmp_path: Path) -> None:
    snapshot = findings_snapshot()
    assert {f.code for f in snapshot.findings} == set(FINDING_CODES)
    path = tmp_path / "findings.pdf"
    report = write_checked(snapshot, SV, path)
    assert [h for h in report.headings if h[1].startswith("Omgång")] == [(2, "Omgång 1"), (2, "Omgång 2")]
    assert sum(1 for alt in report.figures if alt.startswith("Spridning per skala, omgång")) == 2
    assert_complete(snapshot, SV, path)
    text = flat(pdf_text(path))
    assert TRICKY in text, "user text comes out as typed"
    assert "Uppföljning #1 <2026> & *mer*" in text
    assert "Ansvarig saknas" in text and "Datum saknas" in text
    assert "motivering saknas" in text  # joint 10 is outside the range, with no comment
    assert "Föregående uppföljning (2025-11-15)" in text  # not a year before
    assert "1 med ej angivet kön" in text
    assert "Aktiviteten Aktivitet med allt leder till resultatet Resultat med stöd" in text
    reader = PdfReader(path)
    # Round 2 re-rated only scales 3 and 9: its table lists only those.
    round_two = text[text.index("Omgång 2") :]
    round_two = round_two[: round_two.index("Den samlade bedömningen")]
    assert "3. " in round_two and "9. " in round_two and "1. Utgångspunkt" not in round_two
    # The long organisation name wraps in the header; "Sida x (y)" stays whole on every page.
    total = len(reader.pages)
    for index, page in enumerate(reader.pages, start=1):
        assert f"Sida {index} ({total})" in (page.extract_text() or "")
    meta = reader.metadata
    assert meta is not None and meta.author == "Kim Strateg"
    assert meta.title is not None and meta.title.startswith("Minnesanteckningar")


def test_large_bench_session_is_pdf_ua(services: Services, tmp_path: Path) -> None:
    snapshot = bench_snapshot(services)
    path = tmp_path / "large.pdf"
    write_checked(snapshot, SV, path)
    assert_complete(snapshot, SV, path)
    # The worksheet runs over many pages; each repeats the table's header row.
    pages = [flat(page.extract_text() or "") for page in PdfReader(path).pages]
    first = next(i for i, text in enumerate(pages) if "Bilaga: Programlogiken" in text)
    last = next(i for i, text in enumerate(pages) if "Kopplingarna i ord" in text)
    assert last - first >= 3
    for text in pages[first : last + 1]:
        assert "Resurser Planerade aktiviteter Förväntat resultat (kortsiktigt)" in text


def test_english_minutes_are_pdf_ua_in_english(tmp_path: Path) -> None:
    snapshot = findings_snapshot("en")
    path = tmp_path / "en.pdf"
    write_checked(snapshot, EN, path)
    assert_complete(snapshot, EN, path)
    import pikepdf

    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
    text = flat(pdf_text(path))
    assert "No owner" in text and "Page 1 (" in text


def test_the_checker_fails_an_untagged_pdf(tmp_path: Path) -> None:
    """The check can fail: a reportlab form (untagged paper for the room) does not pass it."""
    from lardesk.reports.forms import FormsOptions, render_forms

    path = tmp_path / "form.pdf"
    render_forms(SV, path, options=FormsOptions(copies=1, worksheet=False))
    with pytest.raises(PdfUaError, match=r"Marked|structure tree|pdfuaid"):
        check_pdf_ua(path)


def test_typst_refuses_a_figure_without_alt_text(tmp_path: Path) -> None:
    minutes = build_minutes(big_snapshot(participants=3, items=5), SV, MinutesOptions())
    document = minutes_document(minutes)
    with pytest.raises(ValueError, match="alt"):
        replace(document.blocks[0])  # a heading: fine
        from lardesk.reports.document import Figure

        Figure(" ", "", 1.0, 1.0, lambda: b"", lambda: b"")
    broken = replace(document, title="")
    with pytest.raises(PublishError):
        write_pdf(broken, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_the_pdf_needs_no_plotting_library(tmp_path: Path) -> None:
    """The first export in a process is not spent importing matplotlib: the figures are SVG written directly."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from lardesk.method.guide import load_guide\n"
        "from lardesk.reports.minutes import render_minutes\n"
        "from tests.reports.test_minutes_pdfua import findings_snapshot\n"
        f"render_minutes(findings_snapshot(), load_guide('sv'), {str(tmp_path / 'm.pdf')!r})\n"
        "print(sorted(m for m in ('matplotlib', 'numpy', 'reportlab') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert check_pdf_ua(tmp_path / "m.pdf").figures


def test_the_checker_finds_a_heading_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    """Typst keeps a heading with what follows (sticky blocks); without that, the check would say so."""
    import typst

    from lardesk.reports.typst_pdf import fonts_dir

    source = (
        '#set document(title: "T")\n#set text(lang: "sv", font: "DejaVu Sans")\n'
        "#show heading: set block(sticky: false)\n"
        "= Början\n#v(22.6cm)\n= Ensam rubrik\n#lorem(200)\n"
    )
    path = tmp_path / "orphan.pdf"
    (tmp_path / "orphan.typ").write_text(source, encoding="utf-8")
    typst.compile(
        str(tmp_path / "orphan.typ"),
        output=str(path),
        font_paths=[str(fonts_dir())],
        ignore_system_fonts=True,
        pdf_standards=["ua-1"],
    )
    assert check_pdf_ua(path).orphans == ["Ensam rubrik"]
