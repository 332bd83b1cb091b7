"""Participants: genders and the sentence the minutes use for who took part."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from lardesk.method.words import word


class Gender(StrEnum):
    WOMAN = "woman"
    MAN = "man"
    OTHER = "other"
    UNSPECIFIED = "unspecified"


def gender_counts(genders: Iterable[Gender | str | None]) -> dict[Gender, int]:
    counts = dict.fromkeys(Gender, 0)
    for gender in genders:
        counts[Gender(gender) if gender else Gender.UNSPECIFIED] += 1
    return counts


GENDER_WORDS = {
    Gender.WOMAN: "women",
    Gender.MAN: "men",
    Gender.OTHER: "other_gender",
    Gender.UNSPECIFIED: "not_stated",
}
"""Each gender's count in the sentence: plural forms in section "people" of the report-words catalogue."""


def participation_sentence(genders: Iterable[Gender | str | None], language: str = "sv") -> str:
    """ "7 deltagare, varav 5 kvinnor och 2 män" — the form every report of the programme uses; the words are
    section "people" of the report-words catalogue (:mod:`lardesk.method.words`), counts in their plural forms.

    Genders that are not known are said as such; when no gender is known, only the count is given. One
    participant of a known gender is "1 deltagare, en kvinna" (not "varav 1 kvinna").
    """
    counts = gender_counts(genders)
    participants = word("people.participants", language, n=sum(counts.values()))
    known = [gender for gender in (Gender.WOMAN, Gender.MAN, Gender.OTHER) if counts[gender]]
    if not known:
        return participants
    if sum(counts.values()) == 1:
        return word(f"people.alone_{known[0].value}", language, participants=participants)
    shown = [*known, Gender.UNSPECIFIED] if counts[Gender.UNSPECIFIED] else known
    parts = [word(f"people.{GENDER_WORDS[gender]}", language, n=counts[gender]) for gender in shown]
    return word("people.of_whom", language, participants=participants, genders=_join(parts, language))


def _join(parts: list[str], language: str) -> str:
    """ "a", "a och b", "a, b och c" (the conjunction from the catalogue)."""
    if len(parts) == 1:
        return parts[0]
    return word("people.and", language, list=", ".join(parts[:-1]), last=parts[-1])
