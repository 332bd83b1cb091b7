"""Rating from phones, in the ratings step: start a round, show its QR code and address, count the answers.

The round itself (token, seats, answers written through the ratings service) is :mod:`lardesk.server`, which
has no Qt; this module only starts and stops it, hands each arrival over to the Qt thread (a queued signal)
and puts it on the change bus, so that the grid shows it as any other edit. Until the facilitator shows the
values, the projector shows the QR code, the address and "n av N har svarat" instead of the spread
(:class:`PhoneRoundProjector`). Closing the round, or the session window, stops the server: nothing listens
when no round is open.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lardesk.services import Changed, Changes, InputError, StorageError
from lardesk.ui.i18n import current_language

if TYPE_CHECKING:
    from lardesk.server.runner import RoundServer
    from lardesk.services import Services
    from lardesk.ui.bus import ChangeBus

log = logging.getLogger(__name__)

PREFERRED_PORT = 8470
"""The port tried first, so that the address stays the same from one meeting to the next (any free port when
it is taken)."""
LOOPBACK = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class Interface:
    address: str
    name: str


def network_addresses() -> list[Interface]:
    """This computer's IPv4 addresses on networks that are up, private (LAN) ones first; loopback not included."""
    found: list[Interface] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not (flags & QNetworkInterface.InterfaceFlag.IsUp and flags & QNetworkInterface.InterfaceFlag.IsRunning):
            continue
        if flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            text = ip.toString()
            address = ipaddress.ip_address(text)
            if address.is_loopback or address.is_link_local:
                continue
            found.append(Interface(text, interface.humanReadableName() or interface.name()))
    return sorted(found, key=lambda i: (not ipaddress.ip_address(i.address).is_private, i.name, i.address))


def two_lines(address: str) -> str:
    """``host:port/r/`` on one line and the token on the next: no line break in the middle of a group."""
    host, _, token = address.partition("/r/")
    return f"{host}/r/\n{token}" if token else address


class QrView(QWidget):
    """A QR code (SVG from segno), drawn square and as large as the widget allows, on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_svg(self, svg: bytes) -> None:
        self.renderer.load(QByteArray(svg))
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("#ffffff"))
        if self.renderer.isValid():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            self.renderer.render(painter, QRectF(left, top, side, side))
        painter.end()


class _Arrivals(QObject):
    """Carries the server thread's news to the Qt thread (a queued connection: the receiver lives here)."""

    arrived = Signal(object)


class _Stopper:
    """Holds the running server apart from the widget, so that it is stopped even when the widget is deleted
    (the session window closes) without its Python side being asked. Open rounds are kept in ``OPEN`` (and
    stopped when the application quits)."""

    def __init__(self) -> None:
        self._server: RoundServer | None = None

    @property
    def server(self) -> RoundServer | None:
        return self._server

    @server.setter
    def server(self, server: RoundServer | None) -> None:
        self._server = server
        if server is not None:
            OPEN.add(self)

    def stop(self, *_: object) -> None:
        server, self._server = self._server, None
        OPEN.discard(self)
        if server is not None:
            server.stop()


OPEN: set[_Stopper] = set()


def stop_every_round() -> None:
    """Stop every round still open (the application is quitting)."""
    for stopper in list(OPEN):
        stopper.stop()


_quit_hooked: list[QCoreApplication] = []


def _stop_when_quitting() -> None:
    app = QCoreApplication.instance()
    if app is not None and app not in _quit_hooked:
        _quit_hooked.append(app)
        app.aboutToQuit.connect(stop_every_round)


