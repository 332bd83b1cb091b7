"""The message catalogue: every template the code raises has Swedish, and real refusals read well in both."""

from __future__ import annotations

import ast
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from lardesk.importers.exchange import ExchangeError, read_exchange
from lardesk.method.logic import ItemKind
from lardesk.method.messages import (
    NO_BREAK_SPACE,
    LocalizedError,
    Message,
    Term,
    catalogue,
    catalogue_path,
    localize,
    placeholders,
)
from lardesk.method.stats import RatingError, check_value
from lardesk.services import InputError, NewParticipant, NewSession, NotFound, Services

PACKAGE = Path(__file__).resolve().parents[2] / "lardesk"
ERROR_CLASSES = frozenset(
    {
        *("InputError", "NotFound", "ExchangeError", "RatingError", "IndicatorError", "LocalizedError", "Message"),
        *("StorageError", "DatabaseRefused", "DatabaseDamaged", "DatabaseTooNew", "DatabaseReadOnly", "DiskFull"),
        *("DatabaseUnavailable", "DatabaseUnusable"),
        "ListenError",
    }
)
"""Calls whose first argument is a message template (add a class here when it adopts the mechanism)."""
NOT_PARAMS = frozenset({"pointer"})
"""Keyword arguments of those calls that are not params of the template."""


@dataclass(frozen=True)
class Use:
    template: str
    where: str
    keywords: frozenset[str] | None
    """The keyword arguments given (None when ``**params`` passes them on)."""


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _scan() -> tuple[list[Use], list[str]]:
    uses: list[Use] = []
    built: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node) not in ERROR_CLASSES or not node.args:
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                keywords: frozenset[str] | None = frozenset(
                    k.arg for k in node.keywords if k.arg is not None and k.arg not in NOT_PARAMS
                )
                if any(k.arg is None for k in node.keywords):
                    keywords = None
                uses.append(Use(first.value, where, keywords))
            elif isinstance(first, ast.JoinedStr | ast.BinOp) or (
                isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute) and first.func.attr == "format"
            ):
                built.append(f"{where}: {ast.unparse(first)}")
    return uses, built


USES, BUILT = _scan()
SWEDISH = catalogue("sv")


def test_the_scan_finds_the_templates() -> None:
    templates = {use.template for use in USES}
    assert len(templates) > 90
    assert "links to {target!r}, which is not a key in /logic/{target_list}" in templates
    assert "there is no {what} with id {id}" in templates


def test_no_template_is_built_by_hand() -> None:
    """An f-string (or ``+``, ``%``, ``.format``) hides the template from the scan and from the catalogue."""
    assert BUILT == []


def test_every_template_has_swedish_with_the_same_placeholders() -> None:
    missing = sorted({f"{use.where}: {use.template!r}" for use in USES if use.template not in SWEDISH.messages})
    assert missing == []
    differ = sorted(
        f"{use.where}: {use.template!r}"
        for use in USES
        if placeholders(SWEDISH.messages[use.template]) != placeholders(use.template)
    )
    assert differ == []


def test_every_raise_gives_exactly_the_params_its_template_names() -> None:
    wrong = sorted(
        f"{use.where}: {use.template!r} given {sorted(use.keywords)}"
        for use in USES
        if use.keywords is not None and use.keywords != placeholders(use.template)
    )
    assert wrong == []


def test_the_catalogue_holds_nothing_stale_and_every_swedish_template_renders() -> None:
    used = {use.template for use in USES}
    assert sorted(set(SWEDISH.messages) - used) == []
    assert sorted(SWEDISH.neuter - set(SWEDISH.messages)) == []
    for english, swedish in SWEDISH.messages.items():
        params = dict.fromkeys(placeholders(english), 12345)
        assert localize(english, params, "sv"), swedish
        assert swedish.strip() == swedish and "  " not in swedish
    data = json.loads(catalogue_path("sv").read_text(encoding="utf-8"))
    assert set(data) <= {"_comment", "messages", "neuter"}


