"""The ratings as CSV: anonymous by default, names only in open mode, no breakdown by a group under three."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest

from lardesk.method.guide import load_guide
from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.method.stats import MIN_GROUP_SIZE
from lardesk.method.words import WORD_LANGUAGES, word
from lardesk.reports.ratings_csv import (
    NamesNotAllowed,
    gender_breakdown,
    gender_breakdown_csv,
    ratings_csv,
    ratings_rows,
    write_ratings_csv,
)
from lardesk.services import Services
from tests.charts.test_spread import make_snapshot

GUIDE = load_guide("sv")


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_anonymous_by_default(services: Services, example_id: int) -> None:
    snapshot = services.sessions.snapshot(example_id)
    text = ratings_csv(snapshot, GUIDE)
    rows = read(text)
    assert list(rows[0]) == ["round", "scale", "scale_label", "value", "abstained"]
    assert len(rows) == 54  # six people, nine scales, one abstention among them
    for participant in snapshot.participants:
        assert participant.key not in text.split(";")
        assert participant.role not in text
    seven = [r for r in rows if r["scale"] == "7"]
    assert [r["value"] for r in seven] == ["4", "6", "6", "7", "8", ""]  # sorted; nothing links them to people
    assert [r["abstained"] for r in seven] == ["0"] * 5 + ["1"]
    assert seven[0]["scale_label"] == "Struktur"


def test_names_only_in_open_mode(services: Services, example_id: int) -> None:
    snapshot = services.sessions.snapshot(example_id)
    assert snapshot.session.anonymity is not Anonymity.OPEN
    with pytest.raises(NamesNotAllowed):
        ratings_csv(snapshot, GUIDE, named=True)
    opened = dataclasses.replace(snapshot, session=dataclasses.replace(snapshot.session, anonymity=Anonymity.OPEN))
    rows = read(ratings_csv(opened, GUIDE, named=True))
    assert list(rows[0])[:6] == ["round", "scale", "scale_label", "participant", "name", "role"]
    p5 = [r for r in rows if r["participant"] == "p5"]
    assert len(p5) == 9
    assert next(r for r in p5 if r["scale"] == "7")["abstained"] == "1"
    assert p5[0]["role"] == "HR-strateg"


def test_rounds_are_kept_apart() -> None:
    snapshot = make_snapshot({1: [3, 4]}, parts=frozenset({1}))
    second = dataclasses.replace(
        snapshot, ratings=(*snapshot.ratings, *(dataclasses.replace(r, round=2, value=6) for r in snapshot.ratings))
    )
    rows = ratings_rows(second, GUIDE)
    assert [(r[0], r[3]) for r in rows[1:]] == [(1, 3), (1, 4), (2, 6), (2, 6)]
    assert [r[3] for r in ratings_rows(second, GUIDE, round_=2)[1:]] == [6, 6]


def test_the_file_is_written_whole_with_a_byte_order_mark(tmp_path: Path) -> None:
    target = tmp_path / "bedömningar.csv"
    target.write_text("old")
    snapshot = make_snapshot({1: [3, 4]}, parts=frozenset({1}))
    write_ratings_csv(snapshot, GUIDE, target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Utgångspunkt" in data.decode("utf-8-sig")
    with pytest.raises(NamesNotAllowed):
        write_ratings_csv(snapshot, GUIDE, target, named=True)
    assert target.read_bytes() == data  # a refused export leaves the earlier file as it was
    assert [p.name for p in tmp_path.iterdir()] == ["bedömningar.csv"]


def with_genders(snapshot: SessionSnapshot, genders: list[Gender]) -> SessionSnapshot:
    people = tuple(dataclasses.replace(p, gender=g) for p, g in zip(snapshot.participants, genders, strict=True))
    return dataclasses.replace(snapshot, participants=people)


def test_no_breakdown_by_a_group_of_fewer_than_three(services: Services, example_id: int) -> None:
    # the example: four women and two men, so the men's group is too small on every scale
    snapshot = services.sessions.snapshot(example_id)
    lines = gender_breakdown(snapshot)
    assert lines
    assert not any(line.allowed for line in lines)
    assert all(line.medians == {} and line.sizes == {} for line in lines)
    text = gender_breakdown_csv(snapshot, GUIDE)
    rows = read(text)
    assert all(r["median_woman"] == "" and r["median_man"] == "" for r in rows)
    assert all(r["note"] == "visas inte: en grupp med färre än 3" for r in rows)
    assert all(r["note"] == word("csv.ratings.not_shown", "sv", size=MIN_GROUP_SIZE) for r in rows)


def test_a_breakdown_when_every_group_has_three() -> None:
    snapshot = make_snapshot({1: [2, 3, 4, 7, 8, 9], 2: [5, 5, None, 5, 5, 5]}, parts=frozenset({1, 2}))
    snapshot = with_genders(snapshot, [Gender.WOMAN] * 3 + [Gender.MAN] * 3)
    lines = {line.scale: line for line in gender_breakdown(snapshot)}
    assert lines[1].allowed
    assert lines[1].medians == {Gender.WOMAN: 3, Gender.MAN: 8}
    # on scale 2 one woman abstained: two women's values would be a group of two
    assert not lines[2].allowed
    rows = {r["scale"]: r for r in read(gender_breakdown_csv(snapshot, GUIDE))}
    assert (rows["1"]["median_woman"], rows["1"]["median_man"]) == ("3", "8")
    assert rows["2"]["median_woman"] == ""
    assert rows["2"]["note"]


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_cells_are_in_the_guides_language_and_the_column_names_are_not(
    services: Services, example_id: int, language: str
) -> None:
    """The scales' labels and the reason a line is blank are words (the catalogue's, section "csv.ratings");
    the column names are identifiers for scripts, the same in both languages."""
    snapshot = services.sessions.snapshot(example_id)
    guide = load_guide(language)
    rows = read(gender_breakdown_csv(snapshot, guide))
    assert list(rows[0]) == [
        "scale",
        "scale_label",
        "median_woman",
        "median_man",
        "median_other",
        "median_unspecified",
        "note",
    ]
    reason = word("csv.ratings.not_shown", language, size=MIN_GROUP_SIZE)
    assert [(r["scale_label"], r["note"]) for r in rows] == [(guide.scale(int(r["scale"])).label, reason) for r in rows]
    assert reason.endswith(" 3") and reason != word("csv.ratings.not_shown", "en" if language == "sv" else "sv", size=3)
    assert list(read(ratings_csv(snapshot, guide))[0]) == ["round", "scale", "scale_label", "value", "abstained"]
