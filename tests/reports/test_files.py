"""Atomic writing: a file written through a temporary one is readable like any new file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lardesk.reports.files import render_atomic, write_atomic


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_an_atomic_file_is_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    """Exports hold names and ratings: 0600, as the database (issue 10, item 9)."""
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "a.csv", "x")
        render_atomic(tmp_path / "b.pdf", lambda temp: temp.write_bytes(b"%PDF"))
        existing = tmp_path / "c.json"
        existing.write_text("old", encoding="utf-8")
        existing.chmod(0o644)
        write_atomic(existing, "new")
    finally:
        os.umask(previous)
    for name in ("a.csv", "b.pdf", "c.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.pdf", "c.json"]
