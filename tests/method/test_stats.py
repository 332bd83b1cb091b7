"""Per-scale statistics of the personal assessments (Bilaga 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lardesk.method.stats import (
    MIN_GROUP_SIZE,
    RatingError,
    ScaleStats,
    all_scale_stats,
    check_value,
    may_break_down,
    most_divided_first,
    number,
    scale_stats,
)


def example_ratings(path: Path) -> tuple[dict[int, list[int | None]], int]:
    """The example's round-1 values per scale, and how many took part (parsed by hand)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    by_scale: dict[int, list[int | None]] = {}
    for rating in data["ratings"]:
        assert rating.get("round", 1) == 1
        by_scale.setdefault(rating["scale"], []).append(rating["value"])
    return by_scale, len(data["participants"])


@pytest.fixture
def example_stats(example_path: Path) -> dict[int, ScaleStats]:
    ratings, present = example_ratings(example_path)
    return {s.scale: s for s in all_scale_stats(ratings, present)}


# -- check_value ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [1, 2, 5, 9, 10])
def test_check_value_accepts_whole_numbers_one_to_ten(value: int) -> None:
    assert check_value(value) == value


def test_check_value_none_is_an_abstention() -> None:
    assert check_value(None) is None


@pytest.mark.parametrize("value", [0, 11, -1, 100, 5.5, 7.0, True, False, "7", "", [7], object()])
def test_check_value_rejects(value: object) -> None:
    with pytest.raises(RatingError):
        check_value(value)


def test_rating_error_is_a_value_error() -> None:
    assert issubclass(RatingError, ValueError)


# -- ScaleStats -------------------------------------------------------------------------------------------------


def test_scale_stats_sorts_and_leaves_out_abstentions() -> None:
    stats = scale_stats(3, [8, None, 2, 5, None], present=6)
    assert stats == ScaleStats(scale=3, present=6, values=(2, 5, 8))
    assert stats.n == 3
    assert stats.present == 6
    assert (stats.minimum, stats.maximum, stats.spread) == (2, 8, 6)
    assert stats.median == 5.0


def test_scale_stats_rejects_impossible_values() -> None:
    with pytest.raises(RatingError):
        scale_stats(1, [5, 11], present=2)
    with pytest.raises(RatingError):
        scale_stats(1, [5, True], present=2)


def test_empty_stats() -> None:
    stats = scale_stats(2, [None, None], present=2)
    assert stats.n == 0
    assert stats.values == ()
    assert stats.median is None
    assert stats.minimum is None
    assert stats.maximum is None
    assert stats.quartiles is None
    assert stats.iqr == 0.0
    assert stats.spread == 0
    assert stats.counts() == dict.fromkeys(range(1, 11), 0)


def test_one_value() -> None:
    stats = scale_stats(1, [4], present=1)
    assert stats.median == 4.0
    assert stats.quartiles == (4.0, 4.0)
    assert stats.iqr == 0.0
    assert stats.spread == 0


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    assert scale_stats(1, [1, 10], present=2).median == 5.5
    assert scale_stats(1, [3, 4, 6, 9], present=4).median == 5.0


@pytest.mark.parametrize(
    ("values", "quartiles"),
    [
        ([1, 2], (1.25, 1.75)),
        ([1, 2, 3, 4, 5], (2.0, 4.0)),
        ([5, 6, 7, 7, 8, 9], (6.25, 7.75)),
        ([4, 6, 6, 7, 8], (6.0, 7.0)),
        ([4, 4, 5, 6, 6, 7], (4.25, 6.0)),
        ([7, 7, 7, 7], (7.0, 7.0)),
        ([1, 10, 1, 10], (1.0, 10.0)),
    ],
)
def test_quartiles_inclusive(values: list[int], quartiles: tuple[float, float]) -> None:
    # QUARTILE.INC in a spreadsheet gives the same figures.
    stats = scale_stats(1, values, present=len(values))
    assert stats.quartiles == pytest.approx(quartiles)
    assert stats.iqr == pytest.approx(quartiles[1] - quartiles[0])


def test_counts_for_stacked_dots() -> None:
    counts = scale_stats(1, [6, 4, 6, 10, 1], present=5).counts()
    assert list(counts) == list(range(1, 11))
    assert counts == {1: 1, 2: 0, 3: 0, 4: 1, 5: 0, 6: 2, 7: 0, 8: 0, 9: 0, 10: 1}


def test_all_scale_stats_fills_in_missing_scales() -> None:
    stats = all_scale_stats({2: [5, 6], 7: [None]}, present=2)
    assert [s.scale for s in stats] == list(range(1, 10))
    assert [s.n for s in stats] == [0, 2, 0, 0, 0, 0, 0, 0, 0]
    assert all(s.present == 2 for s in stats)


