"""Persisted UI state and user settings (Picard's split): the language, window geometry, splitter state.

Always an INI file in the user's config folder (also on Windows, where a file is easier to reset than the
registry); tests point ``QSettings.setPath(IniFormat, UserScope, tmp)`` at a temporary folder.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from lardesk.method.guide import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_KEY = "ui/language"
TIMER_MINUTES_KEY = "timer/minutes"
DEFAULT_TIMER_MINUTES = 3


def ui_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "lardesk", "lardesk")


def ui_language() -> str:
    value = ui_settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def set_ui_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"no UI language {language!r}")
    settings = ui_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def timer_minutes() -> int:
    value = ui_settings().value(TIMER_MINUTES_KEY, DEFAULT_TIMER_MINUTES)
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_TIMER_MINUTES
    return minutes if 1 <= minutes <= 60 else DEFAULT_TIMER_MINUTES


def set_timer_minutes(minutes: int) -> None:
    ui_settings().setValue(TIMER_MINUTES_KEY, int(minutes))


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_window(window: QWidget, key: str) -> bool:
    """Restore a window's geometry (and a main window's dock/toolbar state); False if none was saved."""
    settings = ui_settings()
    geometry = _bytes(settings.value(f"{key}/geometry"))
    if geometry is None:
        return False
    window.restoreGeometry(geometry)
    state = _bytes(settings.value(f"{key}/state"))
    if state is not None and isinstance(window, QMainWindow):
        window.restoreState(state)
    return True


def save_window(window: QWidget, key: str) -> None:
    settings = ui_settings()
    settings.setValue(f"{key}/geometry", window.saveGeometry())
    if isinstance(window, QMainWindow):
        settings.setValue(f"{key}/state", window.saveState())


def restore_splitter(splitter: QSplitter, key: str) -> None:
    state = _bytes(ui_settings().value(f"{key}/splitter"))
    if state is not None:
        splitter.restoreState(state)


def save_splitter(splitter: QSplitter, key: str) -> None:
    ui_settings().setValue(f"{key}/splitter", splitter.saveState())
