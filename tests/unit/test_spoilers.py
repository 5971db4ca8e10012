"""Issue 11, item 2: no question of a game gives away another's answer.

The oracle here is written from the pack's facts, not from ``Question.asks`` /
``reveals`` or :mod:`quiz.spoilers`: for each dealt question it works out, from the
fact object and the kind of question, which values the question asks (a category,
a year, a chart, a person...), and a game leaks when another dealt question's prompt,
right option or explanation holds one of them (whole words, case folded), when two
questions come from one fact, or when a hand-written item's ``asks``/``reveals``
lists name another dealt question's fact. A second check looks for any question's
right answer in another's texts. The simulation deals games of 5 to 50 questions
over many seeds with the game's own picker and expects 0 leaking games.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest

from quiz.facts import (
    Attribute,
    Award,
    Certification,
    ChartEntry,
    Credit,
    Date,
    Fact,
    HandQuestion,
    Pack,
    PackInfo,
    Quote,
)
from quiz.question import Question, hand_fact
from quiz.selection import choose

SEEDS = 300
LENGTHS = (5, 10, 15, 20, 30, 40, 50)
SPECIFIC = 4  # shorter answers ("3rd", "8") appear in unrelated texts by chance


@pytest.fixture(scope="module")
def builtin() -> Pack:
    from quiz.packs.loader import load_pack
    from quiz.paths import builtin_packs_dir

    return load_pack(str(builtin_packs_dir() / "wdta.yaml"))


def _kind(question: Question) -> str:
    # pack:fact:generator[:variant]; hand items are pack:q:item
    parts = question.id.split(":")
    return "hand" if parts[1] == "q" else parts[2]


def asked_values(fact: Fact | None, question: Question, pack: Pack | None = None) -> list[str]:
    """The values ``question`` asks, read from its fact by the kind of question. An
    order question asks the values of all its items' facts: the dates of a timeline
    ("May 24, 2016"), the year and show of each award ("2016 Teen Choice Awards")."""
    kind = _kind(question)
    if kind in ("date-order", "award-order") and pack is not None:
        return _order_values(pack, question)
    if isinstance(fact, Attribute):
        return list(fact.values)
    if isinstance(fact, Award):
        return {"award": [fact.award], "award-year": [str(fact.year)],
                "reverse": [fact.organization]}.get(kind, [])
    if isinstance(fact, Certification):
        return [fact.region] if kind == "reverse" else [fact.level]
    if isinstance(fact, ChartEntry):
        return [fact.chart] if kind in ("reverse", "comparison") else []
    if isinstance(fact, Credit):
        return [fact.role] if kind == "role" else list(fact.people)
    if isinstance(fact, Quote):
        return [fact.speaker] if kind == "critic" else [fact.publication]
    # Dates, numbers, durations, chronology titles and hand items: the right option.
    return [question.correct] if question.options != ("True", "False") else []


def _order_values(pack: Pack, question: Question) -> list[str]:
    from quiz.generators.values import format_date, parse_date

    values = []
    for fact in pack.facts:
        if isinstance(fact, Date) and any(
                fact.statement.casefold().startswith(item.casefold() + " ")
                for item in question.options):
            values.append(format_date(*parse_date(fact.value)))
        if isinstance(fact, Award) and any(
                item.endswith(f"at the {fact.organization}") and fact.award in item
                for item in question.options):
            values.append(f"{fact.year} {fact.organization}")
    assert values, question.id
    return values


def shown(question: Question) -> str:
    parts = [question.prompt, question.explanation]
    if question.options != ("True", "False"):
        parts.append(question.correct)
    return " ".join(" ".join(parts).casefold().split())


def word(value: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(' '.join(value.casefold().split()))}(?!\w)")


def specific(values: Iterable[str], subject: str) -> list[tuple[str, re.Pattern[str]]]:
    """Patterns of the values worth looking for: long enough, not True/False, and not
    part of the song's title and artists (named everywhere, known before a game)."""
    kept = []
    for value in values:
        folded = " ".join(value.casefold().split())
        if len(folded) >= SPECIFIC and folded not in ("true", "false"):
            pattern = word(folded)
            if not pattern.search(subject):
                kept.append((folded, pattern))
    return kept


