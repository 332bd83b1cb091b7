"""Where the shipped data lives: ``resources/`` and ``db_migrations/``.

In a source checkout (and an editable install) they sit beside the ``lardesk`` package; in a wheel they are
force-included inside it (see ``pyproject.toml``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"lardesk is installed without its {name}/ folder")


@cache
def resources_dir() -> Path:
    return _find("resources")


@cache
def migrations_dir() -> Path:
    return _find("db_migrations")
