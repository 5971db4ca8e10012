"""The Textual app: wiring between the screens and the game session, and nothing more.

The session (:mod:`quiz.session`) owns the game: it deals, takes answers, keeps the
clock and saves. Screens draw the game and post messages; the app routes each message
to the session and puts up the screen for the phase the game is in. Packs, questions
and prompts come from a :class:`~quiz.bank.QuestionBank`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen

from quiz.bank import Library, QuestionBank
from quiz.game_setup import GameSetup
from quiz.session_clock import fresh_seed, utc_now
from quiz.ui import requests
from quiz.ui.game_routes import GameRoutes
from quiz.ui.guards import dialog_on_top, exiting, on_top
from quiz.ui.screens.base import GameScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.too_small import TooSmallScreen
from quiz.ui.sigterm import on_sigterm
from quiz.ui.themes import keep_theme

# The session, the engine and the screens after home are imported when first needed:
# the home screen must paint fast (see bench/). Their messages subclass the light
# quiz.ui.requests types, which the @on handlers below name.
if TYPE_CHECKING:
    from quiz.party.options import PartyOptions
    from quiz.session import Dealer, Recent, Recorder
    from quiz.store import Store

MIN_WIDTH, MIN_HEIGHT = 60, 20
"""Below this the layout cannot fit a question and four options."""


class QuizApp(GameRoutes):
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
        party: open a party (the big screen) at start, with these options.
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
        party: PartyOptions | None = None,
    ) -> None:
        super().__init__(tick_interval)
        self.bank = bank
        self.recorder = recorder
        self.exit_problem: str | None = None  # what went wrong while quitting, for stderr
        self.quick_start = quick_start
        self.clock = clock
        self.now = now
        self.new_seed = new_seed
        self.notices = list(notices)
        self.missed = missed
        self.scores = scores
        self.recent = recent
        self.scores_notices = list(scores_notices)
        self.last_setup: GameSetup | None = quick_start
        self.party = party
        self._library: Library | None = None

    def make_dealer(self) -> Dealer:
        """The dealer of every game of this app, with its clock, seeds and scores."""
        from quiz.session import Dealer

        return Dealer(
            self.bank, recorder=self.recorder, clock=self.clock, now=self.now,
            new_seed=self.new_seed, missed=self.missed, recent=self.recent,
        )  # fmt: skip

    def setup_chosen(self, setup: GameSetup) -> None:
        """Keep the setup in the config, so the next run's setup screen starts from it."""
        from quiz.config import ConfigError, load_config, save_config
        from quiz.remembered_setup import to_saved

        if setup.mode_name == "practice":
            return
        try:
            save_config(replace(load_config(), last_game=to_saved(setup)))
        except ConfigError as error:
            self.notify(str(error), title="Setup not remembered", severity="warning",
                        markup=False)  # fmt: skip

    def known_players(self) -> list[str]:
        """Names in the scores database, offered by the setup screen (none if unusable)."""
        import sqlite3

        from quiz.errors import UserError

        if self.scores is None:
            return []
        try:
            return list(self.scores().players())
        except (UserError, OSError, sqlite3.Error):
            return []

    def best_scores(self, players: Sequence[str]) -> dict[str, int | None]:
        """Each player's best score in the scores database before this game.

        A player not in it yet has ``None``; an unusable database gives nothing (the
        game goes on; the session says why the scores cannot be kept).
        """
        import sqlite3

        from quiz.errors import UserError

        if self.scores is None:
            return {}
        try:
            store = self.scores()
            return {
                name: store.personal_bests(name).best_score
                if store.find_player(name) is not None else None
                for name in players
            }  # fmt: skip
        except (UserError, OSError, sqlite3.Error):
            return {}

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
        if self.party is not None:
            self.open_party(self.party)
        elif self.quick_start is not None:
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
            "party": self.open_party,
            "help": self.action_help,
            "quit": self.exit,
        }
        routes[event.choice]()

    def open_setup(self) -> None:
        """Home -> setup."""
        from quiz.ui.screens.setup import SetupScreen

        if self.last_setup is None:
            from quiz.config import load_config
            from quiz.remembered_setup import from_saved

            self.last_setup = from_saved(load_config().last_game)
        self.push_screen(SetupScreen(self.library, self.last_setup, self.known_players()))

    def open_packs(self) -> None:
        """Home -> the pack browser (switch packs on and off, preview them)."""
        from quiz.ui.screens.packs import PacksScreen

        def closed(changed: bool | None) -> None:
            if changed:
                self.bank.reload()
                self._library = None

        self.push_screen(PacksScreen(self.bank.browse), closed)

    def open_party(self, options: PartyOptions | None = None) -> None:
        """Home -> a party: phones join over the local network, this is the big screen."""
        from quiz.party.options import PartyOptions
        from quiz.ui.screens.party import PartyScreen

        self.push_screen(PartyScreen(options or PartyOptions(), self.dealer))

    def open_scores(self) -> None:
        """Home -> scores, read from the database the games are saved to."""
        from quiz.ui.screens.scores import ScoresScreen

        screen = ScoresScreen(
            self.scores, prompt_finder=self.bank.prompts, borrowed=self.scores is not None,
            now=self.now,
        )  # fmt: skip
        self.push_screen(screen)

    @on(requests.Review)
    def _review_requested(self, event: requests.Review) -> None:
        if not dialog_on_top(self):
            self.start_review(event.player)

    # -- everywhere --------------------------------------------------------

    @on(requests.FlagQuestion)
    def _flagged(self, event: requests.FlagQuestion) -> None:
        """Keep a player's flag in the scores database (``wdta-quiz packs flags``)."""
        from quiz.errors import UserError

        if self.scores is None:
            self.notify("Flags are not kept: no scores database.", severity="warning")
            return
        try:
            self.scores().add_flag(event.question_id, event.pack, event.reason, self.now(),
                                   event.player)  # fmt: skip
        except UserError as error:
            self.notify(f"The flag was not kept: {error}", severity="error", markup=False)
            return
        self.notify("Flagged for the pack's author. Thanks!")

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
        """Leave (Ctrl+C, Ctrl+Q). In a game it asks first, as Esc does: a stray Ctrl+C
        must not end a party's game; a second one while asking leaves, saved as abandoned."""
        session = self.session
        if session is not None and not session.over and isinstance(self.screen, GameScreen):
            self.ask_abandon()
            return
        self._leave()

    def _leave(self, return_code: int = 0) -> None:
        """Save a game in progress as abandoned, then exit through Textual's own path."""
        failure = None
        if self.session is not None:
            failure = self._report(self.session.abandon())
        # A notification would vanish with the app: `play` prints this after the exit.
        self.exit_problem = failure
        self.exit(return_code=return_code)