def oracle(pack: Pack, game: Iterable[Question]) -> list[tuple[str, str, str]]:
    """(revealing id, spoiled id, why) for every leak in ``game``."""
    facts = {fact.id: fact for fact in pack.facts}
    items = {hand_fact(item.id): item for item in pack.questions}
    subject = f"{pack.subject.title} {pack.subject.artist}".casefold() if pack.subject else ""

    def declared(names: tuple[str, ...]) -> set[str]:
        return {name if name in facts else hand_fact(name) for name in names}

    game = list(game)
    texts = {q.id: shown(q) for q in game}
    values = {q.id: specific(asked_values(facts.get(q.fact), q, pack), subject) for q in game}
    answers = {q.id: specific([q.correct] if q.options != ("True", "False") else [], subject)
               for q in game}
    reveals = {q.id: declared(items[q.fact].reveals + items[q.fact].asks)
               if q.fact in items else set() for q in game}
    asks = {q.id: declared(items[q.fact].asks) if q.fact in items else set() for q in game}
    found = []
    for a in game:
        for b in game:
            if a is b:
                continue
            if a.fact == b.fact:
                found.append((a.id, b.id, "same fact"))
            elif b.fact in reveals[a.id] or a.fact in asks[b.id]:
                found.append((a.id, b.id, "declared"))
            elif any(f in texts[a.id] and p.search(texts[a.id]) for f, p in values[b.id]):
                found.append((a.id, b.id, "fact value in text"))
            elif any(f in texts[a.id] and p.search(texts[a.id]) for f, p in answers[b.id]):
                found.append((a.id, b.id, "answer in text"))
    return found


def test_no_game_leaks_over_many_seeds_and_lengths(builtin):
    leaking = []
    short = []
    for length in LENGTHS:
        for seed in range(SEEDS):
            game = choose([builtin], length, random.Random(seed))
            if len(game) < length:
                short.append((length, seed, len(game)))
            if found := oracle(builtin, game):
                leaking.append((length, seed, found[0]))
    assert leaking == []
    assert short == []  # the built-in pack still fills the longest game


def test_the_simulation_deals_every_question_type(builtin):
    # The leak test above covers the typed kinds only if games deal them.
    dealt = {q.type for seed in range(40) for q in choose([builtin], 20, random.Random(seed))}
    assert dealt == {"choice", "truefalse", "order", "number", "text"}


def test_a_timeline_never_shares_a_game_with_a_prompt_writing_one_of_its_dates(builtin):
    # "...released on May 24, 2016?" would settle where the release goes in the order.
    from quiz.generators import generate_all
    from quiz.spoilers import Guard

    built = generate_all([builtin], random.Random(0))
    timelines = [q for q in built if q.kind == "date-order" and "release-date" in q.asks]
    radio = [q for q in built if q.fact == "release-format"]
    assert timelines and radio
    for timeline in timelines:
        for other in radio:
            for one, two in ((timeline, other), (other, timeline)):
                guard = Guard()
                guard.add(one)
                assert not guard.allows(two), (one.id, two.id)


def test_the_vma_loss_prompt_never_shares_a_game_with_the_award_it_names(builtin):
    # Its prompt names the category and year of the 2017 VMA listing that the award
    # and award-year questions ask.
    vma = "wdta:q:vma-lost-to"
    spoiled = {"wdta:award-mtv-video-music-awards-2017-best-collaboration:award",
               "wdta:award-mtv-video-music-awards-2017-best-collaboration:award-year"}
    together = 0
    for seed in range(150):
        ids = {q.id for q in choose([builtin], 50, random.Random(seed))}
        if vma in ids:
            together += 1
            assert not ids & spoiled
    assert together  # the item is still dealt


def test_the_live_video_prompt_never_shares_a_game_with_its_date_or_city(builtin):
    # It states the video's release date and the performance's city, which the
    # live-video-release and live-video-city questions ask.
    from quiz.generators import generate_all

    live = "wdta:q:live-performance-day"
    date_ids = {q.id for q in generate_all([builtin], random.Random(0))
                if q.fact in ("live-video-release", "live-video-city")}
    assert len(date_ids) >= 2
    for seed in range(150):
        ids = {q.id for q in choose([builtin], 50, random.Random(seed))}
        if live in ids:
            assert not ids & date_ids


