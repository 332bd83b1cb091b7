"""lardesk: lärande uppföljning för jämställda verksamheter.

Layers, one direction only (checked by import-linter, see pyproject.toml):
``cli`` / ``app`` → ``ui`` → ``services`` → ``storage``; ``method``, ``charts`` and ``reports`` are
plain Python that anyone may use and that never touch Qt or the database.
"""

__version__ = "0.1.0"
