"""quiz.difficulty: difficulty from what a fan must know, then from play (issue 11, item 5)."""

from __future__ import annotations

import collections
import random

import pytest

from quiz.difficulty import (
    MEASURED_AFTER,
    RightRate,
    closeness,
    estimate,
    level_of,
    luck,
    measured,
    preference,
    rated,
)
from quiz.generators import generate_all
from quiz.question import Question
from quiz.selection import choose, settle_all


def q(prompt="Which?", options=("a", "b", "c", "d"), answer=0, *, kind="attribute",
      difficulty="medium", source="", type="choice") -> Question:
    return Question(f"p:{prompt}", "p", "C", difficulty, prompt, tuple(options), answer, "",
                    "f", kind, source=source, type=type)  # fmt: skip


@pytest.fixture(scope="module")
def builtin():
    from quiz.packs import load_catalog

    return generate_all(load_catalog([]).packs, random.Random(1))


def test_true_false_on_an_exact_day_is_not_easy():
    flip = q("True or false: The official music video premiered on July 26, 2016.",
             ("True", "False"), 1, kind="truefalse", difficulty="easy",
             source="music videos: official video")  # fmt: skip
    assert rated(flip).difficulty != "easy"
    known = q('True or false: "We Don\'t Talk Anymore" is a song by Charlie Puth.',
              ("True", "False"), kind="truefalse", difficulty="easy", source="infobox")
    assert estimate(known) < estimate(flip)


def test_bunched_numbers_are_harder_than_spread_ones():
    bunched = q("Rank?", ("21", "22", "23", "24"), kind="position")
    spread = q("Rank?", ("3", "24", "60", "95"), kind="position")
    assert closeness(bunched) > closeness(spread)
    assert estimate(bunched) > estimate(spread)
    assert closeness(q("Year?", ("2015", "2016", "2017", "2018"))) > 0.7
    dates = q("When?", ("May 17, 2016", "May 24, 2016", "May 31, 2016", "June 7, 2016"))
    assert closeness(dates) > 0.5


def test_more_options_and_typed_answers_are_harder():
    two = q(options=("a", "b"))
    four = q(options=("a", "b", "c", "d"))
    typed = q(options=(), type="text")
    assert estimate(two) < estimate(four) < estimate(typed)


def test_a_famous_fact_is_easier_than_a_table_row():
    artist = q("Who is the lead artist?", ("Charlie Puth", "Ed Sheeran", "Sam Smith", "Zayn"),
               source="infobox")
    rank = q("Where did it rank on the 2016 year-end chart of Belgium?",
             ("61", "64", "71", "77"), kind="position", source="2016 year-end chart table")
    assert level_of(estimate(artist)) == "easy"
    assert level_of(estimate(rank)) == "hard"


def test_the_authors_word_counts_for_hand_written_items():
    easy = q(kind="hand", difficulty="easy")
    hard = q(kind="hand", difficulty="hard")
    assert estimate(easy) < estimate(hard)


def test_the_built_in_pack_has_every_level_and_true_false_is_not_all_easy(builtin):
    levels = collections.Counter(rated(question).difficulty for question in builtin)
    assert set(levels) == {"easy", "medium", "hard"}
    truths = [rated(question).difficulty for question in builtin if question.kind == "truefalse"]
    assert truths.count("easy") < len(truths) / 2


def test_measured_difficulty_wins_once_answered_often_enough():
    pick = q(kind="position", options=("21", "22", "23", "24"))
    assert rated(pick).difficulty == "hard"
    # Nearly everyone got it right: easy, and JSON says how often.
    often = rated(pick, RightRate(MEASURED_AFTER, MEASURED_AFTER - 1))
    assert often.difficulty == "easy" and often.right_rate == pytest.approx(0.875)
    assert often.to_dict()["right_rate"] == pytest.approx(0.875)
    # Too few answers: still the estimate, and no right rate.
    few = rated(pick, RightRate(MEASURED_AFTER - 1, MEASURED_AFTER - 1))
    assert few.difficulty == "hard" and few.right_rate is None
    assert "right_rate" not in few.to_dict()


def test_measured_hardness_discounts_blind_luck():
    truth = q(options=("True", "False"), kind="truefalse", type="truefalse")
    # Half right on a true/false is what guessing gives: nobody knew it.
    assert measured(luck(truth), RightRate(20, 10)) == pytest.approx(1.0)
    assert level_of(measured(luck(truth), RightRate(20, 10))) == "hard"
    four = q()
    assert measured(luck(four), RightRate(20, 20)) == pytest.approx(0.0)


def test_preference_orders_levels_for_each_mix():
    assert preference("easy", "easy", {}) < preference("medium", "easy", {}) \
        < preference("hard", "easy", {})
    assert preference("hard", "hard", {}) < preference("easy", "hard", {})
    assert preference("hard", "mixed", {"hard": 3}) > preference("easy", "mixed", {"hard": 3})


def test_easy_and_hard_games_lean_their_way():
    from quiz.packs import load_catalog

    packs = load_catalog([]).packs
    levels = {}
    for mix in ("easy", "mixed", "hard"):
        dealt = [question.difficulty for seed in range(60)
                 for question in choose(packs, 20, random.Random(seed), mix=mix)]  # fmt: skip
        levels[mix] = collections.Counter(dealt)
    assert levels["easy"]["easy"] > 2 * levels["hard"]["easy"]
    assert levels["hard"]["hard"] > 2 * levels["easy"]["hard"]
    assert levels["hard"]["hard"] > levels["mixed"]["hard"] > levels["easy"]["hard"]


def test_rates_reach_selection_and_the_full_listing():
    from quiz.packs import load_catalog

    packs = load_catalog([]).packs
    first = choose(packs, 10, random.Random(5))
    rates = {question.id: RightRate(10, 10) for question in first}
    again = choose(packs, 10, random.Random(5), rates=rates)
    assert any(question.right_rate == 1.0 for question in again)
    listed = settle_all(packs, first, rates)
    assert all(question.right_rate == 1.0 for question in listed)
    # Unmeasured, a question has the level a game deals it with, whatever the seed.
    dealt = {question.id: question.difficulty for question in first}
    for seed in (1, 2):
        for question in settle_all(packs, generate_all(packs, random.Random(seed))):
            if question.id in dealt:
                assert question.difficulty == dealt[question.id]


def test_an_easy_game_is_mostly_easy_and_a_hard_one_mostly_hard():
    # Played: "Easy" dealt 3-4 easy questions of 20 (14 of 303 were easy at all).
    from quiz.packs import load_catalog
    from quiz.selection import choose

    builtin_pack = load_catalog([]).packs[0]

    shares = {}
    for mix in ("easy", "mixed", "hard"):
        levels = collections.Counter(q.difficulty for seed in range(40)
                                     for q in choose([builtin_pack], 20, random.Random(seed),
                                                     mix=mix))  # fmt: skip
        shares[mix] = {level: n / sum(levels.values()) for level, n in levels.items()}
    assert shares["easy"]["easy"] > 0.5 and shares["hard"]["hard"] > 0.5
    assert all(shares["mixed"][level] > 0.2 for level in ("easy", "medium", "hard"))
