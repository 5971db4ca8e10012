"""The end of a game drawn to be celebrated: a podium with big scores, awards, the rest.

Names are untrusted (players typed them): each is drawn as literal text, cut to its
column in terminal cells (:func:`quiz.text.fit`), never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Label, Static

from quiz.podium import (
    Award,
    CategoryScore,
    PersonalMark,
    RoundRow,
    ordinal,
)
from quiz.session_standings import Standing
from quiz.text import cells, fit, shorten

#: Podium order on screen: second on the left, the winner in the middle, third right.
STEP_ORDER = (2, 1, 3)
#: Cells for a name on a podium step.
STEP_WIDTH = 18
#: Cells for a name in the awards' name column.
AWARD_NAME_WIDTH = 24


class PodiumStep(Vertical):
    """One place on the podium: the name, the score in big digits, the step."""

    def __init__(self, standing: Standing, step: int) -> None:
        """A step for ``standing``; ``step`` (1-3) sets its height."""
        super().__init__(classes=f"podium-step step-{step}")
        self.standing = standing

    def compose(self) -> ComposeResult:
        """Name, score, place."""
        player = self.standing.player
        yield Label(Text(fit(player.name, STEP_WIDTH), style="bold"), classes="podium-name")
        yield Digits(str(player.score), classes="podium-score")
        # Short of room (the screen's ``-compact`` class) the score is one bold line.
        yield Label(Text(f"{player.score:,}", style="bold"), classes="podium-number")
        yield Label(Text(ordinal(self.standing.place)), classes="podium-place")


class Podium(Horizontal):
    """Up to three steps, the winner in the middle; tied players share a place's label."""

    def __init__(self, standings: Sequence[Standing]) -> None:
        """A podium of the first three of ``standings``."""
        super().__init__(classes="podium")
        self.standings = list(standings)

    def compose(self) -> ComposeResult:
        """Second, first, third (those there are)."""
        top = self.standings[:3]
        for position in STEP_ORDER:
            if position <= len(top):
                yield PodiumStep(top[position - 1], position)


def award_lines(awards: Sequence[Award]) -> Text:
    """``★ Fastest finger  Ana  1.2s`` per award in three columns (title, name, what
    earned it), measured in terminal cells; names literal, cut to their column."""
    text = Text()
    title_width = max((cells(award.title) for award in awards), default=0)
    name_width = min(AWARD_NAME_WIDTH, max((cells(a.player) for a in awards), default=0))
    for number, award in enumerate(awards):
        if number:
            text.append("\n")
        text.append("★ ", style="bold yellow")
        text.append(fit(award.title, title_width) + "  ", style="bold")
        text.append(fit(award.player, name_width))
        text.append(f"  {award.detail}", style="dim")
    return text


def rest_lines(standings: Sequence[Standing]) -> Text:
    """The players below the podium: ``4th  Dee  1,200``."""
    text = Text()
    for number, standing in enumerate(standings):
        if number:
            text.append("\n")
        text.append(f"{ordinal(standing.place):>5}  ", style="bold")
        text.append(shorten(standing.player.name, 24))
        text.append(f"  {standing.player.score:,}")
    return text


def mark_lines(marks: Sequence[PersonalMark], solo: bool) -> Text:
    """Each player's game against their best; a multiplayer line names the player."""
    text = Text()
    for mark in marks:
        line = mark.line()
        if not line:
            continue
        if text:
            text.append("\n")
        if not solo:
            text.append(shorten(mark.player, 24), style="bold")
            text.append(": ")
        text.append(line, style="bold green" if mark.new_best else "")
    return text


def category_lines(scores: Sequence[CategoryScore], width: int = 10) -> Text:
    """``Charts      ███████░░░  7/10`` per category: a bar and the numbers (not colour alone)."""
    text = Text()
    label = max((len(s.category) for s in scores), default=0)
    for number, score in enumerate(scores):
        if number:
            text.append("\n")
        filled = round(score.share * width)
        text.append(fit(score.category, min(label, 22)) + "  ")
        text.append("█" * filled, style="green")
        text.append("░" * (width - filled), style="dim")
        text.append(f"  {score.right}/{score.asked}")
    return text


def round_table(rows: Sequence[RoundRow]) -> Text:
    """Standings between rounds: place, movement, name, points this round, total."""
    width = max((cells(row.name) for row in rows), default=0)
    text = Text()
    for number, row in enumerate(rows):
        if number:
            text.append("\n")
        text.append(f"{ordinal(row.place):>5} ", style="bold")
        style = "green" if row.move > 0 else "red" if row.move < 0 else "dim"
        text.append(f"{row.arrow:<3} ", style=style)
        text.append(fit(row.name, min(24, width)), style="bold")
        text.append(f" {'+' + format(row.gained, ',') if row.gained else '+0':>7}", style="cyan")
        text.append(f" {row.score:>8,}")
    return text


class Ending(Vertical):
    """Everything under the podium: awards, the rest, bests (multiplayer)."""

    def __init__(
        self, awards: Sequence[Award], rest: Sequence[Standing], marks: Sequence[PersonalMark]
    ) -> None:
        """The parts that have something to say."""
        super().__init__(classes="ending")
        self.awards = list(awards)
        self.rest = list(rest)
        self.marks = list(marks)

    def compose(self) -> ComposeResult:
        """Only the parts with content."""
        if self.awards:
            yield Static(award_lines(self.awards), classes="awards")
        if self.rest:
            yield Static(rest_lines(self.rest), classes="rest")
        marks = mark_lines(self.marks, solo=False)
        if marks:
            yield Static(marks, classes="marks")

