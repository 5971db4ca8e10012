"""The party's big screen: lobby with the QR code, each question with the live count,
the reveal with how the room answered, standings with movement, and the podium. The end
keeps the rhythm of the rounds: the last reveal, then (Enter) the final standings, then
(Enter) the podium.

The web server runs on the app's own asyncio loop for as long as this screen is up
(started on mount, stopped on unmount, so it stops when the party ends or the app
exits). Host keys: S/Enter start or go on, N skip the question, P pause, K kick a
player by number, Esc/Q end the party (asks first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from quiz.game import Phase
from quiz.party.options import PartyOptions
from quiz.session import DealError
from quiz.ui.screens.base import GAME_CSS
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.party_views import (
    lobby_text,
    qr_text,
    question_text,
    reveal_text,
    standings_text,
    status_text,
)

if TYPE_CHECKING:
    from quiz.party.host import PartyHost
    from quiz.party.server import PartyServer
    from quiz.session import Dealer


class PartyScreen(Screen[None]):
    """Hosts one party from lobby to podium."""

    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("s,enter", "go", "Start / next"),
        Binding("n", "skip", "Skip question"),
        Binding("p", "pause", "Pause"),
        Binding("k", "kick", "Kick"),
        Binding("escape,q", "end", "End party"),
    ]

    def __init__(self, options: PartyOptions, dealer: Dealer, refresh_seconds: float = 0.25):
        """A party with ``options``, dealt by ``dealer`` (its clock times the questions)."""
        super().__init__()
        self.options = options
        self.dealer = dealer
        self.refresh_seconds = refresh_seconds
        self.host: PartyHost | None = None
        self.server: PartyServer | None = None
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        """A title line, the stage's content and the host's keys."""
        with Vertical(id="party"):
            yield Label("Party", id="party-title", classes="title")
            yield Static(id="party-status")
            with Horizontal(id="party-body"):
                yield Static(id="party-qr")
                with VerticalScroll(id="party-main"):
                    yield Static(id="party-text")
            yield Input(placeholder="player number to remove, then Enter", id="party-kick")
        yield KeyHints(("s", "start/next"), ("n", "skip"), ("p", "pause"), ("k", "kick"),
                       ("esc", "end"))  # fmt: skip

    async def on_mount(self) -> None:
        """Open the room and start listening; redraw as phones act and the clock runs."""
        from quiz.party.host import PartyHost
        from quiz.party.room import Room
        from quiz.party.server import PartyServer

        options = self.options
        room = Room(max_players=options.max_players)
        self.host = PartyHost(room, self.dealer, lambda seat, message: None,
                              questions=options.questions, timer=options.timer,
                              packs=options.packs, seed=options.seed,
                              clock=self.dealer.clock)  # fmt: skip
        self.server = PartyServer(self.host, address=options.address, port=options.port,
                                  on_change=self.redraw)  # fmt: skip
        self.query_one("#party-kick", Input).display = False
        try:
            await self.server.start()
        except OSError as error:
            self.problem = f"Could not start the party server: {error.strerror or error}"
            self.server = None
            self.notify(self.problem, severity="error", timeout=15, markup=False)
        self.set_interval(self.refresh_seconds, self.redraw)
        self.redraw()

    async def on_unmount(self) -> None:
        """Stop the server with the screen (the party ended, or the app is exiting)."""
        if self.host is not None and self.host.stage != "ended":
            self.host.end()
        if self.server is not None:
            await self.server.stop()

    # -- drawing -----------------------------------------------------------------

    def redraw(self) -> None:
        """Draw the stage the party is at."""
        host, server = self.host, self.server
        if host is None or not self.is_attached:
            return
        qr = self.query_one("#party-qr", Static)
        body = self.query_one("#party-text", Static)
        status = self.query_one("#party-status", Static)
        url = server.url if server is not None else ""
        phase = host.phase
        qr.display = phase is None and bool(url)
        if phase is None:
            self._title("Party: lobby")
            qr.update(qr_text(url) if url else "")
            body.update(lobby_text(host, url) if url else (self.problem or ""))
            status.update("S or Enter starts once a phone has joined" if url else
                          "Esc: back to the menu (wdta-quiz party --host ADDR picks the "
                          "address)")  # fmt: skip
        elif phase is Phase.QUESTION:
            game = host.session.game if host.session is not None else None
            assert game is not None
            self._title(f"Party: question {game.step + 1} of {len(game.questions)}")
            body.update(question_text(game.questions[game.step], game.step + 1,
                                      len(game.questions)))  # fmt: skip
            status.update(status_text(host, game.time_left()))
        elif phase is Phase.REVEAL:
            self._title("Party: the answer")
            body.update(reveal_text(host))
            game = host.session.game if host.session is not None else None
            last = game is not None and game.step == len(game.questions) - 1
            status.update("Enter: final standings" if last else "Enter: standings")
        elif phase is Phase.STANDINGS:
            self._title("Party: standings")
            body.update(standings_text(host.standings()))
            status.update("Enter: next question")
        elif phase is Phase.RESULTS and not host.podium:
            self._title("Party: final standings")
            body.update(standings_text(host.standings()))
            status.update("Enter: the podium")
        else:
            self._show_podium()

    def _title(self, text: str) -> None:
        self.query_one("#party-title", Label).update(text)

    def _show_podium(self) -> None:
        host = self.host
        if host is None or host.session is None or self.query("#party-podium"):
            return
        from quiz.ui.widgets.podium import Ending, Podium

        self._title("Party: the winners")
        standings, awards = host.podium_places()  # without any player the host removed
        main = self.query_one("#party-main", VerticalScroll)
        self.query_one("#party-text", Static).update("")
        main.mount(Vertical(Podium(standings), Ending(awards, standings[3:10], ()),
                            id="party-podium"))  # fmt: skip
        saved = host.saved
        note = "Saved." if saved is None or saved.ok else (saved.problem or "")
        self.query_one("#party-status", Static).update(f"{note}  Esc: back to the menu")

    # -- host keys ---------------------------------------------------------------

    def action_go(self) -> None:
        """Start the game from the lobby, or go on from a reveal or standings."""
        host = self.host
        if host is None or self.query_one("#party-kick", Input).display:
            return
        if host.phase is None:
            try:
                host.start()
            except DealError as error:
                self.notify(str(error), severity=error.severity, markup=False)
        else:
            host.next()
        self.redraw()

    def action_skip(self) -> None:
        """Close the open question now."""
        if self.host is not None:
            self.host.skip()
            self.redraw()

    def action_pause(self) -> None:
        """Pause, or go on after a pause."""
        host = self.host
        if host is not None:
            host.resume() if host.paused else host.pause()
            self.redraw()

    def action_kick(self) -> None:
        """Ask which player to remove."""
        field = self.query_one("#party-kick", Input)
        field.display = True
        field.value = ""
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Remove the player with the number typed (the lobby lists the numbers)."""
        event.stop()
        event.input.display = False
        number = event.value.strip()
        if self.host is not None and self.host.stage == "ended":
            self.notify("The game is over and kept as played: nobody can be removed now",
                        severity="warning", markup=False)  # fmt: skip
        elif self.server is not None and number.isdigit():
            kicked = self.server.kick(int(number) - 1)
            if kicked is None:
                self.notify(f"No player number {number}", severity="warning", markup=False)
        self.redraw()

    @work
    async def action_end(self) -> None:
        """End the party (asks first while a game is going) and go back to the menu."""
        field = self.query_one("#party-kick", Input)
        if field.display:
            field.display = False
            return
        host = self.host
        if host is not None and host.session is not None and not host.session.over:
            from quiz.ui.screens.confirm import ConfirmAbandonScreen

            if not await self.app.push_screen_wait(ConfirmAbandonScreen()):
                return
        if host is not None:
            host.end()
        self.dismiss()
