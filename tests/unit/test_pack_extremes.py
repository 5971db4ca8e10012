"""Values at the edges: a pack that validates never breaks anything.

Every field of every fact kind (enumerated from ``quiz.facts.KINDS``) gets extreme
values; the pack is either refused with a FILE:LINE:COLUMN problem, or every command
that reads it works and every question it yields has two options that read apart.
"""

from __future__ import annotations

import random
import re
import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quiz import paths
from quiz.cli import main
from quiz.facts import KINDS, Award, Date, Number, Pack, PackInfo, Subject
from quiz.generators import generate_all
from quiz.generators.base import Unaskable, question
from quiz.generators.distractors import norm
from quiz.generators.index import PackIndex
from quiz.generators.truths import near_number
from quiz.generators.values import cert_rank, near_dates
from quiz.packs import check_pack, load_pack
from quiz.packs.specs import FACT_FIELDS

HEAD = "format: 1\npack: {id}\ntitle: Edges\nsubject: {{title: Song, artist: Someone}}\n"

#: One valid fact of each kind, as flow-mapping YAML entries; extremes replace entries.
BASE: dict[str, dict[str, str]] = {
    "attribute": {"id": "'a{n}'", "ask": "'Which label?'", "statement": "'On {value}.'",
                  "values": "[Atlantic]", "pool": "[Sony, Virgin, Island, Def Jam]"},
    "number": {"id": "'n{n}'", "ask": "'How many?'", "statement": "'It had {value}.'",
               "value": "15", "unit": "weeks"},
    "date": {"id": "'d{n}'", "ask": "'When?'", "statement": "'On {value}.'",
             "value": "'2016-05-24'"},
    "duration": {"id": "'t{n}'", "ask": "'How long?'", "statement": "'It lasts {value}.'",
                 "value": "'3:37'"},
    "chart": {"chart": "'Chart {n}'", "year": "2016", "position": "5"},
    "quote": {"text": "'Words {n}'", "speaker": "'Critic {n}'", "publication": "'Paper {n}'"},
    "credit": {"role": "'role {n}'", "people": "['Person {n}', Other]", "pool": "[Ann, Bo, Cy]"},
    "chronology": {"series": "Singles", "items": "[One, Two, Three, Four, Five]",
                   "current": "Three", "pool": "[Six, Seven]"},
    "award": {"organization": "'Show {n}'", "year": "2017", "award": "'Best {n}'"},
    "certification": {"region": "'Land {n}'", "level": "Platinum"},
}

DAYS = ["'9999-12-31'", "'0001-01-01'", "'0000'", "'1000-01-01'", "'2999-12-31'", "'1000'",
        "'2999'", "'1000-01'", "'0001-01'", "'2999-12'", "'2016-02-29'", "'2016-00'"]
LENGTHS = ["'0:00'", "'0:01'", "'999:59'", "'0:09'"]
LEVELS = ["'1" + "0" * 320 + " x Platinum'", "'0× Gold'", "'999× Diamond'", "'1000× Gold'",
          "Diamond", "Silver", "'9 x Platinum'", "'Nonuple Diamond'"]
# Texts fill every text field, so dates, lengths and levels meet their edges too.
TEXTS = [
    "''", "' '", "'0'", "'-5'", "'{value} {value}'", '"\\u200b"', '"Go\\u200bld"',
    "'" + "x" * 3000 + "'", '"\\e]0;title\\a"', "'Three'", *DAYS, *LENGTHS, *LEVELS,
]
#: Fields whose text has a form of its own: their edges are drawn more often.
FORMED = {("date", "value"): DAYS, ("duration", "value"): LENGTHS,
          ("certification", "level"): LEVELS}
WHOLE = ["0", "-1", "1", "2", "999", "1000", "2999", "3000", "9999", "10000", "10001",
         "2147483648", "9223372036854775808", "1" + "0" * 40, "1" + "0" * 5000,
         "-" + "9" * 30, "1_000", "0x10", "190:20:30"]
FIGURES = [*WHOLE, "0.0", "-0.0", "1.0e-20", "1.0e-6", "1.0e-7", "1.7e+308", "-1.7e+308",
           "5.0e-324", "0.1", "0.30000000000000004", "3.35", "1.0e+15", "1.0e+16",
           "999999999999999.9", "1" + "0" * 400 + ".0", ".inf", ".nan", "1000000000000000"]
LISTS = ["[]", "['']", "['a', 'A', ' a ']", '["\\u200b", "x"]', "[Three]",
         "[" + ", ".join(f"v{i}" for i in range(60)) + "]", "lone"]
