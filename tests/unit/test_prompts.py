"""quiz.prompts: a stored question id back to what it asked, from the packs installed now."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quiz import paths
from quiz.facts import Attribute, HandQuestion, Pack, PackInfo, Subject
from quiz.generators import index_for
from quiz.packs import load_catalog, load_pack
from quiz.prompts import (
    SEED_DEPENDENT,
    TRUE_FALSE_LEAD,
    installed_prompts,
    pack_of,
    prompts_for,
)
from quiz.question import QuestionId

DATA = Path(__file__).parent / "packs_data"


def pack(pack_id="p", items=(), facts=()) -> Pack:
    return Pack(info=PackInfo(id=pack_id, title=pack_id), subject=Subject("Song", "Artist"),
                facts=tuple(facts), questions=tuple(items))  # fmt: skip


def item(item_id: str, prompt: str) -> HandQuestion:
    return HandQuestion(id=item_id, prompt=prompt, answer="yes", wrong=("no", "maybe"),
                        category="Trivia")  # fmt: skip


COLOUR = Attribute(id="colour", category="Song facts", source="liner notes",
                   ask="Which colour is the sleeve?", statement="The sleeve is {value}.",
                   values=("red",), pool=("blue", "green", "pink"))  # fmt: skip


def test_known_ids_get_their_prompts():
    packs = [pack(items=[item("first", "What comes first?")], facts=[COLOUR])]
    found = prompts_for(["p:q:first", "p:colour:attribute"], packs)
    assert found == {
        "p:q:first": "What comes first?",
        "p:colour:attribute": "Which colour is the sleeve?",
    }


def test_unknown_ids_are_left_out_for_the_caller_to_show_the_id():
    packs = [pack(items=[item("first", "What comes first?")], facts=[COLOUR])]
    ids = [
        "gone:q:first",  # pack not installed
        "p:q:removed",  # item no longer in the pack
        "p:removed-fact:attribute",  # fact no longer in the pack
        "p:colour:no-such-generator",
        "no colons at all",
        "",
    ]
    assert prompts_for(ids, packs) == {}
    assert prompts_for(["p:q:first"], []) == {}


def test_true_false_is_described_by_its_fact_the_same_for_every_seed():
    packs = [pack(facts=[COLOUR])]
    qid = "p:colour:truefalse"
    # The seed picks the true or a false sentence: what a player saw cannot be rebuilt...
    shown = {index_for(packs[0]).find(qid).build(random.Random(s)).prompt for s in range(40)}
    assert len(shown) > 1
    # ...so the id is described by the fact it states or denies.
    assert prompts_for([qid], packs) == {qid: TRUE_FALSE_LEAD + "The sleeve is red."}
    # It reads as the item did in a game: the true sentence, as a player may have seen it.
    assert prompts_for([qid], packs)[qid] in shown


def test_first_pack_with_an_id_wins_as_in_a_game():
    first = pack(items=[item("x", "From the first?")])
    second = pack(items=[item("x", "From the second?")])
    assert prompts_for(["p:q:x"], [first, second]) == {"p:q:x": "From the first?"}


@pytest.mark.parametrize("source", ["builtin", "sample"])
def test_only_true_false_prompts_depend_on_the_seed(source):
    """Every other kind must read the same whatever the seed, or the scores show a prompt
    the player never saw: a new seed-dependent kind has to join SEED_DEPENDENT."""
    packs = load_catalog().packs if source == "builtin" else [load_pack(DATA / "good.yaml")]
    assert packs
    kinds = set()
    for each in packs:
        index = index_for(each)
        for slot in [*index.fact_slots, *index.hand_slots()]:
            kinds.add(slot.kind)
            prompts = {slot.build(random.Random(seed)).prompt for seed in range(12)}
            described = {prompts_for([slot.id], [each])[slot.id] for _ in range(2)}
            assert len(described) == 1
            if slot.kind not in SEED_DEPENDENT:
                assert described == prompts, slot.id
    assert "truefalse" in kinds and len(kinds) > 3


def test_installed_prompts_reads_only_the_packs_the_ids_name(monkeypatch):
    import quiz.packs

    asked: list[list[str]] = []
    real = quiz.packs.load_catalog

    def spy(selectors=()):
        asked.append(list(selectors))
        return real(selectors)

    monkeypatch.setattr(quiz.packs, "load_catalog", spy)
    builtin = real().packs[0]
    qid = next(slot.id for slot in index_for(builtin).fact_slots if slot.kind == "attribute")
    found = installed_prompts([qid, qid, "nope:q:x", "../../etc/passwd:q:x", "a/b.yaml:q:x"])
    assert list(found) == [qid] and found[qid].endswith("?")
    # Once, by id; never a selector that load_catalog would read as a file path.
    assert asked == [sorted([builtin.id, "nope"])]


def test_installed_prompts_loads_nothing_without_ids(monkeypatch):
    def fail(*_args, **_kwargs):
        raise AssertionError("packs loaded for nothing")

    monkeypatch.setattr("quiz.packs.load_catalog", fail)
    assert installed_prompts([]) == {}
    assert installed_prompts(["/etc/passwd:q:x", "UPPER:q:x"]) == {}


def test_disabled_packs_still_name_their_questions(isolated_home):
    user = paths.user_packs_dir()
    user.mkdir(parents=True)
    (user / "mine.yaml").write_text(
        "format: 1\npack: mine\ntitle: Mine\nquestions:\n"
        "  - id: one\n    prompt: '[@click=app.quit]x[/]'\n    answer: a\n    wrong: [b, c]\n"
    )
    paths.config_path().parent.mkdir(parents=True, exist_ok=True)
    paths.config_path().write_text('{"disabled_packs": ["mine"]}')
    assert "mine" not in [p.id for p in load_catalog().packs]
    assert installed_prompts(["mine:q:one"]) == {"mine:q:one": "[@click=app.quit]x[/]"}


def test_pack_of():
    assert pack_of("wdta:label:attribute") == "wdta"
    assert pack_of("plain") == "plain"


def test_question_ids_are_written_and_read_by_one_pair_of_functions():
    builtin = load_pack(paths.builtin_packs_dir() / "wdta.yaml")
    index = index_for(builtin)
    ids = [slot.id for slot in [*index.fact_slots, *index.hand_slots()]]
    assert ids
    for text in ids:
        parsed = QuestionId.parse(text)
        assert parsed.text == text and parsed.pack == "wdta"
    hand = QuestionId.parse("p:q:first")
    assert hand == QuestionId.hand("p", "first") and hand.fact == "q:first" and not hand.generator
    variant = QuestionId.parse("p:credit-x:role:charlie-puth")
    parts = (variant.fact, variant.generator, variant.variant)
    assert parts == ("credit-x", "role", "charlie-puth")
    assert QuestionId.parse("plain") == QuestionId("plain")


def test_a_true_false_item_is_listed_in_its_true_form_not_its_explanation():
    # Played: "True or false: Those are Mike Wass's words, in Idolator's review..." was
    # listed for a claim about Vulture.com, and read as a question its answer was True.
    builtin = load_pack(str(paths.builtin_packs_dir() / "wdta.yaml"))
    qid = "wdta:quote-idolator-sounds-like-a-smash:truefalse"
    shown = prompts_for([qid], [builtin])[qid]
    assert shown == ('True or false: Idolator printed this verdict on "We Don\'t Talk'
                     ' Anymore": "sounds like a smash".')
