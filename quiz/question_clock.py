"""The question timer: started, paused and resumed on an injected clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class QuestionClock:
    """Seconds a question (or a buzzer's answer) has been open, pauses excluded.

    Pauses nest: a dialog may open while a buzzer holds the question, and closing the
    dialog must not restart a clock the buzz still holds.
    """

    clock: Callable[[], float]
    started: float = 0.0
    paused_at: float | None = None
    paused_total: float = 0.0
    holds: int = 0

    def start(self) -> None:
        """Start from zero, running."""
        self.started = self.clock()
        self.paused_at = None
        self.paused_total = 0.0
        self.holds = 0

    def elapsed(self) -> float:
        """Seconds since :meth:`start`, pauses excluded."""
        now = self.paused_at if self.paused_at is not None else self.clock()
        return max(now - self.started - self.paused_total, 0.0)

    @property
    def paused(self) -> bool:
        """Whether something holds the clock."""
        return self.holds > 0

    def pause(self) -> None:
        """Hold the clock (once more)."""
        if self.holds == 0:
            self.paused_at = self.clock()
        self.holds += 1

    def resume(self) -> None:
        """Release one hold; the clock runs again when none is left."""
        if self.holds == 0:
            return
        self.holds -= 1
        if self.holds == 0 and self.paused_at is not None:
            self.paused_total += self.clock() - self.paused_at
            self.paused_at = None
