"""Where lardesk keeps its files: one place, on platformdirs, overridable for tests and portable use."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "lardesk"
DATABASE_FILE = "lardesk.sqlite"
DATABASE_URL_ENV = "LARDESK_DATABASE_URL"
DATA_DIR_ENV = "LARDESK_DATA_DIR"


@dataclass(frozen=True, slots=True)
class Paths:
    data_dir: Path
    database_url: str

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def resolve_paths(data_dir: str | Path | None = None, database_url: str | None = None) -> Paths:
    """Paths for this run. An explicit option wins over the environment: ``--database URL``, then
    ``--data-dir DIR``, then LARDESK_DATABASE_URL, then LARDESK_DATA_DIR, then the user's data folder.

    A SQLite database given by URL keeps its backups beside it (``<its folder>/backups``), never in another
    database's backup folder."""
    if data_dir:
        directory = Path(data_dir)
        url = database_url or sqlite_url(directory / DATABASE_FILE)
        return Paths(data_dir=directory, database_url=url)
    given = database_url or os.environ.get(DATABASE_URL_ENV)
    if given:
        file = _sqlite_file(given)
        return Paths(data_dir=file.parent if file is not None else default_data_dir(), database_url=given)
    directory = default_data_dir()
    return Paths(data_dir=directory, database_url=sqlite_url(directory / DATABASE_FILE))


def _sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///path`` URL (None for anything else; SQLAlchemy is not loaded here)."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix) :].split("?", 1)[0]
            return Path(rest) if rest and rest != ":memory:" else None
    return None
