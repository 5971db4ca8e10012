"""Hand-written questions of every type: what a pack may write, the errors at their
lines, the cache, and a game played through with them."""

from __future__ import annotations

import dataclasses
import json
import random
import re
import shutil
import typing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank import CatalogBank
from quiz.cli import main
from quiz.facts import AnswerType, HandQuestion
from quiz.game import Phase
from quiz.game_setup import GameSetup
from quiz.grading import grade
from quiz.packs import cache as pack_cache
from quiz.packs import check_pack, load_pack
from quiz.packs.cache_codec import BadEntry, decode, encode
from quiz.packs.specs import QUESTION_FIELDS
from quiz.question import QUESTION_TYPES, Question
from quiz.selection import choose
from quiz.session import Accepted, Answer, Dealer

KINDS = Path(__file__).parent / "packs_data" / "kinds.yaml"
HEAD = "format: 1\npack: t\ntitle: T\nquestions:\n"


def built(seed: int = 0) -> dict[str, Question]:
    """Every question of the kinds pack, by item id, as a game would deal it."""
    pack = load_pack(KINDS)
    made = choose([pack], 100, random.Random(seed), only_ids={
        f"kinds:q:{q.id}" for q in pack.questions})  # fmt: skip
    # Two questions spoil each other (minutes reveals year): deal each on its own too.
    for qid in ("kinds:q:year", "kinds:q:minutes"):
        made += choose([pack], 1, random.Random(seed), only_ids={qid})
    return {q.id.split(":")[-1]: q for q in made}


def problems_of(tmp_path: Path, questions: str) -> list[str]:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + questions, encoding="utf-8")
    _pack, problems = check_pack(path)
    return [str(p).replace(str(path), "P") for p in problems]


# -- what a pack may write -------------------------------------------------------------


def test_every_type_loads_with_its_keys():
    pack = load_pack(KINDS)
    by_id = {q.id: q for q in pack.questions}
    assert by_id["label"].type == "choice" and by_id["label"].pool == "labels"
    assert by_id["duet"] == HandQuestion(id="duet", prompt="True or false: the single is a duet.",
                                         answer="True", category="Release", type="truefalse")
    assert by_id["teasers"].items == ("First teaser", "Second teaser", "The single", "Live video")
    assert by_id["teasers"].answer == ""
    year = by_id["year"]
    assert (year.type, year.answer, year.low, year.high, year.unit) == (
        "number", "2016", 2010, 2030, "")
    assert (by_id["minutes"].answer, by_id["minutes"].unit) == ("3.5", "minutes")
    city = by_id["city"]
    assert (city.type, city.answer, city.accept, city.wrong) == (
        "text", "Porto Alegre", ("POA", "Porto Alegre, Brazil"), ("Porto",))


def test_a_pack_names_the_same_types_as_the_game():
    assert typing.get_args(AnswerType) == QUESTION_TYPES
    assert QUESTION_FIELDS["type"].choices == QUESTION_TYPES


def test_a_pack_of_every_type_validates_without_warnings():
    pack, problems = check_pack(KINDS)
    assert pack is not None and problems == []


def test_each_type_becomes_a_question_of_that_type():
    questions = built()
    assert {q.type for q in questions.values()} == {"choice", "truefalse", "order", "number",
                                                   "text"}  # fmt: skip
    duet = questions["duet"]
    assert (duet.options, duet.answer, duet.correct) == (("True", "False"), 0, "True")
    year = questions["year"]
    assert (year.number, year.low, year.high, year.options) == (2016, 2010, 2030, ())
    assert year.to_dict()["answer"] == 2016 and "unit" not in year.to_dict()
    minutes = questions["minutes"].to_dict()
    assert (minutes["answer"], minutes["low"], minutes["high"], minutes["unit"]) == (
        3.5, 1, 10, "minutes")
    city = questions["city"]
    assert (city.text, city.accept, city.reject) == (
        "Porto Alegre", ("POA", "Porto Alegre, Brazil"), ("Porto",))
    assert city.to_dict()["answer"] == "Porto Alegre"
    assert city.to_dict()["accept"] == ["POA", "Porto Alegre, Brazil"]
    assert questions["teasers"].explanation == (
        "The two teasers came first, then the single, then the live video.")


