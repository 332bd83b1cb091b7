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
    """Paths for this run: ``--database URL`` (or LARDESK_DATABASE_URL) wins, then ``--data-dir``."""
    directory = Path(data_dir) if data_dir else default_data_dir()
    url = database_url or os.environ.get(DATABASE_URL_ENV) or sqlite_url(directory / DATABASE_FILE)
    return Paths(data_dir=directory, database_url=url)
