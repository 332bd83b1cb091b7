"""The editable DOCX minutes: the same content as the PDF, in Word's own styles."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.image.exceptions import UnrecognizedImageError

from lardesk.method.guide import load_guide
from lardesk.method.snapshot import NoteInfo, SessionSnapshot
from lardesk.method.stats import number
from lardesk.reports.minutes import FigureImage, MinutesFigures, MinutesOptions
from lardesk.reports.minutes_docx import render_minutes_docx
from lardesk.services import Services
from tests.reports.test_minutes import big_snapshot

GUIDE = load_guide("sv")


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_example_docx_holds_the_minutes(services: Services, example_id: int, tmp_path: Path) -> None:
    snapshot = services.sessions.snapshot(example_id)
    path = tmp_path / "minutes.docx"
    render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(case_number="KS 2011/7"))
    text = docx_text(path)
    assert "Exempelkommunen" in text
    assert "6 deltagare, varav 4 kvinnor och 2 män" in text
    for finding in snapshot.findings:
        assert GUIDE.findings[finding.code] in text
        assert finding.text in text
    for stats in snapshot.stats(1):
        assert str(number(stats.median)).replace(".", ",") in text
    joint = snapshot.joint_for(9)
    assert joint is not None and joint.comment in text
    document = docx.Document(str(path))
    assert document.core_properties.language == "sv-SE"
    assert document.core_properties.title.startswith("Minnesanteckningar")
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "Programlogik" in headings and "Förbättringsåtgärder" in headings
    header_xml = document.sections[0].header._element.xml
    assert "NUMPAGES" in header_xml and "PAGE" in header_xml and "KS 2011/7" in header_xml


def test_docx_keeps_special_characters_and_drops_control_characters(tmp_path: Path) -> None:
    base = big_snapshot(participants=3, items=6)
    snapshot = SessionSnapshot(
        session=base.session,
        participants=base.participants,
        items=base.items,
        links=base.links,
        notes=(NoteInfo(1, 0, "R&D <b> 5 < 7 \x0b åäö"),),
        ratings=base.ratings,
    )
    path = tmp_path / "m.docx"
    render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(include_board=False, include_spread=False))
    assert "R&D <b> 5 < 7  åäö" in docx_text(path)


def test_failed_docx_export_leaves_the_earlier_file(services: Services, example_id: int, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = out / "minutes.docx"
    snapshot = services.sessions.snapshot(example_id)
    render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(include_board=False))
    before = path.read_bytes()
    broken = MinutesFigures(spread=FigureImage(png=b"not a png", width_in=6.0, height_in=4.0))
    with pytest.raises(UnrecognizedImageError):  # python-docx fails on the figure, halfway through
        render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(include_board=False), figures=broken)
    assert path.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["minutes.docx"]
