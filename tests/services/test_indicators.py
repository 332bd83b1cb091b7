"""The indicator services: one short transaction each, Swedish numbers as typed, impossible figures refused with
nothing changed; carried over with their history when a session continues from last year's."""

from __future__ import annotations

import datetime as dt

import pytest

from lardesk.method.indicators import RATE_UNIT, Figures, FiguresKind, Indicator
from lardesk.method.logic import ItemKind
from lardesk.services import InputError, NewSession, Services


def session_with_effect(services: Services) -> tuple[int, int]:
    changes = services.sessions.create_session(NewSession("Exempelkommunen", dt.date(2013, 11, 20), period="2013"))
    assert changes.new_id is not None
    item = services.logic.add_item(changes.new_id, ItemKind.EFFECT, "Föreningsbidraget fördelas jämställt").new_id
    assert item is not None
    return changes.new_id, item


def indicators(services: Services, session_id: int, item_id: int) -> tuple[Indicator, ...]:
    return services.sessions.snapshot(session_id, with_previous=False).item_by_id[item_id].indicators


def test_an_indicator_and_its_figures_as_typed(any_services: Services) -> None:
    services = any_services
    sid, effect = session_with_effect(services)
    changes = services.indicators.add_indicator(effect, "  Andel av bidraget till flickor  ", "%", "Registret")
    assert changes.new_key == "i1"
    enter = services.indicators.enter_figures
    enter(effect, "i1", FiguresKind.BASELINE, {"period": "2010", "women": "36", "men": "64"})
    enter(effect, "i1", "measurement", {"period": "2013", "women": "38 %", "men": "62"})
    enter(effect, "i1", "measurement", {"period": "2011", "women": "36,5", "men": "63,5", "note": "  ny källa "})
    enter(effect, "i1", FiguresKind.TARGET, {"period": "2015", "women": 40, "men": 60})
    (stored,) = indicators(services, sid, effect)
    assert stored == Indicator(
        "i1",
        "Andel av bidraget till flickor",
        "%",
        "Registret",
        baseline=Figures("2010", 36, 64),
        target=Figures("2015", 40, 60),
        values=(Figures("2011", 36.5, 63.5, note="ny källa"), Figures("2013", 38, 62)),  # in year order
    )
    assert repr(stored.baseline.women if stored.baseline else None) == "36"
    # the same period again replaces it; a second indicator gets the next key
    enter(effect, "i1", "measurement", {"period": "2013", "women": "38,2", "men": "61,8"})
    assert indicators(services, sid, effect)[0].values[-1] == Figures("2013", 38.2, 61.8)
    assert services.indicators.add_indicator(effect, "Antal deltagare", "antal").new_key == "i2"
    services.indicators.update_indicator(effect, "i2", text="Antal deltagartillfällen", source="LOK")
    second = indicators(services, sid, effect)[1]
    assert (second.key, second.text, second.unit, second.source) == ("i2", "Antal deltagartillfällen", "antal", "LOK")
    services.indicators.remove_figures(effect, "i1", "measurement", "2011")
    services.indicators.remove_figures(effect, "i1", FiguresKind.TARGET)
    after = indicators(services, sid, effect)[0]
    assert [f.period for f in after.values] == ["2013"] and after.target is None
    services.indicators.remove_indicator(effect, "i2")
    assert [i.key for i in indicators(services, sid, effect)] == ["i1"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s, e: s.indicators.enter_figures(
                e, "i1", "measurement", {"period": "2013", "women": "45", "men": "62"}
            ),
            "Mätvärdet för 2013: kvinnor (45 %) och män (62 %) blir tillsammans 107 %, mer än helheten.",
        ),
        (
            lambda s, e: s.indicators.enter_figures(e, "i1", "target", {"period": "2015", "women": "140"}),
            "Målvärdet, kvinnor: 140 % är ingen andel (en andel ligger mellan 0 och 100 %).",
        ),
        (
            lambda s, e: s.indicators.enter_figures(e, "i1", "measurement", {"period": "2013", "women": "3x"}),
            "Mätvärdet för 2013, kvinnor: '3x' är inget tal (skriv till exempel 38,5 eller 1 200).",
        ),
        (
            lambda s, e: s.indicators.enter_figures(e, "i1", "measurement", {"period": "2010", "women": "37"}),
            "Perioden 2010 finns redan: varje period mäts en gång.",
        ),
        (
            lambda s, e: s.indicators.enter_figures(e, "i1", "measurement", {"period": "", "women": "37"}),
            "Perioden måste fyllas i.",
        ),
        (
            lambda s, e: s.indicators.enter_figures(e, "i1", "measurement", {"period": "2014"}),
            "Mätvärdet för 2014: ange ett värde för kvinnor, för män eller totalt.",
        ),
        (
            lambda s, e: s.indicators.enter_figures(e, "i9", "measurement", {"period": "2014", "women": "1"}),
            "Punkten har ingen indikator 'i9'.",
        ),
        (
            lambda s, e: s.indicators.enter_figures(e, "i1", "guess", {"period": "2014", "women": "1"}),
            "Ett värde är ett utgångsvärde, ett mätvärde eller ett mål, inte 'guess'.",
        ),
        (lambda s, e: s.indicators.update_indicator(e, "i1", text=" "), "Det som mäts måste fyllas i."),
        (lambda s, e: s.indicators.update_indicator(e, "i1", colour="red"), "En indikator har inget fält 'colour'."),
        (lambda s, e: s.indicators.add_indicator(e, "x" * 501), "Det som mäts är för långt (501 tecken; högst 500)."),
        (
            lambda s, e: s.indicators.remove_figures(e, "i1", "measurement", "1999"),
            "Det finns inget mätvärde för 1999.",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(services: Services, call: object, message: str) -> None:
    sid, effect = session_with_effect(services)
    services.indicators.add_indicator(effect, "Andel av bidraget till flickor", "%")
    services.indicators.enter_figures(effect, "i1", "baseline", {"period": "2010", "women": "36", "men": "64"})
    before = indicators(services, sid, effect)
    with pytest.raises(InputError) as caught:
        call(services, effect)  # type: ignore[operator]
    assert caught.value.localized("sv").startswith(message)
    assert indicators(services, sid, effect) == before


def test_a_unit_that_makes_the_figures_impossible_is_refused(services: Services) -> None:
    sid, effect = session_with_effect(services)
    services.indicators.add_indicator(effect, "Andel som beviljas", RATE_UNIT)
    services.indicators.enter_figures(effect, "i1", "baseline", {"period": "2010", "women": "71,5", "men": "84"})
    with pytest.raises(InputError, match=r"add up to 155\.5 %"):
        services.indicators.update_indicator(effect, "i1", unit="%")
    assert indicators(services, sid, effect)[0].unit == RATE_UNIT


def test_only_starting_points_results_and_effects_carry_indicators(services: Services) -> None:
    sid, _ = session_with_effect(services)
    activity = services.logic.add_item(sid, ItemKind.ACTIVITY, "Utbildning").new_id
    assert activity is not None
    with pytest.raises(InputError, match="only starting points, results and effects carry indicators"):
        services.indicators.add_indicator(activity, "Antal utbildade")


def test_continuing_from_last_year_carries_the_indicators_with_their_history(services: Services) -> None:
    sid, effect = session_with_effect(services)
    services.indicators.add_indicator(effect, "Andel av bidraget till flickor", "%")
    enter = services.indicators.enter_figures
    enter(effect, "i1", "baseline", {"period": "2010", "women": "36", "men": "64"})
    enter(effect, "i1", "measurement", {"period": "2013", "women": "38", "men": "62"})
    enter(effect, "i1", "target", {"period": "2015", "women": "40", "men": "60"})
    last_year = indicators(services, sid, effect)
    next_id = services.sessions.duplicate_as_next_year(sid).new_id
    assert next_id is not None
    carried = next(i for i in services.sessions.snapshot(next_id).items if i.key == "e1")
    assert carried.carried_over and carried.indicators == last_year
    # this year's measurement goes beside last year's; last year's session keeps its own
    enter(carried.id, "i1", "measurement", {"period": "2014", "women": "39", "men": "61"})
    now = services.sessions.snapshot(next_id).item_by_id[carried.id].indicators[0]
    assert [(f.period, f.women) for f in now.values] == [("2013", 38), ("2014", 39)]
    assert indicators(services, sid, effect) == last_year
