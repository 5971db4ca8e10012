"""Everyone's answer to one question, for the one reveal after all of them answered:
a mark (never colour alone), the name, the answer in words and the points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from quiz.grading import describe
from quiz.text import cells

if TYPE_CHECKING:
    from quiz.session_turns import Outcome


def mark(outcome: Outcome) -> tuple[str, str]:
    """The sign and the style of an answer: right, partly right, wrong or no answer."""
    if outcome.timed_out:
        return "⏱", "$text-warning"
    if outcome.correct:
        return "✔", "bold $text-success"
    if outcome.points.total > 0:  # below 0: a wrong buzz's penalty, still wrong
        return "◐", "$text-warning"
    return "✖", "$text-error"


def answer_line(outcome: Outcome, name_width: int) -> Content:
    """``✔  Ana   Charlie Puth   +812``, every player's text drawn literally."""
    sign, style = mark(outcome)
    name = outcome.turn.player
    pad = " " * max(name_width - cells(name), 0)
    points = outcome.points.total
    said = describe(outcome.turn.question, outcome.response)
    return Content.assemble(
        (f" {sign} ", style),
        " ",
        (name, "bold"),
        pad,
        "  ",
        (f"{points:+,}" if points else "0").rjust(6),
        "  ",
        Content.styled(said, "italic" if outcome.response is None else ""),
    )


def answers_content(outcomes: Sequence[Outcome]) -> Content:
    """One line per answer, names in one column."""
    width = max((cells(o.turn.player) for o in outcomes), default=0)
    return Content("\n").join(answer_line(o, width) for o in outcomes)


def summary(outcomes: Sequence[Outcome]) -> str:
    """``2 of 3 right``, for the reveal's headline."""
    right = sum(1 for o in outcomes if o.correct)
    return f"{right} of {len(outcomes)} right"


class RoundAnswers(Static):
    """Each player's answer to the question just revealed, right or wrong, and points."""

    DEFAULT_CSS = """
    RoundAnswers { height: auto; padding: 0 1; margin-bottom: 1; background: $boost; }
    """

    def __init__(self, outcomes: Sequence[Outcome], *, id: str | None = None) -> None:
        """The answers in ``outcomes``, in the order given."""
        super().__init__(answers_content(outcomes), id=id)
