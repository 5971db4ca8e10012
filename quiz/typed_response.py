"""A typed line read as a response to any question type: what a player types at one
keyboard when their answer is not a single key press."""

from __future__ import annotations

import re

from quiz.grading import Response, refusal
from quiz.question import Question


class TypedError(ValueError):
    """The typed line is no answer to the question; the message says what to type."""


def typed_response(question: Question, typed: str) -> Response:
    """The response ``typed`` gives to ``question``: an option number for a pick,
    option numbers in order (``2 4 1 3`` or ``2413``), a number, or words.

    Raises :class:`TypedError` with what to type instead."""
    text = typed.strip()
    response: Response
    if question.picks:
        if not text.isdigit():
            raise TypedError(f"type an option number, 1 to {len(question.options)}")
        response = int(text) - 1
    elif question.type == "order":
        digits = text.split() if " " in text or "," in text else list(text)
        digits = [d for part in digits for d in part.split(",") if d]
        if not all(d.isdigit() for d in digits):
            raise TypedError("type the option numbers in order, e.g. 2 4 1 3")
        response = tuple(int(d) - 1 for d in digits)
    elif question.type == "number":
        cleaned = re.sub(r"[\s,_]", "", text)
        try:
            response = float(cleaned)
        except ValueError:
            raise TypedError("type a number") from None
    else:
        response = text
    problem = refusal(question, response)
    if problem is not None:
        raise TypedError(problem)
    return response
