"""Indicators: Swedish numbers read and written, impossible figures refused, and what the figures say."""

from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lardesk.method.indicators import (
    INDICATOR_SUBSECTIONS,
    RATE_UNIT,
    Direction,
    Figures,
    GapTrend,
    Group,
    Indicator,
    IndicatorError,
    IndicatorWords,
    change_text,
    change_unit,
    check_figures,
    check_indicator,
    difference,
    direction_word,
    figures_text,
    format_number,
    gap_word,
    group_sentence,
    group_word,
    indicator_lines,
    indicator_sentence,
    indicator_words,
    latest_text,
    moved_towards_target,
    parse_number,
    summarize,
    summary_lines,
)
from lardesk.method.messages import NO_BREAK_SPACE, Message
from lardesk.method.words import WORD_LANGUAGES, section, word

NBSP = NO_BREAK_SPACE

# The figures the municipalities reported: "Andelen flickor har i genomsnitt ökat från 36 % 2010 till 38 % 2013",
# against a 40/60 target.
GIRLS_SHARE = Indicator(
    key="i1",
    text="Andel av föreningsbidraget som går till flickors aktiviteter",
    unit="%",
    source="Föreningsregistret",
    baseline=Figures("2010", 36, 64),
    target=Figures("2015", 40, 60),
    values=(Figures("2011", 36.5, 63.5), Figures("2012", 37.2, 62.8), Figures("2013", 38, 62)),
)


def ind(
    unit: str = "",
    baseline: Figures | None = None,
    target: Figures | None = None,
    values: tuple[Figures, ...] = (),
) -> Indicator:
    return Indicator("i", "x", unit, baseline=baseline, target=target, values=values)


