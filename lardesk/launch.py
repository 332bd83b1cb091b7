"""The program's entry point (``lardesk``, ``python -m lardesk``): the command line, or the GUI without a command.

The one module that knows both: :mod:`lardesk.cli` never imports Qt (import-linter checks it), and the GUI's
composition root :mod:`lardesk.app` is imported only when the GUI starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from lardesk.cli import main as cli_main
from lardesk.paths import Paths


def start_gui(paths: Paths) -> int:
    from lardesk.app import run_gui

    return run_gui(paths)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, start_gui=start_gui)


__all__ = ["main", "start_gui"]
