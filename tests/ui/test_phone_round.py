"""Rating from phones in the ratings step, driven as a facilitator would: the *Telefoner* tab opens a round on
loopback, a real HTTP client answers as a phone, the answer reaches the grid through the change bus, the
projector shows the QR code and "n av N har svarat" until the reveal, and ending the round stops the server."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lardesk.server import runner
from lardesk.server.round import PhoneRound, grouped
from lardesk.services import Changed, Services
from lardesk.ui.bus import ChangeBus
from lardesk.ui.projector import ProjectorWindow
from lardesk.ui.ratings import phones
from lardesk.ui.ratings.grid import HIDDEN
from lardesk.ui.ratings.phones import LOOPBACK, OPEN, PhoneRoundPanel, network_addresses
from lardesk.ui.ratings.step import RatingsProjector, RatingsStep
from tests.server.phones import Client, make_session, stored
from tests.ui.shown import shown_ratings

pytestmark = pytest.mark.gui
SCREENSHOTS = os.environ.get("LARDESK_SCREENSHOTS")


@pytest.fixture(autouse=True)
def preferred_port(monkeypatch: pytest.MonkeyPatch) -> int:
    """The port the panel tries first: one the system has just handed out (free), not the fixed 8470 that every
    round of every test worker and run would try. A round that ended on 8470 could be followed at once by
    another worker's round there, and the check that nothing answers any more would find that one."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    monkeypatch.setattr(phones, "PREFERRED_PORT", port)
    return port


@pytest.fixture
def step(qtbot: QtBot, services: Services) -> RatingsStep:
    sid = make_session(services, 3, parts=(1, 2, 3, 4, 5, 6, 7, 8))
    return shown_ratings(qtbot, services, sid)


def start_on_loopback(qtbot: QtBot, step: RatingsStep, round_: int = 1) -> PhoneRoundPanel:
    panel = step.phones
    step.tabs.setCurrentWidget(panel)
    panel.choose_network(LOOPBACK)
    panel.choose_round(round_)
    panel.start_button.click()
    assert panel.is_open, panel.problem.text()
    return panel


def save(widget: QWidget, name: str) -> None:
    if SCREENSHOTS:
        QApplication.processEvents()  # the layout requests of the last change, as the event loop would
        widget.grab().save(str(Path(SCREENSHOTS) / name))


