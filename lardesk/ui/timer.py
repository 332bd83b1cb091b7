"""The reflection timer (betänketid): one key starts it, the room sees it, the end is a calm colour change.

The time is derived from a monotonic clock, never counted in ticks, so a busy event loop cannot make it run
slow; the clock is a parameter so tests can move time by hand.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from lardesk.ui.settings import set_timer_minutes, timer_minutes

FINISHED_STYLE = "background:#d8efd9; color:#1d5e2a; border-radius:6px; padding:2px 10px;"
RUNNING_STYLE = "background:#e7eef8; color:#1c3f6e; border-radius:6px; padding:2px 10px;"
IDLE_STYLE = "color:palette(text); padding:2px 10px;"


def format_seconds(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))  # 2:59.2 left reads 3:00, as a kitchen timer does
    return f"{whole // 60}:{whole % 60:02d}"


class ReflectionTimer(QWidget):
    """Minutes box, start/pause and reset; ``state_changed(text, running, finished)`` feeds the projector."""

    state_changed = Signal(str, bool, bool)

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._started_at: float | None = None
        self._elapsed_before = 0.0
        self.finished = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self.tick)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Betänketid"), self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 60)
        self.minutes.setValue(timer_minutes())
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Betänketid i minuter"))
        self.minutes.valueChanged.connect(self._minutes_changed)
        title.setBuddy(self.minutes)
        self.display = QLabel(self)
        self.display.setAccessibleName(self.tr("Återstående betänketid"))
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.display.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.display.setFont(font)
        self.display.setMinimumWidth(self.display.fontMetrics().horizontalAdvance(" 00:00 ") + 20)
        self.start_button = QPushButton(self)
        self.start_button.setAccessibleName(self.tr("Starta eller pausa betänketiden"))
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton(self.tr("Nollställ"), self)
        self.reset_button.setAccessibleName(self.tr("Nollställ betänketiden"))
        self.reset_button.clicked.connect(self.reset)
        for widget in (title, self.minutes, self.display, self.start_button, self.reset_button):
            layout.addWidget(widget)
        self._show()

    @property
    def duration(self) -> float:
        return float(self.minutes.value() * 60)

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed(self) -> float:
        extra = self._clock() - self._started_at if self._started_at is not None else 0.0
        return self._elapsed_before + extra

    def remaining(self) -> float:
        return max(0.0, self.duration - self.elapsed())

    def toggle(self) -> None:
        """Start (or restart after the end), or pause a running timer: the one-key action."""
        if self.running:
            self._elapsed_before = self.elapsed()
            self._started_at = None
            self._ticker.stop()
        else:
            if self.finished:
                self._elapsed_before = 0.0
                self.finished = False
            self._started_at = self._clock()
            self._ticker.start()
        self._show()

    def reset(self) -> None:
        self._ticker.stop()
        self._started_at = None
        self._elapsed_before = 0.0
        self.finished = False
        self._show()

    def tick(self) -> None:
        if self.running and self.remaining() <= 0:
            self._started_at = None
            self._elapsed_before = self.duration
            self._ticker.stop()
            self.finished = True
        self._show()

    def text(self) -> str:
        return self.tr("Tiden är ute") if self.finished else format_seconds(self.remaining())

    def _minutes_changed(self, minutes: int) -> None:
        set_timer_minutes(minutes)
        self._show()

    def _show(self) -> None:
        self.display.setText(self.text())
        self.display.setStyleSheet(FINISHED_STYLE if self.finished else RUNNING_STYLE if self.running else IDLE_STYLE)
        self.start_button.setText(self.tr("Pausa") if self.running else self.tr("Starta"))
        self.minutes.setEnabled(not self.running)
        self.state_changed.emit(self.text(), self.running, self.finished)
