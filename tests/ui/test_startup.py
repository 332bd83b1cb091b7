"""Start-up: the main window is painted before the database is opened, then shows its sessions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from lardesk.services import Services
from lardesk.ui.main_window import MainWindow


def test_the_window_waits_for_the_database_then_lists_sessions(
    qtbot: QtBot, services: Services, example_bytes: bytes
) -> None:
    services.exchange.import_bytes(example_bytes)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.empty.isVisible()
    assert "Öppnar databasen" in window.empty.text()
    assert not window.new_action.isEnabled()
    assert not window.open_action.isEnabled()
    assert window.tree.topLevelItemCount() == 0
    window.attach(services)
    assert window.new_action.isEnabled()
    assert window.tree.topLevelItemCount() == 1
    assert window.selected_session() is not None
    assert window.open_action.isEnabled()


SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from lardesk.app import run_gui
from lardesk.paths import resolve_paths
from lardesk.ui.application import create_application
from lardesk.ui.main_window import MainWindow

app = create_application([])
seen = {}

def first_paint():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    seen["painted_before_open"] = len(windows) == 1 and windows[0]._services is None

polls = [0]

def look_then_quit():
    # Poll until the database is attached (or give up after 30 s): a busy machine may take longer than a
    # fixed delay, and this test is about the order of events, not their speed (that is the benchmark's).
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    seen["attached"] = len(windows) == 1 and windows[0]._services is not None
    polls[0] += 1
    if seen["attached"] or polls[0] >= 600:
        app.quit()
    else:
        QTimer.singleShot(50, look_then_quit)

QTimer.singleShot(0, first_paint)  # queued before run_gui's own: runs with the window shown, still empty
QTimer.singleShot(50, look_then_quit)
code = run_gui(resolve_paths(sys.argv[1]), [])
print(code, seen["painted_before_open"], seen["attached"])
"""


def test_run_gui_shows_the_window_before_opening_the_database(tmp_path: Path) -> None:
    """In its own process: a test's QApplication cannot go through exec() and quit() and stay usable."""
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "True", "True"], done.stdout + done.stderr
    assert (tmp_path / "data" / "lardesk.sqlite").exists()  # created and migrated on the way
