"""The built wheel, as a user installs it: built from the checkout, unpacked into a folder of its own and run
from outside the checkout, so that a resource or migration left out of the wheel fails here, not on a
facilitator's laptop. The dependencies are those of the test environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = folder.glob("lardesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lardesk/resources/exchange/session.schema.json" in names
    assert any(name.startswith("lardesk/db_migrations/versions/0001") for name in names)
    assert not any(name.startswith("tests/") for name in names)
    target = folder / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    return target


def lardesk(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from lardesk.launch import main; sys.exit(main(sys.argv[1:]))", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(site), "PYTHONNOUSERSITE": "1"},
    )


def test_the_wheel_runs_the_demo_and_its_commands(installed: Path, tmp_path: Path) -> None:
    where = lardesk(installed, "--version", cwd=tmp_path)
    assert where.returncode == 0 and where.stdout.startswith("lardesk"), where.stderr
    probe = subprocess.run(
        [sys.executable, "-c", "import lardesk; print(lardesk.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env={**os.environ, "PYTHONPATH": str(installed)},
    )
    assert probe.stdout.strip().startswith(str(installed)), probe.stdout  # the wheel's copy, not the checkout
    data = tmp_path / "data"
    demo = lardesk(installed, "--data-dir", str(data), "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    session = demo.stdout.strip()
    stats = lardesk(installed, "--data-dir", str(data), "stats", session, "--json", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["scales"]
    exported = tmp_path / "ut.json"
    assert lardesk(installed, "--data-dir", str(data), "export", session, str(exported), cwd=tmp_path).returncode == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "lardesk-session"