ITEMS = ["[]", "[{title: A, year: 0}, {title: B, year: 9999}]", "[Three]",
         "[{title: Two, year: 1000}, {title: Three, year: 2999}, {title: Four}]",
         "[One, Three, {title: Five, year: 2016}, Six]"]
BY_TYPE: dict[str, list[str]] = {
    "text": TEXTS, "int": WHOLE, "number": FIGURES, "bool": ["true", "false", "yes"],
    "texts": LISTS, "pool": LISTS, "items": ITEMS,
}
LOCATED = re.compile(r"P:([0-9]+):([0-9]+): \S")


def test_every_kind_has_a_base_fact():
    assert set(BASE) == set(KINDS)


def extremes(kind: str) -> st.SearchStrategy[dict[str, str]]:
    """Some of a kind's fields set to extreme values of their type."""
    choices = []
    for name, field in FACT_FIELDS[kind].items():
        if name == "kind":
            continue
        if field.type == "enum":
            values = [*field.choices, "null"]
        else:
            values = FORMED.get((kind, name), BY_TYPE[field.type]) + ["null"]
        choices.append(st.tuples(st.just(name), st.sampled_from(values)))
    return st.lists(st.one_of(choices), min_size=1, max_size=2).map(dict)


@st.composite
def edge_packs(draw) -> tuple[str, str]:
    kind = draw(st.sampled_from(sorted(KINDS)))
    lines = []
    for n in range(draw(st.integers(1, 2))):
        entries = {**BASE[kind], **draw(extremes(kind))}
        lines.append(_fact(kind, entries, n))
    # Every other kind's normal facts, which must keep working whatever happens.
    lines += [_fact(other, BASE[other], 9) for other in KINDS]
    return kind, "facts:\n" + "".join(lines)


def _fact(kind: str, entries: dict[str, str], n: int) -> str:
    body = ", ".join(f"{name}: {value.replace('{n}', str(n))}" for name, value in entries.items())
    return f"  - {{kind: {kind}, {body}}}\n"


def assert_readable(questions):
    from quiz.grading import grade, normalise

    for q in questions:
        shown = [norm(option) for option in q.options]
        assert len(set(shown)) == len(shown) and all(shown), q
        if q.type == "number":
            # Typed within a range that holds the answer, and the answer earns full points.
            assert not shown and q.low < q.high and q.low <= q.number <= q.high, q
            assert grade(q, q.number) == 1.0, q
            continue
        if q.type == "text":
            assert not shown and normalise(q.text) and grade(q, q.text) == 1.0, q
            continue
        if q.type == "order":
            assert 3 <= len(shown) <= 5 and sorted(q.order) == list(range(len(shown))), q
            continue
        assert len(shown) >= 2
        assert 0 <= q.answer < len(q.options)


def run_cli(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(case=edge_packs())
def test_an_extreme_pack_is_refused_at_a_place_or_works_everywhere(case, tmp_path, monkeypatch,
                                                                   capsys):
    kind, body = case
    # One home for every example: the built-in pack is parsed once, not per example.
    monkeypatch.setenv("WDTA_QUIZ_HOME", str(tmp_path / "home"))
    pack_id = "edge-" + kind
    source = tmp_path / f"{pack_id}-{uuid.uuid4().hex}.yaml"
    source.write_text(HEAD.format(id=pack_id) + body, encoding="utf-8")
    pack, problems = check_pack(source)
    errors = [str(p).replace(str(source), "P") for p in problems if p.severity == "error"]
    for error in errors:
        where = LOCATED.match(error)
        assert where and int(where[1]) >= 1 and int(where[2]) >= 1, error
    assert (pack is None) == bool(errors)
    event("refused" if errors else "valid")
    installed = paths.user_packs_dir() / f"{pack_id}.yaml"
    installed.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, installed)
    try:
        _every_command_works(capsys, pack_id, pack, source)
    finally:
        installed.unlink()


def _every_command_works(capsys, pack_id, pack, source):
    # A refused pack is listed as invalid; everything else goes on without it.
    listing = run_cli(capsys, "packs", "list")
    assert pack_id in listing or "INVALID" in listing
    shown = run_cli(capsys, "questions", "--all", "--seed", "1", "--format", "json")
    assert '"pack": "wdta"' in shown
    if pack is None:
        return
    loaded = load_pack(source)
    for seed in range(3):
        assert_readable(generate_all([loaded], random.Random(seed)))
    assert f'"pack": "{pack_id}"' in shown or not generate_all([loaded], random.Random(1))
    run_cli(capsys, "packs", "export", pack_id, "--to", "csv")
    # Drawn as a game draws them (quiz.selection), from this pack alone.
    run_cli(capsys, "questions", "--pack", pack_id, "--count", "10", "--seed", "2")


