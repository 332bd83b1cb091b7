"""Damaged databases in the GUI: a dialog per problem (the real dialog, inspected with qtbot), a restore of
a backup that keeps the damaged file aside, and the file's bytes unchanged when the user quits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from lardesk.paths import Paths, resolve_paths
from lardesk.services import Services, StorageError
from lardesk.services.maintenance import Backup, backup_now
from lardesk.ui.i18n import install_language
from lardesk.ui.storage_dialogs import StorageProblemDialog, open_services_interactively
from tests.storage.test_damaged import (  # the fixtures are shared with the command-line tests
    REPO,
    Place,
    _limit_file_size,
    demo_database_fixture,  # noqa: F401
    digest,
    integrity,
    newer_schema,
    noise_in_pages,
    not_sqlite,
    place_fixture,  # noqa: F401
    read_only,
    truncate,
)

pytestmark = pytest.mark.gui


class Recorder:
    """Stands in for ``StorageProblemDialog.ask``: builds the real dialog, looks at it, answers for the user."""

    def __init__(self, qtbot: QtBot, answer: Callable[[StorageProblemDialog], Backup | None]) -> None:
        self.qtbot = qtbot
        self.answer = answer
        self.dialogs: list[StorageProblemDialog] = []
        self.notices: list[tuple[str, bool]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def ask(
            cls: type[StorageProblemDialog], error: StorageError, offered: list[Backup], parent: object = None
        ) -> Backup | None:
            dialog = cls(error, offered)
            self.qtbot.addWidget(dialog)
            self.dialogs.append(dialog)
            return self.answer(dialog)

        def inform(cls: type[StorageProblemDialog], text: str, *, problem: bool = False) -> None:
            self.notices.append((text, problem))

        monkeypatch.setattr(StorageProblemDialog, "ask", classmethod(ask))
        monkeypatch.setattr(StorageProblemDialog, "inform", classmethod(inform))


def quit_(dialog: StorageProblemDialog) -> Backup | None:
    dialog.quit_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    return None


def paths_of(place: Place) -> Paths:
    return resolve_paths(place.data_dir)


def restore_through_the_dialog(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    place: Place,
    answer: Callable[[StorageProblemDialog], Backup | None],
    expected: object,
) -> Recorder:
    """Start as the GUI does, let ``answer`` choose in the dialog, and find ``expected`` as the session list of
    the database that opens; the recorder holds what was shown."""
    recorder = Recorder(qtbot, answer)
    recorder.install(monkeypatch)
    restored = open_services_interactively(paths_of(place))
    assert restored is not None
    try:
        assert restored.sessions.list_sessions() == expected
    finally:
        restored.close()
    return recorder


@pytest.mark.parametrize(
    ("damage", "title", "words", "swedish", "restore_offered"),
    [
        (truncate, "Databasen är skadad", "cut short", "är avkortad", True),
        (not_sqlite, "Databasen är skadad", "not a lardesk database", "är ingen lardesk-databas", True),
        (noise_in_pages, "Databasen är skadad", "damaged", "är skadad", True),
        (
            newer_schema,
            "Databasen kommer från en nyare lardesk",
            "newer version of lardesk",
            "nyare version av lardesk",
            False,
        ),
    ],
    ids=["truncated", "not-sqlite", "noise-in-pages", "newer-lardesk"],
)
def test_each_problem_gets_its_dialog_and_quitting_leaves_the_file(  # noqa: PLR0917
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    place: Place,
    damage: Callable[[Path], None],
    title: str,
    words: str,
    swedish: str,
    restore_offered: bool,
) -> None:
    backup_now(paths_of(place), "daily")
    damage(place.file)
    before = digest(place.file)
    recorder = Recorder(qtbot, quit_)
    recorder.install(monkeypatch)
    assert open_services_interactively(paths_of(place)) is None
    (dialog,) = recorder.dialogs
    assert title in dialog.title.text()
    assert words in dialog.error.message  # the command line's English
    assert "has not been changed" in dialog.error.message
    assert swedish in dialog.message.text()  # the dialog's Swedish
    assert "har inte ändrats" in dialog.message.text()
    assert (dialog.restore_button is not None) == restore_offered
    assert (dialog.backups.count() == 1) == restore_offered
    assert digest(place.file) == before


def test_a_read_only_file_gets_its_dialog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, place: Place) -> None:
    before = digest(place.file)
    recorder = Recorder(qtbot, quit_)
    recorder.install(monkeypatch)
    with read_only(place.file):
        assert open_services_interactively(paths_of(place)) is None
    (dialog,) = recorder.dialogs
    assert "skrivskyddad" in dialog.title.text()
    assert "read-only" in dialog.error.message
    assert "är skrivskyddad" in dialog.message.text()
    assert dialog.restore_button is None
    assert digest(place.file) == before


FULL_DISK_CHILD = """
import json, sys
from PySide6.QtWidgets import QApplication
from lardesk.paths import resolve_paths
from lardesk.ui.storage_dialogs import StorageProblemDialog, open_services_interactively

app = QApplication([])
seen = []

def ask(cls, error, offered, parent=None):
    dialog = cls(error, offered)
    seen.append({"title": dialog.title.text(), "message": dialog.message.text(), "english": error.message,
                 "restore": dialog.restore_button is not None})
    dialog.quit_button.click()
    return None

