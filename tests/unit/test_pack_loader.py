"""Loading and validating packs: the dataclasses built, and every problem with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.facts import (
    Attribute,
    Award,
    ChartEntry,
    Chronology,
    ChronologyItem,
    Date,
    Duration,
    HandQuestion,
    Number,
)
from quiz.packs import PackError, Problem, check_pack, load_pack

DATA = Path(__file__).parent / "packs_data"
HEAD = "format: 1\npack: t\ntitle: T\n"


def errors_of(tmp_path: Path, text: str) -> list[str]:
    """The error lines load_pack reports for ``text``, with the file name shortened to P."""
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert all(p.path == str(path) for p in info.value.problems)
    return [str(p).replace(str(path), "P") for p in info.value.problems]


def problems_of(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    _pack, problems = check_pack(path)
    return [(p.severity, str(p).replace(str(path), "P")) for p in problems]


def test_good_pack_builds_the_dataclasses():
    pack = load_pack(DATA / "good.yaml")
    assert pack.id == "sample" and pack.info.version == "1.0"
    assert pack.info.description == "A pack used by the tests.\nTwo lines."
    assert pack.subject.artist == "Charlie Puth featuring Selena Gomez"
    kinds = {type(f) for f in pack.facts}
    assert len(kinds) == 10
    label = pack.facts[0]
    assert label == Attribute(
        id="label",
        category="Song facts",
        source="infobox",
        ask="Which record label released the song?",
        statement="The song was released on the {value} label.",
        values=("Atlantic",),
        pool=("Columbia", "Interscope", "Republic"),
    )
    by_type = {type(f): f for f in pack.facts}
    assert by_type[ChartEntry].id == "chart-weekly-2016-france-snep"
    assert by_type[ChartEntry].position == 8 and by_type[ChartEntry].size == 200
    awards = [f for f in pack.facts if isinstance(f, Award)]
    assert awards[0].id == "award-radio-disney-music-awards-2017-best-breakup-song"
    assert awards[0].result is None
    assert by_type[Date].value == "2016-05-24" and by_type[Date].precision == "day"
    assert by_type[Duration].value == "3:37"
    assert by_type[Number].value == 15 and by_type[Number].qualifier == "about"
    assert by_type[Chronology].items[2] == ChronologyItem("Dangerously")
    assert by_type[Chronology].pool == ("Attention", "Marvin Gaye")
    first, second = pack.questions
    assert first == HandQuestion(
        id="vma-lost-to",
        prompt="At the 2017 MTV VMAs, which video won Best Collaboration over the official video?",
        answer="I Don't Wanna Live Forever",
        wrong=("Closer", "Side to Side", "Cold Water"),
        category="Music videos",
        difficulty="hard",
        explanation="Taylor Swift and Zayn won.\nIt was 2017.",
        source="accolades",
    )
    # Markup-like text is valid and kept literally; the id is a slug of the prompt.
    assert second.prompt == "Which label? [bold]markup[/bold]"
    assert second.id == "which-label-bold-markup-bold" and second.pool == "labels"
    assert pack.origin == "file" and pack.path == str(DATA / "good.yaml")
    assert check_pack(DATA / "good.yaml")[1] == []


def test_problem_str_and_error_str():
    problem = Problem("a.yaml", 3, 7, "oops")
    assert str(problem) == "a.yaml:3:7: oops" and problem.severity == "error"
    error = PackError("a.yaml", [problem, Problem("a.yaml", 4, 1, "again")])
    assert str(error) == "a.yaml:3:7: oops\na.yaml:4:1: again"


def test_every_problem_is_reported_at_once(tmp_path):
    text = (
        "format: 2\n"
        "pack: Bad_Id\n"
        "title: T\n"
        "facts:\n"
        "  - kind: chart\n"
        "    chart: X\n"
        "    year: 2016\n"
        "    position: 250\n"
        "  - kind: date\n"
        "    id: d\n"
        "    ask: When?\n"
        "    value: 2016-02-30\n"
        "  - kind: duration\n"
        "    id: len\n"
        "    ask: How long?\n"
        "    value: '3:7'\n"
        "  - kind: chronology\n"
        "    series: S\n"
        "    items: [A, B]\n"
        "    current: C\n"
        "  - kind: awrd\n"
        "questions:\n"
        "  - promt: Who?\n"
        "    answer: Me\n"
        "    wrong: [You, Me]\n"
        "    difficulty: hardd\n"
        "  - prompt: Which?\n"
        "    answer: A\n"
        "    answer: B\n"
        "  - prompt: Pool?\n"
        "    answer: A\n"
        "    pool: nope\n"
        "  - prompt: Year?\n"
        "    answer: 1\n"
        "    wrong: [2]\n"
        "    category: [x]\n"
    )
    assert errors_of(tmp_path, text) == [
        "P:1:9: unsupported format 2: this version reads format 1",
        "P:2:7: bad pack id 'Bad_Id': use 1-40 lower-case letters, digits and '-',"
        " starting with a letter or digit",
        "P:5:5: chart position 250 is outside 1..100",
        "P:9:5: bad date '2016-02-30': no such day",
        "P:13:5: bad duration '3:7': write minutes:seconds, e.g. 3:37",
        "P:17:5: chronology 'current' 'C' is not among its items",
        "P:21:11: unknown kind 'awrd' (did you mean 'award'?)",
        "P:23:5: unknown key 'promt' (did you mean 'prompt'?)",
        "P:23:5: a question is missing the required key 'prompt'",
        "P:25:18: the answer 'Me' is also listed as a wrong option",
        "P:26:17: 'difficulty' must be one of easy, medium, hard, not 'hardd'"
        " (did you mean 'hard'?)",
        "P:27:5: a question needs 'wrong' options or a 'pool' to draw them from",
        "P:29:5: duplicate key 'answer' on lines 28 and 29",
        "P:32:11: unknown pool 'nope'",
        "P:36:15: 'category' must be text, not a list",
    ]


def test_wrong_types_and_missing_fields(tmp_path):
    text = (
        "format: '1'\n"
        "title: [T]\n"
        "facts:\n"
        "  - kind: number\n"
        "    id: n\n"
        "    ask: How many?\n"
        "    value: lots\n"
        "    ordinal: maybe\n"
        "  - kind: attribute\n"
        "    values: [A]\n"
        "  - kind: chart\n"
        "    chart: C\n"
        "    year: '2016'\n"
        "  - kind: credit\n"
        "    role: director\n"
        "    people: {a: b}\n"
        "  - just text\n"
        "questions: {a: b}\n"
    )
    assert errors_of(tmp_path, text) == [
        "P:1:1: a pack is missing the required key 'pack'",
        "P:1:9: 'format' must be a whole number, not the quoted text '1'",
        "P:2:8: 'title' must be text, not a list",
        "P:7:12: 'value' must be a number, not 'lots'",
        "P:8:14: 'ordinal' must be true or false, not 'maybe'",
        "P:9:5: a attribute fact is missing the required key 'id'",
        "P:9:5: a attribute fact needs 'ask' or 'statement'",
        "P:13:11: 'year' must be a whole number, not the quoted text '2016'",
        "P:16:13: 'people' must be a list of text, not a mapping",
        "P:17:5: a fact must be a mapping with a 'kind' key",
        "P:18:12: 'questions' must be a list, not a mapping",
    ]


def test_duplicate_ids_and_pools(tmp_path):
    text = HEAD + (
        "pools:\n"
        "  p: [a, b]\n"
        "  p: [c]\n"
        "facts:\n"
        "  - {kind: date, id: d, ask: When?, value: 2016}\n"
        "  - {kind: date, id: d, ask: When?, value: 2017}\n"
        "questions:\n"
        "  - {id: q, prompt: A?, answer: a, wrong: [b]}\n"
        "  - {id: q, prompt: B?, answer: a, wrong: [b]}\n"
    )
    assert errors_of(tmp_path, text) == [
        "P:6:3: duplicate pool 'p' (first on line 5)",
        "P:9:5: duplicate fact id 'd'",
        "P:12:5: duplicate question id 'q' (first on line 11)",
    ]


def test_repeated_wrong_option_is_dropped_with_a_warning(tmp_path):
    text = HEAD + "questions:\n  - {prompt: A?, answer: a, wrong: [b, c, B]}\n"
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_pack(path).questions[0].wrong == ("b", "c")
    assert problems_of(tmp_path, text) == [
        ("warning", "P:5:43: 'B' is listed twice in 'wrong'; the repeat is dropped")
    ]


def test_unquoted_scalars_keep_their_text(tmp_path):
    text = HEAD + (
        "facts:\n"
        "  - {kind: date, id: d, ask: When?, value: 2016-05}\n"
        "  - {kind: attribute, id: a, ask: Which?, values: [No, 1.10, 2016-05-24, null]}\n"
        "  - {kind: number, id: n, ask: How many?, value: 3.3, step: 0.1, low: 1, high: 5}\n"
        "questions:\n"
        "  - {prompt: Year?, answer: 2016, wrong: [2015, 2017], explanation: ~}\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    pack = load_pack(path)
    date, attribute, number = pack.facts
    assert date.value == "2016-05" and date.precision == "month"
    assert attribute.values == ("No", "1.10", "2016-05-24", "null")
    assert number.value == 3.3 and number.step == 0.1
    assert pack.questions[0].answer == "2016" and pack.questions[0].explanation == ""


def test_derived_ids_are_stable_and_unique(tmp_path):
    text = HEAD + (
        "facts:\n"
        "  - {kind: chart, chart: UK Singles (OCC), type: year-end, year: 2016, position: 12}\n"
        "  - {kind: certification, region: Canada, level: Diamond}\n"
        "  - {kind: certification, region: Canada, level: Diamond}\n"
        "  - {kind: credit, role: songwriter, people: [A, B]}\n"
        "questions:\n"
        "  - {prompt: Who wrote it?, answer: A, wrong: [C]}\n"
        "  - {prompt: Who wrote it?, answer: B, wrong: [C]}\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    pack = load_pack(path)
    assert [f.id for f in pack.facts] == [
        "chart-year-end-2016-uk-singles-occ",
        "certification-canada-diamond",
        "certification-canada-diamond-2",
        "credit-songwriter",
    ]
    assert [q.id for q in pack.questions] == ["who-wrote-it", "who-wrote-it-2"]


def test_text_is_cleaned_and_markup_kept(tmp_path):
    text = HEAD + (
        "questions:\n"
        '  - prompt: "Copy \\e]52;c;ZXZpbA==\\a this \\e[31mred\\e[0m [@click=app.quit]x[/]"\n'
        '    answer: "a\\x07b"\n'
        "    wrong: [c]\n"
        '    explanation: "line one\\nline two\\u202e"\n'
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    question = load_pack(path).questions[0]
    assert question.prompt == "Copy  this red [@click=app.quit]x[/]"
    assert question.answer == "ab"
    assert question.explanation == "line one\nline two"


def test_origin_is_set(tmp_path):
    pack = load_pack(DATA / "good.yaml", origin="user")
    assert pack.origin == "user"
