"""Fair mixes over the built-in pack (issue 11, item 3): 1,000 simulated 20-question
games, their category and type spread and where the right option sits.

The numbers (printed with ``pytest -s``) go in the report: per category and type, the
share of all dealt questions; the largest Charts count in one game; the right option's
position for every 4-option choice question.
"""

from __future__ import annotations

import collections
import random

import pytest

from quiz.facts import HandQuestion, Pack, PackInfo, Subject
from quiz.placing import place, shape
from quiz.question import Question
from quiz.selection import MAX_SHARE, choose

GAMES, LENGTH = 1000, 20


@pytest.fixture(scope="module")
def dealt(builtin_packs) -> list[list[Question]]:
    return [choose(builtin_packs, LENGTH, random.Random(seed)) for seed in range(GAMES)]


@pytest.fixture(scope="module")
def builtin_packs():
    from quiz.packs import load_catalog

    return load_catalog([]).packs


def test_every_game_is_full_and_spread_over_categories(dealt):
    categories = collections.Counter(q.category for game in dealt for q in game)
    charts = [sum(q.category == "Charts" for q in game) for game in dealt]
    print("\ncategories:", {k: round(v / (GAMES * LENGTH), 3) for k, v in categories.items()})
    print("Charts per game: mean", sum(charts) / GAMES, "max", max(charts))
    assert all(len(game) == LENGTH for game in dealt)
    # Charts is a quarter of a game at most, on average and in every game.
    assert sum(charts) / GAMES <= LENGTH * MAX_SHARE
    assert max(charts) <= LENGTH * MAX_SHARE
    # Every category the pack has turns up, and none takes over.
    assert len(categories) >= 8
    assert max(categories.values()) / (GAMES * LENGTH) <= MAX_SHARE


def test_types_are_mixed_in_each_game(dealt):
    types = collections.Counter(shape(q) for game in dealt for q in game)
    print("\ntypes:", {k: round(v / (GAMES * LENGTH), 3) for k, v in types.items()})
    # Nearly every game mixes kinds of question; none is all one type.
    assert all(len({shape(q) for q in game}) >= 2 for game in dealt)
    assert max(types.values()) / (GAMES * LENGTH) < 0.75


def test_right_option_is_anywhere_with_equal_chance(dealt):
    where = collections.Counter(
        q.answer for game in dealt for q in game if shape(q) == "choice" and len(q.options) == 4
    )
    total = sum(where.values())
    print("\nright option position (4 options):", dict(sorted(where.items())), "of", total)
    assert set(where) == {0, 1, 2, 3}
    for count in where.values():
        assert abs(count / total - 0.25) < 0.02


def test_each_question_moves_its_answer_between_games(builtin_packs):
    # A sorted list put a number-one peak always first; dealt, it is anywhere.
    seen: dict[str, set[int]] = collections.defaultdict(set)
    for seed in range(300):
        for q in choose(builtin_packs, LENGTH, random.Random(seed)):
            if shape(q) == "choice":
                seen[q.id].add(q.answer)
    stuck = [qid for qid, places in seen.items() if len(places) == 1]
    assert len(stuck) / len(seen) < 0.1, stuck


def test_true_false_keeps_its_order_and_placing_keeps_the_answer():
    rng = random.Random(3)
    truth = Question("p:a", "p", "C", "easy", "True or false: x", ("True", "False"), 1, "", "a",
                     "truefalse")
    assert place(truth, rng) == truth
    pick = Question("p:b", "p", "C", "easy", "Which?", ("w", "x", "y", "z"), 2, "", "b", "hand")
    for _ in range(20):
        moved = place(pick, rng)
        assert moved.id == pick.id and moved.options[moved.answer] == "y"
        assert sorted(moved.options) == sorted(pick.options)


def test_a_category_waits_at_a_quarter_while_others_can_give():
    items = [HandQuestion(id=f"{cat}-{i}", prompt=f"{cat} {i}?", answer="yes",
                          wrong=("no", "maybe"), category=cat)
             for cat, count in (("Charts", 40), ("Critics", 40), ("Awards", 1), ("Credits", 1))
             for i in range(count)]  # fmt: skip
    pack = Pack(info=PackInfo(id="h", title="h"), subject=Subject("Song", "Artist"),
                questions=tuple(items))
    chosen = choose([pack], 8, random.Random(0))
    counts = collections.Counter(q.category for q in chosen)
    # Awards and Credits run out after one each; the other two share the rest evenly.
    assert counts == {"Charts": 3, "Critics": 3, "Awards": 1, "Credits": 1}
