"""A typed answer: a number (its range shown) or words, Enter to answer.

Input the question cannot take is refused here, with why, and the text stays in the
field to be corrected: a typo must not cost the player their answer or their time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from quiz.grading import MAX_TEXT, Response, refusal
from quiz.question import Question, number_text


def range_text(question: Question) -> str:
    """``a number from 1 to 100`` (with the unit, if any): what the field takes."""
    unit = f" ({question.unit})" if question.unit else ""
    if question.low is None or question.high is None:
        return f"a number{unit}"
    return f"a number from {number_text(question.low)} to {number_text(question.high)}{unit}"


def read_number(text: str) -> float | int | None:
    """``text`` as a number (``1,000`` and ``3.5`` too), or ``None`` if it is not one."""
    bare = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    try:
        return int(bare)
    except ValueError:
        pass
    try:
        value = float(bare)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def number_problem(question: Question, text: str) -> tuple[float | int | None, str | None]:
    """The number typed, or why it is not an answer (said for players)."""
    if not text.strip():
        return None, f"Type {range_text(question)}, then press Enter."
    value = read_number(text)
    if value is None:
        return None, f"That is not a number: type {range_text(question)}."
    if refusal(question, value) is not None:
        return None, f"Out of range: type {range_text(question)}."
    return value, None


class TypedAnswer(Vertical):
    """A field for a ``number`` or ``text`` question; posts :class:`TypedAnswer.Typed`."""

    @dataclass
    class Typed(Message):
        """The player answered ``response`` (a number or words)."""

        response: Response

    def __init__(self, question: Question, *, id: str | None = None) -> None:
        """A field for ``question`` (a ``number`` or ``text`` one)."""
        super().__init__(id=id, classes="typed-answer")
        self.question = question
        self.answered = False

    @property
    def is_number(self) -> bool:
        """Whether a number is asked for (else words)."""
        return self.question.type == "number"

    def compose(self) -> ComposeResult:
        """The field, what it takes, and a line for why an answer was not taken."""
        if self.is_number:
            placeholder = range_text(self.question)
            rule = f"Type {placeholder}, then Enter. Close answers earn points too."
        else:
            placeholder = "your answer"
            rule = "Type your answer, then Enter. Spelling need not be perfect."
        yield Input(placeholder=placeholder, max_length=MAX_TEXT, id="typed-input")
        yield Static(rule, id="typed-rule", classes="typed-rule", markup=False)
        yield Static(id="typed-problem", classes="typed-problem")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: answer, or say why not and keep the text."""
        event.stop()
        if self.answered:
            return
        response, problem = self.check(event.value)
        problem_line = self.query_one("#typed-problem", Static)
        problem_line.update(Content(problem or ""))
        problem_line.set_class(problem is not None, "-shown")
        if response is not None:
            self.post_message(self.Typed(response))

    def check(self, text: str) -> tuple[Response | None, str | None]:
        """What ``text`` answers, or why it is not an answer."""
        if self.is_number:
            return number_problem(self.question, text)
        if refusal(self.question, text) is not None:
            if len(text) > MAX_TEXT:
                return None, "That is too long for an answer."
            return None, "Type an answer first, then press Enter."
        return text.strip(), None
