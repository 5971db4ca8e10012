"""Grading of every question type: the shape a response must have, and its worth."""

from __future__ import annotations

from quiz.grading import grade, normalise, refusal, text_matches
from quiz.question import Question
from quiz.scoring import score_answer


def make(**fields: object) -> Question:
    base: dict[str, object] = dict(
        id="p:f:g", pack="p", category="c", difficulty="easy", prompt="?", options=(),
        answer=0, explanation="", fact="f", kind="k",
    )  # fmt: skip
    base.update(fields)
    return Question(**base)  # type: ignore[arg-type]


def test_choice_takes_an_index_in_range() -> None:
    q = make(options=("a", "b", "c"), answer=1)
    assert refusal(q, 3) == "no such option"
    assert refusal(q, "b") == "pick an option"
    assert refusal(q, True) == "pick an option"
    assert grade(q, 1) == 1.0
    assert grade(q, 0) == 0.0


def test_order_gives_a_share_for_items_in_place() -> None:
    q = make(type="order", options=("c", "a", "d", "b"), order=(1, 3, 0, 2))
    assert refusal(q, (1, 1, 0, 2)) == "each item must appear once"
    assert refusal(q, (1, 3, 0)) == "each item must appear once"
    assert grade(q, (1, 3, 0, 2)) == 1.0
    assert grade(q, (1, 3, 2, 0)) == 0.5
    assert q.correct == "a → b → c → d"


def test_number_is_full_when_exact_and_falls_with_distance() -> None:
    q = make(type="number", number=12, low=1, high=100)
    assert refusal(q, 0) == "out of range"
    assert refusal(q, float("nan")) == "type a number"
    assert grade(q, 12) == 1.0
    assert 0 < grade(q, 15) < grade(q, 13) < 1.0
    assert grade(q, 40) == 0.0
    assert q.to_dict()["answer"] == 12 and q.to_dict()["type"] == "number"


def test_text_forgives_case_accents_punctuation_and_small_typos() -> None:
    q = make(type="text", text="Phil Pinto", accept=("Philip Pinto",), reject=("Phil Tan",))
    for typed in ("phil pinto", "PHIL PINTO!", "Phíl  Pintó", "Phil Pinot", "philip pinto"):
        assert grade(q, typed) == 1.0, typed
    assert grade(q, "Phil Tan") == 0.0
    assert grade(q, "Pinto") == 0.0
    assert refusal(q, "   ") == "type an answer"


def test_short_text_answers_must_match_exactly() -> None:
    assert text_matches("Oslo", ["Oslo"])
    assert not text_matches("Olso", ["Oslo"])
    assert normalise("The Weeknd & Co.") == "weeknd and co"


def test_partly_right_scores_a_share_and_resets_the_streak() -> None:
    points, streak = score_answer(False, 0.0, 20.0, 3, fraction=0.5)
    assert points.total == 500 and not points.correct and streak == 0
    assert points.explain() == "500 points: partly right (50%) (streak of 3 ended)"


def test_responses_in_words() -> None:
    from quiz.grading import describe

    order = make(type="order", options=("c", "a"), order=(1, 0))
    assert describe(order, (1, 0)) == "a → c"
    assert describe(make(type="number", number=3, low=1, high=9, unit="weeks"), 4) == "4 weeks"
    assert describe(make(options=("x", "y")), 1) == "y"
    assert describe(make(options=("x", "y")), None) == "no answer"
