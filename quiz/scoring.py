"""Points for one answer: speed points plus a capped streak bonus.

A correct answer scores ``round(1000 * (1 - (t/T)/2))``: t is the seconds taken
(clamped to ``[0, T]``, and anything within the first half second counts as 0) and
T the time limit. So an instant answer earns 1000 and one given at the buzzer 500.
With the timer off every correct answer earns a flat 1000. On top of that, each
consecutive correct answer after the first adds 100, up to +500. A wrong answer or a
time-out scores 0 and resets the streak.

An answer that is partly right (an order with some items in place, a number close to
the answer; see :mod:`quiz.grading`) earns its fraction of the speed points, rounded,
no streak bonus, and resets the streak: only a whole answer is "correct".
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_POINTS = 1000
GRACE_SECONDS = 0.5  # answers this fast earn the full points: reading is not a race
STREAK_STEP = 100
STREAK_CAP = 500


@dataclass(frozen=True, slots=True)
class Points:
    """What one answer earned, split so the reveal can say why."""

    speed: int = 0
    streak_bonus: int = 0
    correct: bool = False
    timed_out: bool = False
    timer_on: bool = True
    #: The streak this answer ended (0: there was none to lose).
    lost_streak: int = 0
    #: How much of a not-quite-correct answer was right, 0.0-1.0 (see :attr:`fraction`).
    share: float = 0.0
    #: Points taken away: a wrong or too slow answer after a buzz (:mod:`quiz.buzzer`).
    penalty: int = 0

    @property
    def fraction(self) -> float:
        """How much of the answer was right: 1.0 when correct, else its share."""
        return 1.0 if self.correct else self.share

    @property
    def total(self) -> int:
        """Speed points plus the streak bonus, less any penalty (can be negative)."""
        return self.speed + self.streak_bonus - self.penalty

    def explain(self) -> str:
        """One line for the reveal, e.g. ``812 for speed + 200 streak bonus``."""
        lost = f" (streak of {self.lost_streak} ended)" if self.lost_streak > 1 else ""
        if self.penalty:
            why = "too slow" if self.timed_out else "wrong"
            return f"{self.total:,} points: {why} after a buzz ({self.penalty:,} penalty){lost}"
        if self.timed_out:
            return f"0 points: time ran out{lost}"
        if not self.correct and self.speed:
            return f"{self.speed} points: partly right ({round(self.fraction * 100)}%){lost}"
        if not self.correct:
            return f"0 points: wrong answer{lost}"
        base = f"{self.speed} for speed" if self.timer_on else f"{self.speed} for a right answer"
        if self.streak_bonus:
            return f"{base} + {self.streak_bonus} streak bonus"
        return base


def speed_points(seconds: float, limit: float | None) -> int:
    """Points for a correct answer given after ``seconds`` with time limit ``limit``.

    ``limit`` of ``None`` means the timer is off: a flat :data:`MAX_POINTS`.
    """
    if limit is None or limit <= 0:
        return MAX_POINTS
    taken = min(max(seconds, 0.0), limit)
    if taken <= GRACE_SECONDS:
        taken = 0.0
    return round(MAX_POINTS * (1 - (taken / limit) / 2))


def streak_bonus(streak: int) -> int:
    """The bonus for the ``streak``-th consecutive correct answer (1 = the first)."""
    return min(max(streak - 1, 0) * STREAK_STEP, STREAK_CAP)


def score_answer(
    correct: bool,
    seconds: float,
    limit: float | None,
    streak_before: int,
    *,
    timed_out: bool = False,
    fraction: float | None = None,
) -> tuple[Points, int]:
    """Score one answer; return its :class:`Points` and the player's new streak.

    ``fraction`` is how much of a not-quite-correct answer was right (0.0-1.0); it
    earns that share of the speed points. ``None`` means 1.0 if ``correct`` else 0.0.
    """
    timer_on = limit is not None
    share = (1.0 if correct else 0.0) if fraction is None else min(max(fraction, 0.0), 1.0)
    lost = max(streak_before, 0)
    if timed_out:
        return Points(timed_out=True, timer_on=timer_on, lost_streak=lost), 0
    if not correct:
        partial = round(speed_points(seconds, limit) * share) if share > 0 else 0
        return Points(speed=partial, timer_on=timer_on, share=share, lost_streak=lost), 0
    streak = streak_before + 1
    points = Points(
        speed=speed_points(seconds, limit),
        streak_bonus=streak_bonus(streak),
        correct=True,
        timer_on=timer_on,
    )
    return points, streak