# -- numbers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("38,5", 38.5),
        ("1 200", 1200.0),
        ("1 200,5", 1200.5),
        (f"1{NBSP}200", 1200.0),
        ("1\u202f200 000", 1_200_000.0),
        ("−3", -3.0),
        ("-3", -3.0),
        ("– 3", -3.0),
        ("+4", 4.0),
        (",5", 0.5),
        ("38.5", 38.5),
        ("0.125", 0.125),
        ("  38 %  ", 38.0),
        ("38,5%", 38.5),
        ("0", 0.0),
        ("-0", 0.0),
        ("", None),
        ("   ", None),
    ],
)
def test_swedish_numbers_are_read(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_a_trailing_unit_is_allowed() -> None:
    assert parse_number("1 200 kr", unit="kr") == 1200.0
    assert parse_number("12 timmar", unit="timmar") == 12.0


@pytest.mark.parametrize("text", ["abc", "1 2", "12 00", "5,", "1,2,3", "1e5", "nan", "inf", "--3", "3-", "1 200 kr"])
def test_what_is_not_a_number_is_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(IndicatorError) as caught:
        parse_number(text, Message("women"))
    assert caught.value.localized("sv") == f"Kvinnor: {text!r} är inget tal (skriv till exempel 38,5 eller 1 200)."
    assert str(caught.value) == f"women: {text!r} is not a number (write it as 38,5 or 1 200)"


def test_a_dot_before_three_digits_is_ambiguous_and_refused() -> None:
    with pytest.raises(IndicatorError) as caught:
        parse_number("1.200")
    assert caught.value.localized("sv") == (
        "Värdet: '1.200' kan läsas på två sätt: skriv 1 200 (tusental med mellanslag) "
        "eller 1,2 (decimaler efter komma)."
    )


def test_a_number_too_large_is_refused() -> None:
    with pytest.raises(IndicatorError, match="too large"):
        parse_number("2 000 000 000 000")


@pytest.mark.parametrize(
    ("value", "sv", "en", "plain"),
    [
        (38.5, "38,5", "38.5", "38,5"),
        (1200, f"1{NBSP}200", "1,200", "1200"),
        (1200.5, f"1{NBSP}200,5", "1,200.5", "1200,5"),
        (-3, "\u22123", "-3", "-3"),
        (0.1 + 0.2, "0,3", "0.3", "0,3"),
        (2.3999999999999986, "2,4", "2.4", "2,4"),
        (-0.0, "0", "0", "0"),
        (36.0, "36", "36", "36"),
    ],
)
def test_numbers_are_written_the_swedish_way(value: float, sv: str, en: str, plain: str) -> None:
    assert format_number(value) == sv
    assert format_number(value, "en") == en
    assert format_number(value, plain=True) == plain


def test_a_change_has_its_sign_and_a_missing_value_a_dash() -> None:
    assert format_number(2, signed=True) == "+2"
    assert format_number(-2, signed=True) == "\u22122"
    assert format_number(0, signed=True) == "0"
    assert format_number(None) == "–"
    assert format_number(None, missing="") == ""
    assert format_number(2.456, places=1) == "2,5"


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_what_is_written_is_read_back(value: object) -> None:
    number = float(str(value))
    assert parse_number(format_number(number)) == pytest.approx(number)
    assert parse_number(format_number(number, plain=True)) == pytest.approx(number)


def test_differences_are_exact_in_decimal() -> None:
    assert difference(38.5, 36.1) == 2.4
    assert difference(None, 3) is None


# -- checks ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["%", RATE_UNIT])
def test_a_share_outside_0_to_100_is_refused(unit: str) -> None:
    with pytest.raises(IndicatorError) as caught:
        check_figures(Figures("2013", 38, 102.5), unit)
    assert (
        caught.value.localized("sv")
        == "Mätvärdet för 2013, män: 102,5 % är ingen andel (en andel ligger mellan 0 och 100 %)."
    )
    with pytest.raises(IndicatorError):
        check_figures(Figures("2013", total=-1), unit)


def test_women_and_men_above_a_whole_are_refused_for_a_share_and_pointed_to_the_rate_unit() -> None:
    with pytest.raises(IndicatorError) as caught:
        check_figures(Figures("2013", 80.5, 82), "%")
    assert caught.value.localized("sv") == (
        "Mätvärdet för 2013: kvinnor (80,5 %) och män (82 %) blir tillsammans 162,5 %, mer än helheten. "
        "Är det andelar inom varje grupp för sig (till exempel andelen flickor som klarade målen), välj då enheten "
        "'% inom gruppen'."
    )
    # the same figures as rates within each group are fine, and so is an exact whole
    assert check_figures(Figures("2013", 80.5, 82), RATE_UNIT).women == 80.5
    assert check_figures(Figures("2013", 38.3, 61.7), "%").men == 61.7


def test_a_count_of_women_and_men_above_the_total_is_refused() -> None:
    with pytest.raises(IndicatorError) as caught:
        check_figures(Figures("2013", 20, 15, 30), "antal")
    assert (
        caught.value.localized("sv")
        == "Mätvärdet för 2013: kvinnor (20) och män (15) blir tillsammans 35, fler än totalt (30)."
    )
    assert check_figures(Figures("2013", 15, 14, 30), "antal").total == 30  # one person of another gender


def test_figures_need_a_value_and_a_period() -> None:
    with pytest.raises(IndicatorError, match="give a figure for women, men or in total"):
        check_figures(Figures("2013"), "%")
    with pytest.raises(IndicatorError) as caught:
        check_figures(Figures("  ", 3), "")
    assert caught.value.localized("sv") == "Perioden måste fyllas i."
    with pytest.raises(IndicatorError, match="not a sensible number"):
        check_figures(Figures("2013", float("nan")), "")
    with pytest.raises(IndicatorError, match="must be a number"):
        check_figures(Figures("2013", True), "")


def test_an_indicator_is_checked_whole() -> None:
    checked = check_indicator(GIRLS_SHARE)
    assert checked == GIRLS_SHARE
    with pytest.raises(IndicatorError) as caught:
        check_indicator(Indicator("i", "  "))
    assert caught.value.localized("sv") == "Det som mäts måste fyllas i."
    twice = ind(values=(Figures("2013", 1), Figures("2013", 2)))
    with pytest.raises(IndicatorError) as caught:
        check_indicator(twice)
    assert caught.value.localized("sv") == "Perioden 2013 finns redan: varje period mäts en gång."
    with pytest.raises(IndicatorError) as caught:
        check_indicator(ind("%", target=Figures("2015", 140)))
    assert caught.value.localized("sv").startswith("Målvärdet, kvinnor: 140 %")


# -- what the figures say ------------------------------------------------------------------------------------


def test_the_reported_figures_change_narrow_and_move_towards_the_target() -> None:
    summary = summarize(GIRLS_SHARE)
    women, men, total = summary.groups
    assert (women.baseline, women.latest, women.latest_period, women.change, women.to_target) == (36, 38, "2013", 2, 2)
    assert (men.baseline, men.latest, men.change, men.to_target) == (64, 62, -2, -2)
    assert women.direction is men.direction is Direction.TOWARDS
    assert women.reached is False
    assert total.direction is Direction.UNKNOWN and total.change is None
    assert [(gap.period, gap.gap) for gap in summary.gaps] == [
        ("2010", -28),
        ("2011", -27),
        ("2012", -25.6),
        ("2013", -24),
    ]
    assert summary.gap_trend is GapTrend.NARROWED
    assert summary.direction is Direction.TOWARDS
    assert (
        change_text(women, "%") == f"+2{NBSP}procentenheter sedan utgångsvärdet, 2{NBSP}procentenheter kvar till målet"
    )
    assert change_text(men, "%", "en") == (
        f"-2{NBSP}percentage points since the baseline, 2{NBSP}percentage points to go to the target"
    )
    assert figures_text(GIRLS_SHARE.values[-1], "%") == f"kvinnor 38{NBSP}%, män 62{NBSP}%"


def test_moving_past_the_target_reaches_it_and_mixed_moves_are_mixed() -> None:
    passed = ind("%", Figures("2010", 36, 64), Figures("2015", 40, 60), (Figures("2014", 41, 59),))
    summary = summarize(passed)
    assert summary.group(Group.WOMEN).reached is True
    assert summary.group(Group.WOMEN).direction is Direction.TOWARDS
    assert change_text(summary.group(Group.WOMEN), "%") == f"+5{NBSP}procentenheter sedan utgångsvärdet, målet är nått"
    rates = ind(RATE_UNIT, Figures("2010", 71.5, 84), Figures("2015", 85, 85), (Figures("2013", 80.5, 82),))
    summary = summarize(rates)
    assert summary.group(Group.WOMEN).direction is Direction.TOWARDS
    assert summary.group(Group.MEN).direction is Direction.AWAY
    assert summary.direction is Direction.MIXED
    assert summary.gap_trend is GapTrend.NARROWED  # -12,5 → -1,5


def test_widened_unchanged_and_unknown() -> None:
    widened = ind("antal", Figures("2010", 10, 12), None, (Figures("2011", 8, 14),))
    assert summarize(widened).gap_trend is GapTrend.WIDENED
    assert summarize(widened).direction is Direction.UNKNOWN  # no target
    flat = ind("antal", Figures("2010", 10, 12), Figures("2012", 12, 12), (Figures("2011", 10, 12),))
    assert summarize(flat).gap_trend is GapTrend.UNCHANGED
    assert summarize(flat).direction is Direction.UNCHANGED
    only_baseline = ind("%", Figures("2010", 36, 64), Figures("2015", 40, 60))
    summary = summarize(only_baseline)
    assert summary.direction is Direction.UNKNOWN and summary.gap_trend is GapTrend.UNKNOWN
    assert summary.group(Group.WOMEN).to_target == 4  # from the baseline, as nothing was measured since
    keep = ind("%", Figures("2010", 50, 50), Figures("2015", 50, 50), (Figures("2013", 49, 51),))
    assert summarize(keep).direction is Direction.AWAY


def test_nothing_is_derived() -> None:
    """A missing value stays missing: no men = 100 − women, no total = women + men, no men = total − women."""
    share = ind("%", Figures("2010", 36), Figures("2015", 40), (Figures("2013", 38),))
    summary = summarize(share)
    assert summary.group(Group.MEN).baseline is None and summary.group(Group.MEN).latest is None
    assert summary.gaps == ()
    count = ind("antal", Figures("2010", 2, total=30), None, (Figures("2013", women=2, men=27),))
    summary = summarize(count)
    assert summary.group(Group.MEN).baseline is None
    assert summary.group(Group.TOTAL).latest is None
    assert [gap.period for gap in summary.gaps] == ["2013"]


def test_how_many_moved_towards_their_target() -> None:
    away = ind("%", Figures("2010", 36, 64), Figures("2015", 40, 60), (Figures("2013", 35, 65),))
    no_target = ind("%", Figures("2010", 36, 64), None, (Figures("2013", 35, 65),))
    assert moved_towards_target([GIRLS_SHARE, away, no_target]) == (1, 2)


def test_the_latest_values_for_a_board_item() -> None:
    assert latest_text(GIRLS_SHARE) == f"2013: kv{NBSP}38{NBSP}%, m{NBSP}62{NBSP}%"
    only_total = Indicator("i", "x", "antal", baseline=Figures("2010", total=1200))
    assert latest_text(only_total) == f"2010: tot{NBSP}1{NBSP}200"
    assert latest_text(Indicator("i", "x")) == ""


def test_whole_numbers_stay_whole() -> None:
    assert repr(parse_number("38")) == "38"
    assert repr(check_figures(Figures("2013", 38, 62.0), "%").men) == "62"


# -- words: the catalogue's section "indicators" ----------------------------------------------------------


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_every_indicator_word_is_in_the_catalogue_and_nothing_else_is(language: str) -> None:
    """The dataclass's fields are the section's own entries, and each subsection names every member of its
    enum: a word missing from the catalogue, or one left there unused, fails here."""
    entries = section("indicators", language)
    assert {name for name in entries if "." not in name} == {field.name for field in fields(IndicatorWords)}
    assert {name.split(".")[0] for name in entries if "." in name} == INDICATOR_SUBSECTIONS
    enums: dict[str, type[Group] | type[Direction] | type[GapTrend]] = {
        "group": Group,
        "short_group": Group,
        "direction": Direction,
        "gap_trend": GapTrend,
    }
    for name, members in enums.items():
        assert set(section(f"indicators.{name}", language)) == {member.value for member in members}, name
    assert {direction_word(d, language) for d in Direction} == set(section("indicators.direction", language).values())
    assert {gap_word(t, language) for t in GapTrend} == set(section("indicators.gap_trend", language).values())


@pytest.mark.parametrize(
    ("language", "women", "tail", "sentence", "latest"),
    [
        (
            "sv",
            "Kvinnor: +2 procentenheter sedan utgångsvärdet, 2 procentenheter kvar till målet.",
            "Skillnaden har minskat; utvecklingen: mot målet.",
            "kvinnor 36 → 38 % (+2 procentenheter; mål 40 %, 2 procentenheter kvar)",
            "2013: kv 38 %, m 62 %",
        ),
        (
            "en",
            "Women: +2 percentage points since the baseline, 2 percentage points to go to the target.",
            "The gap narrowed; direction: towards the target.",
            "women 36 → 38 % (+2 percentage points; target 40 %, 2 percentage points to go)",
            "2013: w 38 %, m 62 %",
        ),
    ],
)
def test_what_the_figures_say_is_said_in_the_catalogue_words(
    language: str, women: str, tail: str, sentence: str, latest: str
) -> None:
    said = indicator_words(language)
    per = said.percentage_points
    lines = [line.replace(NBSP, " ") for line in summary_lines(summarize(GIRLS_SHARE), language)]
    assert lines[0] == women
    assert lines[-1] == tail
    # the same lines, put together from the catalogue's entries
    since = said.since_baseline.format(amount=f"+2 {per}")
    assert lines[0] == f"{group_word(Group.WOMEN, language)}: {since}, {said.left_to_target.format(amount=f'2 {per}')}."
    moved = said.moved.format(direction=word("indicators.direction.towards", language))
    assert lines[-1] == f"{word('indicators.gap_trend_start.narrowed', language)}; {moved}."
    in_text = summary_lines(summarize(GIRLS_SHARE), language, in_text=True)
    assert in_text[-1] == f"{word('indicators.gap_trend.narrowed', language)}; {moved}."
    assert in_text[0].startswith(f"{word('indicators.group_in_text.women', language)}: ")
    assert change_unit("%", language) == per == word("indicators.percentage_points", language)
    assert sentence in indicator_sentence(GIRLS_SHARE, language).replace(NBSP, " ")
    assert said.target_value.format(amount="40 %") in sentence
    women_in_text, women_start = (word(f"indicators.{key}.women", language) for key in ("group_in_text", "group"))
    assert sentence.startswith(women_in_text)
    assert indicator_lines(GIRLS_SHARE, language)[1].replace(NBSP, " ") == women_start + sentence[len(women_in_text) :]
    assert latest_text(GIRLS_SHARE, language).replace(NBSP, " ") == latest
    assert f"{word('indicators.short_group.women', language)} 38" in latest
    assert figures_text(GIRLS_SHARE.values[-1], "%", language).startswith(women_in_text + " ")


@pytest.mark.parametrize(
    ("language", "reached", "sentence"),
    [
        (
            "sv",
            "+5 procentenheter sedan utgångsvärdet, målet är nått",
            "kvinnor 36 → 41 % (+5 procentenheter; mål 40 %, nått)",
        ),
        (
            "en",
            "+5 percentage points since the baseline, target reached",
            "women 36 → 41 % (+5 percentage points; target 40 %, reached)",
        ),
    ],
)
def test_a_reached_target_is_said_in_the_catalogue_words(language: str, reached: str, sentence: str) -> None:
    indicator = ind("%", Figures("2010", 36, 64), Figures("2015", 40, 60), (Figures("2013", 41, 59),))
    women = summarize(indicator).group(Group.WOMEN)
    assert change_text(women, "%", language).replace(NBSP, " ") == reached
    assert group_sentence(women, "%", language).replace(NBSP, " ") == sentence
    said = indicator_words(language)
    assert reached.endswith(said.target_reached) and sentence.endswith(f", {said.reached})")


def test_an_unknown_language_gets_the_swedish_words_throughout() -> None:
    """Not a mixture: before the catalogue, "de" gave Swedish group names beside English sentences."""
    assert summary_lines(summarize(GIRLS_SHARE), "de")[0].replace(NBSP, " ") == (
        "Kvinnor: +2 procentenheter sedan utgångsvärdet, 2 procentenheter kvar till målet."
    )
    assert change_unit("%", "de") == "procentenheter"
