"""What a hand-written question of each type must hold: the rules across its keys.

The validator applies :func:`check_question` to a question whose keys all read well
and reports each broken rule at the key (or list item) it names; the pack cache
applies it again to every question it reads back, so a cache entry can only hold a
question the validator would have passed. The keys that belong to one type only
(:data:`TYPE_KEYS`) are an error on any other: an ``items:`` list on a choice question
is a mistake the author wants to hear about, not a key silently ignored.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from quiz.fact_rules import MAX_DECIMALS, MAX_NUMBER, Values, decimals
from quiz.grading import normalise
from quiz.packs.specs import Field
from quiz.question import QuestionType, plain_number

#: The keys each type may use beyond those every question has.
TYPE_KEYS: dict[QuestionType, frozenset[str]] = {
    "choice": frozenset({"answer", "wrong", "pool"}),
    "truefalse": frozenset({"answer"}),
    "order": frozenset({"items"}),
    "number": frozenset({"answer", "low", "high", "unit"}),
    "text": frozenset({"answer", "accept", "wrong", "pool"}),
}
_TYPED = frozenset().union(*TYPE_KEYS.values())
#: How many items an order question puts in order: fewer is a coin toss, more does
#: not fit the screen or a player's patience.
ORDER_ITEMS = (3, 5)
#: The longest answer (or accepted spelling) of a text question, in characters: a
#: player types it, and grading takes at most 200 typed characters.
MAX_TYPED = 100
#: The longest unit of a number question, in characters: it is printed after the
#: number in the input line and the reveal ("minutes", "billion views").
MAX_UNIT = 30
#: A true/false question's answer, as stored.
TRUE_FALSE = ("True", "False")
#: A number question's ``answer``, read as the number it must be (the key itself is
#: text, as every other type writes it).
NUMBER_ANSWER = Field("answer", "number", minimum=-MAX_NUMBER, maximum=MAX_NUMBER)

Rule = tuple[str, str, str]
"""One broken rule: the key it is about (``""``: the question), the list item it is
about (``""``: the key's value), and the message."""


def check_question(values: Values) -> list[Rule]:
    """Every rule ``values`` (a hand-written question's keys) breaks for its type."""
    kind: QuestionType = values.get("type") or "choice"
    rules: list[Rule] = [
        (key, "", f"'{key}' is not used by {_a(kind)} question{_hint(key)}")
        for key in sorted(_TYPED - TYPE_KEYS[kind]) if _given(values.get(key))
    ]  # fmt: skip
    if kind == "truefalse" and values.get("answer") not in TRUE_FALSE:
        said = str(values.get("answer") or "")
        rules.append(("answer", "", f"a truefalse question's 'answer' must be true or false, "
                                    f"not {said[:40]!r}"))  # fmt: skip
    elif kind == "order":
        rules += _order(values.get("items") or ())
    elif kind == "number":
        rules += _number(values)
    elif kind == "text":
        rules += _text(values)
    return rules


def _given(value: object) -> bool:
    return value is not None and value != "" and value != ()


def _hint(key: str) -> str:
    owners = [kind for kind, keys in TYPE_KEYS.items() if key in keys]
    named = ", ".join(owners[:-1]) + " and " + owners[-1] if len(owners) > 1 else owners[0]
    return f" (only {named} questions use it)"


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _order(items: tuple[str, ...]) -> list[Rule]:
    low, high = ORDER_ITEMS
    if not items:
        return [("", "", f"an order question needs 'items': {low} to {high}, in the right order")]
    if not low <= len(items) <= high:
        return [("items", "", f"an order question puts {low} to {high} items in order, "
                              f"not {len(items)}")]  # fmt: skip
    alike = _first_alike(items)
    if alike:
        again, first = alike
        return [("items", again, f"the item {again!r} reads like {first!r}: a player "
                                 "cannot tell which goes where")]  # fmt: skip
    return []


def number_answer(text: str) -> float | None:
    """A number question's answer as stored (its canonical text), or ``None`` if it
    is not one :func:`number_text` writes."""
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or number_text(value) != text:
        return None
    return value


def number_text(value: float) -> str:
    """How a number question's answer is stored: ``2016``, ``3.5``."""
    return str(plain_number(value))


def _number(values: Values) -> list[Rule]:
    low, high = values.get("low"), values.get("high")
    if low is None or high is None:
        return [("", "", "a number question needs 'low' and 'high': the range a player may type")]
    value = number_answer(values.get("answer") or "")
    if value is None:
        return [("answer", "", "a number question's 'answer' must be a number")]
    for key, figure in (("answer", value), ("low", low), ("high", high)):
        if decimals(figure) > MAX_DECIMALS:
            return [(key, "", f"'{key}' has more than {MAX_DECIMALS} decimals")]
    if len(values.get("unit") or "") > MAX_UNIT:
        return [("unit", "", f"'unit' is over {MAX_UNIT} characters: it is printed after "
                             "the number")]  # fmt: skip
    if not low < value < high:
        shown = number_text(value)
        return [("answer", "", f"the answer {shown} must lie between 'low' ({number_text(low)}) "
                               f"and 'high' ({number_text(high)}), both excluded")]  # fmt: skip
    return []


def _text(values: Values) -> list[Rule]:
    answer: str = values.get("answer") or ""
    rules = [rule for key, texts in (("answer", (answer,)), ("accept", values.get("accept") or ()))
             for rule in _typeable(key, texts, key == "answer")]  # fmt: skip
    said = {normalise(text) for text in (answer, *(values.get("accept") or ()))}
    for wrong in values.get("wrong") or ():
        if normalise(wrong) in said:
            rules.append(("wrong", wrong, f"{wrong!r} is listed in 'wrong' (never accepted) but "
                                          "is the answer or an accepted spelling"))  # fmt: skip
    return rules


def _typeable(key: str, texts: Iterable[str], whole: bool) -> list[Rule]:
    rules: list[Rule] = []
    for text in texts:
        item = "" if whole else text
        if len(text) > MAX_TYPED:
            rules.append((key, item, f"{text[:30]!r}... is over {MAX_TYPED} characters: "
                                     "too long to type"))  # fmt: skip
        elif not normalise(text):
            rules.append((key, item, f"{text!r} has no letters or digits to type"))
    return rules


def _first_alike(texts: Iterable[str]) -> tuple[str, str] | None:
    """The first text that normalises like an earlier one, and that earlier one."""
    seen: dict[str, str] = {}
    for text in texts:
        folded = normalise(text)
        if folded in seen:
            return text, seen[folded]
        seen[folded] = text
    return None
