"""Hostile and broken exchange files: each is imported whole or rejected whole with a message, never with
another exception, and a rejected file leaves the database exactly as it was.

Files come three ways: generated from scratch (valid by construction, with any text), mutated as JSON trees
(a member removed, a value replaced by any JSON value, an entry doubled, a link bent), and mutated as bytes
(cut, flipped, spliced). An accepted file is exported and imported again: the two exports are the same.

The normal suite runs 240 cases; ``LARDESK_FUZZ_EXAMPLES=10000`` runs that many over the four tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from lardesk.reports.exchange import dumps
from lardesk.services import InputError, Services
from lardesk.storage.models import Base

TOTAL = int(os.environ.get("LARDESK_FUZZ_EXAMPLES", "240"))
"""Cases in all of this module: a tenth generated from scratch, the rest in thirds over the three mutators."""
FUZZ = settings(
    max_examples=max(1, TOTAL * 3 // 10),
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout (pytest would try to collect it)
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "example-bilaga1.json"


@dataclass
class Tally:
    imported: int = 0
    rejected: int = 0
    messages: set[str] = field(default_factory=set)


TALLY: dict[str, Tally] = {}


@pytest.fixture(scope="module")
def fuzz_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One database for all cases of this module (each case checks its own before/after)."""
    directory = tmp_path_factory.mktemp("fuzz")
    services = Services.open(f"sqlite:///{directory / 'lardesk.sqlite'}", directory / "backups")
    yield services
    services.close()
    for name, tally in TALLY.items():
        print(f"fuzz {name}: {tally.imported} imported, {tally.rejected} rejected, {len(tally.messages)} messages")


def fingerprint(services: Services) -> dict[str, int]:
    with services.database.reading() as db:
        return {
            table.name: db.scalar(select(func.count()).select_from(table)) or 0 for table in Base.metadata.sorted_tables
        }


def check_file(services: Services, data: bytes, name: str) -> bool:
    """The property: imported whole (and export → import → export is stable) or rejected whole with a message.
    Returns whether the file was imported."""
    tally = TALLY.setdefault(name, Tally())
    before = fingerprint(services)
    try:
        changes = services.exchange.import_bytes(data)
    except InputError as error:
        refused: InputError | None = error
    else:
        refused = None
    if refused is not None:
        assert isinstance(refused.message, str)
        assert refused.message.strip()
        assert fingerprint(services) == before, "a rejected file changed the database"
        tally.rejected += 1
        tally.messages.add(refused.message[:60])
        return False
    tally.imported += 1
    assert changes.new_id is not None
    document = json.loads(data.decode("utf-8-sig"))
    exported = services.exchange.export_document(changes.new_id)
    after = fingerprint(services)
    assert after["session"] == before["session"] + 1
    assert after["participant"] - before["participant"] == len(document.get("participants", []))
    assert after["rating"] - before["rating"] == len(document.get("ratings", []))
    assert after["note"] - before["note"] == len(document.get("notes", []))
    assert after["joint_assessment"] - before["joint_assessment"] == len(document.get("joint", []))
    assert after["improvement"] - before["improvement"] == len(document.get("improvements", []))
    items = sum(len(entries) for entries in document.get("logic", {}).values())
    starting = len(document.get("x-lardesk", {}).get("starting_points", []))
    assert after["logic_item"] - before["logic_item"] == items + starting
    again = services.exchange.import_bytes(dumps(exported))
    assert again.new_id is not None
    assert services.exchange.export_document(again.new_id) == exported
    return True


# -- generating files -----------------------------------------------------------------------------------

keys = st.from_regex(r"\A[A-Za-z0-9_.-]{1,12}\Z")
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
some_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
dates = st.dates().map(lambda d: d.isoformat())
sections = st.integers(1, 9)


