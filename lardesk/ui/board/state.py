"""What the board shows, as plain data, and how it changes: the incremental half of the board.

The board keeps the items and links of the session it shows and the findings they give. A new snapshot,
or a link the board just made, is turned into a :class:`Delta` that says exactly which items, links and
gap marks changed, so that the scene touches only those graphics items. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lardesk.method.logic import BOARD_ORDER, Finding, ItemKind, can_link, find_findings
from lardesk.method.snapshot import ItemInfo, SessionSnapshot

Link = tuple[int, int]


@dataclass
class Delta:
    """What changed between two states of the board."""

    added: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)
    changed: set[int] = field(default_factory=set)
    """Items whose text, status, amounts or marks changed (their size may change)."""
    added_links: set[Link] = field(default_factory=set)
    removed_links: set[Link] = field(default_factory=set)
    codes: set[int] = field(default_factory=set)
    """Items whose findings (gap and status marks) changed."""
    columns: set[ItemKind] = field(default_factory=set)
    """Columns whose order or membership changed (they are laid out again)."""
    findings_changed: bool = False

    def __bool__(self) -> bool:
        return bool(
            self.added
            or self.removed
            or self.changed
            or self.added_links
            or self.removed_links
            or self.codes
            or self.columns
            or self.findings_changed
        )


class BoardState:
    """Items, links and findings of one session, updated incrementally."""

    def __init__(self) -> None:
        self.items: dict[int, ItemInfo] = {}
        self.columns: dict[ItemKind, list[int]] = {kind: [] for kind in BOARD_ORDER}
        self.links: set[Link] = set()
        self.findings: tuple[Finding, ...] = ()
        self.codes: dict[int, tuple[str, ...]] = {}
        self._order: list[int] = []
        """Every item id in the snapshot's order (the order the findings follow)."""

    # -- reading -----------------------------------------------------------------------------------------
    def item(self, item_id: int) -> ItemInfo:
        return self.items[item_id]

    def targets(self, item_id: int) -> list[int]:
        return [t for s, t in self.links if s == item_id]

    def sources(self, item_id: int) -> list[int]:
        return [s for s, t in self.links if t == item_id]

    def column_of(self, item_id: int) -> tuple[ItemKind, int]:
        kind = self.items[item_id].kind
        return kind, self.columns[kind].index(item_id)

    def oriented(self, first: int, second: int) -> Link | None:
        """The link between two items, source first, or None when the method knows no such link."""
        a, b = self.items.get(first), self.items.get(second)
        if a is None or b is None:
            return None
        if can_link(a.kind, b.kind):
            return (first, second)
        if can_link(b.kind, a.kind):
            return (second, first)
        return None

    # -- changing ---------------------------------------------------------------------------------------
    def load(self, snapshot: SessionSnapshot) -> Delta:
        delta = Delta()
        new_items = {item.id: item for item in snapshot.items}
        for item_id, item in new_items.items():
            old = self.items.get(item_id)
            if old is None:
                delta.added.add(item_id)
                delta.columns.add(item.kind)
            elif old != item:
                delta.changed.add(item_id)
                if old.position != item.position:
                    delta.columns.add(item.kind)
        for item_id, old in self.items.items():
            if item_id not in new_items:
                delta.removed.add(item_id)
                delta.columns.add(old.kind)
        new_links = {(link.source_id, link.target_id) for link in snapshot.links}
        delta.added_links = new_links - self.links
        delta.removed_links = self.links - new_links
        self.items = new_items
        self._order = [item.id for item in snapshot.items]
        self.links = new_links
        if delta.columns:
            for kind in BOARD_ORDER:
                column = [item for item in snapshot.items if item.kind is kind]
                column.sort(key=lambda item: (item.position, item.id))
                self.columns[kind] = [item.id for item in column]
        if delta.added or delta.removed or delta.changed or delta.added_links or delta.removed_links:
            self._refresh_findings(delta)
        return delta

    def add_link(self, first: int, second: int) -> Delta:
        delta = Delta()
        link = self.oriented(first, second)
        if link is not None and link not in self.links:
            self.links.add(link)
            delta.added_links.add(link)
            self._refresh_findings(delta)
        return delta

    def remove_link(self, first: int, second: int) -> Delta:
        delta = Delta()
        for link in ((first, second), (second, first)):
            if link in self.links:
                self.links.discard(link)
                delta.removed_links.add(link)
        if delta.removed_links:
            self._refresh_findings(delta)
        return delta

    def _refresh_findings(self, delta: Delta) -> None:
        nodes = [self.items[item_id].node() for item_id in self._order if item_id in self.items]
        findings = tuple(find_findings(nodes, self.links))
        codes: dict[int, list[str]] = {}
        for finding in findings:
            codes.setdefault(finding.item_id, []).append(finding.code)
        new_codes = {item_id: tuple(values) for item_id, values in codes.items()}
        for item_id in set(new_codes) | set(self.codes):
            if new_codes.get(item_id, ()) != self.codes.get(item_id, ()):
                delta.codes.add(item_id)
        delta.findings_changed = findings != self.findings
        self.findings = findings
        self.codes = new_codes
