"""Participants' genders and the sentence the minutes use for who took part."""

from __future__ import annotations

import pytest

from lardesk.method.people import Gender, gender_counts, participation_sentence
from lardesk.method.words import WORD_LANGUAGES, word, words

WOMAN, MAN, OTHER, UNSET = Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.UNSPECIFIED


def test_gender_values() -> None:
    assert [g.value for g in Gender] == ["woman", "man", "other", "unspecified"]


def test_gender_counts() -> None:
    counts = gender_counts([WOMAN, MAN, WOMAN, OTHER, UNSET, None, "", "woman", "man"])
    assert counts == {WOMAN: 3, MAN: 2, OTHER: 1, UNSET: 3}
    assert list(counts) == list(Gender)


def test_gender_counts_of_nobody() -> None:
    assert gender_counts([]) == {WOMAN: 0, MAN: 0, OTHER: 0, UNSET: 0}


def test_gender_counts_rejects_unknown_words() -> None:
    with pytest.raises(ValueError, match="kvinna"):
        gender_counts(["kvinna"])


# -- Swedish ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("genders", "sentence"),
    [
        ([WOMAN] * 5 + [MAN] * 2, "7 deltagare, varav 5 kvinnor och 2 män"),
        ([MAN, WOMAN, MAN, WOMAN, WOMAN, WOMAN, WOMAN], "7 deltagare, varav 5 kvinnor och 2 män"),
        ([WOMAN, MAN], "2 deltagare, varav 1 kvinna och 1 man"),
        ([WOMAN], "1 deltagare, en kvinna"),
        ([MAN], "1 deltagare, en man"),
        ([WOMAN] * 4, "4 deltagare, varav 4 kvinnor"),
        ([MAN] * 3, "3 deltagare, varav 3 män"),
        ([WOMAN, WOMAN, MAN, OTHER], "4 deltagare, varav 2 kvinnor, 1 man och 1 med annan könsidentitet"),
        ([WOMAN, WOMAN, MAN, UNSET], "4 deltagare, varav 2 kvinnor, 1 man och 1 med ej angivet kön"),
        (
            [WOMAN, WOMAN, MAN, OTHER, UNSET, UNSET],
            "6 deltagare, varav 2 kvinnor, 1 man, 1 med annan könsidentitet och 2 med ej angivet kön",
        ),
        ([OTHER], "1 deltagare, med annan könsidentitet"),
        ([OTHER, UNSET], "2 deltagare, varav 1 med annan könsidentitet och 1 med ej angivet kön"),
    ],
)
def test_swedish_sentence(genders: list[Gender], sentence: str) -> None:
    assert participation_sentence(genders) == sentence
    assert participation_sentence(genders, "sv") == sentence


@pytest.mark.parametrize(
    ("genders", "sentence"),
    [
        ([UNSET, UNSET, UNSET], "3 deltagare"),
        ([None, "", UNSET], "3 deltagare"),
        ([], "0 deltagare"),
        ([UNSET], "1 deltagare"),
    ],
)
def test_swedish_sentence_without_any_known_gender_gives_only_the_count(
    genders: list[Gender | str | None], sentence: str
) -> None:
    assert participation_sentence(genders) == sentence


def test_swedish_sentence_from_plain_strings_and_a_generator() -> None:
    raw = ["woman", "man", "woman", None]
    assert participation_sentence(g for g in raw) == "4 deltagare, varav 2 kvinnor, 1 man och 1 med ej angivet kön"


# -- English ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("genders", "sentence"),
    [
        ([WOMAN] * 5 + [MAN] * 2, "7 participants, of whom 5 women and 2 men"),
        ([WOMAN, MAN], "2 participants, of whom 1 woman and 1 man"),
        ([WOMAN], "1 participant, a woman"),
        ([MAN], "1 participant, a man"),
        ([MAN, MAN], "2 participants, of whom 2 men"),
        ([WOMAN, WOMAN, MAN, OTHER], "4 participants, of whom 2 women, 1 man and 1 of another gender"),
        ([WOMAN, MAN, UNSET, UNSET], "4 participants, of whom 1 woman, 1 man and 2 whose gender is not stated"),
        ([UNSET, UNSET], "2 participants"),
        ([UNSET], "1 participant"),
        ([], "0 participants"),
    ],
)
def test_english_sentence(genders: list[Gender], sentence: str) -> None:
    assert participation_sentence(genders, "en") == sentence


# -- the catalogue's words -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_sentence_is_made_of_the_catalogues_words_counted_in_the_plural(language: str) -> None:
    """Every word of section "people" is used, and each count takes its plural form: "1 kvinna", "2 kvinnor"."""
    used: set[str] = set()

    def said(genders: list[Gender], *keys: str) -> str:
        sentence = participation_sentence(genders, language)
        counts = gender_counts(genders)
        assert sentence.startswith(word("people.participants", language, n=len(genders)))
        for key in keys:
            gender = {"women": WOMAN, "men": MAN, "other_gender": OTHER, "not_stated": UNSET}[key]
            assert word(f"people.{key}", language, n=counts[gender]) in sentence, key
        used.update({"participants", *keys})
        return sentence

    for n in (1, 2):
        said([WOMAN] * n + [MAN] * n + [OTHER] * n + [UNSET] * n, "women", "men", "other_gender", "not_stated")
    assert said([WOMAN, WOMAN, MAN], "women", "men") == word(
        "people.of_whom",
        language,
        participants=word("people.participants", language, n=3),
        genders=word(
            "people.and", language, list=word("people.women", language, n=2), last=word("people.men", language, n=1)
        ),
    )
    used.update({"of_whom", "and"})
    for gender in (WOMAN, MAN, OTHER):
        alone = said([gender])
        assert alone == word(
            f"people.alone_{gender.value}", language, participants=word("people.participants", language, n=1)
        )
        used.add(f"alone_{gender.value}")
    assert said([UNSET]) == word("people.participants", language, n=1)
    section = {key.removeprefix("people.") for key in words(language) if key.startswith("people.")}
    assert used == section


def test_counts_take_their_plural_forms() -> None:
    assert (
        participation_sentence([WOMAN, OTHER, OTHER], "sv")
        == "3 deltagare, varav 1 kvinna och 2 med annan könsidentitet"
    )
    assert (
        participation_sentence([MAN, MAN, WOMAN, UNSET], "en")
        == "4 participants, of whom 1 woman, 2 men and 1 whose gender is not stated"
    )
    assert participation_sentence([WOMAN, WOMAN], "de") == "2 deltagare, varav 2 kvinnor"  # unknown: Swedish
