"""The multiple-choice item every part of the game passes around."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Question:
    """One multiple-choice question, ready to ask.

    ``id`` is stable across runs and seeds (``pack:fact-id:generator[:variant]`` or
    ``pack:q:question-id``); ``options`` are shown in order and ``answer`` indexes the
    one right option. ``fact`` names the fact (or hand-written question) it came from.
    """

    id: str
    pack: str
    category: str
    difficulty: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    fact: str
    kind: str

    @property
    def correct(self) -> str:
        """The text of the right option."""
        return self.options[self.answer]

    def to_dict(self) -> dict:
        """A plain dict for JSON output and storage."""
        return {
            "id": self.id,
            "pack": self.pack,
            "category": self.category,
            "difficulty": self.difficulty,
            "kind": self.kind,
            "prompt": self.prompt,
            "options": list(self.options),
            "answer": self.answer,
            "explanation": self.explanation,
            "fact": self.fact,
        }
