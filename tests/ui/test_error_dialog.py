"""An unexpected error in the GUI is logged with its traceback and told to the facilitator, not lost."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from lardesk.ui.application import install_error_dialog, log_to_file


def test_an_unexpected_error_is_logged_and_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    log_file = log_to_file(tmp_path / "logs")
    assert log_file is not None
    try:
        install_error_dialog(log_file)
        try:
            raise ValueError("boom in a slot")
        except ValueError as error:
            sys.excepthook(ValueError, error, error.__traceback__)
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", "") == str(log_file):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert len(shown) == 1
    assert "boom in a slot" in shown[0]
    assert "redan sparat" in shown[0]
    assert str(log_file) in shown[0]
    logged = log_file.read_text(encoding="utf-8")
    assert "boom in a slot" in logged
    assert "Traceback" in logged


def test_no_log_file_when_the_folder_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert log_to_file(blocker / "logs") is None
