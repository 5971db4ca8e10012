"""Fakes for UI tests: fixed questions, hostile text, a fake clock, a fixed wall time."""

from __future__ import annotations

from datetime import UTC, datetime

from quiz.question import Question

HOSTILE = ("[/oops]", "[@click=app.quit]Hint[/]", "[ @click=app.quit]x", "[bold]x")


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_questions(count: int = 60) -> list[Question]:
    """Plain questions whose right answers cycle through options 1-4."""
    return [
        Question(
            id=f"test:q{n}",
            pack="test",
            category="Charts" if n % 2 else "Song facts",
            difficulty=("easy", "medium", "hard")[n % 3],
            prompt=f"In which year did chart run number {n + 1} of the song begin?",
            options=(f"{2010 + n % 7}", f"{2014 + n % 5}", f"{2016 + n % 3}", f"{2019 + n % 2}"),
            answer=n % 4,
            explanation=f"The source table lists run {n + 1} under that year.",
            fact=f"q{n}",
            kind="hand",
        )
        for n in range(count)
    ]


def hostile_questions(count: int = 20) -> list[Question]:
    """Questions whose every text field is markup-looking bait."""
    return [
        Question(
            id=f"evil:q{n}",
            pack="evil",
            category="[@click=app.quit]Hint[/]",
            difficulty="easy",
            prompt=f"[bold]x {n} [/oops] [ @click=app.quit]x",
            options=HOSTILE,
            answer=n % 4,
            explanation="[@click=app.quit]Hint[/] and [/oops]",
            fact=f"q{n}",
            kind="hand",
        )
        for n in range(count)
    ]


def fixed_now() -> datetime:
    """A fixed wall time for records."""
    return datetime(2024, 5, 24, 20, 0, tzinfo=UTC)


async def wait_until(pilot, condition, *, attempts: int = 100) -> bool:
    """Let the app run (timers included) until ``condition()`` holds; no wall-clock limit
    is asserted, the loop only bounds how long a broken app can hang the test."""
    for _ in range(attempts):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


def revealing(screen) -> bool:
    """Whether ``screen`` is a question screen turned into its reveal."""
    from quiz.ui.screens.question import QuestionScreen

    return isinstance(screen, QuestionScreen) and screen.revealed is not None
