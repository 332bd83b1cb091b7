"""Answering a modal message box as a person would: it opens, it is read, a button is pressed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

OPENED: list[str] = []
"""The texts of the boxes answered so far (a test can check what was asked)."""


def answer_next_box(button: QMessageBox.StandardButton) -> None:
    """Press ``button`` in the next message box that opens (modal: it is answered from the event loop)."""

    tries = [500]  # about five seconds: a box that never opens must not be answered in a later test

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(10, press)
            return
        OPENED.append(box.text())
        chosen = box.button(button)
        assert chosen is not None, f"no {button} in {box.text()!r}"
        chosen.click()

    QTimer.singleShot(0, press)
