"""Routing a game's messages to the session, and the session's phase to a screen.

The app (:mod:`quiz.ui.app`) is this class plus start-up, menus and the keys that work
everywhere. Messages are acted on only from the screen on top: a key typed while a
dialog was opening, or after a quit, must not move the game under it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.screen import ModalScreen

from quiz.game_setup import GameSetup
from quiz.ui import buzz_requests, requests
from quiz.ui.guards import dialog_on_top, exiting, on_top
from quiz.ui.key_safe_app import KeySafeApp
from quiz.ui.screens.base import GameScreen, StepScreen

# The session, the engine and the game screens are imported when a game starts: the
# home screen must paint fast (see bench/).
if TYPE_CHECKING:
    from quiz.game import Game
    from quiz.question import Question
    from quiz.session import Dealer, GameSession, Saved


class GameRoutes(KeySafeApp):
    """The game half of the app: deals through :meth:`make_dealer`, shows each phase.

    Args:
        tick_interval: seconds between timer checks on the question screen.
    """

    def __init__(self, tick_interval: float = 0.1) -> None:
        super().__init__()
        self.tick_interval = tick_interval
        self.session: GameSession | None = None
        self.last_setup: GameSetup | None = None
        self._dealer: Dealer | None = None
        #: Each player's best score before the game in progress (``None``: no game yet),
        #: for "new personal best!" on the results; empty where scores are not kept.
        self.bests_before: dict[str, int | None] = {}

    def make_dealer(self) -> Dealer:
        """The dealer of this app's games (the app gives it its clock and scores)."""
        raise NotImplementedError

    def setup_chosen(self, setup: GameSetup) -> None:
        """A game was set up by hand (the app keeps it for the next setup screen)."""

    def best_scores(self, players: Sequence[str]) -> dict[str, int | None]:
        """Each player's best score so far (the app reads the scores database)."""
        return {}

    @property
    def game(self) -> Game | None:
        """The game in progress (what the screens draw), if any."""
        return self.session.game if self.session is not None else None

    @property
    def dealer(self) -> Dealer:
        """Deals every game of this app (made at the first game: see the imports above)."""
        if self._dealer is None:
            self._dealer = self.make_dealer()
        return self._dealer

    @on(requests.StartGame)
    def _setup_done(self, event: requests.StartGame) -> None:
        if not on_top(self, GameScreen, ModalScreen):  # else a stale second Start
            self.start_game(event.setup)

    def start_review(self, player: str) -> bool:
        """A practice game of the questions ``player`` got wrong: no timer, not ranked."""
        return self._begin(lambda dealer: dealer.review(player))

    def start_game(
        self,
        setup: GameSetup,
        *,
        remember: bool = True,
        questions: Sequence[Question] | None = None,
    ) -> bool:
        """Deal a game and show it; ``False`` (with a notice) if it cannot be dealt.

        ``remember`` keeps ``setup`` as it was typed, to fill in the next setup screen.
        """
        if remember:
            self.last_setup = setup
            self.setup_chosen(setup)
        return self._begin(lambda dealer: dealer.deal(setup, questions=questions))

    def _begin(self, deal: Callable[[Dealer], GameSession]) -> bool:
        from quiz.session import DealError

        if exiting(self):
            return False
        try:
            session = deal(self.dealer)
        except DealError as error:
            self.notify(str(error), severity=error.severity, markup=False)
            return False
        if session.notice:
            self.notify(session.notice, title="Scores", severity="warning", timeout=10,
                        markup=False)  # fmt: skip
        if session.shortfall:
            self.notify(session.shortfall, severity="warning", markup=False)
        self.session = session
        ranked = session.game.setup.mode_name != "practice"
        self.bests_before = self.best_scores(session.game.setup.players) if ranked else {}
        self.show_phase()
        return True

    def show_phase(self) -> None:
        """Put up the screen for the game's current phase."""
        from quiz.ui.screens.phases import screen_for

        game = self.game
        if game is not None and isinstance(self.screen, GameScreen) and self.screen.follow(game):
            return  # the reveal: one update of the question screen, not a new screen
        screen = screen_for(game, self.tick_interval) if game is not None else None
        if screen is None or exiting(self):
            return
        if isinstance(self.screen, GameScreen):
            self.switch_screen(screen)
        elif not any(isinstance(shown, GameScreen) for shown in self.screen_stack):
            self.push_screen(screen)
        # else a dialog covers the game screen: never push above it; the game screen
        # asks for its phase again when the dialog closes (GameScreen.Behind).

    @on(GameScreen.Behind)
    def _game_screen_behind(self) -> None:
        if on_top(self, GameScreen):
            self.show_phase()

    def _moved(self, before: object) -> None:
        """Show the new phase if the last message moved the game on; else let a screen
        that draws several states of one phase (the buzzer's) redraw at once."""
        if self.session is not None and self.session.phase is not before:
            self.show_phase()
            return
        from quiz.ui.screens.buzzer import BuzzerScreen

        if isinstance(self.screen, BuzzerScreen):
            self.screen.sync()

    @on(requests.Pick)
    def _answered(self, event: requests.Pick) -> None:
        from quiz.session import Answer

        if self.session is not None and on_top(self, GameScreen):
            before = self.session.phase
            self.session.submit(Answer(event.player, event.question, event.choice))
            self._moved(before)

    @on(buzz_requests.Buzz)
    def _buzzed(self, event: buzz_requests.Buzz) -> None:
        if self.session is not None and on_top(self, GameScreen):
            before = self.session.phase
            self.session.buzz(event.player, event.question)
            self._moved(before)

    @on(buzz_requests.Close)
    def _question_closed(self, event: buzz_requests.Close) -> None:
        if self.session is not None and on_top(self, GameScreen):
            before = self.session.phase
            self.session.close_question(event.question)
            self._moved(before)

    @on(buzz_requests.Respond)
    def _responded(self, event: buzz_requests.Respond) -> None:
        from quiz.session import Answer

        if self.session is not None and on_top(self, GameScreen):
            before = self.session.phase
            self.session.submit(Answer(event.player, event.question, event.response))
            self._moved(before)
    @on(requests.HoldClock)
    def _hold_clock(self, event: requests.HoldClock) -> None:
        # Only while a dialog covers the game: a screen leaving for the next phase
        # says it is covered too, and the next question's clock must keep running.
        if self.session is None or exiting(self):
            return
        if event.held and dialog_on_top(self):
            self.session.pause()
        elif not event.held and on_top(self, GameScreen):
            self.session.resume()

    @on(requests.CheckClock)
    def _clock_checked(self) -> None:
        if self.session is not None and on_top(self, GameScreen) and self.session.tick():
            self.show_phase()

    @on(StepScreen.Stepped)
    def _stepped(self, event: StepScreen.Stepped) -> None:
        from quiz.game import Phase

        session = self.session
        if session is None or not on_top(self, GameScreen):
            return
        before = session.phase
        if event.phase is Phase.HANDOVER:
            session.ready(event.question)
        else:
            self._report(session.advance(event.phase, event.question))
        self._moved(before)

    def _report(self, saved: Saved | None) -> str | None:
        """Say what became of a game's save if it was not simply kept; return that line."""
        if saved is None:
            return None
        if saved.problem is not None:
            self.notify(saved.problem, severity="error", markup=False)
            return saved.problem
        if saved.notice is not None:
            self.notify(saved.notice, title="Scores", severity="warning", timeout=10,
                        markup=False)  # fmt: skip
        return saved.notice

    @on(GameScreen.QuitAsked)
    def ask_abandon(self) -> None:
        """Ask before giving up the game in progress (the clock pauses meanwhile)."""
        if not on_top(self, GameScreen):  # a dialog is already up, or the app is quitting
            return
        session = self.session
        if session is None or session.over:
            self.main_menu()
            return
        session.pause()
        from quiz.ui.screens.confirm import ConfirmAbandonScreen

        def decided(abandon: bool | None) -> None:
            if abandon:
                self.abandon_game()
            elif self.session is not None:
                self.session.resume()

        self.push_screen(ConfirmAbandonScreen(bool(session.game.outcomes)), decided)

    def abandon_game(self) -> None:
        """Give up the game in progress, save it, and go back to the menu."""
        if self.session is not None:
            self._report(self.session.abandon())
        self.main_menu()

    @on(requests.PlayAgain)
    def play_again(self) -> None:
        """Same setup, new questions: a new seed drawn from the last game's generator."""
        session = self.session
        if session is not None and session.over and on_top(self, GameScreen):
            self._begin(lambda dealer: dealer.again(session))

    @on(requests.MainMenu)
    def _menu_requested(self) -> None:
        # A stale "main menu" from the results must not drop the next game unrecorded.
        if (self.session is None or self.session.over) and on_top(self, GameScreen):
            self.main_menu()

    def main_menu(self) -> None:
        """Back to the home screen."""
        self.session = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
