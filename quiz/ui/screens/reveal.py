"""The reveal: right option ✔, a wrong pick ✖, points and why, the explanation."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.session_turns import Outcome
from quiz.ui.screens.base import StepScreen
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.option_button import OptionText
from quiz.ui.widgets.round_answers import RoundAnswers, summary
from quiz.ui.widgets.turn_status import TurnStatus


def verdict(outcome: Outcome) -> Content:
    """The headline: what happened and the points gained, with why."""
    points = outcome.points
    if outcome.timed_out:
        head = "⏱  Time's up!"
    elif outcome.correct:
        head = f"✔  Right!  +{points.total:,}"
    else:
        head = "✖  Wrong."
    return Content.assemble((head, "bold"), "   ", points.explain())


def option_line(index: int, text: str, outcome: Outcome) -> tuple[Content, Content, Content, str]:
    """One option as revealed: its head (mark and key), its text, a note after it
    ("← your answer", or none) and its CSS class (marks are symbols, not just colour)."""
    answer = outcome.turn.question.answer
    picked = outcome.chosen == index
    if index == answer:
        mark, css = "✔", "-right"
    elif picked:
        mark, css = "✖", "-wrong"
    else:
        mark, css = " ", "-other"
    head = Content.assemble((f" {mark} ", "bold"), (f" {index + 1} ", "reverse"), "  ")
    note = Content()
    if picked:
        note = Content.styled("   ← your answer", "italic")
    elif index == answer and outcome.chosen is not None:
        note = Content.styled("   ← right answer", "italic")
    return head, Content(text), note, css


class RevealScreen(StepScreen):
    """The answer to the question just asked. Enter or Space continues; F flags it."""

    BINDINGS = [Binding("f", "flag", "Flag question")]

    def action_flag(self) -> None:
        """Flag the question just revealed, with an optional reason."""
        from quiz.ui.screens.flag import flag_question

        outcome = self.game.last_outcome
        if outcome is not None:
            player = self.game.players[outcome.turn.player_index].name
            flag_question(self, outcome.turn.question, player)

    def compose(self) -> ComposeResult:
        """Verdict, the options marked, the explanation and a continue button."""
        outcome = self.game.last_outcome
        assert outcome is not None
        question = outcome.turn.question
        result = "timeout" if outcome.timed_out else ("right" if outcome.correct else "wrong")
        player = self.game.players[outcome.turn.player_index]
        everyone = self.game.step_outcomes  # a question all players answered: one reveal
        if len(everyone) > 1:  # no one pick is "your answer": only the right one is marked
            outcome, result = replace(outcome, response=None), "everyone"
        with Vertical(classes="top-bar"):
            if len(everyone) > 1:  # the round's, not the last player's
                line = f"Round {outcome.turn.round} of {self.game.rounds}  ·  {summary(everyone)}"
                yield Static(Content(line), id="verdict", classes="verdict -all")
            else:
                yield TurnStatus(outcome.turn, player, self.game.multiplayer)
                yield Static(verdict(outcome), id="verdict", classes=f"verdict -{result}")
        with VerticalScroll(classes="stage"):
            yield Static(Content(question.prompt), classes="prompt")
            if len(everyone) > 1:
                yield RoundAnswers(everyone, id="round-answers")
            with Vertical(id="revealed"):
                for index, text in enumerate(question.options):
                    head, body, note, css = option_line(index, text, outcome)
                    yield OptionText([(head, body, note)], classes=f"revealed-option {css}")
            if question.explanation:
                yield Static(Content(question.explanation), id="explanation")
            if question.source:
                yield Label(f"Source: {question.source}", markup=False, classes="source")
        with Center(classes="actions"):
            yield Button("Continue  ⏎", id="continue", variant="primary")
        yield KeyHints(("enter", "continue"), ("esc", "quit game"), ("?", "help"))
