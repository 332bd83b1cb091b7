"""The schema revisions this lardesk knows, read from ``db_migrations/versions/*.py`` without Alembic or
SQLAlchemy (the start-up reads the list of sessions before either is imported)."""

from __future__ import annotations

import re
from functools import cache

from lardesk.resources import migrations_dir

_REVISION = re.compile(r"^revision\s*(?::\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(None|[\"']([^\"']+)[\"'])", re.MULTILINE)


@cache
def revision_chain() -> tuple[str, ...]:
    """The schema revisions this lardesk knows, oldest first (read from db_migrations/versions/*.py)."""
    parents: dict[str, str | None] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        down = _DOWN.search(source)
        if revision is None or down is None:
            continue
        parents[revision.group(1)] = down.group(2)
    chain: list[str] = []
    current: str | None = next((r for r, p in parents.items() if p is None), None)
    children = {parent: child for child, parent in parents.items()}
    while current is not None:
        chain.append(current)
        current = children.get(current)
    assert chain and len(chain) == len(parents), "db_migrations/versions/ is not one straight line of revisions"
    return tuple(chain)


def head_revision() -> str:
    return revision_chain()[-1]
