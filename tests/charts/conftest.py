"""Hypothesis keeps its files outside the checkout: pytest here does not extend the default ignores, so a
``.hypothesis`` folder in the checkout would be collected and fail the run (as tests/fuzz does)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "lardesk-hypothesis"))