def _unique(draw: st.DrawFn, minimum: int = 0, maximum: int = 6) -> list[str]:
    return draw(st.lists(keys, min_size=minimum, max_size=maximum, unique=True))


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": "lardesk-session",
        "format_version": 1,
        "organisation": {"name": draw(some_text)},
        "session": {"date": draw(dates)},
    }
    if draw(st.booleans()):
        document["organisation"]["unit"] = draw(any_text)
    for member in ("title", "period", "facilitator"):
        if draw(st.booleans()):
            document["session"][member] = draw(any_text)
    if draw(st.booleans()):
        document["session"]["parts"] = draw(st.lists(sections, unique=True, max_size=9))
    if draw(st.booleans()):
        document["session"]["language"] = draw(st.sampled_from(["sv", "en"]))
    people = _unique(draw)
    document["participants"] = [
        {
            "key": key,
            **({"name": draw(any_text)} if draw(st.booleans()) else {}),
            **(
                {"gender": draw(st.sampled_from(["woman", "man", "other", "unspecified"]))}
                if draw(st.booleans())
                else {}
            ),
        }
        for key in people
    ]
    lists = {name: _unique(draw, 0, 4) for name in ("resources", "activities", "results", "mediators", "effects")}
    links = {"resources": "activities", "activities": "results", "results": "effects", "mediators": "results"}
    logic: dict[str, list[dict[str, Any]]] = {}
    for name, names in lists.items():
        entries = []
        for key in names:
            entry: dict[str, Any] = {"key": key, "text": draw(some_text)}
            target = links.get(name)
            if target and lists[target] and draw(st.booleans()):
                entry[target] = draw(st.lists(st.sampled_from(lists[target]), unique=True))
            if name == "resources" and draw(st.booleans()):
                entry["budget_sek"] = draw(st.floats(0, 1e9) | st.integers(0, 10**9))
            if name == "activities" and draw(st.booleans()):
                entry["status"] = draw(
                    st.sampled_from(["planned", "implemented", "partly_implemented", "not_implemented"])
                )
            entries.append(entry)
        if entries:
            logic[name] = entries
    document["logic"] = logic
    if people:
        triples = draw(
            st.lists(st.tuples(st.sampled_from(people), sections, st.integers(1, 3)), unique=True, max_size=12)
        )
        document["ratings"] = [
            {"participant": p, "scale": s, "round": r, "value": draw(st.none() | st.integers(1, 10))}
            for p, s, r in triples
        ]
    places = draw(st.lists(st.tuples(sections, st.integers(1, 10)), unique=True, max_size=5))
    document["notes"] = [{"section": s, "question": q, "text": draw(any_text)} for s, q in places]
    document["joint"] = [
        {"scale": s, "value": draw(st.integers(1, 10)), "comment": draw(any_text)}
        for s in draw(st.lists(sections, unique=True, max_size=3))
    ]
    document["improvements"] = [
        {"text": draw(some_text), **({"due": draw(dates)} if draw(st.booleans()) else {})}
        for _ in range(draw(st.integers(0, 3)))
    ]
    if draw(st.booleans()):
        document["x-lardesk"] = {
            "anonymity": draw(st.sampled_from(["open", "roles", "anonymous"])),
            "absent": draw(st.lists(st.sampled_from(people), unique=True)) if people else [],
        }
    if draw(st.booleans()):
        document["x-annan-app"] = draw(st.dictionaries(keys, any_text, max_size=3))
    return document


EDGE_NUMBERS = st.sampled_from([1.0, 2.0, 9.0, 10.0, 2**63 - 1, 2**63, -(2**63) - 1, 10**20, 1e308, -0.0, 5e-324])
"""Numbers at the edges: whole numbers written as floats (1.0), past 64 bits (2^63), floats near the limit."""
LONE_SURROGATES = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3) | st.builds(
    lambda a, b: a + "\ud800" + b, any_text, any_text
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | EDGE_NUMBERS
    | st.floats(allow_nan=False, allow_infinity=False)
    | any_text
    | LONE_SURROGATES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(any_text, children, max_size=3),
    max_leaves=8,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for name, child in value.items():
            yield from _paths(child, (*path, name))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


@st.composite
def mutated_trees(draw: st.DrawFn, base: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    document = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(document) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = document
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "remove", "double", "add-member", "bend-link"]))
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "remove":
            del parent[last]
        elif action == "double" and isinstance(parent, list):
            parent.insert(last, json.loads(json.dumps(parent[last])))
        elif action == "add-member" and isinstance(parent, dict):
            parent[draw(any_text)] = draw(json_values)
        elif action == "bend-link" and isinstance(parent[last], str):
            parent[last] = draw(keys)
    return document


