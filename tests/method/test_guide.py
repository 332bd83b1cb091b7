"""The question guide as shipped data: numbering, wording against the reference, and the English translation."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from lardesk.method import guide as guide_module
from lardesk.method.guide import (
    DEFAULT_LANGUAGE,
    JOINT_SCALE,
    LANGUAGES,
    SECTIONS,
    Guide,
    GuideError,
    guide_path,
    load_guide,
    parse_guide,
)
from tests.conftest import SHARED

QUESTION_COUNTS = {1: 2, 2: 6, 3: 6, 4: 4, 5: 5, 6: 6, 7: 8, 8: 10, 9: 0}
FOLLOW_UP_SV = "Vad kan göras för att ni ska få ett högre värde nästa år?"
FOLLOW_UP_SV_9 = "Vad kan göras för att ni ska få ett högre värde (alternativt behålla ert höga värde) nästa år?"
FOLLOW_UP_EN = "What can be done to score higher next year?"
FINDING_CODES = ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "S1", "S2", "S3", "S4"]

REFERENCE = SHARED / "reference" / "question-guide.md"
DOMAIN = SHARED / "domain.md"

# Copied by hand from shared/reference/question-guide.md (section 2 of that file), so that this sample is
# checked even when shared/ is not beside the checkout.
VERBATIM_SAMPLE: dict[tuple[int, int], str] = {
    (1, 1): "Finns det några jämställdhetspolitiska mål för verksamheten?",
    (1, 2): "Finns det ett specifikt problem som jämställdhetsarbetet siktar mot att lösa?",
    (2, 2): "Behöver förra årets förväntade effekter uppdateras?",
    (2, 6): "Stämmer de långsiktiga effekterna överens med utgångspunkten, t ex de jämställdhetspolitiska målen?",
    (3, 2): "Vilka grupper har ni nått? Könsskillnader?",
    (3, 6): "Hänger förväntade resultat ihop med förväntade effekter och utgångspunkten, dvs. leder de till "
    "jämställdhet?",
    (4, 3): "Vilka instanser eller aktörer behöver involveras för att resultaten ska omvandlas till effekter?",
    (5, 5): "Vilka aktiviteter planerar ni att genomföra under året för att nå de resultat ni förväntar er om ett år?",
    (6, 2): "Har ni upptäckt behov av att omfördela resurser mellan könen?",
    (6, 6): "Hur ser kopplingen ut mellan de resurser som krävs/önskas och de som avsätts?",
    (7, 6): "Hur ser könsfördelningen ut i ledningen?",
    (7, 8): "På vilket sätt kan ledningen förbättra sitt ledningsansvar när det gäller jämställdhetsintegrering?",
    (8, 1): "Vilka grupper har varit delaktiga i jämställdhetsarbetet (personer, avdelningar, funktioner, "
    "medborgarföreträdare etc.)?",
    (8, 8): "I vilken omfattning har det skett lärande i jämställdhetsarbetet? Finns könsskillnader? Hur många "
    "kvinnor/män har deltagit? Har fler kvinnor resp. män deltagit än tidigare?",
    (8, 10): "Vad behöver ni utveckla för att lärandet ska stärkas?",
}


def _raw(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(guide_path(language).read_text(encoding="utf-8"))
    return data


def _dashes(text: str) -> str:
    """The reference was extracted from a PDF: its dashes are hyphens (or lost); compare them loosely."""
    return re.sub(r"\s*[-–]\s*", " ", text).strip()


@pytest.fixture
def reference_text() -> str:
    if not REFERENCE.exists():
        pytest.skip("shared/reference/question-guide.md is not beside the checkout")
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture
def domain_text() -> str:
    if not DOMAIN.exists():
        pytest.skip("shared/domain.md is not beside the checkout")
    return DOMAIN.read_text(encoding="utf-8")


def _reference_sections(text: str) -> dict[int, list[str]]:
    """The bullet lines of each numbered section of the verbatim question guide (section 2 of the reference)."""
    start = text.index("## 2 The complete question guide")
    end = text.index("## 3 Bilaga 2")
    sections: dict[int, list[str]] = {}
    current = 0
    for line in text[start:end].splitlines():
        heading = re.match(r"^\*\*(\d)\. .*\*\*$", line)
        if heading:
            current = int(heading.group(1))
            sections[current] = []
        elif current and line.strip().startswith("- "):
            sections[current].append(line.strip()[2:])
    return sections


# -- loading -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_languages_load(language: str) -> None:
    guide = load_guide(language)
    assert isinstance(guide, Guide)
    assert guide.language == language
    assert guide.title
    assert len(guide.sections) == 9
    assert len(guide.scales) == 9


def test_default_language_is_swedish() -> None:
    assert DEFAULT_LANGUAGE == "sv"
    assert load_guide() == load_guide("sv")
    assert load_guide("sv") is load_guide("sv")  # cached
    assert load_guide().title == "Frågeguide för lärande uppföljning"


def test_unknown_language_is_a_guide_error() -> None:
    with pytest.raises(GuideError, match="de"):
        load_guide("de")


@pytest.mark.parametrize("language", LANGUAGES)
def test_sections_are_numbered_one_to_nine(language: str) -> None:
    guide = load_guide(language)
    assert SECTIONS == (1, 2, 3, 4, 5, 6, 7, 8, 9)
    assert [section.number for section in guide.sections] == list(range(1, 10))
    for number in SECTIONS:
        assert guide.section(number).number == number
        assert guide.scale(number).number == number


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_and_scale_lookup_rejects_unknown_numbers(language: str) -> None:
    guide = load_guide(language)
    for bad in (0, 10, -1):
        with pytest.raises(KeyError):
            guide.section(bad)
        with pytest.raises(KeyError):
            guide.scale(bad)


@pytest.mark.parametrize("language", LANGUAGES)
def test_question_counts(language: str) -> None:
    guide = load_guide(language)
    assert {s.number: len(s.questions) for s in guide.sections} == QUESTION_COUNTS
    assert sum(QUESTION_COUNTS.values()) == 47


@pytest.mark.parametrize("language", LANGUAGES)
def test_question_numbering_is_one_based_within_a_section(language: str) -> None:
    guide = load_guide(language)
    for section in guide.sections:
        assert [q.number for q in section.questions] == list(range(1, len(section.questions) + 1))
        assert all(q.section == section.number for q in section.questions)
        for q in section.questions:
            assert section.question(q.number) is q
        with pytest.raises(KeyError):
            section.question(0)
        with pytest.raises(KeyError):
            section.question(len(section.questions) + 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_parts(language: str) -> None:
    guide = load_guide(language)
    assert [(p.number, p.sections) for p in guide.parts] == [(1, (1, 2, 3, 4, 5, 6)), (2, (7, 8)), (3, (9,))]
    assert [s.part for s in guide.sections] == [1, 1, 1, 1, 1, 1, 2, 2, 3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_7_groups(language: str) -> None:
    section = load_guide(language).section(7)
    assert [g.id for g in section.groups] == ["A", "B"]
    assert [q.group for q in section.questions] == ["A"] * 2 + ["B"] * 6
    assert section.group_title("A") != section.group_title("B")
    assert section.group_title("A").startswith("A)")
    assert section.group_title("B").startswith("B)")
    assert section.group_title("C") == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_8_groups_and_the_three_levels(language: str) -> None:
    section = load_guide(language).section(8)
    assert [g.id for g in section.groups] == ["A", "B"]
    assert [q.group for q in section.questions] == ["A"] * 6 + ["B"] * 4
    assert len(section.question(9).items) == 3
    assert [q.number for q in section.questions if q.items] == [9]


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_sections_7_and_8_have_groups(language: str) -> None:
    guide = load_guide(language)
    for section in guide.sections:
        if section.number in (7, 8):
            continue
        assert section.groups == ()
        assert all(q.group == "" for q in section.questions)
        assert all(q.items == () for q in section.questions)


def test_section_9_is_the_joint_scale() -> None:
    assert JOINT_SCALE == 9
    guide = load_guide("sv")
    assert guide.section(9).questions == ()
    # one name for scale 9 wherever it appears (issue 11, item 17): the section's, not "Sammanfattning"
    assert guide.scale(9).label == "Samlad bedömning"
    assert guide.section(9).title == "Samlad bedömning"


# -- Swedish wording against the reference -------------------------------------------------------------


def test_swedish_sample_is_verbatim() -> None:
    guide = load_guide("sv")
    for (section, number), text in VERBATIM_SAMPLE.items():
        assert guide.section(section).question(number).text == text, (section, number)


def test_swedish_level_items_of_question_8_9() -> None:
    question = load_guide("sv").section(8).question(9)
    assert question.text == "Hur har ni tagit tillvara det lärande som skett hos olika grupper?"
    assert question.items == ("På individnivå", "På gruppnivå", "På organisationsnivå")
    assert question.info == "Exempelvis konkret förändring, nya rutiner, förändrade styrdokument etc."


def test_swedish_follow_ups() -> None:
    guide = load_guide("sv")
    assert [s.follow_up for s in guide.sections[:8]] == [FOLLOW_UP_SV] * 8
    assert guide.section(9).follow_up == FOLLOW_UP_SV_9


def test_swedish_scale_ends() -> None:
    guide = load_guide("sv")
    assert (guide.scale_low, guide.scale_high) == ("I mycket liten grad", "I mycket hög grad")


def test_every_swedish_question_matches_the_reference(reference_text: str) -> None:
    guide = load_guide("sv")
    reference = _reference_sections(reference_text)
    assert sorted(reference) == list(SECTIONS)
    for section in guide.sections:
        lines = [line[3:] for line in reference[section.number] if line.startswith("Q: ")]
        assert len(lines) == len(section.questions), section.number
        for question, line in zip(section.questions, lines, strict=True):
            if line == question.text:
                continue
            # The reference prints some explanatory sentences inline, in brackets, after the question.
            assert question.info, (section.number, question.number, line)
            assert line.startswith(question.text.rstrip("?")), (section.number, question.number)
            info = question.info.rstrip(".?")
            assert info[0].lower() + info[1:] in line or info in line, (section.number, question.number)


def test_swedish_infos_match_the_reference(reference_text: str) -> None:
    guide = load_guide("sv")
    reference = _reference_sections(reference_text)
    for section in guide.sections:
        infos = [line[6:] for line in reference[section.number] if line.startswith("Info: ")]
        # Question infos are indented under their question; section infos (4 and 6) stand first.
        if section.info:
            assert _dashes(infos[0]).startswith(_dashes(section.info)), section.number
        question_infos = [q.info for q in section.questions if q.info]
        for info in question_infos:
            if section.number in (7, 8):
                continue  # printed inline in brackets; checked by the test above
            assert info in infos, (section.number, info)


def test_swedish_assessments_match_the_reference(reference_text: str) -> None:
    guide = load_guide("sv")
    reference = _reference_sections(reference_text)
    for section in guide.sections:
        [line] = [line for line in reference[section.number] if line.startswith("Bedömning [")]
        match = re.match(r"^Bedömning \[\*(.+)\*\]: (.+)$", line)
        assert match, line
        heading, question = match.groups()
        assert section.assessment_question == question, section.number
        assert _dashes(section.assessment_heading) == _dashes(heading), section.number
        [follow_up] = [line for line in reference[section.number] if line.startswith("Uppföljning: ")]
        assert section.follow_up == follow_up.removeprefix("Uppföljning: ")


def test_swedish_section_titles_match_the_reference(reference_text: str) -> None:
    guide = load_guide("sv")
    titles = dict(re.findall(r"^\*\*(\d)\. (.+)\*\*$", reference_text, flags=re.MULTILINE))
    for section in guide.sections:
        assert _dashes(section.title) == _dashes(titles[str(section.number)])


def test_swedish_scales_match_the_domain_table(domain_text: str) -> None:
    rows = re.findall(r"^\| (\d) \| ([^|]+) \| (I vilken mån [^|]+) \|$", domain_text, flags=re.MULTILINE)
    assert [int(number) for number, _, _ in rows] == list(SECTIONS)
    guide = load_guide("sv")
    for number, label, question in rows:
        scale = guide.scale(int(number))
        if int(number) == JOINT_SCALE:
            # One name per scale everywhere (issues 11.17 and 13): scale 9 is named after its section,
            # "Samlad bedömning" ("Overall assessment"); the table's "Sammanfattning" is Bilaga 2's short label.
            assert label.strip() == "Sammanfattning"
            assert scale.label == guide.section(JOINT_SCALE).title
        else:
            assert scale.label == label.strip()
        assert scale.question == question.strip()


def test_swedish_scales_hard_coded() -> None:
    guide = load_guide("sv")
    assert [s.label for s in guide.scales] == [
        "Utgångspunkt",
        "Effekter",
        "Resultat",
        "Förmedlande instanser",
        "Aktiviteter",
        "Resurser",
        "Struktur",
        "Process",
        "Samlad bedömning",
    ]
    assert guide.scale(4).question == (
        "I vilken mån har man planerat för omvandling av kortsiktiga resultat till långsiktiga effekter av arbetet "
        "för jämställda verksamheter?"
    )
    assert guide.scale(5).question == "I vilken mån har planerade aktiviteter genomförts?"


def test_scale_questions_equal_section_assessments_except_the_known_differences() -> None:
    guide = load_guide("sv")
    differing = [n for n in SECTIONS if guide.scale(n).question != guide.section(n).assessment_question]
    # Bilaga 2 says "har man" (4) and "jämställda verksamheter" (8) where the sections do not.
    assert differing == [4, 8]


# -- English translation ----------------------------------------------------------------------------------


def _shape(node: object) -> object:
    """The data with every human-readable string replaced; ids, group references and numbers kept."""
    if isinstance(node, dict):
        return [(key, value if key in ("id", "group", "number") else _shape(value)) for key, value in node.items()]
    if isinstance(node, list):
        return [_shape(value) for value in node]
    if isinstance(node, str):
        return str
    return node


def _strings(node: object, path: str = "") -> list[tuple[str, str]]:
    if isinstance(node, dict):
        return [pair for key, value in node.items() for pair in _strings(value, f"{path}/{key}")]
    if isinstance(node, list):
        return [pair for index, value in enumerate(node) for pair in _strings(value, f"{path}/{index}")]
    if isinstance(node, str):
        return [(path, node)]
    return []


def test_english_file_has_the_swedish_structure() -> None:
    assert _shape(_raw("en")) == _shape(_raw("sv"))


def test_english_and_swedish_guides_have_identical_structure() -> None:
    sv, en = load_guide("sv"), load_guide("en")
    assert [(p.number, p.sections) for p in en.parts] == [(p.number, p.sections) for p in sv.parts]
    for sv_section, en_section in zip(sv.sections, en.sections, strict=True):
        assert en_section.number == sv_section.number
        assert en_section.part == sv_section.part
        assert len(en_section.questions) == len(sv_section.questions)
        assert [g.id for g in en_section.groups] == [g.id for g in sv_section.groups]
        assert [q.group for q in en_section.questions] == [q.group for q in sv_section.questions]
        assert [len(q.items) for q in en_section.questions] == [len(q.items) for q in sv_section.questions]
        assert [bool(q.info) for q in en_section.questions] == [bool(q.info) for q in sv_section.questions]
        assert bool(en_section.info) == bool(sv_section.info)
    assert list(en.findings) == list(sv.findings) == FINDING_CODES
    assert list(en.terms) == list(sv.terms)
    assert len(en.scales) == len(sv.scales) == 9


def test_english_is_translated() -> None:
    sv_strings = dict(_strings(_raw("sv")))
    en_strings = _strings(_raw("en"))
    assert len(en_strings) == len(sv_strings)
    for path, text in en_strings:
        assert text.strip() == text and text, path
        if path in ("/language", "/source") or path.endswith(("/id", "/group")):
            continue
        assert not re.search("[åäöÅÄÖ]", text), (path, text)
        if text not in ("Process", "Man", "Problem"):  # the same word in both languages
            assert text != sv_strings[path], path


def test_english_metadata() -> None:
    raw = _raw("en")
    assert raw["language"] == "en"
    assert "Handledning och frågeguide" in raw["source"]
    assert "2011" in raw["source"]


def test_english_uses_the_glossary() -> None:
    en = load_guide("en")
    assert [s.follow_up for s in en.sections[:8]] == [FOLLOW_UP_EN] * 8
    assert en.section(9).follow_up.startswith("What can be done to score higher")
    assert "mediating instance" in en.section(4).title.lower()
    assert en.scale(4).label == "Mediating instances"
    assert en.term("mediators") == "Mediating instances"
    assert en.term("expected_effects") == "Expected effects (long-term)"
    assert en.term("expected_results") == "Expected result (short-term)"
    assert en.section(9).title == "Overall assessment"
    assert "gender mainstreaming" in en.scale(1).question
    assert en.scale(9).label == "Overall assessment"
    assert en.section(2).question(2).text.startswith("Do last year's expected effects")
    assert [s.label for s in en.scales] == [
        "Starting point",
        "Effects",
        "Results",
        "Mediating instances",
        "Activities",
        "Resources",
        "Structure",
        "Process",
        "Overall assessment",
    ]
    assert all(s.question.startswith("To what extent") for s in en.scales)
    assert all(s.assessment_question.startswith("To what extent") for s in en.sections)


def test_english_level_items() -> None:
    assert load_guide("en").section(8).question(9).items == (
        "At individual level",
        "At group level",
        "At organisational level",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_term_falls_back_to_the_key(language: str) -> None:
    assert load_guide(language).term("no_such_term") == "no_such_term"


def test_terms_cover_every_status_and_gender() -> None:
    from lardesk.method.logic import STATUSES
    from lardesk.method.people import Gender

    for language in LANGUAGES:
        guide = load_guide(language)
        for statuses in STATUSES.values():
            for status in statuses:
                assert status in guide.terms, (language, status)
        for gender in Gender:
            assert gender.value in guide.terms, (language, gender)


# -- parse_guide rejects malformed data -----------------------------------------------------------------------


def _valid() -> dict[str, Any]:
    return copy.deepcopy(_raw("sv"))


def test_parse_guide_accepts_the_shipped_data() -> None:
    assert parse_guide(_valid()) == load_guide("sv")


def _drop_language(d: dict[str, Any]) -> None:
    del d["language"]


def _empty_title(d: dict[str, Any]) -> None:
    d["title"] = ""


def _sections_not_a_list(d: dict[str, Any]) -> None:
    d["sections"] = {"1": d["sections"][0]}


def _eight_sections(d: dict[str, Any]) -> None:
    d["sections"].pop()


def _sections_out_of_order(d: dict[str, Any]) -> None:
    d["sections"][0], d["sections"][1] = d["sections"][1], d["sections"][0]


def _question_without_text(d: dict[str, Any]) -> None:
    del d["sections"][2]["questions"][3]["text"]


def _question_text_not_a_string(d: dict[str, Any]) -> None:
    d["sections"][0]["questions"][0]["text"] = 42


def _no_assessment(d: dict[str, Any]) -> None:
    del d["sections"][4]["assessment"]


def _no_assessment_question(d: dict[str, Any]) -> None:
    del d["sections"][8]["assessment"]["question"]


def _no_follow_up(d: dict[str, Any]) -> None:
    del d["sections"][5]["follow_up"]


def _no_short_title(d: dict[str, Any]) -> None:
    d["sections"][6]["short_title"] = ""


def _ten_scales(d: dict[str, Any]) -> None:
    d["scales"].append({"label": "Extra", "question": "?"})


def _no_scales(d: dict[str, Any]) -> None:
    del d["scales"]


def _scale_without_label(d: dict[str, Any]) -> None:
    d["scales"][3]["label"] = ""


def _no_scale_ends(d: dict[str, Any]) -> None:
    del d["scale_ends"]


def _no_high_end(d: dict[str, Any]) -> None:
    del d["scale_ends"]["high"]


def _part_without_number(d: dict[str, Any]) -> None:
    del d["parts"][0]["number"]


def _part_without_title(d: dict[str, Any]) -> None:
    del d["parts"][1]["title"]


def _group_without_id(d: dict[str, Any]) -> None:
    del d["sections"][6]["groups"][0]["id"]


def _section_not_an_object(d: dict[str, Any]) -> None:
    d["sections"][3] = "Förmedlande instanser"


def _question_not_an_object(d: dict[str, Any]) -> None:
    d["sections"][0]["questions"][1] = "Finns det ett specifikt problem?"


MALFORMATIONS = [
    _drop_language,
    _empty_title,
    _sections_not_a_list,
    _eight_sections,
    _sections_out_of_order,
    _question_without_text,
    _question_text_not_a_string,
    _no_assessment,
    _no_assessment_question,
    _no_follow_up,
    _no_short_title,
    _ten_scales,
    _no_scales,
    _scale_without_label,
    _no_scale_ends,
    _no_high_end,
    _part_without_number,
    _part_without_title,
    _group_without_id,
    _section_not_an_object,
    _question_not_an_object,
]


@pytest.mark.parametrize("break_it", MALFORMATIONS, ids=[f.__name__.lstrip("_") for f in MALFORMATIONS])
def test_parse_guide_rejects_malformed_data(break_it: Any) -> None:
    data = _valid()
    break_it(data)
    with pytest.raises(GuideError):
        parse_guide(data)


def test_parse_guide_error_names_the_place() -> None:
    data = _valid()
    data["sections"][2]["questions"][3]["text"] = ""
    with pytest.raises(GuideError, match="section 3 question 4"):
        parse_guide(data)


def test_guide_error_is_a_value_error() -> None:
    assert issubclass(GuideError, ValueError)


def test_guide_files_are_valid_utf8_json() -> None:
    for language in LANGUAGES:
        path = guide_path(language)
        assert path.name == f"{language}.json"
        data = json.loads(path.read_bytes().decode("utf-8"))
        assert data["language"] == language


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b'{"language": "sv"}', b"[]"])
def test_load_guide_turns_a_broken_file_into_a_guide_error(
    content: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "sv.json"
    broken.write_bytes(content)
    monkeypatch.setattr(guide_module, "guide_path", lambda language: broken)
    with pytest.raises(GuideError):
        load_guide.__wrapped__("sv")  # past the cache, which holds the good guide