class PhoneRoundPanel(QWidget):
    """The tab *Telefoner*: choose the round and the network, start and end, the QR code and the count."""

    round_started = Signal(int)
    """A round was opened for this round number (the step shows that round)."""
    state_changed = Signal()
    """Opened, closed, or a new answer: what the projector shows has changed."""

    def __init__(self, services: Services, bus: ChangeBus, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.bus, self.session_id = services, bus, session_id
        stopper = self._stopper = _Stopper()
        self.destroyed.connect(lambda *_: stopper.stop())
        _stop_when_quitting()
        self._arrivals = _Arrivals(self)
        self._arrivals.arrived.connect(self._arrived)
        bus.changed.connect(self._participants_changed)
        self.svg = b""

        intro = QLabel(
            self.tr(
                "Deltagarna bedömer på sina egna telefoner: de skannar QR-koden eller skriver in adressen. "
                "Datorn tar emot svaren i rummets eget nätverk; ingenting skickas vidare. Varje svar syns "
                "direkt i tabellen som ●, så att alla ser hur många som har svarat; värdena visas först när du "
                "väljer Visa värdena."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.round_box = QComboBox(self)
        self.round_box.setAccessibleName(self.tr("Omgång för telefonerna"))
        for number in (1, 2):
            self.round_box.addItem(self.tr("Omgång %1").replace("%1", str(number)), number)
        self.network = QComboBox(self)
        self.network.setAccessibleName(self.tr("Nätverk som telefonerna ansluter till"))
        self.reload_networks()
        self.start_button = QPushButton(self.tr("Starta omgången"), self)
        self.start_button.setObjectName("phoneRoundStart")
        self.start_button.clicked.connect(self.toggle)
        form = QFormLayout()
        form.addRow(self.tr("&Omgång:"), self.round_box)
        form.addRow(self.tr("&Nätverk:"), self.network)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#a61b1b;")
        self.problem.hide()

        self.qr = QrView(self)
        self.qr.hide()
        self.address = QLabel(self)
        self.address.setObjectName("phoneRoundAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.25)
        mono.setBold(True)
        self.address.setFont(mono)
        self.count = QLabel(self)
        self.count.setObjectName("phoneRoundCount")
        count_font = QFont(self.font())
        count_font.setPointSizeF(count_font.pointSizeF() * 1.5)
        count_font.setBold(True)
        self.count.setFont(count_font)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addWidget(self.address)
        layout.addWidget(self.count)
        layout.addWidget(self.qr, 1)
        layout.addStretch(0)
        self._show_state()

    # -- state ----------------------------------------------------------------------------------------
    @property
    def server(self) -> RoundServer | None:
        return self._stopper.server

    @property
    def is_open(self) -> bool:
        return self._stopper.server is not None

    @property
    def round(self) -> int | None:
        server = self._stopper.server
        return server.round.round if server is not None else None

    def count_text(self) -> str:
        server = self._stopper.server
        if server is None:
            return ""
        return (
            self.tr("%1 av %2 har svarat")
            .replace("%1", str(server.round.answered))
            .replace("%2", str(server.round.total))
        )

    def short_address(self) -> str:
        server = self._stopper.server
        return server.address.short if server is not None else ""

    def reload_networks(self) -> None:
        self.network.clear()
        for interface in network_addresses():
            self.network.addItem(f"{interface.name} – {interface.address}", interface.address)
        self.network.addItem(self.tr("Bara den här datorn – %1").replace("%1", LOOPBACK), LOOPBACK)
        self.network.setCurrentIndex(0)

    def choose_network(self, address: str) -> None:
        index = self.network.findData(address)
        if index >= 0:
            self.network.setCurrentIndex(index)

    def choose_round(self, number: int) -> None:
        index = self.round_box.findData(number)
        if index >= 0:
            self.round_box.setCurrentIndex(index)

    # -- starting and ending --------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.is_open:
            self.stop()
        else:
            self.start()

    def start(self) -> bool:
        """Open the round on the chosen network; False (with the reason shown) when it cannot be opened."""
        if self.is_open:
            return True
        from lardesk.server.qr import qr_svg  # uvicorn and segno load only now
        from lardesk.server.runner import ListenError, start_round

        host = str(self.network.currentData() or LOOPBACK)
        number = int(self.round_box.currentData() or 1)
        arrivals = self._arrivals
        try:
            try:
                server = start_round(
                    self.services, self.session_id, number, host, PREFERRED_PORT, listener=arrivals.arrived.emit
                )
            except ListenError:  # the usual port is taken (another program, another round): any free one
                server = start_round(self.services, self.session_id, number, host, 0, listener=arrivals.arrived.emit)
        except (InputError, StorageError) as error:
            self.problem.setText(error.localized(current_language()))
            self.problem.show()
            return False
        self._stopper.server = server
        self.svg = qr_svg(server.address.url)
        self.qr.set_svg(self.svg)
        self.qr.setAccessibleName(self.tr("QR-kod med adressen %1").replace("%1", server.address.url))
        self.problem.hide()
        self.round_started.emit(number)
        self._show_state()
        self.state_changed.emit()
        return True

    def stop(self) -> None:
        """End the round: the server stops (what was answered is kept)."""
        server = self._stopper.server
        if server is None:
            return
        self._stopper.stop()
        self.problem.setText(
            self.tr("Omgången är avslutad: %1 av %2 svarade.")
            .replace("%1", str(server.round.answered))
            .replace("%2", str(server.round.total))
        )
        self.problem.setStyleSheet("")
        self.problem.show()
        self._show_state()
        self.state_changed.emit()

    def _participants_changed(self, changes: object) -> None:
        """Someone marked present or absent, added or removed while the round is open: the seats and N follow
        (an anonymous answer stored for someone now absent moves to a participant present, so it counts)."""
        server = self._stopper.server
        if (
            server is None
            or not isinstance(changes, Changes)
            or changes.session_id != self.session_id
            or not changes.what & Changed.PARTICIPANTS
        ):
            return
        try:
            server.round.follow_participants(known=True)  # its moved answers come back through _arrived
        except (InputError, StorageError) as error:
            self.problem.setText(error.localized(current_language()))
            self.problem.show()
        self._show_state()
        self.state_changed.emit()

    def _arrived(self, changes: object) -> None:
        """In the Qt thread: a seat was taken (None) or an answer stored (its Changes)."""
        if isinstance(changes, Changes):
            self.bus.changed.emit(changes)
        self._show_state()
        self.state_changed.emit()

    def _show_state(self) -> None:
        open_ = self.is_open
        self.start_button.setText(self.tr("Avsluta omgången") if open_ else self.tr("Starta omgången"))
        self.round_box.setEnabled(not open_)
        self.network.setEnabled(not open_)
        self.qr.setVisible(open_)
        self.address.setVisible(open_)
        self.count.setVisible(open_)
        if open_:
            self.problem.setStyleSheet("color:#a61b1b;")
            self.address.setText(two_lines(self.short_address()))
            self.address.setToolTip(self.server.address.url if self.server is not None else "")
            self.count.setText(self.count_text())


class PhoneRoundProjector(QWidget):
    """On the projector while a round is open and the values are not shown: the QR code, the address to type
    and "n av N har svarat", in type readable from the back of the room (it grows with the window)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneRoundProjector")
        # dark type on white, as the spread's panel, whatever the projector window's own colours are
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#phoneRoundProjector { background:#ffffff; border-radius:8px; }")
        self.qr = QrView(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.address = QLabel(self)
        self.address.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # fitted instead
        self.count = QLabel(self)
        self.count.setWordWrap(True)
        for label in (self.heading, self.address, self.count):
            label.setStyleSheet("color:#1a1a1a;")
        text = QVBoxLayout()
        text.addStretch(1)
        text.addWidget(self.heading)
        text.addSpacing(12)
        text.addWidget(self.address)
        text.addSpacing(32)
        text.addWidget(self.count)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addSpacing(48)
        layout.addLayout(text, 1)
        self._scale_fonts()

    def show_round(self, panel: PhoneRoundPanel) -> None:
        if panel.svg:
            self.qr.set_svg(panel.svg)
        self.heading.setText(self.tr("Bedöm på din telefon: skanna koden eller skriv in adressen"))
        self.address.setText(two_lines(panel.short_address()))
        self.count.setText(panel.count_text())
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(f"{self.address.text()} {self.count.text()}")
        self._scale_fonts()

    def _scale_fonts(self) -> None:
        """The code as large as the height allows (at most 45 % of the width); the text in the rest, in type that
        grows with the window, the address shrunk only as far as needed to fit on its two lines."""
        height, width = max(self.height(), 300), max(self.width(), 500)
        side = max(120, min(height - 24, int(width * 0.45)))
        self.qr.setFixedSize(side, side)
        column = max(160, width - side - 96)
        for label, share, bold in ((self.heading, 20, False), (self.address, 17, True), (self.count, 10, True)):
            font = QFont(label.font())
            if label is self.address:
                font.setFamily("monospace")
                font.setStyleHint(QFont.StyleHint.Monospace)
            font.setBold(bold)
            size = max(16, height // share)
            font.setPixelSize(size)
            if label is self.address:
                lines = label.text().splitlines() or [""]
                while size > 12 and max(QFontMetrics(font).horizontalAdvance(line) for line in lines) > column:
                    size -= 1
                    font.setPixelSize(size)
            label.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_fonts()