def test_a_phone_round_from_start_to_end(qtbot: QtBot, services: Services, step: RatingsStep) -> None:
    window = ProjectorWindow()  # the real projector window, with its dark colours
    qtbot.addWidget(window)
    projector = step.projector_widget()
    assert isinstance(projector, RatingsProjector)
    window.show_widget(step.title(), projector)
    window.resize(1280, 720)
    window.show()
    assert projector.canvas.isVisible() and not projector.phones.isVisible()

    panel = start_on_loopback(qtbot, step)
    server = panel.server
    assert server is not None and server.address.host == LOOPBACK
    assert step.round == 1 and not panel.round_box.isEnabled() and not panel.network.isEnabled()
    assert panel.start_button.text() == "Avsluta omgången"
    token = server.round.token
    assert (
        panel.address.text() == f"127.0.0.1:{server.port}/r/\n{grouped(token)}"
        and panel.qr.isVisible()
        and panel.svg.startswith(b"<svg")
    )
    assert panel.count.text() == "0 av 3 har svarat"
    # the projector shows the code, the address and the count instead of the spread
    assert projector.phones.isVisible() and not projector.canvas.isVisible()
    assert projector.phones.address.text() == panel.address.text()
    assert projector.phones.count.text() == "0 av 3 har svarat"
    assert projector.phones.qr.renderer.isValid()
    # dark type on its own white panel, whatever the projector window's colours (it is dark there)
    QApplication.processEvents()
    image = window.grab().toImage()
    inside = projector.phones.mapTo(window, QPoint(projector.phones.width() - 4, projector.phones.height() // 2))
    assert image.pixelColor(inside).name() == "#ffffff"

    phone = Client(server.address.url)
    seat = phone.seat().json()["seat"]
    with qtbot.waitSignal(step.bus.changed, timeout=10000) as arrived:
        assert phone.answer(seat, {"1": 7, "2": None, "9": 3}).status == 200
    assert Changed.RATINGS in arrived.args[0] and arrived.args[0].session_id == step.session_id
    qtbot.waitUntil(lambda: panel.count.text() == "1 av 3 har svarat")
    assert projector.phones.count.text() == "1 av 3 har svarat"
    # the answer is in the grid's snapshot as any other edit, and the room still sees no value
    assert step.snapshot is not None
    assert sorted((r.scale, r.value) for r in step.snapshot.ratings) == [(1, 7), (2, None), (9, 3)]
    assert step.model.rowCount() == 3
    save(step, "gui-phones-laptop.png")
    save(window, "gui-phones-projector.png")

    # the reveal: the spread comes back on the projector, the count goes
    step.reveal.click()
    assert step.revealed
    assert projector.canvas.isVisible() and not projector.phones.isVisible()
    step.reveal.click()
    assert projector.phones.isVisible()

    panel.start_button.click()  # end the round
    assert not panel.is_open and not server.running and set() == OPEN
    assert panel.problem.text() == "Omgången är avslutad: 1 av 3 svarade."
    assert projector.canvas.isVisible() and not projector.phones.isVisible()
    with pytest.raises(ConnectionRefusedError):
        phone.page()
    assert len(stored(services, step.session_id)) == 3


def test_round_two_and_a_round_that_cannot_open(qtbot: QtBot, services: Services, step: RatingsStep) -> None:
    panel = start_on_loopback(qtbot, step, round_=2)
    assert step.round == 2 and step.round_box.currentData() == 2
    server = panel.server
    assert server is not None
    phone = Client(server.address.url)
    seat = phone.seat().json()["seat"]
    with qtbot.waitSignal(step.bus.changed, timeout=10000):
        assert phone.answer(seat, {"5": 10}).status == 200
    assert [(r.round, r.scale, r.value) for r in services.sessions.snapshot(step.session_id).ratings] == [(2, 5, 10)]
    panel.stop()
    # everyone has rated round 1 already: the round cannot open, and the panel says why
    for person in services.sessions.snapshot(step.session_id).participants:
        services.ratings.set_rating(person.id, 9, 5, 1)
    panel.choose_round(1)
    panel.start_button.click()
    assert not panel.is_open
    assert panel.problem.isVisible() and "Alla närvarande deltagare har redan bedömt" in panel.problem.text()


def test_the_usual_port_first_and_any_free_one_when_it_is_taken(
    qtbot: QtBot, step: RatingsStep, preferred_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real = runner.start_round

    def start_round(*args: Any, **kwargs: Any) -> runner.RoundServer:
        asked.append(args[4])
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "start_round", start_round)
    panel = start_on_loopback(qtbot, step)
    assert panel.server is not None and asked[0] == preferred_port
    # served there, unless a connection of another test took the port as its own in between (then: any free one)
    assert panel.server.port == preferred_port or asked == [preferred_port, 0]
    panel.stop()
    asked.clear()
    with socket.create_server(("127.0.0.1", 0)) as holder:  # another program (or round) holds the usual port
        held = holder.getsockname()[1]
        monkeypatch.setattr(phones, "PREFERRED_PORT", held)
        panel.start_button.click()
        assert panel.is_open, panel.problem.text()
        assert asked == [held, 0]
        assert panel.server is not None and panel.server.port not in (0, held)
        assert Client(panel.server.address.url).page().status == 200
        panel.stop()


def test_closing_the_step_stops_the_server(qtbot: QtBot, services: Services) -> None:
    sid = make_session(services, 2)
    step = RatingsStep(services, ChangeBus(services), sid)
    step.show()
    panel = start_on_loopback(qtbot, step)
    server = panel.server
    assert server is not None and server.running
    step.close()
    step.deleteLater()
    qtbot.waitUntil(lambda: not server.running, timeout=10000)
    with pytest.raises(ConnectionRefusedError):
        Client(server.address.url).page()
    assert set() == OPEN


def test_the_networks_offered(step: RatingsStep) -> None:
    offered = [step.phones.network.itemData(i) for i in range(step.phones.network.count())]
    assert offered[-1] == LOOPBACK  # always there, last
    assert offered[:-1] == [interface.address for interface in network_addresses()]
    assert all(not address.startswith("127.") for address in offered[:-1])
    assert step.phones.network.accessibleName() and step.phones.round_box.accessibleName()


def test_marking_someone_absent_mid_round_moves_their_anonymous_answer_and_n_follows(
    qtbot: QtBot, services: Services, step: RatingsStep
) -> None:
    panel = start_on_loopback(qtbot, step)
    server = panel.server
    assert server is not None
    phone = Client(server.address.url)
    seat = phone.seat().json()["seat"]
    assert phone.answer(seat, {"1": 8}).status == 200
    qtbot.waitUntil(lambda: panel.count.text() == "1 av 3 har svarat")
    (holder,) = {row[0] for row in stored(services, step.session_id)}
    # the facilitator marks that participant absent (as the participants list does: through the bus)
    with qtbot.waitSignal(step.bus.changed, timeout=10000, check_params_cb=lambda c: Changed.RATINGS in c.what):
        step.bus.run(lambda: services.sessions.update_participant(holder, present=False))
    qtbot.waitUntil(lambda: panel.count.text() == "1 av 2 har svarat")
    (now,) = {row[0] for row in stored(services, step.session_id)}
    assert now != holder  # the answer of the person in the room still counts
    qtbot.waitUntil(
        lambda: step.snapshot is not None and [(r.participant_id, r.value) for r in step.snapshot.ratings] == [(now, 8)]
    )
    panel.start_button.click()


def test_a_list_changed_outside_this_window_shows_without_waiting_for_a_phone(
    qtbot: QtBot, services: Services, step: RatingsStep, sqlite_url: str, tmp_path: Path
) -> None:
    """Someone is marked absent in another lardesk on the same database (this window's change bus never hears
    of it) and no phone asks for anything: the count, the projector and the grid follow within a second or so,
    and the answer stored for that participant moves to one present."""
    window = ProjectorWindow()
    qtbot.addWidget(window)
    projector = step.projector_widget()
    assert isinstance(projector, RatingsProjector)
    window.show_widget(step.title(), projector)
    window.show()
    panel = start_on_loopback(qtbot, step)
    server = panel.server
    assert server is not None
    phone = Client(server.address.url)
    assert phone.answer(phone.seat().json()["seat"], {"1": 8}).status == 200
    qtbot.waitUntil(lambda: panel.count.text() == "1 av 3 har svarat", timeout=30000)
    (holder,) = {row[0] for row in stored(services, step.session_id)}
    elsewhere = Services.open(sqlite_url, tmp_path / "elsewhere")
    try:
        elsewhere.sessions.update_participant(holder, present=False)
    finally:
        elsewhere.close()
    qtbot.waitUntil(lambda: panel.count.text() == "1 av 2 har svarat", timeout=30000)
    assert projector.phones.count.text() == "1 av 2 har svarat"
    (now,) = {row[0] for row in stored(services, step.session_id)}
    assert now != holder
    qtbot.waitUntil(
        lambda: (
            step.snapshot is not None
            and [(r.participant_id, r.value) for r in step.snapshot.ratings] == [(now, 8)]
            and not next(p for p in step.snapshot.participants if p.id == holder).present
        ),
        timeout=30000,
    )
    save(step, "gui-phones-followed.png")
    panel.start_button.click()


def test_a_paper_form_started_in_a_row_a_phone_has_just_filled_is_refused_not_mixed_in(
    qtbot: QtBot, services: Services, step: RatingsStep
) -> None:
    """The facilitator starts typing a paper form into a row the grid shows empty, at the instant a phone's
    answer is stored there (moved there, or its first answer; this window has not shown it yet). The value is
    refused with a message and the grid shows the row as it now is: the phone's answer stays whole, not mixed
    with the paper form's values. A row the grid showed with ratings is edited as before."""
    phones = PhoneRound(services, step.session_id)  # no listener: this window hears nothing of the answer
    seat = phones.take_seat()
    phones.answer(seat, {"1": 8, "2": 5})
    (holder,) = {row[0] for row in stored(services, step.session_id)}
    row = [p.id for p in step.model.participants].index(holder)
    step.tabs.setCurrentIndex(0)
    assert step.model.data(step.model.index(row, 0)) == ""  # the grid still shows the row empty
    step.grid.setCurrentIndex(step.model.index(row, 0))
    step.grid.setFocus()
    QTest.keyClicks(step.grid, "3")
    QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    assert stored(services, step.session_id) == [(holder, 1, 1, 8), (holder, 2, 1, 5)]
    assert "fick nyss bedömningar i omgång 1 på annat håll" in step.grid_help.text()
    assert step.model.data(step.model.index(row, 1)) == HIDDEN  # reloaded: the phone's answer shows as ●
    assert step.model.data(step.model.index(row, 0)) == HIDDEN  # what was typed is not left over it
    step.grid.setCurrentIndex(step.model.index(row, 0))
    QTest.keyClick(step.grid, Qt.Key.Key_Tab)  # nothing is left to save again over the phone's answer
    assert stored(services, step.session_id) == [(holder, 1, 1, 8), (holder, 2, 1, 5)]
    # another row, empty on the screen and in the database: typed as ever; and an edit of a row with ratings
    other = (row + 1) % step.model.rowCount()
    step.grid.setCurrentIndex(step.model.index(other, 0))
    QTest.keyClicks(step.grid, "4")
    QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    QTest.keyClicks(step.grid, "6")
    QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    pid = step.model.participants[other].id
    assert [r for r in stored(services, step.session_id) if r[0] == pid] == [(pid, 1, 1, 4), (pid, 2, 1, 6)]
