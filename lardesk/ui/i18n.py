"""Qt Linguist translations, read straight from the ``.ts`` files in ``resources/translations/``.

The source strings are Swedish (the default language); ``lardesk_en.ts`` (and any other ``*_en.ts``) holds
the English. Reading the
``.ts`` XML at start-up (a few hundred messages, milliseconds) means a fresh install shows English without
a build step and without binary ``.qm`` files in the repository; the files stay editable with Qt Linguist
(``pyside6-linguist``) and are refreshed from the code with ``pyside6-lupdate`` (see the README).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lardesk.method.guide import DEFAULT_LANGUAGE
from lardesk.resources import resources_dir


def translation_file(language: str) -> Path:
    return resources_dir() / "translations" / f"lardesk_{language}.ts"


def translation_files(language: str) -> list[Path]:
    """``lardesk_en.ts`` and any other ``*_en.ts`` a part of the UI keeps apart (e.g. ``board_en.ts``)."""
    return sorted((resources_dir() / "translations").glob(f"*_{language}.ts"))


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation for every finished message of a Linguist .ts file."""
    root = ElementTree.parse(path).getroot()
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            source = message.findtext("source", default="")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                table[(name, source)] = translation.text
    return table


class TsTranslator(QTranslator):
    """A QTranslator over the messages of one .ts file."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table

    def translate(self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.table.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self.table


_installed: list[QTranslator] = []


def install_language(language: str) -> None:
    """Make ``language`` the UI language of the running application (Swedish needs no translator)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Swedish)
    QLocale.setDefault(locale)
    qt_base = QTranslator()
    if qt_base.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_base)  # the standard buttons (Avbryt/Cancel …) in the right language
    if language != DEFAULT_LANGUAGE:
        table: dict[tuple[str, str], str] = {}
        for path in translation_files(language):
            table.update(read_ts(path))
        if table:
            _installed.append(TsTranslator(table))
    for translator in _installed:
        app.installTranslator(translator)
