"""Key press to redrawn screen, through Textual's Pilot (headless, 100x30).

Subject: a solo game of fixed questions (no timer) on the question screen; press "1"
and time until Textual hands the driver the frame in which the question screen has
turned into its reveal (one update of the same screen, no new screen). Floor: the bare
app, where "1" changes a label's text. Rounds alternate between the two apps; each round
presses several times (the game goes back to a question with space between presses,
outside the timed part). The ``pilot.press`` + ``pilot.pause()`` round trip is kept
too, but Pilot's idle detection sleeps make it an upper bound, not the latency.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import App
    from textual.pilot import Pilot
    from textual.screen import Screen

    from quiz.question import Question

ScreenCheck = Callable[["Screen[Any]"], bool]

SIZE = (100, 30)


def _questions(count: int) -> list[Question]:
    from quiz.question import Question

    return [
        Question(
            id=f"bench:q:{i}",
            pack="bench",
            category="Trivia",
            difficulty="medium",
            prompt=f"Which option is right in bench question {i}?",
            options=("Right", "Wrong one", "Wrong two", "Wrong three"),
            answer=0,
            explanation="The first option is always right here.",
            fact=f"q{i}",
            kind="hand",
        )
        for i in range(count)
    ]


class _DrawWatch:
    """Wraps ``app._display`` to note when a screen that passes ``check`` is drawn.

    ``_display`` is where Textual hands the composited screen to the driver (the
    headless driver then drops it), so this is the moment the terminal would change.
    """

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.check: ScreenCheck | None = None
        self.drawn_at: float | None = None
        self.drawn = asyncio.Event()
        original = app._display

        def display(screen: Screen[Any], renderable: RenderableType | None) -> None:
            original(screen, renderable)
            if self.check is not None and renderable is not None and self.check(screen):
                self.drawn_at = time.perf_counter()
                self.check = None
                self.drawn.set()

        setattr(app, "_display", display)  # noqa: B010 - an instance attribute over a method

    async def press(
        self, key: str, check: ScreenCheck, pilot: Pilot[Any]
    ) -> tuple[float, float]:
        """Send ``key``; return (seconds to the next draw passing ``check``, Pilot round trip).

        The Pilot round trip is ``pilot.press`` + ``pilot.pause()``: it includes
        Pilot's idle detection (sleeps of tens of ms), so it is an upper bound.
        """
        self.check, self.drawn_at = check, None
        self.drawn.clear()
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        pilot_seconds = time.perf_counter() - start
        await asyncio.wait_for(self.drawn.wait(), 10)
        return self._since(start), pilot_seconds

    def _since(self, start: float) -> float:
        """Seconds from ``start`` to the draw that was waited for."""
        if self.drawn_at is None:
            raise RuntimeError("no draw was noted")
        return self.drawn_at - start


async def _game_presses(presses: int) -> tuple[list[float], list[float]]:
    """Press "1" on a question ``presses`` times: seconds to the reveal drawn, Pilot round trip."""
    from quiz.bank import ListBank
    from quiz.game_setup import GameSetup
    from quiz.ui.app import QuizApp
    from quiz.ui.screens.question import QuestionScreen

    def revealed(screen: Screen[Any]) -> bool:
        return isinstance(screen, QuestionScreen) and screen.revealed is not None

    setup = GameSetup(players=("Bench",), questions=max(presses, 5), timer=None, seed=1)
    app = QuizApp(ListBank(_questions(max(presses, 5))), quick_start=setup)
    drawn, round_trips = [], []
    async with app.run_test(size=SIZE) as pilot:
        watch = _DrawWatch(app)
        await pilot.pause()
        for _ in range(presses):
            if not isinstance(app.screen, QuestionScreen) or revealed(app.screen):
                raise RuntimeError(f"expected an open question, got {app.screen!r}")
            seconds, round_trip = await watch.press("1", revealed, pilot)
            drawn.append(seconds)
            round_trips.append(round_trip)
            if not revealed(app.screen):
                raise RuntimeError(f"no reveal after pressing 1: {app.screen!r}")
            await pilot.press("space")
            await pilot.pause()
    return drawn, round_trips


async def _bare_presses(presses: int) -> tuple[list[float], list[float]]:
    """Press "1" in the bare app ``presses`` times: seconds to the new label drawn, round trip."""
    from bench.bare_app import PRESSED, BareApp

    app = BareApp()
    drawn, round_trips = [], []
    async with app.run_test(size=SIZE) as pilot:
        watch = _DrawWatch(app)
        await pilot.pause()
        for number in range(1, presses + 1):

            def pressed(screen: Screen[Any], n: int = number) -> bool:
                return app.presses >= n

            seconds, round_trip = await watch.press("1", pressed, pilot)
            drawn.append(seconds)
            round_trips.append(round_trip)
            shown = str(app.query_one("#label").render())
            if shown != f"{PRESSED} {number}":
                raise RuntimeError(f"bare label did not change: {shown!r}")
    return drawn, round_trips


async def measure_reveal(presses: int, rounds: int) -> dict[str, list[float]]:
    """Interleaved samples of both, press-to-draw and Pilot round trip.

    Returns ``{"subject": [...], "floor": [...], "subject_pilot": [...], "floor_pilot": [...]}``.
    """
    out: dict[str, list[float]] = {
        "subject": [],
        "floor": [],
        "subject_pilot": [],
        "floor_pilot": [],
    }
    await _game_presses(1)  # warm-up: imports, CSS parse
    await _bare_presses(1)
    for round_no in range(rounds):
        pair = [(_game_presses, "subject"), (_bare_presses, "floor")]
        for func, key in pair if round_no % 2 == 0 else pair[::-1]:
            drawn, round_trips = await func(presses)
            out[key] += drawn
            out[f"{key}_pilot"] += round_trips
    return out
