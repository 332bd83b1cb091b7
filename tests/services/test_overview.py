"""The strategist's overview and the actions across units, through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import event

from lardesk.method.actions import ActionStatus
from lardesk.method.logic import FINDING_CODES
from lardesk.method.overview import SessionRef, action_json, overview_json
from lardesk.services import InputError, Services
from tests.services.overview_data import ALFA_2025_FINDINGS, TODAY, Imported, import_all


def scale(number: int, joint: int | None = None, median: float | None = None, n: int = 0, previous: int | None = None):  # type: ignore[no-untyped-def]
    return {"scale": number, "joint": joint, "median": median, "n": n, "previous_joint": previous}


def scales(**given: dict[str, Any]) -> list[dict[str, Any]]:
    """All nine scales, empty unless given (``s1=scale(1, …)``)."""
    return [given.get(f"s{n}", scale(n)) for n in range(1, 10)]


def findings(**counts: int) -> dict[str, int]:
    return {code: counts.get(code, 0) for code in FINDING_CODES}


def actions(open_: int = 0, in_progress: int = 0, overdue: int = 0, done: int = 0) -> dict[str, int]:
    return {"open": open_, "in_progress": in_progress, "overdue": overdue, "done": done}


def ref(session: int, date: str) -> dict[str, Any]:
    return {"session": session, "date": date}


@pytest.fixture
def imported(any_services: Services) -> Imported:
    return import_all(any_services)


def alfa_social_2025(ids: dict[str, int]) -> dict[str, Any]:
    return {
        "organisation": "Alfa kommun",
        "unit": "Socialförvaltningen",
        "latest": ref(ids["a2"], "2025-11-12"),
        "previous": ref(ids["a1"], "2024-11-10"),
        "scales": scales(
            # p4 was absent: only p1–p3 count. Scale 2: two rated (one abstained) → no median.
            s1=scale(1, joint=7, median=6, n=3, previous=7),
            s2=scale(2, joint=None, median=None, n=2, previous=5),
            s3=scale(3, joint=2, median=3, n=3, previous=None),
            s9=scale(9, joint=6, median=6, n=3, previous=4),
        ),
        "findings": findings(**ALFA_2025_FINDINGS),
        # Two open (one past 2026-03-01), one in progress, one done; the 2024 session's are not this row's.
        "actions": actions(open_=2, in_progress=1, overdue=1, done=1),
    }


def test_overview_json_as_the_rules_say(any_services: Services, imported: Imported) -> None:
    ids = imported.ids
    got = overview_json(any_services.overview.overview(today=TODAY))
    assert got == {
        "units": [
            alfa_social_2025(ids),
            {
                "organisation": "Alfa kommun",
                "unit": "Tekniska förvaltningen",
                "latest": ref(ids["t1"], "2023-05-01"),
                "previous": None,
                "scales": scales(s9=scale(9, joint=8, median=None, n=2)),
                "findings": findings(),
                "actions": actions(open_=1, overdue=1),
            },
            {
                "organisation": "Beta region",
                "unit": "",
                # Same day: the one created last is the latest, and the other is its previous.
                "latest": ref(ids["b2"], "2025-02-02"),
                "previous": ref(ids["b1"], "2025-02-02"),
                "scales": scales(s9=scale(9, joint=3, median=7, n=3, previous=5)),
                "findings": findings(),
                "actions": actions(),
            },
        ]
    }


def test_overview_filtered_by_year_and_organisation(any_services: Services, imported: Imported) -> None:
    ids = imported.ids
    in_2024 = overview_json(any_services.overview.overview(year=2024, today=TODAY))
    assert in_2024 == {
        "units": [
            {
                "organisation": "Alfa kommun",
                "unit": "Socialförvaltningen",
                "latest": ref(ids["a1"], "2024-11-10"),
                "previous": None,
                "scales": scales(
                    s1=scale(1, joint=7, median=6, n=3), s2=scale(2, joint=5), s9=scale(9, joint=4, median=4, n=3)
                ),
                "findings": findings(),
                "actions": actions(open_=2, overdue=2),
            }
        ]
    }
    in_2025 = any_services.overview.overview(year=2025, today=TODAY)
    assert [(u.organisation, u.unit, u.latest.id) for u in in_2025.units] == [
        ("Alfa kommun", "Socialförvaltningen", ids["a2"]),
        ("Beta region", "", ids["b2"]),
    ]
    assert any_services.overview.overview(year=2022, today=TODAY).units == ()
    beta = any_services.overview.overview(organisation="Beta region", today=TODAY)
    assert [u.latest.id for u in beta.units] == [ids["b2"]]
    alfa = overview_json(any_services.overview.overview(organisation="Alfa kommun", today=TODAY))
    assert alfa["units"][0] == alfa_social_2025(ids)  # type: ignore[index]
    assert any_services.overview.overview_years() == (2025, 2024, 2023)


def test_overview_is_a_fixed_number_of_queries(any_services: Services, imported: Imported) -> None:
    """Not one query per session: adding units and years adds rows, never statements."""
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(any_services.database.engine, "before_cursor_execute", count)
    try:
        any_services.overview.overview(today=TODAY)
        first = len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))])
        for year in (2019, 2020, 2021):
            import_all_again = {"format": "lardesk-session", "format_version": 1}
            import_all_again |= {
                "organisation": {"name": f"Gamma {year}", "unit": "Enhet"},
                "session": {"date": f"{year}-10-10"},
            }
            import json

            any_services.exchange.import_bytes(json.dumps(import_all_again).encode())
        statements.clear()
        overview = any_services.overview.overview(today=TODAY)
        again = len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))])
    finally:
        event.remove(any_services.database.engine, "before_cursor_execute", count)
    assert len(overview.units) == 6
    assert again == first <= 8


def test_no_names_in_the_overview(services: Services) -> None:
    data = import_all(services)
    text = repr(services.overview.overview(today=TODAY))
    assert "Person" not in text and "Chef A" not in text and data.ids


def test_actions_across_units(any_services: Services, imported: Imported) -> None:
    ids = imported.ids
    everything = [action_json(a) for a in any_services.overview.actions(today=TODAY)]

    def entry(
        session: str, date: str, unit: str, key: str, organisation: str = "Alfa kommun", **fields: Any
    ) -> dict[str, Any]:
        base = {
            "organisation": organisation,
            "unit": unit,
            "session": ids[session],
            "date": date,
            "key": key,
            "status": "open",
            "status_comment": "",
            "status_date": None,
        }
        return base | fields

    social_2024 = [
        entry("a1", "2024-11-10", "Socialförvaltningen", "i1", scale=1, text="Mål i verksamhetsplanen",
              owner="Förvaltningschef", due="2025-06-30"),
        entry("a1", "2024-11-10", "Socialförvaltningen", "i2", scale=9, text="Nätverk för strateger", owner="Strateg",
              due="2025-03-31"),
    ]  # fmt: skip
    social_2025 = [
        entry("a2", "2025-11-12", "Socialförvaltningen", "i1", scale=1, text="Öppen, försenad", owner="Chef A",
              due="2026-03-01"),
        entry("a2", "2025-11-12", "Socialförvaltningen", "i2", scale=3, text="Öppen, i tid", owner="Chef B",
              due="2026-12-31", status="in_progress", status_comment="Påbörjad i mars", status_date="2026-03-15"),
        entry("a2", "2025-11-12", "Socialförvaltningen", "i3", scale=5, text="Klar", owner="Chef A", due="2026-02-01",
              status="done", status_date="2026-02-01"),
        entry("a2", "2025-11-12", "Socialförvaltningen", "i4", scale=9, text="Utan datum", owner="", due=None),
    ]  # fmt: skip
    teknik = [
        entry("t1", "2023-05-01", "Tekniska förvaltningen", "i1", scale=None, text="Gammal åtgärd", owner="Teknikchef",
              due="2023-12-31"),
    ]  # fmt: skip
    assert everything == social_2024 + social_2025 + teknik
    open_ = [action_json(a) for a in any_services.overview.actions(open_only=True, today=TODAY)]
    assert open_ == [*social_2024, social_2025[0], social_2025[1], social_2025[3], *teknik]
    overdue = [action_json(a) for a in any_services.overview.actions(overdue_only=True, today=TODAY)]
    assert overdue == [*social_2024, social_2025[0], *teknik]
    early = [action_json(a) for a in any_services.overview.actions(overdue_only=True, today=dt.date(2024, 1, 1))]
    assert early == teknik


def test_setting_a_status_refuses_bad_input(services: Services) -> None:
    import_all(services)
    first = services.overview.actions()[0]
    with pytest.raises(InputError, match="unknown status"):
        services.sessions.set_action_status(first.id, "finished")
    with pytest.raises(InputError, match="no improvement action"):
        services.sessions.set_action_status(999999, ActionStatus.DONE)
    assert services.overview.actions()[0] == first


def test_previous_is_the_session_continued_from(services: Services) -> None:
    """A follow-up that continues from an older one is shown beside that one, as the session window does."""
    from lardesk.services import NewSession

    def new(date: str, continue_from: int | None = None) -> int:
        changes = services.sessions.create_session(
            NewSession(
                organisation="Gamma", unit="Skola", date=dt.date.fromisoformat(date), continue_from=continue_from
            )
        )
        assert changes.new_id is not None
        return changes.new_id

    first = new("2020-10-01")
    new("2021-10-01")
    third = new("2022-10-01", continue_from=first)
    unit = services.overview.overview(today=TODAY).units[0]
    assert (unit.latest.id, unit.previous) == (third, SessionRef(first, dt.date(2020, 10, 1)))
    assert services.sessions.snapshot(third).previous is not None
    assert services.sessions.snapshot(third).previous.id == first  # type: ignore[union-attr]


def test_findings_as_the_session_itself_counts_them(any_services: Services, example_bytes: bytes) -> None:
    """The overview's one-query findings equal the session's own (starting points and G8, dropped items, carried
    items and S4 included): a format-version-2 file with every member, the guide's example, a continued board."""
    from lardesk.method.logic import count_by_code
    from tests.conftest import REPO

    full = (REPO / "tests" / "fixtures" / "exchange-v2-full.json").read_bytes()
    any_services.exchange.import_bytes(full)
    example = any_services.exchange.import_bytes(example_bytes).new_id
    assert example is not None
    carried = any_services.sessions.duplicate_as_next_year(example).new_id  # every carried item unassessed: S4
    assert carried is not None
    import_all(any_services)
    overview = any_services.overview.overview(today=TODAY)
    assert len(overview.units) == 5
    seen: set[str] = set()
    for unit in overview.units:
        expected = count_by_code(any_services.sessions.snapshot(unit.latest.id).findings)
        assert dict(unit.findings) == expected, unit.display_name
        seen |= {code for code, count in expected.items() if count}
    assert {"G1", "G5", "S1", "S4"} <= seen
    assert overview_json(overview)["units"][0]["findings"] == {  # type: ignore[index]
        code: count_by_code(any_services.sessions.snapshot(overview.units[0].latest.id).findings)[code]
        for code in FINDING_CODES
    }
