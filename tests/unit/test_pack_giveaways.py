"""Lint warns about giveaways: questions answered by their words, lengths or places."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.facts import HandQuestion, Pack, PackInfo
from quiz.packs import check_pack, giveaways

HEAD = "format: 1\npack: t\ntitle: T\nsubject: {title: Paper Lanterns, artist: The Example Band}\n"


def warnings_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    pack, problems = check_pack(path)
    assert pack is not None and all(p.severity == "warning" for p in problems)
    return [str(p).replace(str(path), "P") for p in problems]


# -- a distinctive word shared with the prompt or category -----------------------------


def test_the_only_option_sharing_a_word_with_the_prompt_is_named(tmp_path):
    questions = """questions:
  - prompt: At the Teen Choice Awards, which category did the band win?
    answer: Choice Rock Group
    wrong: [Best Live Act, Breakthrough Artist, Video of the Year]
"""
    assert warnings_of(tmp_path, questions) == [
        "P:6:5: only the answer 'Choice Rock Group' shares the word 'choice' with "
        "the prompt or category: it gives itself away"]


def test_a_word_shared_with_the_category_counts_and_plurals_fold(tmp_path):
    questions = """questions:
  - prompt: Which prize did the streaming service give the single?
    answer: Billion Streams Award
    wrong: [Gold Disc, Platinum Plaque]
    category: Awards
"""
    assert warnings_of(tmp_path, questions) == [
        "P:6:5: only the answer 'Billion Streams Award' shares the word 'award' with "
        "the prompt or category: it gives itself away"]


def test_a_lone_wrong_option_sharing_a_word_is_named_too(tmp_path):
    questions = """questions:
  - prompt: Which studio recorded the live album?
    answer: Harbour Hall
    wrong: [Live Room Studio, Stone House]
"""
    assert warnings_of(tmp_path, questions) == [
        "P:6:5: only the wrong option 'Live Room Studio' shares the word 'live' with "
        "the prompt or category: it gives itself away"]


def test_a_word_many_options_share_the_song_s_own_words_and_pools_warn_nothing(tmp_path):
    questions = """pools:
  prizes: [Choice Pop Group, Best Live Act]
questions:
  - prompt: At the Teen Choice Awards, which category did the band win?
    answer: Choice Rock Group
    wrong: [Choice Dance Group, Breakthrough Artist]
  - prompt: Which cover of Paper Lanterns was a hit?
    answer: The Lanterns Choir version
    wrong: [The Harbour Strings version, The Stone Quartet version]
  - prompt: Which Teen Choice prize came to the band first?
    answer: Choice Rock Group
    pool: prizes
    wrong: [Best Newcomer]
"""
    assert warnings_of(tmp_path, questions) == []


# -- an answer far longer than the wrong options ---------------------------------------


def test_an_answer_far_longer_than_every_wrong_option_is_named(tmp_path):
    questions = """questions:
  - prompt: Who produced it?
    answer: The producer team from the north coast
    wrong: [Ann Lee, Bo Chan, Cy Dee]
  - prompt: Who mixed it?
    answer: Dee and Eve Fox
    wrong: [Ann Lee, Bo Chan]
"""
    assert warnings_of(tmp_path, questions) == [
        "P:6:5: the answer is 38 characters long, the longest wrong option 7: players "
        "pick the odd one out"]


# -- the same answer in the same place across the pack ---------------------------------

STATEMENTS = ["The band has four members.", "Its first single came out on vinyl.",
              "The drummer also sings.", "Every album was made in one studio.",
              "A film used the single."]  # fmt: skip


def test_true_false_questions_that_are_nearly_all_true_are_named(tmp_path):
    statements = "".join(
        f"  - {{type: truefalse, prompt: '{prompt}', answer: {answer}}}\n"
        for prompt, answer in zip(STATEMENTS, ["true"] * 4 + ["false"], strict=True)
    )
    assert warnings_of(tmp_path, "questions:\n" + statements) == [
        "P:6:5: the answer is True in 4 of 5 true/false questions (80%): players "
        "learn to answer True"]


def test_true_false_questions_mixed_or_few_warn_nothing(tmp_path):
    mixed = "".join(
        f"  - {{type: truefalse, prompt: '{prompt}', answer: {answer}}}\n"
        for prompt, answer in zip(STATEMENTS, ["true", "false"] * 2 + ["true"], strict=True)
    )
    assert warnings_of(tmp_path, "questions:\n" + mixed) == []
    few = "".join(
        f"  - {{type: truefalse, prompt: '{prompt}', answer: false}}\n"
        for prompt in STATEMENTS[:3]
    )
    assert warnings_of(tmp_path, "questions:\n" + few) == []


# -- a number range centred on the answer ----------------------------------------------


def test_a_number_range_centred_on_the_answer_is_named(tmp_path):
    questions = """questions:
  - {type: number, prompt: Which year?, answer: 2016, low: 2006, high: 2026}
  - {type: number, prompt: Which year again?, answer: 2016, low: 2010, high: 2030}
  - {type: number, prompt: How many minutes?, answer: 5.5, low: 1, high: 10, unit: minutes}
"""
    assert warnings_of(tmp_path, questions) == [
        "P:6:5: the answer 2016 is the middle of the range 2006..2026: a guess at the "
        "middle scores; move 'low' or 'high'",
        "P:8:5: the answer 5.5 is the middle of the range 1..10: a guess at the middle "
        "scores; move 'low' or 'high'"]


# -- the older checks, for the new types -----------------------------------------------


def test_long_items_to_order_are_named_and_typed_answers_need_no_pool(tmp_path):
    long_item = "An item to put in order that is far too long for one line of the screen"
    questions = f"""pools:
  cities: [Lyon]
questions:
  - type: order
    prompt: Put these in order.
    items: [First, Second, {long_item}]
  - type: text
    prompt: Which city?
    answer: Paris
    pool: cities
"""
    assert warnings_of(tmp_path, questions) == [
        f"P:8:5: the option '{long_item[:28]}…' is {len(long_item)} long (over 60: it "
        "will not fit an 80-column screen)"]


def test_an_accept_list_holding_the_answer_again_is_named(tmp_path):
    questions = """questions:
  - type: text
    prompt: In which city was the live video filmed?
    answer: Anaheim
    accept: [Anaheim, California]
"""
    assert warnings_of(tmp_path, questions) == [
        "P:6:5: 'accept' lists the answer 'Anaheim' itself: if a spelling holds a comma, quote "
        'it ("Anaheim, California")']


WORDS = ["Choice", "choices", "Award", "Teen-Choice", "naïve", "Naive", "Don't", "2016",
         "songs", "the", "Break-Up", "breakup", "Awards!", "(Live)", "live", "Éclair"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), min_size=3,
                max_size=5))  # fmt: skip
def test_the_quick_look_for_shared_words_never_hides_one(texts):
    prompt, answer, *wrong = [" ".join(words) for words in texts]
    question = HandQuestion(id="q", prompt=prompt, answer=answer + " x", wrong=tuple(wrong))
    pack = Pack(PackInfo("t", "T"), questions=(question,))

    def found() -> list[str]:
        said: list[str] = []
        giveaways.giveaways([(question, (1, 1))], pack, lambda _m, text: said.append(text))
        return said

    quick = found()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(giveaways, "_may_share", lambda _told, _options: True)
        assert found() == quick
