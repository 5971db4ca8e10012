"""A big scores database for the `scores` benchmarks: many players, many games.

Written straight through ``quiz.store.writes.save_games`` (one transaction), so the
file is exactly what games played one by one would leave, only faster to make.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.records import AnswerRecord, GameRecord, Mode, Status, tally
from quiz.store import Store

#: Questions per player in every generated game.
LENGTHS = (5, 10, 20)
CATEGORIES = ("Song facts", "Charts", "Credits", "Release", "Covers")
#: The last game ends here; the others go back an hour or so each.
END = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)


def _mode(rng: random.Random) -> tuple[Mode, int]:
    """A mode and a player count, in roughly the mix a group of friends plays."""
    roll = rng.random()
    if roll < 0.25:
        return "solo", 1
    if roll < 0.30:
        return "practice", 1
    if roll < 0.38:
        return "buzzer", rng.randint(2, 4)
    if roll < 0.43:
        return "party", rng.randint(2, 8)
    return "hotseat", rng.randint(2, 4)


def league_records(players: int, games: int, seed: int = 12) -> list[GameRecord]:
    """``games`` game records among ``players`` players, oldest first, the same every run."""
    rng = random.Random(seed)
    names = [f"Player {n:04d}" for n in range(players)]
    records = []
    for number in range(games):
        mode, count = _mode(rng)
        seated = rng.sample(names, count)
        length = rng.choice(LENGTHS)
        answers = []
        for step in range(length):
            for name in seated:
                right = rng.random() < 0.6
                answers.append(AnswerRecord(
                    name, f"bench:q:{rng.randrange(3000)}", "bench", CATEGORIES[step % 5],
                    0 if right else 1, right, rng.uniform(1, 15),
                    rng.randint(500, 1000) if right else 0,
                ))  # fmt: skip
        scores = {n: sum(a.points for a in answers if a.player == n) for n in seated}
        status: Status = "abandoned" if rng.random() < 0.05 else "finished"
        when = (END - timedelta(minutes=50 * (games - number))).isoformat(timespec="seconds")
        settings: dict[str, object] = {"questions": length, "questions_asked": length}
        records.append(GameRecord(
            when, when, mode, status, tuple(seated), ("bench",), number, settings,
            tuple(answers), tally(scores, answers),
        ))  # fmt: skip
    return records


def write_league(path: Path, players: int = 1_000, games: int = 5_000) -> Path:
    """A scores database at ``path`` holding :func:`league_records`; returns ``path``."""
    with Store.open(path) as store:
        store.save_games(league_records(players, games))
    return path
