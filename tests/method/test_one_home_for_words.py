"""Every word that leaves lardesk comes from the catalogue (``resources/words``), none is written in Python.

The UI's own words go through Qt Linguist (``self.tr``, Swedish source), refusal messages through
:mod:`lardesk.method.messages` (English source, ``resources/messages/sv.json``), and the method's own text is the
guide (``resources/guide``). Everything else that ends up in a report, chart, CSV file or the phone page is a
catalogue entry. This scan reads the code outside the UI and fails on the forms a word table takes in Python:

* a dict keyed by a language (``{"sv": …, "en": …}``);
* a text with Swedish letters (outside docstrings; the refusal templates are English);
* a word chosen by a language test (``"del" if sv else "part"``): inside a branch on ``language == "sv"`` (or a
  name bound to such a test) only number formats and locale tags may be chosen.

A second scan fails on a sentence made by changing a word's case (``labels.median.lower()``,
``said[:1].upper() + said[1:]``, ``word(…).capitalize()``): only the template knows where its language puts a
capital, so a sentence is one catalogue entry with ``{placeholders}``, and a word that reads differently inside a
sentence has an entry of its own (``last_year_in_text``, ``indicators.group_in_text``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import lardesk

PACKAGE = Path(lardesk.__file__).parent
SCANNED = sorted(path for path in PACKAGE.rglob("*.py") if "ui" not in path.relative_to(PACKAGE).parts[:1])
LANGUAGE_CODES = {"sv", "en"}
SWEDISH = re.compile(r"[åäöÅÄÖ]")
NOT_A_WORD = re.compile(r"^([a-z]{2}(-[A-Z]{2})?|[A-Z]{2}|[\W\d_]*)$")
"""A locale tag ("sv-SE", "GB") or punctuation and digits ("," "." " "): what a language may choose in code."""

ALLOWED: dict[str, str] = {
    "lardesk/cli.py: Swedish text 'Lärande uppföljning för jämställda verks'": "the method's name, in the help",
}
"""An offence (without its line number) → why the literal is not a word that needs the catalogue."""


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings (of the module, classes, functions, attributes)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for statement in body:
            value = statement.value if isinstance(statement, ast.Expr) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    return found


def is_language_test(node: ast.expr, names: set[str]) -> bool:
    """``language == "sv"``, ``"en" if … `` tests, ``guide.language != "en"``, or a name bound to one."""
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.UnaryOp):
        return is_language_test(node.operand, names)
    if isinstance(node, ast.BoolOp):
        return any(is_language_test(value, names) for value in node.values)
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        return any(isinstance(o, ast.Constant) and o.value in LANGUAGE_CODES for o in operands)
    return False


def words_in(node: ast.AST) -> Iterator[ast.Constant]:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str) and not NOT_A_WORD.match(inner.value):
            yield inner


def offences(path: Path, root: Path = PACKAGE.parent) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    where = path.relative_to(root).as_posix()
    # names bound to a language test: sv = language == "sv"; english = guide.language == "en"
    names = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and is_language_test(node.value, set())
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = {key.value for key in node.keys if isinstance(key, ast.Constant) and isinstance(key.value, str)}
            if keys & LANGUAGE_CODES:
                yield f"{where}:{node.lineno}: a table keyed by language {sorted(keys & LANGUAGE_CODES)}"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if SWEDISH.search(node.value):
                yield f"{where}:{node.lineno}: Swedish text {node.value[:40]!r}"
        elif isinstance(node, (ast.IfExp, ast.If)) and is_language_test(node.test, names):
            branches: list[ast.AST] = (
                [node.body, node.orelse] if isinstance(node, ast.IfExp) else [*node.body, *node.orelse]
            )
            for branch in branches:
                for constant in words_in(branch):
                    if id(constant) not in skip:
                        yield f"{where}:{constant.lineno}: a word chosen by language {str(constant.value)[:40]!r}"


def test_no_word_that_leaves_lardesk_is_written_in_python() -> None:
    assert {
        PACKAGE / "reports" / "minutes.py",
        PACKAGE / "method" / "people.py",
        PACKAGE / "server" / "page.py",
    } <= set(SCANNED)
    assert not any(path.is_relative_to(PACKAGE / "ui") for path in SCANNED)  # the UI has Qt Linguist
    only_the_allowed({offence for path in SCANNED for offence in offences(path)}, ALLOWED)


def only_the_allowed(found: Iterable[str], allowed: Mapping[str, str]) -> None:
    """Every offence found is allowed (compared without its line number), and every one allowed is still there."""
    found = sorted(found)
    left = [offence for offence in found if re.sub(r":\d+:", ":", offence, count=1) not in allowed]
    assert not left, "\n".join(left)
    still = {re.sub(r":\d+:", ":", offence, count=1) for offence in found}
    assert still >= allowed.keys(), f"allowed but no longer there: {sorted(allowed.keys() - still)}"


def test_the_scan_sees_each_form_of_a_word_table(tmp_path: Path) -> None:
    sample = tmp_path / "lardesk" / "reports" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        '"""Docstrings may say anything: Sammanställning."""\n'
        'TABLE = {"sv": "Sida", "en": "Page"}\n'
        "def part(language: str) -> str:\n"
        '    sv = language == "sv"\n'
        '    decimal = "," if sv else "."\n'
        '    return ("del" if sv else "part") + decimal\n'
        "def heading(language: str) -> str:\n"
        '    if language == "en":\n'
        '        return "Summary"\n'
        '    return "Sammanfattning: " + "Åtgärder"\n',
        encoding="utf-8",
    )
    found = [offence.split(": ", 1)[1] for offence in offences(sample, tmp_path)]
    assert found.count("a table keyed by language ['en', 'sv']") == 1
    assert "a word chosen by language 'del'" in found and "a word chosen by language 'part'" in found
    assert "a word chosen by language 'Summary'" in found
    assert "Swedish text 'Åtgärder'" in found
    assert not any("Docstrings" in offence or "','" in offence or "'.'" in offence for offence in found)


CASED_SCAN = sorted(path for sub in ("reports", "charts", "method", "server") for path in (PACKAGE / sub).rglob("*.py"))
CASE_CHANGES = {"lower", "upper", "capitalize", "title", "casefold", "swapcase"}
WORD_CALLS = {"word", "section", "group_word", "short_group_word", "direction_word", "gap_word", "term", "format"}

CASED_ALLOWED: dict[str, str] = {
    "lardesk/reports/minutes_docx.py: document_.kicker.upper()": "a typographic style, as Typst's upper() prints "
    "the kicker (resources/typst/document.typ), not a sentence",
    "lardesk/method/indicators.py: figures.period.casefold()": "compares a user's periods; no word is printed",
    "lardesk/method/messages.py: load_guide(language).term(str(value)).lower()": "a refusal message (the UI's "
    "words, lardesk.method.messages) with a guide term inside it, not a report word",
    "lardesk/method/messages.py: text[:1].upper()": "a refusal message's first letter (lardesk.method.messages)",
}
"""A case change (file: the expression, without its line number) → why it does not build a report sentence."""


def is_word_like(node: ast.expr) -> bool:
    """What a case change may not be applied to: a catalogue word (an attribute of typed words, ``lab.median``;
    a call that looks one up, ``word(…)``, ``guide.term(…)``, ``template.format(…)``) or a slice of a text (its
    first letter)."""
    if isinstance(node, ast.Attribute):
        return True
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Slice)
    if isinstance(node, ast.Call):
        function = node.func
        name = (
            function.id
            if isinstance(function, ast.Name)
            else function.attr
            if isinstance(function, ast.Attribute)
            else ""
        )
        return name in WORD_CALLS
    return False


def case_changes(path: Path, root: Path = PACKAGE.parent) -> Iterator[str]:
    where = path.relative_to(root).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in CASE_CHANGES
            and is_word_like(node.func.value)
        ):
            yield f"{where}:{node.lineno}: {ast.unparse(node)}"


def test_no_sentence_is_made_by_changing_a_words_case() -> None:
    assert PACKAGE / "reports" / "minutes.py" in CASED_SCAN and PACKAGE / "charts" / "indicators.py" in CASED_SCAN
    only_the_allowed([offence for path in CASED_SCAN for offence in case_changes(path)], CASED_ALLOWED)


def test_the_case_scan_sees_the_old_forms(tmp_path: Path) -> None:
    """The forms the minutes, the charts and the printed board used before their sentences became templates."""
    sample = tmp_path / "lardesk" / "reports" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        "def assessment(labels, stats, said, guide, group, language, path):\n"
        '    a = f"{labels.personal}: {labels.median.lower()} {stats.median}"\n'
        '    b = f"{said[-1][:1].lower()}{said[-1][1:]}"\n'
        '    c = f"{lab.budget.capitalize()} {amount}"\n'
        "    d = group_word(group, language).lower()\n"
        '    e = guide.term("previous_follow_up").lower()\n'
        "    f = lab.round.format(round=2).lower()\n"
        "    g = text[:1].upper() + text[1:]\n"
        "    h = path.name.strip().lower()  # not a word: a call that looks nothing up\n"
        "    i = stats.lower\n"
        "    return a, b, c, d, e, f, g, h, i\n",
        encoding="utf-8",
    )
    found = [offence.split(": ", 1)[1] for offence in case_changes(sample, tmp_path)]
    assert sorted(found) == sorted(
        [
            "labels.median.lower()",
            "said[-1][:1].lower()",
            "lab.budget.capitalize()",
            "group_word(group, language).lower()",
            "guide.term('previous_follow_up').lower()",
            "lab.round.format(round=2).lower()",
            "text[:1].upper()",
        ]
    )
