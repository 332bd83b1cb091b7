"""The indicator chart, checked on its artists (where the points, the baseline and the target are)."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from lardesk.charts.indicators import LOOKS, ChartWords, alt_text, chart_words, indicator_figure, periods
from lardesk.method.indicators import RATE_UNIT, Figures, Group, Indicator, format_number, indicator_words
from lardesk.method.messages import NO_BREAK_SPACE
from lardesk.method.words import WORD_LANGUAGES, section, word

GIRLS_SHARE = Indicator(
    key="i1",
    text="Andel av föreningsbidraget som går till flickors aktiviteter",
    unit="%",
    baseline=Figures("2010", 36, 64),
    target=Figures("2015", 40, 60),
    values=(Figures("2011", 36.5, 63.5), Figures("2012", 37.2, 62.8), Figures("2013", 38, 62)),
)
RATES = Indicator(
    key="i3",
    text="Andel av ansökningarna som beviljas",
    unit=RATE_UNIT,
    baseline=Figures("2010", 71.5, 84, 79.2),
    target=Figures("2015", 85, 85),
    values=(Figures("2013", 80.5, 82, 81.4),),
)


def find(figure: Figure, gid: str) -> list[object]:
    return [a for a in figure.findobj() if a.get_gid() == gid]


def line(figure: Figure, gid: str) -> Line2D:
    found = find(figure, gid)
    assert len(found) == 1, f"{gid}: {len(found)} artists"
    assert isinstance(found[0], Line2D)
    return found[0]


def points(artist: Line2D) -> list[tuple[float, float]]:
    xs = np.asarray(artist.get_xdata(), dtype=float)
    ys = np.asarray(artist.get_ydata(), dtype=float)
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]


@pytest.mark.parametrize("projector", [False, True])
def test_both_series_the_baseline_and_the_target_are_drawn(projector: bool) -> None:
    figure = indicator_figure(GIRLS_SHARE, projector=projector)
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    assert periods(GIRLS_SHARE) == ["2010", "2011", "2012", "2013", "2015"]
    assert points(line(figure, "series-women")) == [(0, 36), (1, 36.5), (2, 37.2), (3, 38)]
    assert points(line(figure, "series-men")) == [(0, 64), (1, 63.5), (2, 62.8), (3, 62)]
    assert find(figure, "series-total") == []  # no total given: none drawn, none derived
    assert points(line(figure, "baseline-women")) == [(0, 36)]
    assert points(line(figure, "baseline-men")) == [(0, 64)]
    assert points(line(figure, "target-women")) == [(4, 40)]
    assert points(line(figure, "target-men")) == [(4, 60)]
    ticks = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert ticks == ["2010\n(utgångsvärde)", "2011", "2012", "2013", "2015\n(mål)"]
    labels = {gid: t.get_text() for t in figure.findobj(Text) if isinstance(gid := t.get_gid(), str)}
    assert labels["label-women"] == f"Kvinnor 38{NO_BREAK_SPACE}%"
    assert labels["label-men"] == f"Män 62{NO_BREAK_SPACE}%"
    assert labels["target-label-women"] == f"mål 40{NO_BREAK_SPACE}% (kvinnor)"
    low, high = figure.axes[0].get_ylim()
    assert low == 0 and high >= 100  # a share: the whole 0–100 %


def test_readable_without_colour() -> None:
    """Shapes and line styles differ between the groups, so a black-and-white print tells them apart."""
    figure = indicator_figure(RATES)
    series = [line(figure, f"series-{group.value}") for group in Group]
    assert len({s.get_marker() for s in series}) == 3
    assert len({str(s.get_linestyle()) for s in series}) == 3
    assert [s.get_marker() for s in series] == [LOOKS[g].marker for g in Group]
    # the same target for women and men: both markers show, side by side, and one label names both
    women, men = points(line(figure, "target-women"))[0], points(line(figure, "target-men"))[0]
    assert women[1] == men[1] == 85 and women[0] != men[0]
    texts = [t.get_text() for t in figure.findobj(Text)]
    assert f"mål 85{NO_BREAK_SPACE}% (kvinnor, män)" in texts
    assert line(figure, "target-women").get_markerfacecolor() == "white"  # hollow: a target, not a measurement


def test_a_missing_value_is_a_break_not_a_derived_point() -> None:
    gappy = Indicator("i", "x", "antal", baseline=Figures("2010", 10, 12, 25), values=(Figures("2011", total=27),))
    figure = indicator_figure(gappy)
    assert points(line(figure, "series-women")) == [(0, 10)]
    assert points(line(figure, "series-total")) == [(0, 25), (1, 27)]
    assert find(figure, "target-women") == []


def test_a_figure_is_redrawn_in_place_and_in_english() -> None:
    figure = indicator_figure(GIRLS_SHARE)
    again = indicator_figure(RATES, "en", figure=figure)
    assert again is figure
    assert len(find(figure, "series-women")) == 1
    assert points(line(figure, "series-total")) == [(0, 79.2), (1, 81.4)]
    ticks = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert ticks[0] == "2010\n(baseline)"


@pytest.mark.parametrize("indicator", [GIRLS_SHARE, RATES])
def test_the_alt_text_states_every_figure(indicator: Indicator) -> None:
    text = alt_text(indicator)
    for figures in (*indicator.series, indicator.target):
        assert figures is not None
        assert figures.period in text
        for group in Group:
            value = figures.value(group)
            if value is not None:
                assert f"{format_number(value)}{NO_BREAK_SPACE}%" in text, value
    assert indicator.text in text


def test_the_alt_text_says_what_the_figures_mean() -> None:
    text = alt_text(GIRLS_SHARE)
    assert text.startswith("Diagram: Andel av föreningsbidraget som går till flickors aktiviteter (%).")
    assert f"Kvinnor: 36{NO_BREAK_SPACE}% (2010, utgångsvärde), 36,5{NO_BREAK_SPACE}% (2011)" in text
    assert f"mål 40{NO_BREAK_SPACE}% (2015)." in text
    assert f"−28{NO_BREAK_SPACE}procentenheter (2010)" in text
    assert "skillnaden har minskat" in text
    assert text.endswith("Utvecklingen: mot målet.")
    assert alt_text(RATES, "en").endswith("Direction: partly towards the target.")


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_alt_text_says_an_unchanged_indicator_in_a_sentence_that_reads(language: str) -> None:
    """Every direction word fits the sentence ("Utvecklingen har gått oförändrat", "The figures moved unchanged"
    did not), and the summary line says the same."""
    still = Indicator(
        key="i9",
        text="Andel",
        unit="%",
        baseline=Figures("2010", 36, 64),
        target=Figures("2015", 40, 60),
        values=(Figures("2012", 36, 64),),
    )
    unchanged = word("indicators.direction.unchanged", language)
    assert alt_text(still, language).endswith(word("indicators.chart.moved", language, direction=unchanged))
    for direction in section("indicators.direction", language).values():
        said = word("indicators.chart.moved", language, direction=direction)
        assert said == f"{said.split(':')[0]}: {direction}.", said


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_chart_words_are_the_catalogue_section_indicators_chart(language: str) -> None:
    assert {field.name for field in fields(ChartWords)} == set(section("indicators.chart", language))


@pytest.mark.parametrize(
    ("language", "tick", "label", "target", "ending"),
    [
        ("sv", "2010\n(utgångsvärde)", "Kvinnor 38 %", "mål 40 % (kvinnor)", "Utvecklingen: mot målet."),
        ("en", "2010\n(baseline)", "Women 38 %", "target 40 % (women)", "Direction: towards the target."),
    ],
)
def test_the_chart_and_its_alt_text_speak_the_catalogue_words(
    language: str, tick: str, label: str, target: str, ending: str
) -> None:
    figure = indicator_figure(GIRLS_SHARE, language)
    ax = figure.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    texts = {t.get_gid(): t.get_text().replace(NO_BREAK_SPACE, " ") for t in ax.texts}
    said = indicator_words(language)
    women = word("indicators.group.women", language)
    assert ticks[0] == tick == f"2010\n({said.baseline})"
    assert ticks[-1] == f"2015\n({said.target})"
    assert texts["label-women"] == label == f"{women} 38 %"
    women_in_text = word("indicators.group_in_text.women", language)
    assert texts["target-label-women"] == target == f"{said.target_value.format(amount='40 %')} ({women_in_text})"
    assert line(figure, "series-men").get_label() == word("indicators.group.men", language)
    chart = chart_words(language)
    text = alt_text(GIRLS_SHARE, language)
    assert text.startswith(chart.head_unit.format(text=GIRLS_SHARE.text, unit="%"))
    gaps = chart.gaps.format(gaps="{gaps}", trend=word("indicators.gap_trend.narrowed", language))
    assert gaps.split("{gaps}")[0] in text and gaps.split("{gaps}")[1] in text
    assert f"(2010, {said.baseline})" in text
    assert text.endswith(ending) and ending == chart.moved.format(
        direction=word("indicators.direction.towards", language)
    )
