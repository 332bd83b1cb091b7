"""The page protocol of the guided session (Picard's declarative pages, adapted).

A step is a QWidget that shows one part of the session. The session window creates each step once with
the services, the change bus and the session id; it calls ``load()`` when the step is shown and after
relevant changes (``refresh_on``), and tells it what the projector should show via ``projector_widget()``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from lardesk.method.snapshot import SessionSnapshot
from lardesk.services import Changed


@runtime_checkable
class Step(Protocol):
    STEP_ID: str
    """Stable id, stored as the session's current step (e.g. "section-3", "board", "ratings")."""

    def title(self) -> str:
        """The step's title in the current language (shown in the progress list)."""
        ...

    def refresh_on(self) -> Changed:
        """The kinds of change after which load() is called again."""
        ...

    def load(self, snapshot: SessionSnapshot) -> None:
        """Show the session as it stands now."""
        ...

    def projector_widget(self) -> QWidget | None:
        """A new widget for the projector window showing what the room should see now (or None)."""
        ...