@pytest.mark.parametrize("seed", range(40))
def test_order_items_are_shown_shuffled_and_never_already_in_order(seed):
    teasers = built(seed)["teasers"]
    items = ["First teaser", "Second teaser", "The single", "Live video"]
    assert sorted(teasers.options) == sorted(items)
    assert list(teasers.options) != items
    assert [teasers.options[i] for i in teasers.order] == items
    assert teasers.to_dict()["answer"] == list(teasers.order)
    assert teasers.correct == " → ".join(items)


def test_order_shuffles_spread_over_every_arrangement():
    seen = {built(seed)["teasers"].options for seed in range(200)}
    assert len(seen) == 23  # 4! arrangements, less the right one


def test_typed_answers_are_graded_forgivingly_never_as_a_rejected_value():
    questions = built()
    city, year, teasers = questions["city"], questions["year"], questions["teasers"]
    assert grade(city, "porto alegre") == grade(city, "Porto Alegr") == grade(city, "poa") == 1.0
    assert grade(city, "Porto") == 0.0
    assert grade(year, 2016) == 1.0 and 0 < grade(year, 2017) < 1.0 and grade(year, 2020) == 0
    swapped = (teasers.order[1], teasers.order[0], *teasers.order[2:])
    assert grade(teasers, teasers.order) == 1.0 and grade(teasers, swapped) == 0.5


@pytest.mark.parametrize("seed", range(30))
def test_asks_and_reveals_keep_working_for_the_new_types(seed):
    pack = load_pack(KINDS)
    dealt = {q.id for q in choose([pack], 6, random.Random(seed))}
    assert len(dealt) == 5 and not {"kinds:q:year", "kinds:q:minutes"} <= dealt


# -- what a pack may not write, at its line and column ---------------------------------

BROKEN = [
    ("  - {prompt: A?, type: truefalse, answer: maybe}\n",
     "P:5:43: a truefalse question's 'answer' must be true or false, not 'maybe'"),
    ("  - {prompt: A?, type: truefalse, answer: true, wrong: [x]}\n",
     "P:5:56: 'wrong' is not used by a truefalse question (only choice and text questions "
     "use it)"),
    ("  - {prompt: A?, type: truefalse}\n",
     "P:5:5: a question is missing the required key 'answer'"),
    ("  - prompt: A?\n    type: order\n    items: [a, b]\n",
     "P:7:12: an order question puts 3 to 5 items in order, not 2"),
    ("  - {prompt: A?, type: order, items: [a, b, c, d, e, f]}\n",
     "P:5:38: an order question puts 3 to 5 items in order, not 6"),
    ("  - {prompt: A?, type: order}\n",
     "P:5:5: an order question needs 'items': 3 to 5, in the right order"),
    ("  - prompt: A?\n    type: order\n    items: [a, b, c]\n    answer: a\n",
     "P:8:13: 'answer' is not used by an order question (only choice, truefalse, number and "
     "text questions use it)"),
    ("  - prompt: A?\n    type: order\n    items:\n      - Side A\n      - B side\n"
     "      - side-a\n",
     "P:10:9: the item 'side-a' reads like 'Side A': a player cannot tell which goes where"),
    ("  - prompt: A?\n    type: number\n    answer: '2016'\n    low: 2000\n    high: 2030\n",
     "P:7:13: 'answer' must be a number, not the quoted text '2016'"),
    ("  - prompt: A?\n    type: number\n    answer: 120\n    low: 1\n    high: 100\n",
     "P:7:13: the answer 120 must lie between 'low' (1) and 'high' (100), both excluded"),
    ("  - prompt: A?\n    type: number\n    answer: 1\n    low: 1\n    high: 100\n",
     "P:7:13: the answer 1 must lie between 'low' (1) and 'high' (100), both excluded"),
    ("  - {prompt: A?, type: number, answer: 5}\n",
     "P:5:5: a number question needs 'low' and 'high': the range a player may type"),
    ("  - {prompt: A?, type: number, answer: .nan, low: 0, high: 9}\n",
     "P:5:40: 'answer' must be a number, not '.nan'"),
    ("  - {prompt: A?, type: number, answer: 5, low: -2000000000000000, high: 9}\n",
     "P:5:48: 'low' must be between -1,000,000,000,000,000 and 1,000,000,000,000,000, "
     "not '-2000000000000000'"),
    ("  - {prompt: A?, type: number, answer: 0.1234567, low: 0, high: 9}\n",
     "P:5:40: 'answer' has more than 6 decimals"),
    ("  - {prompt: A?, type: number, answer: 5, low: 0, high: 9, unit: m, items: [a, b, c]}\n",
     "P:5:76: 'items' is not used by a number question (only order questions use it)"),
    ("  - {prompt: A?, type: number, answer: 5, low: 0, high: 9, unit: " + "m" * 31 + "}\n",
     "P:5:66: 'unit' is over 30 characters: it is printed after the number"),
    ("  - {prompt: A?, type: text, answer: '!?'}\n",
     "P:5:38: '!?' has no letters or digits to type"),
    ("  - {prompt: A?, type: text, answer: " + "a" * 101 + "}\n",
     "P:5:38: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'... is over 100 characters: too long to type"),
    ("  - prompt: A?\n    type: text\n    answer: Paris\n    accept: [Paname, '...']\n",
     "P:8:22: '...' has no letters or digits to type"),
    ("  - prompt: A?\n    type: text\n    answer: Paris\n    accept: [Paname]\n"
     "    wrong: [Lyon, paname!]\n",
     "P:9:19: 'paname!' is listed in 'wrong' (never accepted) but is the answer or an "
     "accepted spelling"),
    ("  - {prompt: A?, type: text, answer: a, low: 1}\n",
     "P:5:46: 'low' is not used by a text question (only number questions use it)"),
    ("  - {prompt: A?, answer: a, wrong: [b], accept: [c]}\n",
     "P:5:49: 'accept' is not used by a choice question (only text questions use it)"),
    ("  - {prompt: A?, type: numbr, answer: 1}\n",
     "P:5:24: 'type' must be one of choice, truefalse, order, number, text, not 'numbr' "
     "(did you mean 'number'?)"),
]  # fmt: skip


