"""Who answers which question, in what order, and when a round ends: the turn order of
each :class:`~quiz.game_setup.Seating`, apart from the game's state."""

from __future__ import annotations

from quiz.game_setup import Seating

#: Seatings where players pass one keyboard and a handover comes before each answer.
HOT_SEAT = (Seating.SAME, Seating.TURNS)


def asked(seating: Seating, players: int, step: int) -> tuple[int, ...]:
    """The seats that answer question ``step``, in the order they answer it at one
    keyboard (``TURNS``: one seat each question, in turn; the others: everyone)."""
    if seating is Seating.TURNS:
        return (step % players,)
    return tuple(range(players))


def answers(seating: Seating, players: int, step: int, seat: int) -> bool:
    """Whether ``seat`` answers question ``step``: :func:`asked` without building the
    tuple (a party of 200 phones checks it for every answer)."""
    if seating is Seating.TURNS:
        return seat == step % players
    return 0 <= seat < players


def round_number(seating: Seating, players: int, step: int) -> int:
    """The 1-based round question ``step`` belongs to (one question per player each)."""
    return step // players + 1 if seating is Seating.TURNS else step + 1


def round_ends(seating: Seating, players: int, next_step: int) -> bool:
    """Whether the standings come before question ``next_step``: after every question
    that all players share, after each full turn of own questions, and never in a
    buzzer game (its screen shows the scores all along)."""
    if seating is Seating.BUZZER:
        return False
    if seating is Seating.TURNS:
        return next_step % players == 0
    return True


def questions_per_round(seating: Seating, players: int) -> int:
    """How many of the dealt questions one round uses."""
    return players if seating is Seating.TURNS else 1
