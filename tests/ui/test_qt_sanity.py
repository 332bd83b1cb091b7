"""The Qt binding itself: PySide6 6.12.0 under Python 3.11 lost a reference to True on every emit() and
aborted the interpreter; pyproject.toml caps the version. This test fails if a bad release comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_a_signal_keeps_reference_counts() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for index in range(500):
        emitter.fired.emit(index)
        emitter.blockSignals(False)
    assert len(received) == 500
    # other threads may hold a few more or fewer; a leak would show as -500 or worse
    assert abs(sys.getrefcount(True) - before_true) < 50
    assert abs(sys.getrefcount(None) - before_none) < 50
