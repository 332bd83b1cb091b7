"""What one session may hold: enough for any real follow-up, few enough that every command (above all the
minutes) stays within a few seconds and a few hundred MB (``tests/bench/bench_limits.py`` measures a session
at every limit at once). More is refused with a message, at import and when added in the GUI."""

from __future__ import annotations

MAX_ITEMS = 200
"""Boxes of the program logic (starting points, resources, activities, results, mediating instances, effects)."""
MAX_LINKS = 600
"""Links between them."""
MAX_PARTICIPANTS = 60
MAX_NOTES_TEXT = 100_000
"""Characters of all a session's notes together (about 30 printed pages; one note holds up to 20,000)."""
MAX_IMPROVEMENTS = 200
"""Improvement actions."""
