"""All use cases over one database, opened (created, backed up, migrated) in one call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lardesk.paths import Paths
from lardesk.services.exchange import ExchangeService
from lardesk.services.indicators import IndicatorService
from lardesk.services.logic import LogicService
from lardesk.services.overview import OverviewService
from lardesk.services.ratings import RatingService
from lardesk.services.sessions import SessionService
from lardesk.storage.database import Database
from lardesk.storage.migrate import prepare


@dataclass(frozen=True)
class Services:
    """Every use case over one database."""

    database: Database
    sessions: SessionService
    logic: LogicService
    indicators: IndicatorService
    ratings: RatingService
    exchange: ExchangeService
    overview: OverviewService
    backup: Path | None = None
    """The copy taken before this start's schema upgrade, if there was one."""

    @classmethod
    def open(cls, database_url: str, backup_dir: Path | None = None) -> Services:
        """Open (and create or upgrade) the database at ``database_url``; raises StorageError."""
        database = Database(database_url)
        try:
            backup = prepare(database, backup_dir)
        except BaseException:
            database.dispose()
            raise
        return cls.over(database, backup)

    @classmethod
    def over(cls, database: Database, backup: Path | None = None) -> Services:
        return cls(
            database=database,
            sessions=SessionService(database),
            logic=LogicService(database),
            indicators=IndicatorService(database),
            ratings=RatingService(database),
            exchange=ExchangeService(database),
            overview=OverviewService(database),
            backup=backup,
        )

    @classmethod
    def for_paths(cls, paths: Paths) -> Services:
        return cls.open(paths.database_url, paths.backup_dir)

    def close(self) -> None:
        self.database.dispose()