def edge_values(kind: str) -> list[tuple[str, str]]:
    """Every (field, extreme value) of a kind's fields."""
    made = []
    for name, field in FACT_FIELDS[kind].items():
        if name != "kind":
            values = [*field.choices, "null"] if field.type == "enum" else BY_TYPE[field.type]
            made += [(name, value) for value in values]
    return made


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_extreme_of_every_field_is_refused_at_a_place_or_asked_well(tmp_path, kind):
    for n, (name, value) in enumerate(edge_values(kind)):
        path = tmp_path / f"edge-{n}.yaml"
        facts = _fact(kind, BASE[kind], 1) + _fact(kind, {**BASE[kind], name: value}, 2)
        path.write_text(HEAD.format(id="edge") + "facts:\n" + facts, encoding="utf-8")
        pack, problems = check_pack(path)
        errors = [str(p).replace(str(path), "P") for p in problems if p.severity == "error"]
        assert all(LOCATED.match(error) for error in errors), errors
        if pack is not None:
            for seed in range(3):
                assert_readable(generate_all([pack], random.Random(seed)))


# -- the reproductions: each passed `packs validate` and then crashed or misled ----------


def refused(tmp_path: Path, facts: str) -> list[str]:
    path = tmp_path / "edge.yaml"
    path.write_text(HEAD.format(id="edge") + "facts:\n" + facts, encoding="utf-8")
    pack, problems = check_pack(path)
    assert pack is None
    return [str(p).replace(str(path), "P") for p in problems if p.severity == "error"]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_date_outside_the_years_is_refused_at_its_value(tmp_path, day):
    fact = f"  - {{kind: date, id: d, ask: When?, statement: 'On {{value}}.', value: {day}}}\n"
    assert refused(tmp_path, fact) == [
        f"P:6:70: the year of '{day}' must be between 1000 and 2999"
    ]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "0000-01-01", "2016-13-01"])
def test_dates_around_any_date_never_crash_or_leave_the_years(day):
    below, above = near_dates(day)
    assert below == above == []
    below, above = near_dates("1000-01-01")
    assert below == [] and all(d.endswith(", 1000") for d in above)
    assert near_dates("2999")[1] == [] and near_dates("1000-03")[0] == ["February 1000",
                                                                          "January 1000"]


def test_a_figure_of_thousands_of_digits_is_refused_at_its_value(tmp_path):
    fact = "  - {kind: number, id: n, ask: How many?, value: 1" + "0" * 4000 + "}\n"
    (error,) = refused(tmp_path, fact)
    assert error.startswith("P:6:50: 'value' is too large a number: '1000")


def test_an_about_figure_near_the_float_limit_is_refused_at_its_value(tmp_path):
    fact = "  - {kind: number, id: n, ask: How many?, value: 1.7e+308, qualifier: about}\n"
    assert refused(tmp_path, fact) == [
        "P:6:50: 'value' must be between -1,000,000,000,000,000 and 1,000,000,000,000,000,"
        " not '1.7e+308'"
    ]


def test_numbers_the_rules_refuse_have_no_wrong_options_and_no_crash():
    for value in (1.7e308, 10**4000):
        fact = Number(id="n", category="Numbers", source="", ask="How many?",
                      statement="About {value}.", value=value, qualifier="about")
        assert near_number(fact) == ([], [])
        assert generate_all([_pack(fact)], random.Random(0)) == []


def test_a_huge_certification_multiple_is_refused_and_never_ranked(tmp_path):
    level = "1" + "0" * 320 + " x Platinum"
    fact = f"  - {{kind: certification, region: Canada, level: '{level}'}}\n"
    assert refused(tmp_path, fact) == [
        "P:6:50: a level's multiple must be between 1 and 999, not 100000000000…"
    ]
    assert cert_rank(level) is None and cert_rank("0× Gold") is None
    assert cert_rank("999× Diamond") == 9990


def test_a_step_below_float_precision_is_refused(tmp_path):
    fact = "  - {kind: number, id: n, ask: How many?, value: 5.0, step: 1.0e-17}\n"
    assert refused(tmp_path, fact) == [
        "P:6:61: 'step' 1e-17 has more than 6 decimals: options show at most 6"
    ]
    fact = "  - {kind: number, id: n, ask: How many?, value: 1000000000.0, step: 0.000001}\n"
    assert refused(tmp_path, fact) == [
        "P:6:70: 'step' 1e-06 is too fine for 1000000000.0: options would need more than 15"
        " significant digits and print alike"
    ]


