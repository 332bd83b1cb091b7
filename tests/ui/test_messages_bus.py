"""A refused call through the ChangeBus shows its message in the UI language."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from lardesk.method.messages import NO_BREAK_SPACE
from lardesk.services import NewSession, Services
from lardesk.ui.bus import ChangeBus
from lardesk.ui.i18n import current_language, install_language


def _session(services: Services) -> int:
    new_id = services.sessions.create_session(NewSession(organisation="Kommun", date=dt.date(2026, 11, 25))).new_id
    assert new_id is not None
    return new_id


def test_a_refused_call_fails_in_swedish_then_in_english(qtbot: QtBot, services: Services) -> None:
    bus = ChangeBus(services)
    sid = _session(services)
    assert current_language() == "sv"
    with qtbot.waitSignal(bus.failed, timeout=1000) as failed:
        assert bus.run(lambda: services.sessions.set_note(sid, 1, 0, "x" * 25000), quiet=True) is None
    assert failed.args == [f"Anteckningen är för lång (25{NO_BREAK_SPACE}000 tecken; högst 20{NO_BREAK_SPACE}000)."]
    with qtbot.waitSignal(bus.failed, timeout=1000) as failed:
        bus.run(lambda: services.sessions.set_note(999, 1, 0, ""), quiet=True)
    assert failed.args == ["Det finns ingen uppföljning med id 999."]
    install_language("en")
    assert current_language() == "en"
    with qtbot.waitSignal(bus.failed, timeout=1000) as failed:
        bus.run(lambda: services.sessions.set_note(999, 1, 0, ""), quiet=True)
    assert failed.args == ["there is no session with id 999"]