# -- the mechanism ------------------------------------------------------------------------------------------


def test_params_are_rendered_by_type() -> None:
    error = InputError("a {source} cannot be linked to a {target}", source=Term("mediator"), target=Term("resource"))
    assert str(error) == error.message == "a mediator cannot be linked to a resource"
    assert error.localized("sv") == "Typen förmedlande instans kan inte kopplas till typen resurs."
    assert error.localized("en") == str(error)
    assert error.template == "a {source} cannot be linked to a {target}"
    assert error.params == {"source": "mediator", "target": "resource"}
    long_name = InputError(
        "{what} is too long ({length} characters; at most {limit})", what=Message("the name"), length=250, limit=200
    )
    assert long_name.localized("sv") == "Namnet är för långt (250 tecken; högst 200)."
    assert localize("{what} must not be empty", {"what": Message("the role")}, "sv") == "Rollen måste fyllas i."


def test_a_template_without_params_is_taken_literally() -> None:
    refused = InputError("Ange datumet som ÅÅÅÅ-MM-DD, t.ex. {2027}.")
    assert (
        refused.localized("sv")
        == refused.localized("en")
        == str(refused)
        == "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. {2027}."
    )


def test_an_unknown_language_gives_english() -> None:
    assert InputError("the round must be 1 or more").localized("de") == "the round must be 1 or more"


def test_a_rating_error_is_localized_and_passed_on() -> None:
    with pytest.raises(RatingError) as caught:
        check_value(11)
    assert str(caught.value) == "a rating is a whole number from 1 to 10, not 11"
    assert caught.value.localized("sv") == "En bedömning är ett heltal från 1 till 10, inte 11."
    passed = InputError("scale {scale}: {problem}", scale=3, problem=caught.value)
    assert str(passed) == "scale 3: a rating is a whole number from 1 to 10, not 11"
    assert passed.localized("sv") == "Skala 3: En bedömning är ett heltal från 1 till 10, inte 11."
    assert isinstance(caught.value, LocalizedError) and isinstance(caught.value, ValueError)


# -- real refusals ----------------------------------------------------------------------------------------


def _session(services: Services, participants: int = 0) -> int:
    changes = services.sessions.create_session(
        NewSession(
            organisation="Kommun",
            date=dt.date(2026, 11, 25),
            participants=tuple(NewParticipant(f"Roll {i}") for i in range(participants)),
        )
    )
    assert changes.new_id is not None
    return changes.new_id


def _refusal(call: object) -> InputError:
    assert callable(call)
    with pytest.raises(InputError) as caught:
        call()
    return caught.value