StorageProblemDialog.ask = classmethod(ask)
result = open_services_interactively(resolve_paths(sys.argv[1]))
print(json.dumps({"opened": result is not None, "dialogs": seen}))
"""


def test_a_full_disk_gets_its_dialog(place: Place) -> None:
    """In a GUI process of its own, whose files may not grow past 40 kB (RLIMIT_FSIZE, as a full disk): the
    day's first start copies the database (120 kB), and the copy does not fit."""
    before = digest(place.file)
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, str(place.data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_limit_file_size(40_000),
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["opened"] is False
    (dialog,) = result["dialogs"]
    assert "Disken är full" in dialog["title"]
    assert "disk" in dialog["english"]
    assert "disken" in dialog["message"].lower()  # Swedish: "Disken är full", "till disken"
    assert dialog["restore"] is False
    assert digest(place.file) == before
    assert integrity(place.file) == "ok"


def test_restoring_a_backup_keeps_the_damaged_file_aside(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, place: Place
) -> None:
    services = Services.for_paths(paths_of(place))  # the day's first start: makes the daily backup
    expected = services.sessions.list_sessions()
    services.close()
    older = backup_now(paths_of(place), "before-restore")  # a second, older-looking choice
    noise_in_pages(place.file)
    damaged = digest(place.file)

    def choose_the_daily_one(dialog: StorageProblemDialog) -> Backup | None:
        labels = [dialog.backups.item(i).text() for i in range(dialog.backups.count())]
        assert len(labels) == 2
        assert any("daily" in label for label in labels)
        row = next(i for i, label in enumerate(labels) if "daily" in label)
        dialog.backups.setCurrentRow(row)
        assert dialog.restore_button is not None
        dialog.restore_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.chosen()

    recorder = restore_through_the_dialog(qtbot, monkeypatch, place, choose_the_daily_one, expected)
    ((notice, problem),) = recorder.notices
    assert not problem
    (kept,) = place.data_dir.glob("lardesk.sqlite.replaced-*")
    assert str(kept) in notice
    assert digest(kept) == damaged
    assert integrity(place.file) == "ok"
    assert older.exists()


def test_a_damaged_backup_is_refused_and_nothing_is_replaced(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, place: Place
) -> None:
    backup = backup_now(paths_of(place), "daily")
    truncate(backup)
    truncate(place.file)
    damaged = digest(place.file)
    recorder = Recorder(qtbot, lambda dialog: dialog.chosen())
    recorder.install(monkeypatch)
    assert open_services_interactively(paths_of(place)) is None
    ((notice, problem),) = recorder.notices
    assert problem
    assert "Säkerhetskopian" in notice  # in the UI language
    assert digest(place.file) == damaged
    assert not list(place.data_dir.glob("lardesk.sqlite.replaced-*"))


def test_a_damaged_database_is_told_in_the_ui_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, place: Place
) -> None:
    """Swedish in a Swedish UI (the default), English in an English one; the error itself stays English."""
    backup = backup_now(paths_of(place), "daily")
    noise_in_pages(place.file)
    recorder = Recorder(qtbot, quit_)
    recorder.install(monkeypatch)
    assert open_services_interactively(paths_of(place)) is None
    install_language("en")
    try:
        assert open_services_interactively(paths_of(place)) is None
    finally:
        install_language("sv")
    swedish, english = recorder.dialogs
    text = swedish.message.text()
    assert text.startswith(f"Databasfilen ({place.file}) är skadad eller är ingen lardesk-databas.")
    assert "Den har inte ändrats. Återställ en säkerhetskopia eller starta med en annan datamapp." in text
    assert f"Den senaste säkerhetskopian är {backup}" in text
    words = text.replace(str(place.file), "").replace(str(backup), "")  # the paths hold the test's name
    for word in ("damaged", "has not been changed", "backup", "newest"):
        assert word not in words
    assert swedish.error.message.startswith(f"The database file ({place.file}) is damaged")
    assert f"The newest backup is {backup}" in swedish.error.message
    assert english.message.text() == english.error.message == swedish.error.message
    assert english.title.text() == "<b>The database is damaged</b>"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says so when a dialog runs modal
def test_the_real_dialog_runs_modal_and_returns_the_choice(qtbot: QtBot, place: Place) -> None:
    backup = backup_now(paths_of(place), "daily")
    truncate(place.file)
    try:
        Services.for_paths(paths_of(place))
    except StorageError as error:
        problem = error
    else:  # pragma: no cover
        pytest.fail("a truncated file was opened")

    def press_restore() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StorageProblemDialog)
        assert dialog.restore_button is not None
        dialog.restore_button.click()

    QTimer.singleShot(0, press_restore)
    from lardesk.services.maintenance import backups

    chosen = StorageProblemDialog.ask(problem, backups(paths_of(place)))
    assert chosen is not None
    assert chosen.path == backup
    assert integrity(backup) == "ok"


def test_a_missing_database_beside_its_backups_offers_the_newest_and_restores_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, place: Place
) -> None:
    """Issue 10, item 2: the GUI does not start afresh where a database was; it offers the backup."""
    services = Services.for_paths(paths_of(place))  # the day's first start: makes the daily backup
    expected = services.sessions.list_sessions()
    services.close()
    place.file.unlink()

    def restore_the_offered(dialog: StorageProblemDialog) -> Backup | None:
        assert dialog.backups.count() == 1
        assert dialog.restore_button is not None
        dialog.backups.setCurrentRow(0)
        dialog.restore_button.click()
        return dialog.chosen()

    recorder = restore_through_the_dialog(qtbot, monkeypatch, place, restore_the_offered, expected)
    assert len(recorder.dialogs) == 1
