"""What screens ask of the app, as base message types the app handles with ``@on``.

Each screen nests its own ``@dataclass`` message, a subclass of one of these, and posts
it; Textual matches ``@on`` handlers along the message's class hierarchy, so the app
routes them without importing the screens that send them. That keeps those screens
(and the widgets they pull in) out of the home screen's first paint (see bench/).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from quiz.game_setup import GameSetup

if TYPE_CHECKING:  # grading pulls in rapidfuzz: not before the home screen's first paint
    from quiz.grading import Response


@dataclass
class StartGame(Message):
    """Deal and start a game of ``setup``."""

    setup: GameSetup


@dataclass
class Pick(Message):
    """Seat ``player`` answers ``choice`` to question ``question`` (its 0-based index in
    the game): an option index (0-based), option indices in order, a number or words."""

    player: int
    question: int
    choice: Response


@dataclass
class CheckClock(Message):
    """Time passed on a question: the game's clock may have run out."""


@dataclass
class HoldClock(Message):
    """A dialog covers the question (``held``), or has closed: stop or restart its clock."""

    held: bool


@dataclass
class PlayAgain(Message):
    """Same setup, new questions."""


@dataclass
class MainMenu(Message):
    """Leave for the home screen."""


@dataclass
class Review(Message):
    """A practice game of the questions ``player`` missed."""

    player: str


@dataclass
class FlagQuestion(Message):
    """A player flags question ``question_id`` of ``pack`` for its author, with a
    ``reason`` ("" for none)."""

    question_id: str
    pack: str
    reason: str
    player: str | None = None
