"""Atomic writing: a file written through a temporary one is readable like any new file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lardesk.reports.files import render_atomic, write_atomic


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_an_atomic_file_gets_the_usual_permissions_not_the_temporary_files(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.csv", "x")
        render_atomic(tmp_path / "b.pdf", lambda temp: temp.write_bytes(b"%PDF"))
    finally:
        os.umask(umask)
    for name in ("a.csv", "b.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.pdf"]
