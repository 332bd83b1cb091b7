"""Participants: genders and the sentence the minutes use for who took part."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


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


def participation_sentence(genders: Iterable[Gender | str | None], language: str = "sv") -> str:
    """ "7 deltagare, varav 5 kvinnor och 2 män" — the form every report of the programme uses.

    Genders that are not known are said as such; when no gender is known, only the count is given.
    """
    counts = gender_counts(genders)
    total = sum(counts.values())
    women, men, other = counts[Gender.WOMAN], counts[Gender.MAN], counts[Gender.OTHER]
    unknown = counts[Gender.UNSPECIFIED]
    if language == "en":
        head = f"{total} participant" + ("" if total == 1 else "s")
        parts = []
        if women:
            parts.append(f"{women} wom{'a' if women == 1 else 'e'}n")
        if men:
            parts.append(f"{men} m{'a' if men == 1 else 'e'}n")
        if other:
            parts.append(f"{other} of another gender")
        if unknown and parts:
            parts.append(f"{unknown} not stated")
        if total == 1 and len(parts) == 1:  # "1 participant, a woman"
            return f"{head}, " + parts[0].replace("1 ", "a ", 1).replace("a of another", "of another", 1)
        return head if not parts else f"{head}, of whom " + _join(parts, "and")
    head = f"{total} deltagare"
    parts = []
    if women:
        parts.append(f"{women} {'kvinna' if women == 1 else 'kvinnor'}")
    if men:
        parts.append(f"{men} {'man' if men == 1 else 'män'}")
    if other:
        parts.append(f"{other} med annan könsidentitet")
    if unknown and parts:
        parts.append(f"{unknown} med ej angivet kön")
    if total == 1 and len(parts) == 1:  # "1 deltagare, en kvinna" (not "varav 1 kvinna")
        return f"{head}, " + {Gender.WOMAN: "en kvinna", Gender.MAN: "en man"}.get(
            next(g for g in (Gender.WOMAN, Gender.MAN, Gender.OTHER) if counts[g]), "med annan könsidentitet"
        )
    return head if not parts else f"{head}, varav " + _join(parts, "och")


def _join(parts: list[str], conjunction: str) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + f" {conjunction} " + parts[-1]
