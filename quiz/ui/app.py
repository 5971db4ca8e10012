"""The Textual app: screens around the game engine, and nothing more.

The engine (:mod:`quiz.game`) decides what happens; the app shows the screen for the
engine's phase and forwards input to it. Packs and questions come from a
:class:`~quiz.ui.bank.QuestionBank`; a finished or abandoned game is handed once to
``recorder`` (the scores database, when there is one).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen

from quiz.game_setup import MAX_QUESTIONS, GameSetup
from quiz.bank import Library, QuestionBank
from quiz.ui.screens.base import GameScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.too_small import TooSmallScreen

# The engine and the other screens are imported when first needed: the home screen
# must paint fast (see bench/).
if TYPE_CHECKING:
    from quiz.game import Game
    from quiz.question import Question
    from quiz.records import GameRecord

MIN_WIDTH, MIN_HEIGHT = 60, 20
"""Below this the layout cannot fit a question and four options."""

Recorder = Callable[["GameRecord"], None]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _fresh_seed() -> int:
    return random.SystemRandom().randrange(2**31)


class QuizApp(App[None]):
    """wdta-quiz: home, setup, the game, results.

    Args:
        bank: where packs and questions come from.
        recorder: called once with the record of every finished or abandoned game.
        quick_start: a setup to start playing at once (``play --players``).
        clock: monotonic seconds for the question timer (tests pass a fake one).
        now: wall-clock time for the records.
        new_seed: a seed for games set up without one.
        notices: lines to show once the app is up (e.g. packs that failed to load).
        tick_interval: seconds between timer checks on the question screen.
        missed: player name -> ids of questions they got wrong ("Review my misses").
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
        now: Callable[[], datetime] = _utc_now,
        new_seed: Callable[[], int] = _fresh_seed,
        notices: Sequence[str] = (),
        tick_interval: float = 0.1,
        missed: Callable[[str], Sequence[str]] | None = None,
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
        self.game: Game | None = None
        self.last_setup: GameSetup | None = quick_start
        self._recorded = True  # nothing to record until a game starts
        self._library: Library | None = None

    # -- start-up ----------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """Home is the bottom of the screen stack (no blank screen to paint first)."""
        return HomeScreen()

    def on_mount(self) -> None:
        """Show home (and start a quick game); load packs after the first paint."""
        self._check_size(*self.size)
        self._restore_theme()
        for line in self.notices:
            self.notify(line, title="Pack problem", severity="warning", timeout=8, markup=False)
        if self.quick_start is not None:
            self.start_game(self.quick_start)
        else:
            # Reading packs would delay the first paint; do it in a thread right after.
            self.call_after_refresh(self.run_worker, self._load_library, thread=True)

    def _restore_theme(self) -> None:
        """Use the theme picked last time, and remember the next one picked."""
        from quiz.config import load_config

        theme = load_config().theme
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme) -> None:
        from quiz.config import ConfigError, load_config, save_config

        try:
            save_config(load_config().with_theme(theme.name))
        except ConfigError as error:
            self.notify(str(error), title="Theme not saved", severity="warning", markup=False)

    def _load_library(self) -> None:
        try:
            library = self.bank.library()
        except Exception as error:
            self.call_from_thread(self.notify, f"Could not load packs: {error}", markup=False)
            return
        self.call_from_thread(self._library_loaded, library)

    def _library_loaded(self, library: Library) -> None:
        if self._library is not None:
            return
        self._library = library
        for line in library.problems:
            self.notify(line, title="Pack problem", severity="warning", timeout=8, markup=False)

    @property
    def library(self) -> Library:
        """The loaded packs (loads them now if the background load has not finished)."""
        if self._library is None:
            self._library_loaded(self.bank.library())
        assert self._library is not None
        return self._library

    # -- size --------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        """Cover the screen with a notice while the terminal is too small."""
        # Runs before App updates self.size: use the event's size.
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            if self.game is not None:
                self.game.pause()
            self.push_screen(TooSmallScreen((MIN_WIDTH, MIN_HEIGHT), (width, height)))
        elif small and showing:
            self.screen.show_size(width, height)
        elif showing:
            self.pop_screen()
            if self.game is not None and not self._modal_open():
                self.game.resume()

    def _modal_open(self) -> bool:
        return not isinstance(self.screen, GameScreen)

    # -- the game ----------------------------------------------------------

    def open_setup(self) -> None:
        """Home -> setup."""
        from quiz.ui.screens.setup import SetupScreen

        self.push_screen(SetupScreen(self.library, self.last_setup))

    def open_packs(self) -> None:
        """Home -> the pack browser (switch packs on and off, preview them)."""
        try:
            from quiz.ui.screens.packs import PacksScreen, load_installed_packs
        except ImportError:
            self.notify("Managing packs is coming soon.", title="Packs")
            return

        def closed(changed: bool | None) -> None:
            if changed:
                self.bank.reload()
                self._library = None

        self.push_screen(PacksScreen(load_installed_packs), closed)

    def open_scores(self) -> None:
        """Home -> scores, when the scores screen is installed."""
        try:
            from quiz.ui.screens.scores import ScoresScreen
        except ImportError:
            self.notify("Scores are coming soon.", title="Scores")
            return
        self.push_screen(ScoresScreen(on_review=self.start_review))

    def start_review(self, player: str) -> bool:
        """A practice game of the questions ``player`` got wrong: no timer, not ranked."""
        try:
            ids = list(self.missed(player)) if self.missed is not None else []
            rng = random.Random(self.new_seed())
            questions = self.bank.draw_ids(ids, MAX_QUESTIONS, rng) if ids else []
        except Exception as error:
            self.notify(f"Cannot start a review: {error}", severity="error", markup=False)
            return False
        if not questions:
            self.notify("No missed questions to review.", markup=False)
            return False
        setup = GameSetup(
            players=(player,), questions=len(questions), timer=None, mode="practice"
        )
        return self.start_game(setup, remember=False, questions=questions)

    def start_game(
        self,
        setup: GameSetup,
        *,
        remember: bool = True,
        questions: Sequence[Question] | None = None,
    ) -> bool:
        """Draw questions and start a game; ``False`` (with a notice) if there are too few.

        ``remember`` keeps ``setup`` as it was typed, to fill in the next setup screen.
        """
        from quiz.game import Game

        if remember:
            self.last_setup = setup
        seed = setup.seed if setup.seed is not None else self.new_seed()
        setup = replace(setup, seed=seed)
        rng = random.Random(seed)
        try:
            if questions is None:
                questions = self.bank.draw(setup, rng)
            game = Game(setup, questions, clock=self.clock, now=self.now, rng=rng)
        except Exception as error:
            self.notify(f"Cannot start a game: {error}", severity="error", markup=False)
            return False
        if game.per_player < setup.questions:
            self.notify(
                f"The chosen packs give {len(questions)} questions: "
                f"{game.per_player} per player instead of {setup.questions}.",
                severity="warning",
            )
        self.game = game
        self._recorded = False
        game.begin()
        self.show_phase()
        return True

    def show_phase(self) -> None:
        """Put up the screen for the engine's current phase."""
        from quiz.game import Phase

        game = self.game
        if game is None:
            return
        if game.phase is Phase.RESULTS:
            self._record()
        from quiz.ui.screens.handover import HandoverScreen
        from quiz.ui.screens.question import QuestionScreen
        from quiz.ui.screens.results import ResultsScreen
        from quiz.ui.screens.reveal import RevealScreen
        from quiz.ui.screens.standings import StandingsScreen

        screens: dict[Phase, Callable[[Game], Screen]] = {
            Phase.HANDOVER: HandoverScreen,
            Phase.QUESTION: QuestionScreen,
            Phase.REVEAL: RevealScreen,
            Phase.STANDINGS: StandingsScreen,
            Phase.RESULTS: ResultsScreen,
        }
        factory = screens.get(game.phase)
        if factory is None:
            return
        if isinstance(self.screen, GameScreen):
            self.switch_screen(factory(game))
        else:
            self.push_screen(factory(game))

    def answer(self, index: int) -> None:
        """The current player picks option ``index``."""
        from quiz.game import Phase

        if self.game is not None and self.game.phase is Phase.QUESTION:
            self.game.answer(index)
            self.show_phase()

    def tick(self) -> None:
        """Let the clock time out the current question."""
        if self.game is not None and self.game.tick() is not None:
            self.show_phase()

    def ready(self) -> None:
        """The next player has the keyboard."""
        from quiz.game import Phase

        if self.game is not None and self.game.phase is Phase.HANDOVER:
            self.game.ready()
            self.show_phase()

    def advance(self) -> None:
        """Leave the reveal or standings."""
        from quiz.game import Phase

        if self.game is not None and self.game.phase in (Phase.REVEAL, Phase.STANDINGS):
            self.game.advance()
            self.show_phase()

    def ask_abandon(self) -> None:
        """Ask before giving up the game in progress (the clock pauses meanwhile)."""
        if self.game is None or self.game.over:
            self.main_menu()
            return
        self.game.pause()
        from quiz.ui.screens.confirm import ConfirmAbandonScreen

        def decided(abandon: bool | None) -> None:
            if abandon:
                self.abandon_game()
            elif self.game is not None:
                self.game.resume()

        self.push_screen(ConfirmAbandonScreen(), decided)

    def abandon_game(self) -> None:
        """Give up the game in progress, record it, and go back to the menu."""
        if self.game is not None and not self.game.over:
            self.game.abandon()
            self._record()
        self.main_menu()

    def play_again(self) -> None:
        """Same setup, new questions: a new seed drawn from the last game's generator."""
        if self.game is None:
            return
        if self.game.setup.mode_name == "practice":
            self.start_review(self.game.setup.players[0])
            return
        setup = replace(self.game.setup, seed=self.game.next_seed())
        self.start_game(setup, remember=False)

    def main_menu(self) -> None:
        """Back to the home screen."""
        self.game = None
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def _record(self) -> str | None:
        """Hand the game to the recorder once; return what went wrong, if anything."""
        if self._recorded or self.game is None or self.recorder is None:
            self._recorded = True
            return None
        self._recorded = True
        try:
            self.recorder(self.game.record())
        except Exception as error:
            message = f"Could not save this game: {error}"
            self.notify(message, severity="error", markup=False)
            return message
        return None

    # -- everywhere --------------------------------------------------------

    def action_help(self) -> None:
        """Show the keys."""
        from quiz.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen | TooSmallScreen):
            if self.game is not None:
                self.game.pause()

            def closed(_: object) -> None:
                if self.game is not None and isinstance(self.screen, GameScreen):
                    self.game.resume()

            self.push_screen(HelpScreen(), closed)

    async def action_quit(self) -> None:
        """Leave; a game in progress is recorded as abandoned first."""
        failure = None
        if self.game is not None and not self.game.over:
            self.game.abandon()
            failure = self._record()
        # A notification would vanish with the app: `play` prints this after the exit.
        self.exit_problem = failure
        self.exit()
