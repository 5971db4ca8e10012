"""What the end of a game and the pause between rounds celebrate: places with movement,
this round's points, fun awards, and a solo player's game against their own best.

All of it is read from the engine's outcomes (:class:`~quiz.session_turns.Outcome`), so
every front end (the terminal, the party big screen) shows the same numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quiz.session_standings import PlayerScore, rank
from quiz.session_turns import Outcome

#: Fewest answers a player needs before "most accurate" can go to them.
MIN_ANSWERS_FOR_ACCURACY = 3


@dataclass(frozen=True, slots=True)
class RoundRow:
    """One player in the standings after a round: place, its change, points this round."""

    name: str
    place: int
    score: int
    gained: int  # points this round
    move: int  # places gained since the round before (+2: up two; 0: same; new: 0)

    @property
    def arrow(self) -> str:
        """``▲2``, ``▼1`` or ``–``: the movement in a few cells, never colour alone."""
        if self.move > 0:
            return f"▲{self.move}"
        if self.move < 0:
            return f"▼{-self.move}"
        return "–"


def round_of(outcome: Outcome) -> int:
    """The round an answer belongs to (1-based)."""
    return outcome.turn.round


def places_after(names: Sequence[str], outcomes: Sequence[Outcome], last_round: int) -> list[int]:
    """Each player's place (ties share one) counting answers of rounds ``<= last_round``."""
    totals = [PlayerScore(name) for name in names]
    for outcome in outcomes:
        if round_of(outcome) <= last_round:
            totals[outcome.turn.player_index].score += outcome.points.total
    placed = {id(s.player): s.place for s in rank(totals)}
    return [placed[id(player)] for player in totals]


def round_rows(
    players: Sequence[PlayerScore], outcomes: Sequence[Outcome], done: int
) -> list[RoundRow]:
    """Standings after round ``done``, best first, with this round's points and movement."""
    names = [p.name for p in players]
    now = places_after(names, outcomes, done)
    before = places_after(names, outcomes, done - 1) if done > 1 else now
    gained = [0] * len(players)
    totals = [0] * len(players)
    for outcome in outcomes:
        if round_of(outcome) <= done:
            totals[outcome.turn.player_index] += outcome.points.total
        if round_of(outcome) == done:
            gained[outcome.turn.player_index] += outcome.points.total
    rows = [
        RoundRow(name, now[i], totals[i], gained[i], before[i] - now[i])
        for i, name in enumerate(names)
    ]
    return sorted(rows, key=lambda row: (row.place, names.index(row.name)))


@dataclass(frozen=True, slots=True)
class Award:
    """A fun title for one player, and the number that earned it."""

    title: str
    player: str
    detail: str


def awards(players: Sequence[PlayerScore], outcomes: Sequence[Outcome]) -> list[Award]:
    """Fastest finger, longest streak, most accurate and comeback, where someone earned one.

    Nobody gets an award for nothing (no right answer: no fastest finger; a best streak
    under 2 is no streak); a tie names the player who got there first (turn order).
    """
    found: list[Award] = []
    timed = [(p.fastest, i) for i, p in enumerate(players) if p.fastest is not None]
    if timed:
        seconds, who = min(timed)
        found.append(Award("Fastest finger", players[who].name, f"{seconds:.1f}s"))
    streak, who = max(((p.best_streak, -i) for i, p in enumerate(players)), default=(0, 0))
    if streak >= 2:
        found.append(Award("Longest streak", players[-who].name, f"{streak} in a row"))
    accurate = [
        (p.accuracy, -i) for i, p in enumerate(players) if p.answered >= MIN_ANSWERS_FOR_ACCURACY
    ]
    if accurate and len(players) > 1:
        share, who = max(accurate)
        if share > 0:
            found.append(Award("Most accurate", players[-who].name, f"{share:.0%} right"))
    comeback = _comeback(players, outcomes)
    if comeback is not None:
        found.append(comeback)
    return found


def _comeback(players: Sequence[PlayerScore], outcomes: Sequence[Outcome]) -> Award | None:
    """The player who climbed most from their worst place after a round to their final one."""
    if len(players) < 2 or not outcomes:
        return None
    names = [p.name for p in players]
    last = max(round_of(o) for o in outcomes)
    final = places_after(names, outcomes, last)
    worst = list(final)
    for done in range(1, last):
        for i, place in enumerate(places_after(names, outcomes, done)):
            worst[i] = max(worst[i], place)
    climbs = [(worst[i] - final[i], -i) for i in range(len(players))]
    climb, who = max(climbs)
    if climb < 1:
        return None
    return Award("Comeback", names[-who], f"from {ordinal(worst[-who])} to {ordinal(final[-who])}")


def ordinal(place: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    if 10 <= place % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """How a player did in one category of a game."""

    category: str
    right: int
    asked: int

    @property
    def share(self) -> float:
        """Right answers as a share of those asked, 0.0 to 1.0."""
        return self.right / self.asked if self.asked else 0.0


def by_category(outcomes: Sequence[Outcome], player_index: int = 0) -> list[CategoryScore]:
    """One player's right answers per category, in the order the categories came up."""
    right: dict[str, int] = defaultdict(int)
    asked: dict[str, int] = defaultdict(int)
    for outcome in outcomes:
        if outcome.turn.player_index != player_index:
            continue
        category = outcome.turn.question.category
        asked[category] += 1
        right[category] += 1 if outcome.correct else 0
    return [CategoryScore(c, right[c], asked[c]) for c in asked]


@dataclass(frozen=True, slots=True)
class PersonalMark:
    """A player's game against their best before it (``None``: no game before)."""

    player: str
    score: int
    best_before: int | None

    @property
    def new_best(self) -> bool:
        """Whether this game beat every earlier one (a first game with points counts)."""
        if self.best_before is None:
            return self.score > 0
        return self.score > self.best_before

    def line(self) -> str:
        """``New personal best! (was 4,200)`` or ``Your best is 5,100 (1,300 to go)``."""
        if self.best_before is None:
            return "Your first game: a personal best to beat next time." if self.score else ""
        if self.new_best:
            return f"New personal best! (was {self.best_before:,})"
        gap = self.best_before - self.score
        if gap == 0:
            return f"Equal to your best of {self.best_before:,}."
        return f"Your best is {self.best_before:,} ({gap:,} to go)."


def personal_marks(
    players: Sequence[PlayerScore], bests_before: Mapping[str, int | None]
) -> list[PersonalMark]:
    """Each player's score against the best they had before this game (where known)."""
    return [
        PersonalMark(p.name, p.score, bests_before.get(p.name))
        for p in players
        if p.name in bests_before
    ]
