"""Developer tool: ``python -m lardesk.storage.revision MESSAGE`` autogenerates a migration."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from lardesk.storage.database import Database
from lardesk.storage.migrate import alembic_config


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m lardesk.storage.revision MESSAGE", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as directory:
        database = Database(f"sqlite:///{Path(directory) / 'head.sqlite'}")
        config = alembic_config(database)
        command.upgrade(config, "head")
        command.revision(config, message=argv[0], autogenerate=True)
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
