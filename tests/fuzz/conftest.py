"""Hypothesis keeps its caches outside the checkout: pytest's ``norecursedirs`` (pyproject) replaces the
default ignores, so a ``.hypothesis`` folder in the checkout would be collected and fail the next run."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "lardesk-hypothesis")
