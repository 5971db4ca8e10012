"""The Textual app: wiring between the screens and the game session, and nothing more.

The session (:mod:`quiz.session`) owns the game: it deals, takes answers, keeps the
clock and saves. Screens draw the game and post messages; the app routes each message
to the session and puts up the screen for the phase the game is in. Packs, questions
and prompts come from a :class:`~quiz.bank.QuestionBank`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.events import Resize
from textual.screen import ModalScreen, Screen

from quiz.bank import Library, QuestionBank
from quiz.game_setup import GameSetup
from quiz.session_clock import fresh_seed, utc_now
from quiz.ui import requests
from quiz.ui.guards import dialog_on_top, exiting, on_top
from quiz.ui.key_safe_app import KeySafeApp
from quiz.ui.screens.base import GameScreen, StepScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.too_small import TooSmallScreen
from quiz.ui.sigterm import on_sigterm
from quiz.ui.themes import keep_theme

# The session, the engine and the screens after home are imported when first needed:
# the home screen must paint fast (see bench/). Their messages subclass the light
# quiz.ui.requests types, which the @on handlers below name.
if TYPE_CHECKING:
    from quiz.game import Game
    from quiz.question import Question
    from quiz.session import Dealer, GameSession, Recent, Recorder, Saved
    from quiz.store import Store

MIN_WIDTH, MIN_HEIGHT = 60, 20
"""Below this the layout cannot fit a question and four options."""


class QuizApp(KeySafeApp):
    """wdta-quiz: home, setup, the game, results, packs and scores.

    Args:
        bank: where packs, questions and question prompts come from.
        recorder: called once with the record of every finished or abandoned game.
        quick_start: a setup to start playing at once (``play --players``).
        clock: monotonic seconds for the question timer (tests pass a fake one).
        now: wall-clock time for the records.
        new_seed: a seed for games set up without one.
        notices: lines to show once the app is up (e.g. packs that failed to load).
        tick_interval: seconds between timer checks on the question screen.
        missed: player name -> ids of questions they got wrong ("Review my misses").
        scores: the scores database the games are saved to, lent to the Scores screen
            (``None``: the Scores screen opens the default one itself).
        recent: player names -> question ids they saw lately (dealt last); raising
            ``UserError`` says at a game's start that its save will not work.
        scores_notices: lines about saving to show once the app is up (games kept
            earlier and stored now).
    """

    CSS_PATH = "app.tcss"
    TITLE = "wdta-quiz"
    BINDINGS = [
        # Textual 8 only hints at ctrl+q on ctrl+c; players expect ctrl+c to leave.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(
        self,
        bank: QuestionBank,
        *,
        recorder: Recorder | None = None,
        quick_start: GameSetup | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        new_seed: Callable[[], int] = fresh_seed,
        notices: Sequence[str] = (),
        tick_interval: float = 0.1,
        missed: Callable[[str], Sequence[str]] | None = None,
        scores: Callable[[], Store] | None = None,
        recent: Recent | None = None,
        scores_notices: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.bank = bank
        self.recorder = recorder
        self.exit_problem: str | None = None  # what went wrong while quitting, for stderr
        self.quick_start = quick_start
        self.clock = clock
        self.now = now
        self.new_seed = new_seed
        self.notices = list(notices)
        self.tick_interval = tick_interval
        self.missed = missed
        self.scores = scores
        self.recent = recent
        self.scores_notices = list(scores_notices)
        self.session: GameSession | None = None
        self.last_setup: GameSetup | None = quick_start
        self._dealer: Dealer | None = None
        self._library: Library | None = None

    @property
    def game(self) -> Game | None:
        """The game in progress (what the screens draw), if any."""
        return self.session.game if self.session is not None else None

    @property
    def dealer(self) -> Dealer:
        """Deals every game of this app (made at the first game: see the imports above)."""
        if self._dealer is None:
            from quiz.session import Dealer

            self._dealer = Dealer(
                self.bank, recorder=self.recorder, clock=self.clock, now=self.now,
                new_seed=self.new_seed, missed=self.missed, recent=self.recent,
            )  # fmt: skip
        return self._dealer

    # -- start-up ----------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        """Home is the bottom of the screen stack (no blank screen to paint first)."""
        return HomeScreen()

    def on_mount(self) -> None:
        """Show home (and start a quick game); load packs after the first paint."""
        self._check_size(*self.size)
        keep_theme(self)
        if not self.is_headless:  # headless tests share the runner's loop and signals
            on_sigterm(self._leave)
        for title, lines in (("Pack problem", self.notices), ("Scores", self.scores_notices)):
            for line in lines:
                self.notify(line, title=title, severity="warning", timeout=8, markup=False)
        if self.quick_start is not None:
            self.start_game(self.quick_start)
        else:
            # Reading packs would delay the first paint; do it in a thread right after.
            self.call_after_refresh(self.run_worker, self._load_library, thread=True)

    def _load_library(self) -> None:
        try:
            library = self.bank.library()
        except Exception as error:  # shown, not raised: the app works without packs
            self.call_from_thread(self.notify, f"Could not load packs: {error}", markup=False)
            return
        self.call_from_thread(self._library_loaded, library)

    def _library_loaded(self, library: Library) -> Library:
        if self._library is None:
            self._library = library
            for line in library.problems:
                self.notify(line, title="Pack problem", severity="warning", timeout=8,
                            markup=False)  # fmt: skip
        return self._library

    @property
    def library(self) -> Library:
        """The loaded packs (loads them now if the background load has not finished)."""
        return self._library or self._library_loaded(self.bank.library())

    # -- size --------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        """Cover the screen with a notice while the terminal is too small."""
        # Runs before App updates self.size: use the event's size.
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        screen = self.screen
        showing = isinstance(screen, TooSmallScreen)
        if small and isinstance(screen, TooSmallScreen):
            screen.show_size(width, height)
        elif small:
            if self.session is not None:
                self.session.pause()
            self.push_screen(TooSmallScreen((MIN_WIDTH, MIN_HEIGHT), (width, height)))
        elif showing:
            self.pop_screen()
            if self.session is not None and isinstance(self.screen, GameScreen):
                self.session.resume()

    # -- where the menus lead ----------------------------------------------

    @on(HomeScreen.Picked)
    def _home_picked(self, event: HomeScreen.Picked) -> None:
        if not on_top(self, HomeScreen):  # queued before home was covered: one at a time
            return
        routes: dict[str, Callable[[], object]] = {
            "play": self.open_setup,
            "packs": self.open_packs,
            "scores": self.open_scores,
            "help": self.action_help,
            "quit": self.exit,
        }
        routes[event.choice]()

    def open_setup(self) -> None:
        """Home -> setup."""
        from quiz.ui.screens.setup import SetupScreen

        self.push_screen(SetupScreen(self.library, self.last_setup))

    def open_packs(self) -> None:
        """Home -> the pack browser (switch packs on and off, preview them)."""
        from quiz.ui.screens.packs import PacksScreen

        def closed(changed: bool | None) -> None:
            if changed:
                self.bank.reload()
                self._library = None

        self.push_screen(PacksScreen(self.bank.browse), closed)

    def open_scores(self) -> None:
        """Home -> scores, read from the database the games are saved to."""
        from quiz.ui.screens.scores import ScoresScreen

        screen = ScoresScreen(
            self.scores, prompt_finder=self.bank.prompts, borrowed=self.scores is not None
        )
        self.push_screen(screen)

    @on(requests.Review)
    def _review_requested(self, event: requests.Review) -> None:
        if not dialog_on_top(self):
            self.start_review(event.player)

    # -- the game: messages to the session, its phase to a screen -----------

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
        self.show_phase()
        return True

    def show_phase(self) -> None:
        """Put up the screen for the game's current phase."""
        from quiz.ui.screens.phases import screen_for

        game = self.game
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
        """Show the new phase if the last message moved the game on."""
        if self.session is not None and self.session.phase is not before:
            self.show_phase()

    @on(requests.Pick)
    def _answered(self, event: requests.Pick) -> None:
        from quiz.session import Answer

        if self.session is not None and on_top(self, GameScreen):
            before = self.session.phase
            self.session.submit(Answer(event.player, event.question, event.choice))
            self._moved(before)

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

        self.push_screen(ConfirmAbandonScreen(), decided)

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

    # -- everywhere --------------------------------------------------------

    def action_help(self) -> None:
        """Show the keys."""
        from quiz.ui.screens.help import HelpScreen

        if not exiting(self) and not dialog_on_top(self):
            if self.session is not None:
                self.session.pause()

            def closed(_: object) -> None:
                if self.session is not None and isinstance(self.screen, GameScreen):
                    self.session.resume()

            self.push_screen(HelpScreen(), closed)

    async def action_quit(self) -> None:
        """Leave; a game in progress is saved as abandoned first."""
        self._leave()

    def _leave(self, return_code: int = 0) -> None:
        """Save a game in progress as abandoned, then exit through Textual's own path."""
        failure = None
        if self.session is not None:
            failure = self._report(self.session.abandon())
        # A notification would vanish with the app: `play` prints this after the exit.
        self.exit_problem = failure
        self.exit(return_code=return_code)