@st.composite
def mutated_bytes(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["cut", "flip", "splice", "delete"]))
        if action == "cut":
            del data[position:]
        elif action == "flip":
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "splice":
            data[position:position] = draw(
                st.binary(min_size=1, max_size=8)
                | st.sampled_from(
                    [
                        *(b'"', b"{", b"]", b",", b"\\u0000", b"1e999", b"NaN", b"1e309", b"1.0", b"-0.0"),
                        *(b"9223372036854775808", b"-9223372036854775809", b"1" * 4400, b"0." + b"1" * 4400),
                        *(b"\\ud800", b"\\udfff", b'"\\ud83d"', b"\\ud83d\\ude00"),
                    ]
                )
            )
        else:
            del data[position : position + draw(st.integers(1, 20))]
    return bytes(data)


def _example() -> bytes:
    return DEMO.read_bytes()


def _encode(document: dict[str, Any]) -> bytes:
    try:
        return json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: written as the escape \\ud800, as a hostile file would
        return json.dumps(document).encode("ascii")


@settings(FUZZ, max_examples=max(1, TOTAL // 10))
@given(document=documents())
def test_generated_files(fuzz_services: Services, document: dict[str, Any]) -> None:
    """Files valid by construction must be imported: a reader that refuses good files fails here too."""
    assert check_file(fuzz_services, _encode(document), "generated"), "a valid generated file was rejected"


@FUZZ
@given(document=mutated_trees(documents() | st.builds(lambda: json.loads(_example()))))
def test_mutated_trees(fuzz_services: Services, document: dict[str, Any]) -> None:
    check_file(fuzz_services, _encode(document), "tree-mutated")


@FUZZ
@given(data=mutated_bytes(st.just(_example()) | documents().map(_encode)))
def test_mutated_bytes(fuzz_services: Services, data: bytes) -> None:
    check_file(fuzz_services, data, "byte-mutated")


@FUZZ
@given(data=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_anything_at_all(fuzz_services: Services, data: bytes) -> None:
    check_file(fuzz_services, data, "random")


# -- special files and the new number and string forms, one by one ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"parts": [1.0, 2.0, 9.0]',
        '"parts": [1, 2, 9], "title": "\\ud800"',
        '"parts": [1, 2, 9], "title": "ok", "x-big": 1' + "0" * 4400,
        '"parts": [1, 2, 9], "x-inf": 1e309',
        '"parts": [1, 2, 9], "x-n": 9223372036854775808',
    ],
    ids=["floats", "lone-surrogate", "4400-digits", "1e309", "2^63"],
)
def test_each_new_form_is_refused_with_a_place(fuzz_services: Services, text: str) -> None:
    document = _example().decode("utf-8").replace('"date":', text + ', "date":', 1)
    before = fingerprint(fuzz_services)
    with pytest.raises(InputError) as refused:
        fuzz_services.exchange.import_bytes(document.encode("utf-8"))
    assert refused.value.pointer.startswith("/"), refused.value
    assert fingerprint(fuzz_services) == before


@pytest.mark.parametrize("huge", ["/notes/0/question", "/ratings/0/round"])
def test_integers_past_64_bits_where_the_database_keeps_them(fuzz_services: Services, huge: str) -> None:
    document = json.loads(_example())
    _, member, index, name = huge.split("/")
    document[member][int(index)][name] = 2**63
    before = fingerprint(fuzz_services)
    with pytest.raises(InputError) as refused:
        fuzz_services.exchange.import_bytes(json.dumps(document))
    assert refused.value.pointer == huge
    assert fingerprint(fuzz_services) == before


def _fifo(folder: Path) -> Path:
    path = folder / "rör.json"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    import socket

    path = folder / "s.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


def _link_to_fifo(folder: Path) -> Path:
    link = folder / "länk.json"
    link.symlink_to(_fifo(folder))
    return link


def _sparse(folder: Path) -> Path:
    path = folder / "stor.json"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    return path


@pytest.mark.parametrize("make", [_fifo, _socket, _link_to_fifo, _sparse, lambda folder: folder])
def test_special_files_are_refused_at_once(fuzz_services: Services, tmp_path: Path, make: Any) -> None:
    """Made under a temp folder (never /dev): a FIFO (today: waits for a writer for ever), a socket, a link to a
    FIFO, a 2 GB sparse file (today: read into memory whole), a folder."""
    path = make(tmp_path)
    before = fingerprint(fuzz_services)
    with pytest.raises(InputError):
        fuzz_services.exchange.import_file(path)
    assert fingerprint(fuzz_services) == before
