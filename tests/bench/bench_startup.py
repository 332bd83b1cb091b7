"""Benchmarks of the GUI in real processes (offscreen Qt): start-up beside a bare PySide6 window, the session
window, and peak memory.

    .venv/bin/python tests/bench/bench_startup.py

- ``startup_first_paint_ms`` / ``startup_interactive_ms`` / ``startup_ready_ms``: from starting ``python`` to
  the first paint event of the main window; to the first idle moment of the event loop once the window lists
  the database's sessions (read with the standard library's sqlite3 right after the first paint: they can
  be looked through); and to the moment the window has its services too (SQLAlchemy loaded, the database
  opened: a session opens), for lardesk's own composition root (``lardesk.app.run_gui``) over a database
  of 100 organisations × 10 yearly sessions; ``bare_*`` the same for a bare ``QMainWindow`` in the same run;
  ``*_ratio`` lardesk / bare (targets: first paint within 3×, interactive within 3×). Medians of several
  starts, alternating. Compiled bytecode is kept, as in an installed lardesk.
- ``gui_open_session_ms``: opening the session window of a session with 30 participants and 200 logic items
  from the main window, until the event loop is idle again.
- ``peak_rss_mb``: the peak resident memory (``ru_maxrss``) of a lardesk process that has shown the main
  window and that session's window (target under 250 MB); ``rss_main_window_mb`` before the session opened.
- ``heavy_modules_at_start``: how many of matplotlib, reportlab, alembic, docx, numpy, jsonschema were
  imported when the main window was interactive (the names are printed by ``importtime_report``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
STARTS = int(os.environ.get("LARDESK_BENCH_STARTS", "5"))
HEAVY = ("matplotlib", "reportlab", "alembic", "docx", "numpy", "jsonschema", "pypdf")


# -- in the child process ---------------------------------------------------------------------------------


def _child(mode: str, data_dir: str, session_id: int) -> None:
    """Runs in a fresh interpreter; prints one JSON line with wall-clock times (time.time())."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    result: dict[str, Any] = {}
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                "paint" not in result
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)
            ):
                result["paint"] = time.time()
                QTimer.singleShot(0, interactive)
            return False

    def interactive() -> None:
        # lardesk paints its window first, lists the sessions (read with the standard library), then loads
        # the database layer: interactive means the sessions are listed and the event loop is idle again
        # (the list can be looked through); ready means the window has its services too (a session opens).
        windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)]
        if "interactive" not in result:
            if any(getattr(w, "listed", True) is False for w in windows):
                QTimer.singleShot(5, interactive)
                return
            result["interactive"] = time.time()
            result["heavy"] = [name for name in HEAVY if name in sys.modules]
        if any(getattr(w, "_services", 0) is None for w in windows):
            QTimer.singleShot(5, interactive)
            return
        result["ready"] = time.time()
        if mode == "memory":
            QTimer.singleShot(0, open_session)
        else:
            app.quit()

    def open_session() -> None:
        import resource

        result["rss_main_window_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and hasattr(w, "open_session")]
        if windows and session_id:
            started = time.perf_counter()
            session_window = windows[0].open_session(session_id)
            app.processEvents()
            result["gui_open_session_ms"] = (time.perf_counter() - started) * 1000
            result["session_window"] = type(session_window).__name__
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        app.quit()

    watch = Watch()
    app.installEventFilter(watch)
    QTimer.singleShot(60_000, app.quit)  # never hang a benchmark run
    if mode == "bare":
        from PySide6.QtWidgets import QLabel

        window = QMainWindow()
        window.setWindowTitle("bare")
        window.setCentralWidget(QLabel("bare"))
        window.resize(1000, 640)
        window.show()
        app.exec()
    else:
        from lardesk.app import run_gui
        from lardesk.paths import resolve_paths

        run_gui(resolve_paths(data_dir), [sys.argv[0]])
    print(json.dumps(result))


# -- in the benchmark process -------------------------------------------------------------------------------


_SETTINGS = tempfile.mkdtemp(prefix="lardesk-bench-settings-")


def _env() -> dict[str, str]:
    # The started windows save their geometry on close: into a folder of the benchmark's, not the user's.
    # Compiled bytecode is kept (as an installed lardesk has it): with PYTHONDONTWRITEBYTECODE every start
    # would compile lardesk's modules anew and the figures would measure the compiler.
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO), "XDG_CONFIG_HOME": _SETTINGS}


