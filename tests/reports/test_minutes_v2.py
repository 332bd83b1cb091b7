"""The minutes and format version 2, in both the PDF and the DOCX (one text model): dropped items with their
reasons, last follow-up's status beside a carried item, the review of the previous actions (status, comment,
date) and the findings G8, S3 and S4."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import load_guide
from lardesk.method.logic import ItemKind
from lardesk.reports.minutes import MinutesOptions, render_minutes
from lardesk.reports.minutes_docx import render_minutes_docx
from lardesk.services import NewSession, Services
from tests.reports.test_docx import docx_text
from tests.reports.test_minutes import flat, pdf_text

GUIDE = load_guide("sv")


@pytest.fixture
def continued(services: Services) -> int:
    last = services.sessions.create_session(
        NewSession(organisation="Ankeby kommun", date=dt.date(2011, 11, 15), period="2011")
    ).new_id
    assert last is not None
    logic = services.logic
    a1 = logic.add_item(last, ItemKind.ACTIVITY, "Kartlägg gårdarna", status="implemented", outcome="Tre av fem").new_id
    r1 = logic.add_item(last, ItemKind.RESULT, "Lika mycket tid", status="achieved").new_id
    assert a1 is not None and r1 is not None
    logic.add_link(a1, r1)
    action = services.sessions.add_improvement(last, "Könsuppdela besöksstatistiken", 3, "Controller").new_id
    assert action is not None
    sid = services.sessions.create_session(
        NewSession(organisation="Ankeby kommun", date=dt.date(2012, 11, 20), period="2012", continue_from=last)
    ).new_id
    assert sid is not None
    services.sessions.review_previous_action(sid, action, ActionStatus.PARTLY_DONE, "Räknas, men inte per gård")
    goal = logic.add_item(sid, ItemKind.STARTING_POINT, "KF:s jämställdhetsmål", category="goal").new_id
    effect = logic.add_item(sid, ItemKind.EFFECT, "Lika villkor").new_id
    seminar = logic.add_item(sid, ItemKind.ACTIVITY, "Seminarium").new_id
    assert goal is not None and effect is not None and seminar is not None
    logic.drop_item(seminar, "Ingen budget i år")
    return sid


def test_pdf_and_docx_minutes_report_the_year_to_year_and_dropped_items(
    services: Services, continued: int, tmp_path: Path
) -> None:
    snapshot = services.sessions.snapshot(continued)
    pdf = tmp_path / "m.pdf"
    render_minutes(snapshot, GUIDE, pdf, options=MinutesOptions(include_board=False, include_spread=False))
    word = tmp_path / "m.docx"
    render_minutes_docx(snapshot, GUIDE, word, options=MinutesOptions(include_board=False, include_spread=False))
    for text in (flat(pdf_text(pdf)), flat(docx_text(word))):
        assert "Strukna punkter" in text
        assert "Seminarium" in text and "Ingen budget i år" in text
        assert "förra uppföljningen: Genomförd – Tre av fem" in text
        assert "Delvis genomförd (2012-11-20)" in text and "Räknas, men inte per gård" in text
        assert "Effekt som inte svarar mot någon utgångspunkt" in text  # G8: e1 answers to no starting point
        assert "Ej följd upp (från föregående uppföljning)" in text  # S4: the carried items, not yet assessed
        assert "Genomgång av åtgärderna från förra året (2011)" in text