def test_all_scale_stats_for_some_scales_only() -> None:
    stats = all_scale_stats({1: [3], 9: [4, 5]}, present=3, scales=(9, 1))
    assert [(s.scale, s.values) for s in stats] == [(9, (4, 5)), (1, (3,))]


# -- the example (shared/exchange/example-bilaga1.json) --------------------------------------------------------------


def test_example_medians(example_stats: dict[int, ScaleStats]) -> None:
    assert example_stats[1].median == 7
    assert example_stats[4].median == 3
    assert example_stats[9].median == 5.5
    assert number(example_stats[1].median) == 7
    assert number(example_stats[9].median) == 5.5


def test_example_scale_7_has_an_abstention(example_stats: dict[int, ScaleStats]) -> None:
    seven = example_stats[7]
    assert (seven.n, seven.present) == (5, 6)
    assert seven.values == (4, 6, 6, 7, 8)
    assert seven.median == 6
    assert seven.quartiles == (6.0, 7.0)
    assert all(example_stats[s].n == 6 for s in range(1, 10) if s != 7)


def test_example_every_scale(example_stats: dict[int, ScaleStats]) -> None:
    summary = {
        s: (st.median, st.minimum, st.maximum, st.quartiles, st.iqr, st.spread) for s, st in example_stats.items()
    }
    assert summary == {
        1: (7.0, 5, 9, (6.25, 7.75), 1.5, 4),
        2: (6.0, 4, 8, (5.25, 6.75), 1.5, 4),
        3: (5.0, 3, 6, (4.25, 5.75), 1.5, 3),
        4: (3.0, 2, 5, (2.25, 3.75), 1.5, 3),
        5: (6.0, 4, 8, (5.25, 6.75), 1.5, 4),
        6: (4.5, 3, 6, (3.25, 5.75), 2.5, 3),
        7: (6.0, 4, 8, (6.0, 7.0), 1.0, 4),
        8: (5.0, 3, 7, (4.25, 5.75), 1.5, 4),
        9: (5.5, 4, 7, (4.25, 6.0), 1.75, 3),
    }


def test_example_most_divided_first(example_stats: dict[int, ScaleStats]) -> None:
    ordered = most_divided_first(example_stats.values())
    # iqr 2.5 (6), 1.75 (9), 1.5 with range 4 (1, 2, 5, 8), 1.5 with range 3 (3, 4), 1.0 (7).
    assert [s.scale for s in ordered] == [6, 9, 1, 2, 5, 8, 3, 4, 7]


# -- ordering, numbers, anonymity ------------------------------------------------------------------------------------


def test_most_divided_first_ties() -> None:
    same = [scale_stats(n, [5, 5], present=2) for n in (3, 1, 2)]
    assert [s.scale for s in most_divided_first(same)] == [1, 2, 3]
    by_range = [scale_stats(1, [5, 5, 5, 6], 4), scale_stats(2, [1, 5, 5, 5], 4)]
    # equal (zero) interquartile range: the wider range comes first
    assert [s.scale for s in most_divided_first(by_range)] == [2, 1]
    empty_last = [scale_stats(1, [], 3), scale_stats(2, [2, 9], 3)]
    assert [s.scale for s in most_divided_first(empty_last)] == [2, 1]


def test_most_divided_first_returns_a_new_list() -> None:
    stats = [scale_stats(1, [5], 1), scale_stats(2, [1, 9], 2)]
    ordered = most_divided_first(stats)
    assert [s.scale for s in ordered] == [2, 1]
    assert [s.scale for s in stats] == [1, 2]


def test_number() -> None:
    assert number(None) is None
    assert number(7.0) == 7
    assert isinstance(number(7.0), int)
    assert number(5.5) == 5.5
    assert isinstance(number(5.5), float)
    assert number(3) == 3
    assert isinstance(number(3), int)
    assert number(0.0) == 0
    assert json.dumps([number(7.0), number(5.5), number(None)]) == "[7, 5.5, null]"


def test_may_break_down() -> None:
    assert MIN_GROUP_SIZE == 3
    assert may_break_down([3, 3])
    assert may_break_down([5, 4, 10])
    assert may_break_down([4, 0])  # an empty group reveals nobody
    assert may_break_down([0, 0])
    assert may_break_down([])
    assert not may_break_down([2, 5])
    assert not may_break_down([5, 1])
    assert not may_break_down([1])
    assert may_break_down(iter([3, 4]))


def test_may_break_down_the_example_by_gender(example_path: Path) -> None:
    data = json.loads(example_path.read_text(encoding="utf-8"))
    genders = [p["gender"] for p in data["participants"]]
    # 4 women and 2 men: too few men to show the men's ratings apart.
    assert (genders.count("woman"), genders.count("man")) == (4, 2)
    assert not may_break_down([genders.count("woman"), genders.count("man")])