def start_once(mode: str, data_dir: Path, session_id: int = 0, *extra: str) -> dict[str, Any]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, *extra, __file__, "child", mode, str(data_dir), str(session_id)],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=REPO,
        timeout=180,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{mode} start failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["first_paint_ms"] = (result["paint"] - started) * 1000
    result["interactive_ms"] = (result["interactive"] - started) * 1000
    result["ready_ms"] = (result["ready"] - started) * 1000
    result["stderr"] = done.stderr
    return result


def _startup_database() -> Path:
    """The data directory with 100 organisations × 10 yearly sessions (built once, then reused)."""
    from lardesk.services import Services
    from lardesk.storage.migrate import head_revision
    from tests.bench.data import yearly_session

    data_dir = Path(tempfile.gettempdir()) / f"lardesk-bench-{head_revision()}" / "startup"
    ready = data_dir / "ready"
    if ready.exists():
        return data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "lardesk.sqlite").unlink(missing_ok=True)
    services = Services.open(f"sqlite:///{data_dir / 'lardesk.sqlite'}", data_dir / "backups")
    try:
        for organisation in range(1, 101):
            for year in range(2016, 2026):
                services.exchange.import_document(yearly_session(organisation, year))
    finally:
        services.close()
    ready.write_text("100 organisations × 10 sessions\n")
    return data_dir


def _memory_database() -> tuple[Path, int]:
    from lardesk.services import Services
    from lardesk.storage.migrate import head_revision
    from tests.bench.data import big_session

    data_dir = Path(tempfile.gettempdir()) / f"lardesk-bench-{head_revision()}" / "memory"
    marker = data_dir / "session-id"
    if marker.exists():
        return data_dir, int(marker.read_text())
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "lardesk.sqlite").unlink(missing_ok=True)
    services = Services.open(f"sqlite:///{data_dir / 'lardesk.sqlite'}", data_dir / "backups")
    try:
        new_id = services.exchange.import_document(big_session()).new_id
        assert new_id is not None
    finally:
        services.close()
    marker.write_text(str(new_id))
    return data_dir, new_id


def run(starts: int = STARTS) -> dict[str, float]:
    data_dir = _startup_database()
    start_once("lardesk", data_dir)  # warm the file cache, and the day's backup is made outside the figures
    bare: list[dict[str, Any]] = []
    ours: list[dict[str, Any]] = []
    for _ in range(starts):
        bare.append(start_once("bare", data_dir))
        ours.append(start_once("lardesk", data_dir))
    figures: dict[str, float] = {}
    for name in ("first_paint_ms", "interactive_ms", "ready_ms"):
        mine = statistics.median(r[name] for r in ours)
        theirs = statistics.median(r[name] for r in bare)
        figures[f"startup_{name}"] = mine
        figures[f"bare_{name}"] = theirs
        figures[f"startup_{name.removesuffix('_ms')}_ratio"] = mine / theirs
    figures["heavy_modules_at_start"] = float(len(ours[-1]["heavy"]))
    memory_dir, session_id = _memory_database()
    start_once("memory", memory_dir, session_id)
    memory = start_once("memory", memory_dir, session_id)
    for name in ("gui_open_session_ms", "rss_main_window_mb", "peak_rss_mb"):
        if name in memory:
            figures[name] = float(memory[name])
    return figures


def importtime_report(limit: int = 15) -> str:
    """``python -X importtime`` of a GUI start: the slowest imports, and the heavy ones loaded at start."""
    data_dir = _startup_database()
    result = start_once("lardesk", data_dir, 0, "-X", "importtime")
    cumulative: list[tuple[int, str, bool]] = []
    for line in result["stderr"].splitlines():
        parts = line.removeprefix("import time:").split("|")
        if not line.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        raw = parts[2]
        cumulative.append((int(parts[1]), raw.strip(), raw[1:2] != " "))
    top_level = sorted(((us, name) for us, name, top in cumulative if top), reverse=True)
    lines = ["slowest imports at GUI start (cumulative ms, top-level packages):"]
    lines += [f"  {us / 1000:8.1f}  {name}" for us, name in top_level[:limit]]
    lardesk = sorted(((us, name) for us, name, _ in cumulative if name.startswith("lardesk")), reverse=True)
    lines.append("lardesk modules (cumulative ms):")
    lines += [f"  {us / 1000:8.1f}  {name}" for us, name in lardesk[:limit]]
    lines.append(f"heavy modules loaded when the main window was interactive: {', '.join(result['heavy']) or 'none'}")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        for key, value in run().items():
            print(f"{key:>32}: {value:10.1f}")
        print(importtime_report())