def test_service_refusals_in_swedish_and_english(services: Services) -> None:
    sid = _session(services, participants=3)
    note = _refusal(lambda: services.sessions.set_note(sid, 1, 0, "x" * 25000))
    assert str(note) == "the note is too long (25000 characters; at most 20000)"
    assert (
        note.localized("sv") == f"Anteckningen är för lång (25{NO_BREAK_SPACE}000 tecken; högst 20{NO_BREAK_SPACE}000)."
    )

    missing = _refusal(lambda: services.sessions.snapshot(999))
    assert isinstance(missing, NotFound)
    assert str(missing) == "there is no session with id 999"
    assert missing.localized("sv") == "Det finns ingen uppföljning med id 999."

    people = services.sessions.snapshot(sid).participants
    for person, value in zip(people, (4, 5, 7), strict=True):
        services.ratings.set_rating(person.id, 9, value)
    joint = _refusal(lambda: services.ratings.set_joint(sid, 9, 9))
    assert str(joint) == "the agreed value 9 lies outside the individual range 4–7: write a comment that says why"
    assert joint.localized("sv") == (
        "Det överenskomna värdet 9 ligger utanför de enskilda bedömningarna (4–7): skriv en kommentar om varför."
    )
    scale = _refusal(lambda: services.ratings.set_ratings(people[0].id, {3: 0}))
    assert scale.localized("sv") == "Skala 3: En bedömning är ett heltal från 1 till 10, inte 0."

    resource = services.logic.add_item(sid, ItemKind.RESOURCE, "Strateg").new_id
    effect = services.logic.add_item(sid, ItemKind.EFFECT, "Jämställd service").new_id
    assert resource is not None and effect is not None
    link = _refusal(lambda: services.logic.add_link(resource, effect))
    assert str(link) == "a resource cannot be linked to a effect"
    assert link.localized("sv") == "Typen resurs kan inte kopplas till typen effekt."
    status = _refusal(lambda: services.logic.add_item(sid, ItemKind.ACTIVITY, "Utbildning", status="achieved"))
    assert str(status) == "'achieved' is not a status of a activity"
    assert status.localized("sv") == "Status 'uppnådd' finns inte för typen aktivitet."
    amount = _refusal(lambda: services.logic.update_item(resource, budget_sek=-5))
    assert amount.localized("sv") == "Beloppet får inte vara negativt."
    field = _refusal(lambda: services.sessions.update_session(sid, case_number="x" * 101))
    assert str(field) == "case number is too long (101 characters; at most 100)"
    assert field.localized("sv") == "Diarienumret är för långt (101 tecken; högst 100)."
    due = _refusal(lambda: services.sessions.add_improvement(sid, "Ny rutin", due="nästa år"))
    assert due.localized("sv") == "Slutdatumet ska skrivas som ett datum, till exempel 2026-11-25, inte 'nästa år'."


def test_an_import_with_a_dangling_link_names_the_place_in_both_languages(
    services: Services, example_bytes: bytes
) -> None:
    document = json.loads(example_bytes)
    document["logic"]["activities"][3]["results"] = ["res99"]
    refused = _refusal(lambda: services.exchange.import_bytes(json.dumps(document)))
    assert refused.pointer == "/logic/activities/3/results/0"
    assert refused.message == "links to 'res99', which is not a key in /logic/results"
    assert str(refused) == "/logic/activities/3/results/0: links to 'res99', which is not a key in /logic/results"
    assert refused.localized("sv") == (
        "/logic/activities/3/results/0: Länken pekar på 'res99', som inte finns bland /logic/results."
    )


@pytest.mark.parametrize(
    ("change", "english", "swedish"),
    [
        ("del d['session']['date']", "/session: missing member: 'date'", "/session: Fältet 'date' saknas."),
        ("d['surprise'] = 1", "/: unknown member: 'surprise'", "/: Okänt fält: 'surprise'."),
        (
            "d['session']['title'] = 5",
            "/session/title: 5 is not of type 'string'",
            "/session/title: 5 har fel typ: här ska stå en text.",
        ),
        (
            "d['ratings'][0]['value'] = 11",
            "/ratings/0/value: 11 is greater than the maximum of 10",
            "/ratings/0/value: 11 är större än det största tillåtna värdet, 10.",
        ),
        (
            "d['session']['date'] = '2011-13-40'",
            "/session/date: '2011-13-40' is not a valid date (such as 2026-11-25)",
            "/session/date: '2011-13-40' är inte ett giltigt datum (skriv till exempel 2026-11-25).",
        ),
        (
            "d['session']['language'] = 'de'",
            "/session/language: 'de' is not one of 'sv', 'en'",
            "/session/language: 'de' är inte ett av de tillåtna värdena: 'sv', 'en'.",
        ),
    ],
)
def test_schema_violations_in_both_languages(example_bytes: bytes, change: str, english: str, swedish: str) -> None:
    d = json.loads(example_bytes)
    exec(change, {"d": d})  # a fixed mutation from the table above
    with pytest.raises(ExchangeError) as caught:
        read_exchange(json.dumps(d))
    assert str(caught.value) == english
    assert caught.value.localized("sv") == swedish
