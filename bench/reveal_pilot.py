"""Key press to redrawn screen, through Textual's Pilot (headless, 100x30).

Subject: a solo game of fixed questions (no timer) on the question screen; press "1"
and time until Textual hands the reveal screen's frame to the driver. Floor: the bare
app, where "1" changes a label's text. Rounds alternate between the two apps; each round
presses several times (the game goes back to a question with space between presses,
outside the timed part). The ``pilot.press`` + ``pilot.pause()`` round trip is kept
too, but Pilot's idle detection sleeps make it an upper bound, not the latency.
"""

from __future__ import annotations

import asyncio
import time

SIZE = (100, 30)


def _questions(count: int) -> list:
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

    def __init__(self, app) -> None:
        self.app = app
        self.check = None
        self.drawn_at: float | None = None
        self.drawn = asyncio.Event()
        original = app._display

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if self.check is not None and renderable is not None and self.check(screen):
                self.drawn_at = time.perf_counter()
                self.check = None
                self.drawn.set()

        app._display = display

    async def press(self, key: str, check, pilot) -> tuple[float, float]:
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
        assert self.drawn_at is not None
        return self.drawn_at - start, pilot_seconds


async def _game_presses(presses: int) -> tuple[list[float], list[float]]:
    """Press "1" on a question ``presses`` times: seconds to the reveal drawn, Pilot round trip."""
    from workers import _need

    quiz_app = _need("quiz.ui.app", "QuizApp")
    list_bank = _need("quiz.bank", "ListBank")
    game_setup = _need("quiz.game_setup", "GameSetup")
    reveal = _need("quiz.ui.screens.reveal", "RevealScreen")
    question = _need("quiz.ui.screens.question", "QuestionScreen")
    setup = game_setup(players=("Bench",), questions=max(presses, 5), timer=None, seed=1)
    app = quiz_app(list_bank(_questions(max(presses, 5))), quick_start=setup)
    drawn, round_trips = [], []
    async with app.run_test(size=SIZE) as pilot:
        watch = _DrawWatch(app)
        await pilot.pause()
        for _ in range(presses):
            if not isinstance(app.screen, question):
                raise RuntimeError(f"expected the question screen, got {app.screen!r}")
            seconds, round_trip = await watch.press(
                "1", lambda screen: isinstance(screen, reveal), pilot
            )
            drawn.append(seconds)
            round_trips.append(round_trip)
            if not isinstance(app.screen, reveal):
                raise RuntimeError(f"no reveal screen after pressing 1: {app.screen!r}")
            await pilot.press("space")
            await pilot.pause()
    return drawn, round_trips


async def _bare_presses(presses: int) -> tuple[list[float], list[float]]:
    """Press "1" in the bare app ``presses`` times: seconds to the new label drawn, round trip."""
    from bare_app import PRESSED, BareApp

    app = BareApp()
    drawn, round_trips = [], []
    async with app.run_test(size=SIZE) as pilot:
        watch = _DrawWatch(app)
        await pilot.pause()
        for number in range(1, presses + 1):
            seconds, round_trip = await watch.press(
                "1", lambda screen, n=number: app.presses >= n, pilot
            )
            drawn.append(seconds)
            round_trips.append(round_trip)
            shown = str(app.query_one("#label").render())
            if shown != f"{PRESSED} {number}":
                raise RuntimeError(f"bare label did not change: {shown!r}")
    return drawn, round_trips


async def measure_reveal(presses: int, rounds: int) -> dict:
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
