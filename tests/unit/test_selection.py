"""quiz.selection.choose: spread over categories, facts once, recent last, review mode."""

from __future__ import annotations

import collections
import random

from quiz.facts import Attribute, HandQuestion, Pack, PackInfo, Subject
from quiz.selection import choose


def hand_pack(pack_id="h", per_category=None, facts=()) -> Pack:
    """A pack of hand-written items: ``per_category`` maps category -> how many."""
    items = []
    for category, count in (per_category or {}).items():
        for i in range(count):
            items.append(HandQuestion(id=f"{category.lower()}-{i}", prompt=f"{category} {i}?",
                                      answer="yes", wrong=("no", "maybe"), category=category))
    return Pack(info=PackInfo(id=pack_id, title=pack_id), subject=Subject("Song", "Artist"),
                facts=tuple(facts), questions=tuple(items))


def colour_fact(i: int) -> Attribute:
    return Attribute(id=f"colour-{i}", category="Song facts", source="s", ask=f"Colour {i}?",
                     statement="It is {value}.", values=("red",),
                     pool=("blue", "green", "pink"))


def test_spread_over_categories_not_proportional_to_size():
    pack = hand_pack(per_category={"Charts": 500, "Critics": 10, "Awards": 10, "Credits": 10})
    chosen = choose([pack], 8, random.Random(1))
    assert collections.Counter(q.category for q in chosen) == {
        "Charts": 2, "Critics": 2, "Awards": 2, "Credits": 2}


def test_distinct_questions_and_count_larger_than_available():
    pack = hand_pack(per_category={"A": 3, "B": 2})
    chosen = choose([pack], 50, random.Random(0))
    assert len(chosen) == 5 == len({q.id for q in chosen})
    assert choose([pack], 0, random.Random(0)) == []


def test_one_question_per_fact_never_two():
    # Each colour fact yields an attribute and a true/false question.
    pack = hand_pack(facts=[colour_fact(i) for i in range(3)])
    chosen = choose([pack], 3, random.Random(4))
    assert len({q.fact for q in chosen}) == 3
    everything = choose([pack], 10, random.Random(4))
    # Issue 11: two questions about one fact spoil each other (the explanation of one
    # states the other's answer), so a game comes up short rather than repeat a fact.
    assert len(everything) == 3
    assert len({q.fact for q in everything}) == 3


def test_recent_questions_come_last_least_recent_first():
    pack = hand_pack(per_category={"A": 5})
    ids = [f"h:q:a-{i}" for i in range(5)]
    recent = [ids[0], ids[1], ids[2]]  # most recent first
    chosen = [q.id for q in choose([pack], 5, random.Random(3), recent=recent)]
    assert set(chosen[:2]) == {ids[3], ids[4]}
    assert chosen[2:] == [ids[2], ids[1], ids[0]]
    assert [q.id for q in choose([pack], 3, random.Random(3), recent=recent)][2] == ids[2]


def test_a_question_seen_again_recently_counts_as_recent():
    pack = hand_pack(per_category={"A": 3})
    ids = [f"h:q:a-{i}" for i in range(3)]
    recent = [ids[0], ids[1], ids[2], ids[0]]
    chosen = [q.id for q in choose([pack], 3, random.Random(0), recent=recent)]
    assert chosen == [ids[2], ids[1], ids[0]]


def test_only_ids_restricts_to_those_questions():
    pack = hand_pack(per_category={"A": 20, "B": 20}, facts=[colour_fact(1)])
    wanted = {"h:q:a-3", "h:q:b-7", "h:colour-1:attribute", "h:q:missing", "other:q:x"}
    chosen = choose([pack], 10, random.Random(2), only_ids=wanted)
    assert {q.id for q in chosen} == {"h:q:a-3", "h:q:b-7", "h:colour-1:attribute"}


def test_same_seed_same_game_other_seed_other_game():
    pack = hand_pack(per_category={"A": 40, "B": 40, "C": 40})
    first = choose([pack], 10, random.Random(7))
    assert first == choose([pack], 10, random.Random(7))
    assert [q.id for q in first] != [q.id for q in choose([pack], 10, random.Random(8))]


def test_several_packs_share_categories_and_big_packs_stay_cheap():
    small = hand_pack("small", {"A": 2})
    big = hand_pack("big", {"A": 20000, "B": 20000})
    chosen = choose([small, big], 20, random.Random(5))
    assert len(chosen) == 20 and {q.pack for q in chosen} <= {"small", "big"}
    counts = collections.Counter(q.category for q in chosen)
    assert counts == {"A": 10, "B": 10}


def test_unaskable_hand_items_are_skipped():
    broken = HandQuestion(id="broken", prompt="?", answer="yes", wrong=("YES",), category="A")
    pack = Pack(info=PackInfo(id="p", title="p"), questions=(broken,))
    assert choose([pack], 5, random.Random(0)) == []
