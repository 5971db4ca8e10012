"""What the buzzer screen asks of the app: light message types the app handles with
``@on``, so the app routes them without importing the screen (see
:mod:`quiz.ui.requests`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the app imports this before the home screen's first paint
    from quiz.grading import Response


@dataclass
class Buzz(Message):
    """Seat ``player`` pressed their buzz key on question ``question``."""

    player: int
    question: int


@dataclass
class Respond(Message):
    """Seat ``player`` answers ``response`` to question ``question`` (any type)."""

    player: int
    question: int
    response: Response


@dataclass
class Close(Message):
    """Nobody knows question ``question`` (the timer is off): show the answer."""

    question: int
