"""The English translation, built with Qt's own tools: the shipped .qm is what lrelease makes of the .ts, the
.ts holds every string of the code and translates all of them, and a real window shows them.

After changing UI strings: ``python -m lardesk.ui.i18n --update``, then translate what is new.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from lardesk.services import Services
from lardesk.services.maintenance import DatabaseDamaged
from lardesk.ui.bus import ChangeBus
from lardesk.ui.i18n import UI_PACKAGE, install_language, lrelease, lupdate, qm_file, ts_file, ui_sources
from lardesk.ui.session_window import SessionWindow
from lardesk.ui.storage_dialogs import problem_title

REBUILD = "run `python -m lardesk.ui.i18n --update` and translate what is new"


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    """(context, source) → the <translation> element, for every message of a Linguist file."""
    table: dict[tuple[str, str], ElementTree.Element] = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            table[(name, message.findtext("source", default=""))] = translation
    return table


def translated(translation: ElementTree.Element) -> bool:
    """A translation has text; one with plural forms (``%n``) has text in every form."""
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def test_there_is_one_translation_file_for_the_app() -> None:
    assert sorted(p.name for p in ts_file("en").parent.glob("*.ts")) == ["lardesk_en.ts"]


def test_the_shipped_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "lardesk_en.qm"
    lrelease(ts_file("en"), built)
    assert qm_file("en").read_bytes() == built.read_bytes(), f"lardesk_en.qm is out of date: {REBUILD}"


def test_samlad_bedomning_is_the_overall_assessment_in_every_english_string() -> None:
    """Scale 9 and the group's agreed value are "Overall assessment" in the guide, the windows and the reports
    (tests/ui/test_words.py, tests/method/test_words.py); the overview's screen-reader texts said "joint"."""
    said = [
        source
        for (_, source), translation in messages(ts_file("en")).items()
        if "samlad" in source.lower()
        for text in [translation.text or "", *(form.text or "" for form in translation.findall("numerusform"))]
        if re.search(r"\bjoint\b", text, re.IGNORECASE)
    ]
    assert not said


def test_every_string_of_the_code_is_in_the_ts_and_translated(tmp_path: Path) -> None:
    copy = tmp_path / "lardesk_en.ts"
    shutil.copyfile(ts_file("en"), copy)
    lupdate(copy)
    shipped, fresh = messages(ts_file("en")), messages(copy)
    assert sorted(set(fresh) - set(shipped)) == [], f"strings missing from lardesk_en.ts: {REBUILD}"
    assert sorted(set(shipped) - set(fresh)) == [], f"strings no longer in the code: {REBUILD}"
    unfinished = [key for key, t in fresh.items() if t.get("type") == "unfinished" or not translated(t)]
    assert unfinished == [], "untranslated messages in lardesk_en.ts"
    assert len(fresh) > 250


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_lupdate_can_see_every_translated_string() -> None:
    """lupdate reads only literals: an f-string or a variable in tr() would stay Swedish in English mode, and
    ``other.tr()`` would be filed under the variable's name instead of the class Qt looks up at run time."""
    problems: list[str] = []
    for path in ui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            where = f"{path.relative_to(UI_PACKAGE.parent.parent)}:{node.lineno}"
            if node.func.attr == "tr":
                receiver = node.func.value
                if not (isinstance(receiver, ast.Name) and receiver.id in ("self", "cls")):
                    problems.append(f"{where}: tr() on {ast.unparse(receiver)}, use QCoreApplication.translate")
                elif not node.args or not _is_literal(node.args[0]):
                    problems.append(f"{where}: tr() of a non-literal")
            elif node.func.attr == "translate" and ast.unparse(node.func.value) == "QCoreApplication":
                literal = len(node.args) >= 2 and all(_is_literal(a) for a in node.args[:2])
                problems += [] if literal else [f"{where}: translate() of a non-literal"]
    assert problems == []


@pytest.mark.gui
def test_a_session_window_in_english(qtbot: QtBot, services: Services, qapp: QApplication) -> None:
    install_language("en")
    session_id = services.exchange.load_demo()
    window = SessionWindow(services, ChangeBus(services), session_id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()

    window.go_to("board")
    board = window.board
    assert board is not None
    assert [board.tabs.tabText(i) for i in range(board.tabs.count())] == [  # type: ignore[attr-defined]
        "Program logic",
        "How did it go? (planned and implemented)",
    ]
    assert board.new_text.placeholderText() == "New item: type the text and press Enter"  # type: ignore[attr-defined]
    assert board.png_button.text() == "Save PNG…"  # type: ignore[attr-defined]
    assert {b.text() for b in board.findChildren(QPushButton)} >= {"▲ Up", "▼ Down", "Remove", "Add"}
    assert "New:" in {label.text() for label in board.findChildren(QLabel)}

    window.go_to("ratings")
    ratings = window.steps["ratings"]
    tabs = ratings.tabs  # type: ignore[attr-defined]
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "&Table",
        "&Pass around",
        "&Forms",
        "&Overall",
        "&History",
        "Pho&nes",
    ]
    assert ratings.reveal.text() == "Show the values"  # type: ignore[attr-defined]
    assert ratings.heading.text() == "Personal assessment"  # type: ignore[attr-defined]
    joint = ratings.joint  # type: ignore[attr-defined]
    tabs.setCurrentWidget(joint)
    qtbot.waitUntil(lambda: 9 in joint.rows)
    row = joint.rows[9]
    assert ratings.peek.text() == "Look at the value (Ctrl+Space)"  # type: ignore[attr-defined]
    assert row.range.text() == "6 of 6 have rated"  # before the reveal, no spread
    assert joint.hidden_note.text().startswith("The spread and the median appear after Show the values")
    ratings.reveal.click()  # type: ignore[attr-defined]
    assert row.range.text().startswith("spread ")
    assert row.comment.accessibleName() == "Comment, scale 9"
    placeholders = {field.placeholderText() for field in joint.findChildren(QLineEdit)}
    assert "Comment (required when the value lies outside the spread)" in placeholders

    assert QCoreApplication.translate("MinutesDialog", "Spara som PDF…") == "Save as PDF…"
    assert problem_title(DatabaseDamaged("x")) == "The database is damaged"
