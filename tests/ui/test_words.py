"""One word per thing, in every window a facilitator opens (issue 11, items 17 and 18): scale 9 has one name
(Swedish "Samlad bedömning", English "Overall assessment") in the steps, the spread, the tables, the forms;
what lardesk writes is called "Minnesanteckningar", never "Protokoll" (a formal, signed record)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from lardesk.method.guide import load_guide
from lardesk.reports.forms import render_forms
from lardesk.services import Services
from lardesk.ui.bus import ChangeBus
from lardesk.ui.i18n import install_language
from lardesk.ui.main_window import MainWindow
from lardesk.ui.ratings.step import RatingsStep
from lardesk.ui.session_window import SessionWindow
from tests.ui.texts import widget_texts

pytestmark = pytest.mark.gui

SCALE_9 = {"sv": "Samlad bedömning", "en": "Overall assessment"}
OTHER_NAMES = {"sv": ("Sammanfattning",), "en": ("Summary", "Joint", "joint")}


@pytest.fixture
def demo_id(services: Services) -> int:
    return services.exchange.load_demo()


def every_text(qtbot: QtBot, services: Services, session_id: int) -> Iterator[str]:
    """The texts of the main window and of the session window with every step visited (the spread drawn)."""
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    yield from widget_texts(main)
    window = SessionWindow(services, ChangeBus(services), session_id)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    for step_id in window.order:
        window.go_to(step_id)
        step = window.steps[step_id]
        if isinstance(step, RatingsStep):
            step.canvas.draw()  # type: ignore[no-untyped-call]
            for index in range(step.tabs.count()):
                if step.tabs.widget(index) is not step.passing:
                    step.tabs.setCurrentIndex(index)
                    yield from widget_texts(window)
        yield from widget_texts(window)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_scale_9_has_one_name_everywhere(qtbot: QtBot, services: Services, demo_id: int, language: str) -> None:
    services.sessions.update_session(demo_id, language=language)
    install_language(language)
    texts = list(every_text(qtbot, services, demo_id))
    name = SCALE_9[language]
    assert load_guide(language).scale(9).label == name
    spread_rows = [t for t in texts if t.startswith("9  ")]
    assert spread_rows and all(row.replace("\n", " ") == f"9  {name}" for row in spread_rows), spread_rows
    assert any(t == f"<b>9 {name}</b>" for t in texts)  # the joint assessment's row
    for other in OTHER_NAMES[language]:
        assert not [t for t in texts if other in t], other


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_printed_form_names_scale_9_as_the_screen_does(services: Services, tmp_path: Path, language: str) -> None:
    path = tmp_path / "forms.pdf"
    render_forms(load_guide(language), path)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert f"9. {SCALE_9[language]}" in text
    assert not [other for other in OTHER_NAMES[language] if other in text]


def test_the_minutes_are_called_minnesanteckningar_in_every_window(
    qtbot: QtBot, services: Services, demo_id: int
) -> None:
    texts = list(every_text(qtbot, services, demo_id))
    assert not [t for t in texts if "protokoll" in t.lower()]
    assert "Minnesanteckningar (PDF/Word)…" in texts


def test_the_english_ui_says_minutes(qtbot: QtBot, services: Services, demo_id: int) -> None:
    install_language("en")
    texts = list(every_text(qtbot, services, demo_id))
    assert "Minutes (PDF/Word)…" in texts
    assert not [t for t in texts if "protocol" in t.lower()]


def test_the_swedish_ui_says_uppfoljning_not_session(qtbot: QtBot, services: Services, demo_id: int) -> None:
    """Issue 13's words: a "lärande uppföljning" is "uppföljningen" in the Swedish UI, never "sessionen"."""
    texts = list(every_text(qtbot, services, demo_id))
    assert not [t for t in texts if "session" in t.lower()]
    assert "&Uppföljning" in texts


def test_the_english_guide_terms(services: Services) -> None:
    """Issue 13's words in English: utfall is the actual outcome; genomförd is implemented."""
    guide = load_guide("en")
    assert guide.term("outcome") == "Actual outcome"
    assert guide.term("implemented") == "Implemented"
