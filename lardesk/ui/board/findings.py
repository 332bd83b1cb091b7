"""The findings panel: gaps G1–G8 and, beside them, status findings S1–S4, with counts; click to go there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from lardesk.method.guide import Guide
from lardesk.method.indicators import Direction, direction_word, gap_word, group_sentence, summarize
from lardesk.method.logic import GAP_CODES, STATUS_CODES, Finding, count_by_code
from lardesk.method.snapshot import ItemInfo
from lardesk.ui.wrapping import WrappingTree

ITEM_ID_ROLE = int(Qt.ItemDataRole.UserRole)
CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class FindingsPanel(WrappingTree):
    """The findings, each on as many lines as its words need (never cut), under two headings."""

    item_chosen = Signal(int)

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setAccessibleName(self.tr("Luckor och statusiakttagelser"))
        self._findings: tuple[Finding, ...] | None = None
        self._keys: dict[int, str] = {}
        self._nodes: dict[str, QTreeWidgetItem] = {}
        self._indicators: QTreeWidgetItem | None = None
        self._indicators_shown: tuple[tuple[int, str, str, object], ...] | None = None
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def show_findings(self, findings: Sequence[Finding], keys: dict[int, str]) -> None:
        findings = tuple(findings)
        if findings == self._findings and keys == self._keys:
            return
        self._findings, self._keys = findings, dict(keys)
        expanded = {code for code, node in self._nodes.items() if node.isExpanded()}
        first = not self._nodes
        self.setUpdatesEnabled(False)
        if self._indicators is not None:  # kept across the findings' rebuild, last
            self.takeTopLevelItem(self.indexOfTopLevelItem(self._indicators))
        self.clear()
        self._nodes.clear()
        if not keys:  # an empty board: say what will appear here, and how
            hint = QTreeWidgetItem(
                [
                    self.tr(
                        "Inga punkter på tavlan ännu. När ni lägger till punkter och kopplar dem visas luckorna "
                        "här, till exempel en aktivitet som inte leder till något resultat."
                    )
                ]
            )
            hint.setFlags(Qt.ItemFlag.ItemIsEnabled)
            hint.setForeground(0, QBrush(QColor("#4a5560")))
            self.addTopLevelItem(hint)
            self.setRootIsDecorated(False)
            self.setUpdatesEnabled(True)
            return
        self.setRootIsDecorated(True)
        counts = count_by_code(findings)
        bold = QFont(self.font())
        bold.setBold(True)
        grey = QBrush(QColor("#6b7780"))
        for title, codes in ((self.tr("Luckor"), GAP_CODES), (self.tr("Statusiakttagelser"), STATUS_CODES)):
            total = sum(counts[code] for code in codes)
            group = QTreeWidgetItem([f"{title} ({total})"])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(group)
            for code in codes:
                n = counts[code]
                mark = ("⚠ " if code.startswith("G") else "! ") if n else "✓ "
                node = QTreeWidgetItem([f"{mark}{code}  {self.guide.findings.get(code, code)} ({n})"])
                node.setData(0, CODE_ROLE, code)
                self._nodes[code] = node
                node.setToolTip(0, self.guide.findings.get(code, code))
                if not n:
                    node.setForeground(0, grey)
                group.addChild(node)
                for finding in findings:
                    if finding.code == code:
                        child = QTreeWidgetItem([f"{finding.key or ''}  {finding.text}"])
                        child.setData(0, ITEM_ID_ROLE, finding.item_id)
                        child.setData(0, CODE_ROLE, code)
                        child.setToolTip(0, finding.text)
                        node.addChild(child)
                node.setExpanded(bool(n) and (first or code in expanded))
            group.setExpanded(True)
        if self._indicators is not None:
            self.addTopLevelItem(self._indicators)
            self._indicators.setExpanded(True)
            for k in range(self._indicators.childCount()):
                member = self._indicators.child(k)
                if member is not None:
                    member.setExpanded(True)
        self.setUpdatesEnabled(True)

    def show_indicators(self, items: Sequence[ItemInfo]) -> None:
        """A group *Indikatorer* after the findings: per indicator whether the figures moved towards the
        target and whether the gap women − men narrowed, and per group the change and what is left."""
        language = self.guide.language
        shown = tuple((i.id, i.key, i.text, i.indicators) for i in items if i.indicators)
        if shown == self._indicators_shown:
            return
        self._indicators_shown = shown
        if self._indicators is not None:
            self.takeTopLevelItem(self.indexOfTopLevelItem(self._indicators))
            self._indicators = None
        if not shown:
            return
        bold = QFont(self.font())
        bold.setBold(True)
        count = sum(len(item.indicators) for item in items)
        group = QTreeWidgetItem([self.tr("Indikatorer ({0})").format(count)])
        group.setFont(0, bold)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for item in items:
            for indicator in item.indicators:
                summary = summarize(indicator)
                said = []
                if indicator.target is not None and summary.direction is not Direction.UNKNOWN:
                    said.append(direction_word(summary.direction, language))
                if summary.gaps:
                    said.append(gap_word(summary.gap_trend, language))
                text = f"{item.key} · {indicator.key}  {indicator.text}"
                node = QTreeWidgetItem([f"{text} – {'; '.join(said)}" if said else text])
                node.setData(0, ITEM_ID_ROLE, item.id)
                node.setToolTip(0, indicator.text)
                for change in summary.groups:
                    line = group_sentence(change, indicator.unit, language, start=True)
                    if line:
                        child = QTreeWidgetItem([line])
                        child.setData(0, ITEM_ID_ROLE, item.id)
                        node.addChild(child)
                group.addChild(node)
        self._indicators = group
        self.addTopLevelItem(group)
        group.setExpanded(True)
        for k in range(group.childCount()):
            member = group.child(k)
            if member is not None:
                member.setExpanded(True)

    def indicator_lines(self) -> list[str]:
        """Every line of the group *Indikatorer*, depth first (for tests)."""
        lines: list[str] = []

        def walk(node: QTreeWidgetItem) -> None:
            lines.append(node.text(0))
            for k in range(node.childCount()):
                child = node.child(k)
                if child is not None:
                    walk(child)

        if self._indicators is not None:
            walk(self._indicators)
        return lines

    def shown(self) -> dict[str, list[str]]:
        """Code → keys of the items listed under it, as the panel shows them (for tests and the minutes)."""
        result: dict[str, list[str]] = {}
        for code, node in self._nodes.items():
            entries = (node.child(k) for k in range(node.childCount()))
            result[code] = [self._keys.get(int(e.data(0, ITEM_ID_ROLE)), "") for e in entries if e is not None]
        return result

    def count_text(self, code: str) -> str:
        node = self._nodes.get(code)
        return node.text(0) if node is not None else ""

    def entry_for(self, item_id: int) -> QTreeWidgetItem | None:
        for node in self._nodes.values():
            for k in range(node.childCount()):
                entry = node.child(k)
                if entry is not None and entry.data(0, ITEM_ID_ROLE) == item_id:
                    return entry
        return None

    def _clicked(self, entry: QTreeWidgetItem, column: int = 0) -> None:
        item_id = entry.data(0, ITEM_ID_ROLE)
        first = entry.child(0) if entry.childCount() else None
        if item_id is None and first is not None:
            item_id = first.data(0, ITEM_ID_ROLE)
        if item_id is not None:
            self.item_chosen.emit(int(item_id))
