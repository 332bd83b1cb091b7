"""Start-up stays light: the command line and the main window do not import what only a figure, a PDF, a
Word file or a schema upgrade needs (each is imported where it is first used)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = {"matplotlib", "reportlab", "docx", "alembic", "numpy", "PIL", "uvicorn", "segno"}


def heavy_modules(statement: str) -> list[str]:
    """The heavy top-level packages in ``sys.modules`` after ``statement`` ran in a fresh interpreter."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return sorted(HEAVY.intersection(loaded))


@pytest.mark.parametrize(
    "statement",
    [
        "import lardesk.cli, lardesk.ui.main_window",
        "import lardesk.app, lardesk.ui.application",
        "import lardesk.cli_reports, lardesk.cli_ratings, lardesk.cli_maintenance, lardesk.cli_rate",
        "import lardesk.ui.session_window, lardesk.ui.ratings.step",
    ],
)
def test_nothing_heavy_is_imported_up_front(statement: str) -> None:
    assert heavy_modules(statement) == []


def test_the_help_imports_nothing_heavy() -> None:
    lines = [
        "import lardesk.cli",
        "sys.argv = ['lardesk', '--help']",
        "try:",
        "    lardesk.cli.main()",
        "except SystemExit:",
        "    pass",
    ]
    statement = "\n".join(lines)
    assert heavy_modules(statement) == []


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lardesk.sqlite'}"
    opening = f"from lardesk.services import Services\nServices.open({url!r}, {str(tmp_path / 'backups')!r}).close()"
    heavy_modules(opening)  # creates the database (Alembic upgrades it to head)
    assert heavy_modules(opening) == []


def test_the_main_window_paints_without_the_database_layer() -> None:
    """lardesk.app paints the window before opening the database: its modules must not pull SQLAlchemy in."""
    code = (
        "import json, sys\nimport lardesk.app, lardesk.ui.application, lardesk.ui.main_window\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert sorted(loaded & ({"sqlalchemy", "jsonschema"} | HEAVY)) == []


def test_the_main_window_paints_without_the_session_window_or_the_report_writers() -> None:
    """What the first paint waits for (issue 11, item 20): the session window, the new-session dialog and the
    minutes' writers load when first used, not when the main window is made."""
    code = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from lardesk.ui.main_window import MainWindow\n"
        "window = MainWindow()\n"
        "assert window.minutes_action.text() and window.forms_action.isEnabled() is False\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('lardesk'))))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    late = {
        "lardesk.ui.session_window",
        "lardesk.ui.session_dialogs",
        "lardesk.ui.minutes_dialog",
        "lardesk.reports.forms",
        "lardesk.reports.minutes",
    }
    assert not loaded & late, loaded & late
