"""Fair rounds of "own question each": in one round every player's question is of the
same type and difficulty where the dealt questions allow, so nobody draws a hard
ordering question while the next player gets an easy true/false for the same points."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quiz.question import Question

#: What makes two questions alike, from the closest match to the loosest.
_LIKENESS: tuple[Callable[[Question], object], ...] = (
    lambda q: (q.type, q.difficulty),
    lambda q: q.type,
    lambda q: q.difficulty,
)


def balanced(questions: Sequence[Question], seats: int) -> list[Question]:
    """``questions`` regrouped into rounds of ``seats``: each round starts with the
    first question left and takes the next ones most like it (same type and
    difficulty, else same type, else same difficulty, else the next in line).

    Order is otherwise kept, so questions the players saw lately (dealt last) stay
    last; the result holds exactly the same questions.
    """
    left = list(questions)
    dealt: list[Question] = []
    while left:
        first = left.pop(0)
        group = [first]
        for alike in _LIKENESS:
            for question in [q for q in left if alike(q) == alike(first)]:
                if len(group) == seats:
                    break
                group.append(question)
                left.remove(question)
        while len(group) < seats and left:
            group.append(left.pop(0))
        dealt.extend(group)
    return dealt
