"""Shared fixtures: a fresh database per test (SQLite file, or a new PostgreSQL database), services on it,
and the shared example files."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from lardesk.paths import DATA_DIR_ENV, DATABASE_URL_ENV
from lardesk.services import Services

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LARDESK_SHARED", REPO.parent / "shared"))
"""The project's shared/ folder (beside the checkout; a worktree elsewhere names it in $LARDESK_SHARED)."""
SHIPPED_EXAMPLE = REPO / "resources" / "demo" / "example-bilaga1.json"
"""The guide's example as lardesk ships it (a copy of shared/exchange/example-bilaga1.json; a test compares
them when shared/ is there), so that the tests never need shared/."""
EXAMPLE = SHIPPED_EXAMPLE
POSTGRES_ENV = "LARDESK_TEST_POSTGRES_URL"

EXAMPLE_FINDINGS: dict[str, list[str]] = {
    "G1": ["a6", "a8", "a9", "a10"],
    "G2": ["res1", "res2"],
    "G3": [],
    "G4": [],
    "G5": ["res4", "res5", "res6", "res7"],
    "G6": [],
    "G7": [],
    "G8": [],
    "S1": ["a6"],
    "S2": ["res2"],
    "S3": [],
    "S4": [],
}
"""The expected findings of example-bilaga1.json (shared/exchange/README.md), every code, in item order."""
EXAMPLE_FINDINGS_FOUND = {code: keys for code, keys in EXAMPLE_FINDINGS.items() if keys}
"""The same, only the codes that have items."""

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "lardesk-hypothesis")
"""Hypothesis keeps its caches outside the checkout (its writes there are atomic: workers and runs may share it)."""
settings.register_profile(
    "lardesk",
    deadline=None,  # a loaded CI machine takes longer than 200 ms now and then: a deadline would fail at random
    database=None,  # no examples carried from one run to the next: every run starts from the same place
    derandomize=bool(os.environ.get("CI")),  # CI draws the same examples on every run; a developer's run explores
    print_blob=True,  # a failure prints what reproduces it
)
settings.load_profile("lardesk")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the shell that runs the tests has set, lardesk finds its default data folder and its settings
    (QSettings: window geometry, language) in this test's own folder: a test (or the program it starts) never
    reads what an earlier test, another run or the developer's own lardesk left in the home folder."""
    for name in (DATA_DIR_ENV, DATABASE_URL_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def example_bytes(example_path: Path) -> bytes:
    return example_path.read_bytes()


def _postgres_admin_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("LARDESK_REQUIRE_POSTGRES"):
            pytest.fail(f"{POSTGRES_ENV} is not set, but LARDESK_REQUIRE_POSTGRES says PostgreSQL must be tested")
        pytest.skip(f"no PostgreSQL server ({POSTGRES_ENV} is not set; .ci/postgres starts one)")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for this test, dropped afterwards."""
    admin_url = _postgres_admin_url()
    assert admin_url is not None
    name = f"lardesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'lardesk.sqlite'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Both backends: the test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'lardesk.sqlite'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def services(sqlite_url: str, tmp_path: Path) -> Iterator[Services]:
    """Services over a fresh SQLite database."""
    opened = Services.open(sqlite_url, tmp_path / "backups")
    yield opened
    opened.close()


@pytest.fixture
def any_services(database_url: str, tmp_path: Path) -> Iterator[Services]:
    """Services over a fresh database, on SQLite and on PostgreSQL."""
    opened = Services.open(database_url, tmp_path / "backups")
    yield opened
    opened.close()


@pytest.fixture
def example_id(services: Services, example_bytes: bytes) -> int:
    new_id = services.exchange.import_bytes(example_bytes).new_id
    assert new_id is not None
    return new_id
