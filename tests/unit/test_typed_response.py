"""A typed line read as an answer to each question type (the buzzer's typing line)."""

from __future__ import annotations

import dataclasses

import pytest
from doubles import plain_questions

from quiz.typed_response import TypedError, typed_response

BASE = plain_questions(1)[0]


def test_picks_orders_numbers_and_words():
    assert typed_response(BASE, " 3 ") == 2
    order = dataclasses.replace(BASE, type="order", order=(1, 0, 3, 2))
    assert typed_response(order, "2143") == (1, 0, 3, 2)
    assert typed_response(order, "2 1 4 3") == (1, 0, 3, 2)
    assert typed_response(order, "2,1,4,3") == (1, 0, 3, 2)
    number = dataclasses.replace(BASE, type="number", options=(), number=2016.0,
                                 low=2000.0, high=3000.0)  # fmt: skip
    assert typed_response(number, "2,016") == 2016.0
    text = dataclasses.replace(BASE, type="text", options=(), text="Puth")
    assert typed_response(text, "  charlie puth ") == "charlie puth"


@pytest.mark.parametrize(
    ("kind", "typed", "says"),
    [("choice", "x", "option number"), ("choice", "9", "no such option"),
     ("order", "2a", "in order"), ("order", "112", "each item"),
     ("number", "soon", "type a number"), ("number", "5", "out of range"),
     ("text", "   ", "type an answer")],
)  # fmt: skip
def test_what_is_no_answer_says_what_to_type(kind, typed, says):
    extra: dict[str, object] = {"type": kind}
    if kind == "order":
        extra["order"] = (1, 0, 3, 2)
    if kind == "number":
        extra.update(options=(), number=2016.0, low=2000.0, high=3000.0)
    if kind == "text":
        extra.update(options=(), text="Puth")
    question = dataclasses.replace(BASE, **extra)
    with pytest.raises(TypedError, match=says):
        typed_response(question, typed)
