"""Keeping one game free of spoilers: no question may give away another's answer.

Two nets, both needed:

* **facts** (the rule): every question says which facts its answer is (``asks``) and
  which facts its prompt, right option and explanation state (``reveals``, always
  including ``asks``: the explanation gives the answer). Two questions never share a
  game when one reveals a fact the other asks, in either order, so two questions
  about one fact never share a game either. Generators set both in one place
  (:meth:`quiz.generators.base.Context.slot`); hand-written items list them in the
  pack (``asks:``/``reveals:``).
* **words** (the safety net for what metadata misses, such as a fact's free-text
  prompt naming another fact's value): a question's texts may not contain another
  dealt question's answer, word for word (case-folded, whole words), where that
  answer is specific: at least :data:`SPECIFIC` characters, not a generic word, and
  not part of the pack's subject (the song's title and artists are named everywhere
  and known before the game starts: "Selena Gomez" in a prompt gives away nothing).

Facts are keyed by ``(pack, fact id)``: two packs' ``release-date`` facts are
different facts.
"""

from __future__ import annotations

from collections.abc import Iterable

from quiz.question import Question

#: Shorter answers ("3rd", "Pop", "8") appear in too many unrelated texts to mean
#: anything; the facts net covers them.
SPECIFIC = 4
#: Answers that say nothing on their own.
GENERIC = frozenset({"true", "false", "none", "both", "neither", "yes", "no"})

Key = tuple[str, str]


def fold(text: str) -> str:
    """Case-folded, single-spaced: how both nets compare words."""
    return " ".join(text.casefold().split())


def specific_answer(question: Question, common: str = "") -> str | None:
    """The asked value (``Question.value``, else the right option unless that is
    True/False), folded, when it is specific enough to be a giveaway in another
    question's text. ``common`` is the pack's subject, folded: words in it are not
    specific."""
    value = question.value
    if not value and question.options != ("True", "False"):
        value = question.correct
    answer = fold(value)
    if len(answer) < SPECIFIC or answer in GENERIC or mentions(common, answer):
        return None
    return answer


def shown_text(question: Question) -> str:
    """Everything a player reads about ``question`` by its reveal, folded: prompt,
    right option (True/False says nothing) and explanation."""
    parts = [question.prompt, question.explanation]
    if question.options != ("True", "False"):
        parts.append(question.correct)
    return fold(" ".join(parts))


def mentions(text: str, answer: str) -> bool:
    """Whether folded ``text`` holds ``answer`` as whole words."""
    start = text.find(answer)
    while start >= 0:
        end = start + len(answer)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(answer, start + 1)
    return False


def _keys(pack: str, facts: Iterable[str]) -> set[Key]:
    return {(pack, fact) for fact in facts}


class Guard:
    """What one game dealt so far, and whether another question may join it.

    ``subjects``: each pack's subject (title and artist) by pack id, for
    :func:`specific_answer`."""

    def __init__(self, subjects: dict[str, str] | None = None) -> None:
        self.subjects = {pack: fold(text) for pack, text in (subjects or {}).items()}
        self.asked: set[Key] = set()
        self.revealed: set[Key] = set()
        self.texts: list[str] = []
        self.answers: list[str] = []

    def fits(self, pack: str, asks: Iterable[str], reveals: Iterable[str]) -> bool:
        """The facts net alone: cheap, so it runs before a question is built."""
        return (not any((pack, fact) in self.revealed for fact in asks)
                and not any((pack, fact) in self.asked for fact in reveals))

    def allows(self, question: Question) -> bool:
        """Both nets, for a built question."""
        return self._check(question) is not None

    def add(self, question: Question) -> None:
        """Count ``question`` as dealt."""
        self._record(question, shown_text(question), self._answer(question))

    def admit(self, question: Question) -> bool:
        """Count ``question`` as dealt if both nets allow it; whether they did."""
        checked = self._check(question)
        if checked is None:
            return False
        self._record(question, *checked)
        return True

    def _answer(self, question: Question) -> str | None:
        return specific_answer(question, self.subjects.get(question.pack, ""))

    def _check(self, question: Question) -> tuple[str, str | None] | None:
        """(shown text, specific answer) if ``question`` may join, else ``None``."""
        asks = question.asks or (question.fact,)
        if not self.fits(question.pack, asks, (*asks, *question.reveals)):
            return None
        text = shown_text(question)
        # ``in`` first: a plain substring test in C rules out nearly every pair.
        if any(answer in text and mentions(text, answer) for answer in self.answers):
            return None
        answer = self._answer(question)
        if answer is not None and any(answer in seen and mentions(seen, answer)
                                      for seen in self.texts):
            return None
        return text, answer

    def _record(self, question: Question, text: str, answer: str | None) -> None:
        asks = question.asks or (question.fact,)
        self.asked |= _keys(question.pack, asks)
        self.revealed |= _keys(question.pack, (*asks, *question.reveals))
        self.texts.append(text)
        if answer is not None:
            self.answers.append(answer)


__all__ = ["GENERIC", "SPECIFIC", "Guard", "mentions", "shown_text", "specific_answer"]
