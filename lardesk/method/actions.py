"""The status of an improvement action (förbättringsåtgärd) through the year, and at the next follow-up."""

from __future__ import annotations

from enum import StrEnum


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PARTLY_DONE = "partly_done"
    NOT_DONE = "not_done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """Still to be worked on: open or in progress (what `lardesk actions --open` keeps)."""
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
