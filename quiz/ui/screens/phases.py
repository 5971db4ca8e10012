"""Which screen draws which phase of a game."""

from __future__ import annotations

from quiz.buzzer_game import BuzzerGame
from quiz.game import Game, Phase
from quiz.ui.screens.base import GameScreen
from quiz.ui.screens.buzzer import BuzzerScreen
from quiz.ui.screens.handover import HandoverScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.standings import StandingsScreen


def screen_for(game: Game, tick_interval: float) -> GameScreen | None:
    """A new screen for ``game``'s phase (``None`` for a phase no screen draws)."""
    if isinstance(game, BuzzerGame) and game.phase in (Phase.QUESTION, Phase.REVEAL):
        return BuzzerScreen(game, tick_interval=tick_interval)
    match game.phase:
        case Phase.HANDOVER:
            return HandoverScreen(game)
        case Phase.QUESTION | Phase.REVEAL:  # the reveal is the question screen updated
            return QuestionScreen(game, tick_interval=tick_interval)
        case Phase.STANDINGS:
            return StandingsScreen(game)
        case Phase.RESULTS:
            return ResultsScreen(game)
    return None