def _pack(facts=(), questions=()) -> Pack:
    return Pack(PackInfo("p", "P"), facts=tuple(facts), questions=tuple(questions))


def test_a_hand_item_never_meets_a_fact_it_declares():
    fact = Attribute(id="label", category="A", source="", ask="Which label?",
                     statement="It is on {value}.", values=("Atlantic Records",),
                     pool=("Columbia", "Island", "Epic"))
    item = HandQuestion(id="h", prompt="Which year did the label sign him?", answer="2011",
                        wrong=("2010", "2012"), category="B", reveals=("label",))
    for seed in range(50):
        game = choose([_pack([fact], [item])], 5, random.Random(seed))
        assert len(game) == 1
        assert {q.fact for q in game} <= {"label", hand_fact("h")}


def test_an_answer_written_in_another_prompt_is_caught_without_metadata():
    # No asks/reveals: the word net alone keeps these two apart.
    first = HandQuestion(id="a", prompt="Who directed the video?", answer="Phil Pinto",
                         wrong=("Dave Meyers", "Colin Tilley"), category="A")
    second = HandQuestion(id="b", prompt="Phil Pinto's video shows which city?",
                          answer="Anaheim", wrong=("Boston", "Denver"), category="B")
    for seed in range(30):
        assert len(choose([_pack(questions=[first, second])], 5, random.Random(seed))) == 1


def test_the_oracle_sees_the_leaks_selection_used_to_make(builtin):
    # The oracle is not blind: the built-in pack's questions, all in one list, leak.
    from quiz.generators import generate_all

    everything = generate_all([builtin], random.Random(1))
    reasons = {why for *_, why in oracle(builtin, everything)}
    assert reasons >= {"same fact", "fact value in text"}


def _built(pack: Pack) -> dict[str, Question]:
    from quiz.generators import generate_all

    return {q.id: q for q in generate_all([pack], random.Random(3))}


@pytest.mark.parametrize(("item", "spoiled"), [
    ("wdta:q:vma-lost-to", "wdta:award-mtv-video-music-awards-2017-best-collaboration:award"),
    ("wdta:q:vma-lost-to",
     "wdta:award-mtv-video-music-awards-2017-best-collaboration:award-year"),
    ("wdta:q:live-performance-day", "wdta:live-video-release:date"),
    ("wdta:q:live-performance-day", "wdta:live-video-city:attribute"),
])
def test_the_issue_examples_are_refused_either_way_round(builtin, item, spoiled):
    from quiz.spoilers import Guard

    built = _built(builtin)
    first, second = built[item], built[spoiled]
    assert second.fact in first.reveals
    for one, other in ((first, second), (second, first)):
        guard = Guard()
        guard.add(one)
        assert not guard.allows(other)


def test_reveals_and_asks_must_name_a_fact_or_question(tmp_path):
    from quiz.packs.loader import load_pack
    from quiz.packs.problems import PackError

    path = tmp_path / "p.yaml"
    path.write_text(
        "format: 1\npack: t\ntitle: T\n"
        "facts:\n  - kind: attribute\n    id: label\n    ask: Which label?\n"
        "    values: [Atlantic]\n    pool: [Columbia, Epic]\n"
        "questions:\n"
        "  - id: a\n    prompt: Which year?\n    answer: '2011'\n    wrong: ['2010']\n"
        "    reveals: [label, b, nosuch]\n"
        "  - id: b\n    prompt: Who?\n    answer: Bob\n    wrong: [Al]\n    asks: [b]\n",
        encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(str(path))
    messages = [str(problem) for problem in caught.value.problems]
    assert any(":15:25:" in m and "'nosuch': no fact or question" in m for m in messages), messages
    assert any("'asks' names the question itself ('b')" in m for m in messages)
    assert len(messages) == 2  # 'label' (a fact) and 'b' (a question) are fine
