"""The projector window: what the room should see now, in type readable from the back of the room.

A second top-level window; F11 puts it full screen on the other screen (when there is one). The session
window tells it what to show: the current question (with the section as heading), or a step's own
projector widget (the board, the spread). The reflection timer is shown in its corner while it runs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QFontMetricsF, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from lardesk.ui.settings import restore_window, save_window

BACKGROUND = "#1f2430"
FOREGROUND = "#f4f1ea"
MUTED = "#b9c2d0"
SETTINGS_KEY = "projector"


class FittingLabel(QLabel):
    """Plain text in the largest type (up to ``largest`` pixels) that fits the label's box whole: wrapped at
    word boundaries only (the widest word fits a line), never cut at the top or bottom. The layout gives the
    label its box; the label does not ask for more."""

    def __init__(self, share: int, smallest: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = share
        """The largest type is the window's height divided by this (13: about 55 px on a 720 px projector)."""
        self.smallest = smallest
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._fitted: tuple[str, int, int, int, bool] | None = None

    def largest(self) -> int:
        window = self.window()
        return max(self.smallest, max(window.height(), 300) // self.share)

    def needed(self, pixels: int, width: int) -> tuple[float, float]:
        """The text's (widest word, height) in ``pixels``-sized type wrapped to ``width``."""
        font = QFont(self.font())
        font.setPixelSize(pixels)
        metrics = QFontMetricsF(font)
        text = self.text()
        widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)
        flags = int(Qt.TextFlag.TextWordWrap) | int(self.alignment())
        height = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height() if text else 0.0
        return widest, height

    def fit(self) -> None:
        box = self.contentsRect()
        key = (self.text(), box.width(), box.height(), self.largest(), self.font().bold())
        if key == self._fitted or box.width() <= 0 or box.height() <= 0:
            return
        self._fitted = key
        pixels = self.largest()
        while pixels > self.smallest:
            widest, height = self.needed(pixels, box.width())
            if widest <= box.width() and height <= box.height():
                break
            pixels -= max(1, pixels // 16)
        font = QFont(self.font())
        font.setPixelSize(pixels)
        super().setFont(font)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class ProjectorWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("lardesk – projektor"))
        self.setAccessibleName(self.tr("Projektorvy"))
        self.setObjectName("projector")
        self.setStyleSheet(
            f"#projector {{ background:{BACKGROUND}; }} QLabel {{ color:{FOREGROUND}; background:transparent; }}"
        )
        self.heading = QLabel(self)
        self.heading.setObjectName("projectorHeading")
        self.heading.setStyleSheet(f"color:{MUTED};")
        self.heading.setWordWrap(True)
        self.timer = QLabel(self)
        self.timer.setObjectName("projectorTimer")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.timer.hide()
        self.text = FittingLabel(13, parent=self)
        self.text.setObjectName("projectorText")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.detail = FittingLabel(30, parent=self)
        self.detail.setObjectName("projectorDetail")
        self.detail.setStyleSheet(f"color:{MUTED};")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.content: QWidget | None = None

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.timer)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(48, 32, 48, 32)
        self.body.setSpacing(24)
        self.body.addLayout(top)
        self.body.addWidget(self.text, 3)
        self.body.addWidget(self.detail, 1)

        # the room's window never keeps the keyboard: shown, or full screen, the facilitator's window has it
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.leave_full_screen)
        if not restore_window(self, SETTINGS_KEY):
            self.resize(1280, 720)
        self._scale_fonts()

    # -- what to show -------------------------------------------------------------------------------
    def show_text(self, heading: str, text: str, detail: str = "") -> None:
        self._drop_content()
        self.heading.setText(heading)
        self.text.setText(text)
        self.text.show()
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def show_widget(self, heading: str, widget: QWidget, text: str = "") -> None:
        """Show a step's own projector widget (it becomes the window's child), with an optional line above."""
        self._drop_content()
        self.heading.setText(heading)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.detail.hide()
        widget.setParent(self)
        self.content = widget
        self.body.insertWidget(2, widget, 4)
        widget.show()

    def set_timer(self, text: str, running: bool, finished: bool) -> None:
        self.timer.setText(text)
        self.timer.setVisible(running or finished)
        colour = "#9fe0a8" if finished else FOREGROUND
        self.timer.setStyleSheet(f"color:{colour};")

    def _drop_content(self) -> None:
        if self.content is not None:
            self.body.removeWidget(self.content)
            self.content.hide()
            self.content.deleteLater()
            self.content = None

    # -- windowing ----------------------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        """Full screen on the other screen (when there is one), or back; the facilitator keeps the keyboard."""
        if self.isFullScreen():
            self.showNormal()
        else:
            screens = QGuiApplication.screens()
            here = self.window().screen()
            others = [screen for screen in screens if screen is not QGuiApplication.primaryScreen()]
            target = others[0] if others else here
            if target is not None:
                self.setGeometry(target.geometry())
            self.showFullScreen()
        self.give_back_focus()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        self.give_back_focus()

    def changeEvent(self, event: QEvent) -> None:
        """Made active (shown, put full screen, under the pointer, clicked): the keyboard goes straight back to
        the facilitator's window, which has the same keys (F11, Esc) and every other one."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            QTimer.singleShot(0, self, self.give_back_focus)

    def give_back_focus(self) -> None:
        """Hand the keyboard back to the facilitator's window (the one that owns this projector)."""
        owner = self.parentWidget()
        if owner is not None and self.isVisible():
            owner.window().activateWindow()

    def _scale_fonts(self) -> None:
        height = max(self.height(), 300)
        for label, share in ((self.heading, 26), (self.timer, 16), (self.text, 13), (self.detail, 30)):
            font = label.font()
            font.setPixelSize(max(14, height // share))
            font.setBold(label is self.text or label is self.timer)
            label.setFont(font)
            if isinstance(label, FittingLabel):  # the largest size that fits its box
                label.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_fonts()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.isFullScreen():
            save_window(self, SETTINGS_KEY)
        super().closeEvent(event)