@pytest.mark.parametrize(("questions", "message"), BROKEN)
def test_a_broken_question_is_reported_at_its_line_and_column(tmp_path, questions, message):
    assert problems_of(tmp_path, questions) == [message]


def test_every_problem_of_a_pack_is_reported_at_once(tmp_path):
    questions = "".join(questions for questions, _message in BROKEN[:3])
    assert len(problems_of(tmp_path, questions)) == 3


def test_yaml_true_false_and_text_true_false_both_read(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + "  - {prompt: A?, type: truefalse, answer: False}\n"
                    "  - {prompt: B?, type: truefalse, answer: 'TRUE'}\n", encoding="utf-8")
    assert [q.answer for q in load_pack(path).questions] == ["False", "True"]


def test_items_accepted_spellings_and_units_are_cleaned_like_all_pack_text(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + '  - {prompt: A?, type: order, items: ["\\e]52;c;x\\aOne", Two, '
                    'Three]}\n  - {prompt: B?, type: text, answer: "Yes\\e[2J", accept: ['
                    '"\\tYeah "]}\n  - {prompt: C?, type: number, answer: 2, low: 1, high: 9, '
                    'unit: "\\e[31mweeks"}\n', encoding="utf-8")  # fmt: skip
    order, text, number = load_pack(path).questions
    assert order.items == ("One", "Two", "Three")
    assert (text.answer, text.accept, number.unit) == ("Yes", ("Yeah",), "weeks")


def test_existing_choice_questions_read_as_before(tmp_path):
    assert problems_of(tmp_path, "  - {prompt: A?, answer: a}\n") == [
        "P:5:5: a question needs 'wrong' options or a 'pool' to draw them from"]
    assert problems_of(tmp_path, "  - {prompt: A?, wrong: [b]}\n") == [
        "P:5:5: a question is missing the required key 'answer'"]
    assert problems_of(tmp_path, "  - {prompt: A?, answer: '', wrong: [b]}\n") == [
        "P:5:26: 'answer' must not be empty"]


