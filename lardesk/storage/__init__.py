"""Storage: SQLAlchemy 2 typed models, the engine, the Alembic runner. Only services use it."""
