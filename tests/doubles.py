"""Test doubles shared by the engine and session tests: a clock that moves only when told,
a fixed wall time, plain questions whose right answers cycle through the options."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from quiz.question import Question


class FakeClock:
    """Monotonic seconds that only move when a test says so."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fixed_now() -> datetime:
    """The wall time every test game starts and ends at."""
    return datetime(2024, 5, 24, 12, 0, tzinfo=UTC)


def plain_questions(count: int) -> list[Question]:
    """``count`` one-line questions; question n's answer is option n % 4."""
    return [
        Question(
            id=f"test:q{n}",
            pack="test",
            category="Charts",
            difficulty="easy",
            prompt=f"Question {n}?",
            options=("A", "B", "C", "D"),
            answer=n % 4,
            explanation=f"Because {n}.",
            fact=f"q{n}",
            kind="hand",
        )
        for n in range(count)
    ]


def tiny_pack(pack_id: str, title: str = "T", wrong: tuple[str, ...] = ("b",)) -> str:
    """The text of a valid one-question pack with this id and title."""
    return (
        f"format: 1\npack: {pack_id}\ntitle: {title}\nauthor: A\n"
        f"questions:\n  - {{prompt: A?, answer: a, wrong: [{', '.join(wrong)}]}}\n"
    )


def put_pack(folder: Path, name: str, pack_id: str, title: str = "T",
             wrong: tuple[str, ...] = ("b",)) -> Path:  # fmt: skip
    """Write :func:`tiny_pack` as ``folder/name`` (the folder is made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(tiny_pack(pack_id, title, wrong), encoding="utf-8")
    return path
