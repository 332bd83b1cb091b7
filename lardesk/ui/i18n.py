"""The UI language: Qt Linguist translations, compiled with Qt's own tools and loaded with a QTranslator.

The source strings are Swedish (the default language). ``resources/translations/lardesk_en.ts`` holds the
English and is refreshed from the code with ``pyside6-lupdate``; ``pyside6-lrelease`` compiles it to
``lardesk_en.qm``, which ships in the repository (and the wheel) so that a fresh install shows English
without a build step. A maintainer runs both after changing UI strings::

    python -m lardesk.ui.i18n --update

A test fails when the shipped ``.qm`` is not what ``lrelease`` makes of the ``.ts``, when a message is left
unfinished, or when a string in the code is missing from the ``.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lardesk.method.guide import DEFAULT_LANGUAGE
from lardesk.resources import resources_dir

UI_PACKAGE = Path(__file__).resolve().parent
"""Every ``*.py`` under ``lardesk/ui`` is scanned by lupdate."""


def ts_file(language: str) -> Path:
    """The editable Linguist file of ``language`` (``lardesk_en.ts``)."""
    return resources_dir() / "translations" / f"lardesk_{language}.ts"


def qm_file(language: str) -> Path:
    """The compiled file the app loads (``lardesk_en.qm``), made from :func:`ts_file` by lrelease."""
    return ts_file(language).with_suffix(".qm")


def ui_sources() -> list[Path]:
    return sorted(UI_PACKAGE.rglob("*.py"))


def qt_tool(name: str) -> str:
    """The path of ``lupdate`` or ``lrelease`` as shipped in the PySide6 wheel (else ``pyside6-<name>``)."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    shipped = Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"
    if shipped.is_file():
        return str(shipped)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"Qt's {name} was not found (it comes with PySide6)")
    return found


def lupdate(ts: Path, language: str = "en") -> None:
    """Refresh ``ts`` from the code: new strings come in unfinished, strings gone from the code go out."""
    args = [qt_tool("lupdate"), *map(str, ui_sources()), "-no-obsolete", "-locations", "none", "-silent"]
    args += ["-source-language", DEFAULT_LANGUAGE, "-target-language", language, "-ts", str(ts)]
    subprocess.run(args, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` to ``qm`` (unfinished messages are left out, so they show in Swedish)."""
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


_installed: list[QTranslator] = []
_language = [DEFAULT_LANGUAGE]


def current_language() -> str:
    """The language the UI shows now (the last one installed; Swedish before any)."""
    return _language[0]


def install_language(language: str) -> None:
    """Make ``language`` the UI language of the running application (Swedish needs no translator)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language[0] = language
    locale = QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Swedish)
    QLocale.setDefault(locale)
    qt_base = QTranslator()
    if qt_base.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_base)  # the standard buttons (Avbryt/Cancel …) in the right language
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator()
        if ours.load(str(qm_file(language))):
            _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lardesk.ui.i18n", description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="run lupdate, then lrelease, on lardesk_en.ts")
    options = parser.parse_args(argv)
    if not options.update:
        parser.print_help()
        return 2
    ts, qm = ts_file("en"), qm_file("en")
    lupdate(ts)
    lrelease(ts, qm)
    text = ts.read_text(encoding="utf-8")
    messages, unfinished = text.count("<message"), text.count('type="unfinished"')
    print(f"{ts.name}: {messages} messages, {unfinished} unfinished; wrote {qm.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
