"""Import rules import-linter cannot say: the method may import the standard library only (an allow-list, not
a forbid-list: numpy or anything else new would pass a forbid-list). The other contracts are in pyproject.toml
and run as ``lint-imports``; this test runs them too, so that the suite fails when one breaks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parents[1]


def test_the_method_imports_the_standard_library_only() -> None:
    graph = grimp.build_graph("lardesk", include_external_packages=True)
    method = {m for m in graph.modules if m == "lardesk.method" or m.startswith("lardesk.method.")}
    outside: list[str] = []
    for module in sorted(method):
        for imported in graph.find_modules_directly_imported_by(module):
            root = imported.split(".")[0]
            if imported in method or root in sys.stdlib_module_names or root == "__future__":
                continue
            if imported == "lardesk.resources":  # where the guide's data lives: plain pathlib, no imports
                continue
            outside.append(f"{module} imports {imported}")
    assert outside == []


def test_the_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, done.stdout[-3000:]


def test_every_command_line_module_is_under_the_no_qt_contract() -> None:
    import tomllib

    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    (no_qt,) = [c for c in contracts if c["name"].startswith("The command line has no Qt")]
    modules = {f"lardesk.{path.stem}" for path in (REPO / "lardesk").glob("cli*.py")}
    assert modules - set(no_qt["source_modules"]) == set(), "add the new lardesk.cli_* module to the contract"