def test_a_step_below_float_precision_never_makes_a_one_option_question():
    fact = Number(id="n", category="Numbers", source="", ask="How many?", value=5,
                  step=1e-20, low=4, high=6)
    assert_readable(generate_all([_pack(fact)], random.Random(0)))
    # Options that print alike are one option: the question needs three that do not.
    fact = Number(id="n", category="Numbers", source="", ask="How many?", value=5.0,
                  step=0.3, low=4, high=6)
    below, above = near_number(fact)
    printed = [f"{v:.1f}" for v in below + above]
    assert len(set(printed)) == len(printed) and "5.0" not in printed


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ("  - {kind: chart, chart: X, year: 0, position: 3}\n",
         "P:6:35: 'year' must be between 1000 and 2999, not '0'"),
        ("  - {kind: date, id: d, ask: When?, value: 0001-12}\n",
         "P:6:44: the year of '0001-12' must be between 1000 and 2999"),
        ("  - {kind: number, id: n, ask: Which?, value: -5, ordinal: true}\n",
         "P:6:47: an ordinal must be a whole number of at least 1, not -5"),
        ("  - {kind: award, organization: O, year: -5, award: Best}\n",
         "P:6:42: 'year' must be between 1000 and 2999, not '-5'"),
        ("  - {kind: chart, chart: X, year: 2016, position: 0}\n",
         "P:6:51: 'position' must be between 1 and 10,000, not '0'"),
        ("  - {kind: number, id: n, ask: How many?, value: 3.35}\n",
         "P:6:50: 'value' 3.35 has more decimals than 'step' 1 shows: give a 'step' as fine"
         " as the value"),
        ("  - {kind: duration, id: t, ask: How long?, value: '0:00'}\n",
         "P:6:52: a length of 0:00 cannot be asked about"),
    ],
)
def test_odd_values_players_would_read_are_refused(tmp_path, facts, expected):
    assert refused(tmp_path, facts) == [expected]


def test_an_ordinal_never_offers_zeroth_or_negative_places():
    fact = Number(id="n", category="Numbers", source="", ask="Which?", statement="The {value}.",
                  value=2, ordinal=True, low=-3, high=6)
    for seed in range(20):
        for q in generate_all([_pack(fact)], random.Random(seed)):
            assert not any(o.startswith(("0", "-")) for o in q.options), q


def test_a_category_listed_every_year_around_asks_no_year():
    awards = [Award(id=f"a{y}", category="Awards", source="", organization="Show", year=y,
                    award="Best") for y in range(2010, 2021)]
    questions = generate_all([_pack(*awards)], random.Random(0))
    assert_readable(questions)
    asked = {q.fact for q in questions if q.kind == "award-year"}
    # The year is typed: a category the show listed in eleven years has eleven right
    # years, so none is asked.
    assert asked == set()


def test_a_question_whose_options_read_alike_is_never_built():
    slot = PackIndex(_pack()).ctx.slot(
        Date(id="d", category="Dates", source="", value="2016"), "date", lambda s, r: None)
    with pytest.raises(Unaskable):
        question(slot, difficulty="easy", prompt="?", answer="Gold", wrong=["GOLD", "Go\u200bld"],
                 rng=random.Random(0), explanation="")
    made = question(slot, difficulty="easy", prompt="?", answer="Gold",
                    wrong=["gold", "Silver", "Silver "], rng=random.Random(0), explanation="")
    assert sorted(made.options) == ["Gold", "Silver"]


def test_one_bad_pack_stops_no_other_pack_or_command(tmp_path, capsys):
    folder = paths.user_packs_dir()
    folder.mkdir(parents=True)
    good = "  - {kind: date, id: d, ask: When?, statement: 'On {value}.', value: 2016-05-24}\n"
    bad = "  - {kind: date, id: d, ask: When?, statement: 'On {value}.', value: 9999-12-31}\n"
    (folder / "good.yaml").write_text(HEAD.format(id="good") + "facts:\n" + good, "utf-8")
    (folder / "bad.yaml").write_text(HEAD.format(id="bad") + "facts:\n" + good + bad, "utf-8")
    listing = run_cli(capsys, "packs", "list")
    assert "INVALID" in listing and "good" in listing
    assert main(["questions", "--all", "--seed", "1"]) == 0
    captured = capsys.readouterr()
    assert "bad.yaml:7:70: the year of '9999-12-31'" in captured.err
    assert "good:d:date" in captured.out and "wdta:" in captured.out
    assert "May 24, 2016" in run_cli(capsys, "packs", "export", "good", "--to", "csv")


def _pack(*facts) -> Pack:
    return Pack(info=PackInfo(id="t", title="T"), subject=Subject("Song", "Artist"),
                facts=tuple(facts))
