"""What the party's big screen draws at each stage, as rich Text built from the host.

Names, prompts and options come from phones and packs: each is literal text, cut to its
space in terminal cells, never markup. Options carry a letter and a shape as well as a
colour, so nobody needs to tell colours apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from quiz.party.host import PartyHost
from quiz.party.qr import qr_lines
from quiz.party.room import PartyPlayer
from quiz.podium import RoundRow
from quiz.question import Question, number_text
from quiz.text import shorten
from quiz.ui.widgets.podium import round_table

SHAPES = "▲◆●■★✚"
LETTERS = "ABCDEF"
COLOURS = ("red", "blue", "yellow", "green", "magenta", "dark_orange")
BAR_WIDTH = 24


def qr_text(url: str) -> Text:
    """The join address's QR code, dark on light (what phone cameras expect)."""
    return Text("\n".join(qr_lines(url)), style="black on white", no_wrap=True)


def lobby_text(host: PartyHost, url: str) -> Text:
    """The address, the room code and who joined, numbered for the kick key."""
    text = Text()
    text.append("Join on your phone\n", style="bold")
    text.append("Scan the code, or open\n")
    text.append(url.split("#")[0], style="bold cyan")
    text.append("\nand type the room code ")
    text.append(host.room.code, style="bold reverse")
    text.append(f"\n\nPlayers ({len(host.room)}):\n", style="bold")
    text.append_text(players_text(host.room.players))
    if not host.room.players:
        text.append("waiting for the first phone…", style="dim")
    return text


def players_text(players: Sequence[PartyPlayer], width: int = 24) -> Text:
    """``1. Ana``, ``2. Ben (away)``: numbered for the kick key."""
    text = Text()
    for player in players:
        if player.kicked:
            continue
        text.append(f"{player.seat + 1:>3}. ")
        text.append(shorten(player.name, width), style="bold" if player.connected else "dim")
        if not player.connected:
            text.append(" (away)", style="dim italic")
        text.append("\n")
    return text


def option_label(index: int) -> Text:
    """``▲ A`` in the option's colour: shape, letter and colour together."""
    return Text(f" {SHAPES[index % 6]} {LETTERS[index % 6]} ",
                style=f"bold white on {COLOURS[index % 6]}")  # fmt: skip


def question_text(question: Question, number: int, of: int) -> Text:
    """The prompt and its options (typed kinds say what to type)."""
    text = Text()
    text.append(f"Question {number} of {of} · {question.category}\n\n", style="dim")
    text.append(question.prompt, style="bold")
    text.append("\n\n")
    if question.type == "number":
        unit = f" {question.unit}" if question.unit else ""
        span = f" from {number_text(question.low)} to {number_text(question.high)}"
        text.append(f"Type a number{span}{unit} on your phone", style="italic")
    elif question.type == "text":
        text.append("Type the answer on your phone", style="italic")
    for index, option in enumerate(question.options):
        text.append_text(option_label(index))
        text.append(f"  {option}\n\n", style="bold")
    if question.type == "order":
        text.append("Put these in order on your phone", style="italic")
    return text


def status_text(host: PartyHost, seconds_left: float | None) -> Text:
    """``answered 4/6 · 12s``, the clock red in its last seconds; or ``paused``."""
    game = host.session.game if host.session is not None else None
    if game is None:
        return Text()
    present = len([p for p in host.room.present if p.seat < len(game.players)])
    text = Text(f"answered {host.answered}/{present}", style="bold")
    if host.paused:
        text.append("  ·  PAUSED", style="bold reverse")
    elif seconds_left is not None:
        urgent = seconds_left <= 5
        text.append("  ·  ")
        text.append(f"{seconds_left:.0f}s", style="bold red blink" if urgent else "bold")
    return text


def distribution_text(question: Question, counts: Sequence[int]) -> Text:
    """How many picked each option, as bars; the right option marked ✓ (not colour alone)."""
    text = Text()
    top = max(counts, default=0) or 1
    for index, option in enumerate(question.options):
        count = counts[index] if index < len(counts) else 0
        right = question.picks and index == question.answer
        text.append_text(option_label(index))
        text.append(" ✓ " if right else "   ", style="bold green")
        text.append("█" * round(BAR_WIDTH * count / top), style=COLOURS[index % 6])
        text.append(f" {count}  ", style="bold")
        text.append(shorten(option, 40), style="bold" if right else "")
        text.append("\n")
    return text


def reveal_text(host: PartyHost) -> Text:
    """The right answer, the distribution (for picks) and the explanation."""
    assert host.session is not None
    game = host.session.game
    question = game.questions[game.step]
    text = Text()
    text.append("Answer: ", style="bold")
    text.append(question.correct, style="bold green")
    text.append("\n\n")
    if question.options:
        text.append_text(distribution_text(question, host.distribution()))
    else:
        right = sum(1 for o in game.step_outcomes if o.correct)
        text.append(f"{right} of {len(game.step_outcomes)} got it exactly\n")
    text.append("\n")
    text.append(question.explanation)
    return text


def standings_text(rows: Sequence[RoundRow], limit: int = 10) -> Text:
    """The top of the standings with ▲/▼ movement and this round's points."""
    return round_table(list(rows)[:limit])
