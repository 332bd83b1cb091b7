"""The words of the spread, on screen (:mod:`lardesk.charts.spread`) and in print
(:mod:`lardesk.reports.spread_print`), typed and read from the catalogue's "spread" section
(``resources/words``). Plain Python without matplotlib: the minutes' PDF prints the spread without a plotting
library, and takes its words from here too.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from lardesk.method.snapshot import A_YEAR_OR_SO, SessionSnapshot
from lardesk.method.words import section

PRINT = "print"
"""The subsection of the words only the printed spread uses."""


@dataclass(frozen=True, slots=True)
class SpreadWords:
    """The spread on screen and on the projector (and its history)."""

    value: str
    median: str
    iqr: str
    joint: str
    last_year_median: str
    last_year_joint: str
    previous_median: str
    """The previous follow-up's median when it was not about a year before ("förra årets" would be wrong)."""
    previous_joint: str
    count: str
    """``{n}`` of ``{total}`` beside each scale: "6 av 6"."""
    hidden: str
    median_label: str
    range_label: str

    def count_of(self, n: int, total: int) -> str:
        return self.count.format(n=n, total=total)


@dataclass(frozen=True, slots=True)
class SpreadPrintWords:
    """The words the printed spread says in its own way (the rest it shares with the screen)."""

    joint: str
    previous_median: str
    previous_joint: str
    many: str
    """Beside the large dot that stands for more equal ratings than a row can stack."""


@cache
def spread_words(language: str) -> SpreadWords:
    return SpreadWords(**section("spread", language, nested=False))


@cache
def spread_print_words(language: str) -> SpreadPrintWords:
    return SpreadPrintWords(**section(f"spread.{PRINT}", language))


def word_fields(kind: type) -> frozenset[str]:
    """The names of a words dataclass's fields (they must be the catalogue section's keys)."""
    return frozenset(field.name for field in fields(kind))


def legend_labels(language: str, snapshot: SessionSnapshot) -> list[str]:
    """The legend of ``snapshot``'s spread: the four marks, and the previous follow-up's two when there is one,
    called "förra årets" only when it was about a year before."""
    words = spread_words(language)
    labels = [words.value, words.median, words.iqr, words.joint]
    previous = snapshot.previous
    if previous is None:
        return labels
    if (snapshot.session.date - previous.date).days in A_YEAR_OR_SO:
        return [*labels, words.last_year_median, words.last_year_joint]
    return [*labels, words.previous_median, words.previous_joint]


__all__ = ["SpreadPrintWords", "SpreadWords", "legend_labels", "spread_print_words", "spread_words", "word_fields"]
