"""Counted nouns and articles in messages: "1 option", "2 options", "an attribute fact"."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless it is one: ``1 player``, ``3 players``."""
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def article(word: str) -> str:
    """``word`` after "a" or "an" by its first letter: ``an attribute``, ``a chart``."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
