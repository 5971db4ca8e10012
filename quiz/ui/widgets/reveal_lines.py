"""What the reveal says, as Content built from plain strings: the verdict, each option
marked, an order put right, a typed answer beside the right one, and why the points.

Marks are symbols (✔ ✖ ◐ ⏱) as well as colours, so the reveal reads without colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from quiz.grading import describe, tolerance
from quiz.question import Question, number_text
from quiz.session_turns import Outcome
from quiz.ui.widgets.option_marks import mark
from quiz.ui.widgets.reveal_body import Block, Para, Row

Drawn = tuple[Content, Content, Content]
"""A revealed line: its head (marks), its text, and a note after it (may be empty)."""


def result_of(outcome: Outcome) -> str:
    """``right``, ``partial``, ``wrong`` or ``timeout``: the verdict's CSS class."""
    if outcome.timed_out:
        return "timeout"
    if outcome.correct:
        return "right"
    return "partial" if outcome.points.total else "wrong"


def verdict(outcome: Outcome) -> Content:
    """The headline: what happened and the points gained, with why (each number once)."""
    points = outcome.points
    result = result_of(outcome)
    heads = {
        "timeout": "⏱  Time's up!",
        "right": "✔  Right!",
        "partial": "◐  Partly right",
        "wrong": "✖  Wrong.",
    }
    if result != "right":
        return Content.assemble((heads[result], "bold"), "   ", points.explain())
    why = "for speed" if points.timer_on else "for a right answer"
    if points.streak_bonus:
        why = f"({points.speed:,} {why} + {points.streak_bonus} streak bonus)"
    gained = (f"+{points.total:,}", "bold")
    return Content.assemble((heads[result], "bold"), "   ", gained, f" {why}")


def option_reveal(index: int, outcome: Outcome) -> tuple[Content, Content, str]:
    """One option of a pick question as revealed: its head (verdict mark and option
    mark), a note after it ("← your answer", or none) and its CSS class."""
    answer = outcome.turn.question.answer
    picked = outcome.chosen == index
    if index == answer:
        sign, css = "✔", "-right"
    elif picked:
        sign, css = "✖", "-wrong"
    else:
        sign, css = " ", "-other"
    head = Content.assemble((f"{sign} ", "bold"), mark(index).head(dim=css == "-other"))
    note = Content()
    if picked:
        note = Content.styled("  ← your answer", "italic")
    elif index == answer and outcome.chosen is not None:
        note = Content.styled("  ← right answer", "italic")
    return head, note, css


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th`` … (n ≥ 1)."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def order_reveal(question: Question, response: object) -> list[tuple[Drawn, bool]]:
    """The items in the right order, each marked ✔ if the player put it in that place,
    else ✖ with where they put it; paired with whether it was in place."""
    given: Sequence[int] = response if isinstance(response, tuple) else ()
    lines: list[tuple[Drawn, bool]] = []
    for place, item in enumerate(question.order):
        in_place = place < len(given) and given[place] == item
        sign = "✔" if in_place else "✖"
        head = Content.assemble(
            (f"{sign} ", "bold"), (f"{ordinal(place + 1):>4} ", "bold"), mark(item).head()
        )
        note = Content()
        if not in_place and item in given:
            note = Content.styled(f"  ← you put it {ordinal(given.index(item) + 1)}", "italic")
        lines.append(((head, Content(question.options[item]), note), in_place))
    return lines


def partial_why(question: Question, outcome: Outcome) -> str:
    """How the partial credit of an order or number answer was worked out ("" if none)."""
    response = outcome.response
    if response is None:
        return ""
    if question.type == "order" and isinstance(response, tuple):
        places = sum(1 for got, want in zip(response, question.order, strict=False) if got == want)
        return f"{places} of {len(question.order)} in the right place."
    if question.type == "number" and isinstance(response, int | float):
        if question.number is None:
            return ""
        off = abs(float(response) - question.number)
        if off == 0:
            return "Exactly right."
        none_at = number_text(tolerance(question) + 1)
        return (
            f"{number_text(off)} off: points shrink with the distance and run out "
            f"at {none_at} off."
        )
    return ""


def typed_reveal(question: Question, outcome: Outcome) -> Content:
    """A typed answer (number or text) beside the right one, with the alternatives that
    also count for a text question."""
    said = describe(question, outcome.response)
    sign = "✔" if outcome.correct else ("◐" if outcome.points.total else "✖")
    lines = [] if outcome.response is None and not outcome.timed_out else [
        # (no "your answer" on a round's reveal: the table above gives everyone's)
        Content.assemble(
            (f"{sign} ", "bold"), ("Your answer   ", "dim"), Content(said).stylize("bold")
        ),
    ]
    lines += [
        Content.assemble(
            ("✔ ", "bold"), ("Right answer  ", "dim"), Content(question.correct).stylize("bold")
        ),
    ]
    if question.type == "text" and question.accept:
        also = ", ".join(question.accept)
        lines.append(Content.assemble(("  Also counted: ", "dim"), Content(also)))
    why = partial_why(question, outcome)
    if why:
        lines.append(Content.styled(f"  {why}", "italic"))
    return Content("\n").join(lines)


ROW_STYLES = {
    "-right": "bold $text-success on $success-muted",
    "-wrong": "$text-error on $error-muted",
    "-other": "dim",
}
"""A revealed line's colours by its mark (the marks themselves are symbols)."""


def question_meta(category: str, difficulty: str) -> Content:
    """``Charts · medium``, drawn literally."""
    return Content.assemble(Content(category), Content.styled(f"  ·  {difficulty}", "dim"))


def answer_blocks(question: Question, outcome: Outcome) -> list[Block]:
    """The answer part of the reveal, for ``question``'s type."""
    if question.picks:
        blocks: list[Block] = []
        for index, text in enumerate(question.options):
            head, note, css = option_reveal(index, outcome)
            blocks.append(Row(head, Content(text), note, ROW_STYLES[css]))
        return blocks
    if question.type == "order":
        rows: list[Block] = [
            Row(head, text, note, ROW_STYLES["-right" if in_place else "-wrong"])
            for (head, text, note), in_place in order_reveal(question, outcome.response)
        ]
        why = partial_why(question, outcome)
        return [*rows, Para(Content.styled(why, "italic"))] if why else rows
    return [Para(line) for line in typed_reveal(question, outcome).split("\n")]


def reveal_blocks(question: Question, outcome: Outcome) -> list[Block]:
    """Everything the reveal shows under its verdict: the question, the answer marked,
    the explanation and, small, the source."""
    blocks: list[Block] = [
        Para(question_meta(question.category, question.difficulty)),
        Para(Content(question.prompt).stylize("bold")),
        Para(),
        *answer_blocks(question, outcome),
    ]
    if question.explanation:
        bar = Content.styled("▌ ", "$accent")
        blocks += [Para(), Para(Content(question.explanation), bar)]
    if question.source:
        blocks.append(Para(Content.styled(f"Source: {question.source}", "italic dim"),
                           Content("  ")))  # fmt: skip
    return blocks