# -- the cache ---------------------------------------------------------------------------


def test_the_cache_round_trips_every_type(tmp_path):
    path = tmp_path / "kinds.yaml"
    shutil.copy(KINDS, path)
    pack = load_pack(path)
    data = path.read_bytes()
    pack_cache.put(str(path), data, pack, [])
    hit = pack_cache.get(str(path), data)
    assert hit is not None and hit[0] == pack
    assert load_pack(path) == pack


@pytest.mark.parametrize(("field", "value"), [
    ("items", ["a", "b"]),            # too few to order
    ("answer", "2016.0"),             # not how a number answer is stored
    ("low", 3000),                    # the answer outside the range
    ("type", "essay"),                # no such type
    ("accept", ["x"]),                # a key of another type
])  # fmt: skip
def test_a_cached_question_its_type_refuses_is_not_served(tmp_path, field, value):
    pack = load_pack(KINDS)
    payload = encode(pack, [])
    names = [f.name for f in dataclasses.fields(HandQuestion)]
    target = "teasers" if field == "items" else "year"
    row = next(row for row in payload[3] if row[0] == target)
    row[names.index(field)] = value
    with pytest.raises(BadEntry):
        decode(payload, str(KINDS))


# -- a game ------------------------------------------------------------------------------


def test_a_pack_of_every_type_plays_through_the_engine(tmp_path, builtin_dir):
    path = tmp_path / "kinds.yaml"
    shutil.copy(KINDS, path)
    saved: list[object] = []
    dealer = Dealer(CatalogBank([str(path)]), recorder=saved.append, clock=lambda: 0.0,
                    now=lambda: datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip
    session = dealer.deal(GameSetup(players=("Ana",), questions=5, timer=None, seed=4))
    fractions: dict[str, float] = {}
    while not session.over:
        game = session.game
        if session.phase is Phase.QUESTION:
            question = game.questions[game.step]
            response = half_right(question)
            result = session.submit(Answer(0, game.step, response))
            assert isinstance(result, Accepted)
            assert result.outcome.points.fraction == grade(question, response)
            fractions[question.type] = result.outcome.points.fraction
        else:
            session.advance()
    assert set(fractions) == {"choice", "truefalse", "order", "number", "text"}
    assert fractions["choice"] == fractions["truefalse"] == fractions["text"] == 1.0
    assert fractions["order"] == 0.5
    assert 0 < fractions["number"] < 1
    assert len(saved) == 1
    assert 0 < session.game.players[0].score


def half_right(question: Question) -> int | float | str | tuple[int, ...]:
    """A response that is right for picks and text (with a typo), and partly right
    for order (two items swapped) and number (one off)."""
    if question.type == "order":
        return (question.order[1], question.order[0], *question.order[2:])
    if question.type == "number":
        assert question.number is not None
        return question.number + 1
    if question.type == "text":
        return question.text.lower()[:-1]
    return question.answer


# -- the docs ----------------------------------------------------------------------------


def test_the_docs_examples_of_each_type_validate_and_print_as_documented(tmp_path, capsys):
    doc = (Path(__file__).resolve().parents[2] / "docs" / "packs.md").read_text("utf-8")
    section = doc[doc.index("#### Question types"):doc.index("#### No spoilers in a game")]
    examples = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(examples) == 5
    path = tmp_path / "extras.yaml"
    path.write_text("format: 1\npack: extras\ntitle: T\npools:\n  labels: [Columbia, "
                    "Interscope, Republic]\nquestions:\n" + "".join(examples), encoding="utf-8")
    pack, problems = check_pack(path)
    assert pack is not None and problems == []
    assert main(["questions", "--pack", str(path), "--all", "--seed", "1",
                 "--format", "json"]) == 0  # fmt: skip
    printed = {line["id"]: line for line in map(json.loads, capsys.readouterr().out.splitlines())}
    (shown,) = re.findall(r"```text\n(\{.*?)```", section, re.S)
    documented = [json.loads(line) for line in shown.splitlines()]
    assert [line["type"] for line in documented] == ["order", "number", "text"]
    for line in documented:
        assert {key: printed[line["id"]][key] for key in line} == line
