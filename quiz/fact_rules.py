"""What values a fact may hold beyond their type: the ranges and checks behind the
fact kinds of :mod:`quiz.facts`.

A pack that passes them can be shown to players as written and turned into questions
whose options read differently: every year has four digits, every figure fits a
float exactly with room for wrong options five times as large, every option shows
at most :data:`MAX_DECIMALS` decimals. The validator reports a broken rule at the
key it names (``""``: the fact itself); the generators apply the number rules again
to facts that never met the validator (built in code, or read from an old cache).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

#: A fact's values as the validator has read them, before its dataclass is built.
Values = dict[str, Any]
#: One broken rule: the key it is about (``""`` for the whole fact) and the message.
Issue = tuple[str, str]

#: Years a fact may name. Songs, charts and awards are recorded history; a year
#: outside this is a typo, and the wrong options around a year inside it keep four
#: digits (no year "0", no "December 0", no date past datetime's 9999).
YEARS = (1000, 2999)
#: The largest magnitude of a figure: wrong "about" options reach five times it, and
#: 5e15 is still below 2**53, so every whole figure on the way is an exact float.
MAX_NUMBER = 10**15
#: How many grid steps a figure may span: 15 significant digits, which a float keeps
#: exactly, so two neighbouring grid values never print alike.
MAX_STEPS = 10**14
#: The most decimals an option shows.
MAX_DECIMALS = 6
#: Chart sizes (and so positions): no chart lists more places.
CHART_SIZES = (1, 10_000)
#: The largest multiple a certification level may name ("999× Platinum").
MAX_MULTIPLIER = 999

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_DURATION = re.compile(r"[0-9]{1,3}:[0-5][0-9]\Z")
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_MULTIPLE = re.compile(r"\s*([0-9]+)\s*[×xX]\s")


def within(low: int | None, high: int | None) -> dict[str, tuple[int | None, int | None]]:
    """Dataclass field metadata: the field's value lies in ``low``..``high`` (None: open).
    The validator reports a value outside at the value itself; the schema says it too."""
    return {"range": (low, high)}


def decimals(number: float) -> int:
    """How many decimals ``number`` is written with (0.1 -> 1, 1e-05 -> 5, 15 -> 0)."""
    exponent = Decimal(str(number)).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def check_chart(values: Values) -> list[Issue]:
    """A position lies on its chart."""
    size = values.get("size", 100)
    position = values.get("position")
    if position is not None and not 1 <= position <= size:
        return [("", f"chart position {position} is outside 1..{size}")]
    return []


def check_date(values: Values) -> list[Issue]:
    """A real day in :data:`YEARS`. Also settles a date's precision when the pack leaves
    it out: the written form's."""
    value = values.get("value", "")
    match = _DATE.match(value)
    if match is None:
        return [("", f"bad date {value!r}: write YYYY-MM-DD, YYYY-MM or YYYY")]
    year, month, day = (int(g) if g else 0 for g in match.groups())
    low, high = YEARS
    if not low <= year <= high:
        return [("value", f"the year of {value!r} must be between {low} and {high}")]
    if month > 12 or (match.group(2) and not month) or (match.group(3) and not day):
        return [("", f"bad date {value!r}: no such day")]
    if day and day > _days_in(year, month):
        return [("", f"bad date {value!r}: no such day")]
    given = "day" if day else "month" if month else "year"
    precision = values.setdefault("precision", given)
    if _PRECISION_RANK[precision] > _PRECISION_RANK[given]:
        return [("", f"precision '{precision}' needs a more precise date than {value!r}")]
    return []


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def check_duration(values: Values) -> list[Issue]:
    """``m:ss``, and not nothing."""
    value = values.get("value", "")
    if not _DURATION.match(value):
        return [("", f"bad duration {value!r}: write minutes:seconds, e.g. 3:37")]
    if not value.replace("0", "").strip(":"):
        return [("value", "a length of 0:00 cannot be asked about")]
    return []


def check_number(values: Values) -> list[Issue]:
    """A figure players can read exactly, with wrong options that read differently."""
    value, step = values.get("value", 0), values.get("step", 1)
    low, high = values.get("low"), values.get("high")
    for name in ("value", "step", "low", "high"):
        if name in values and not -MAX_NUMBER <= values[name] <= MAX_NUMBER:
            # Only facts built in code get here: the validator refuses these at the key.
            return [(name, f"'{name}' must be between {-MAX_NUMBER:,} and {MAX_NUMBER:,}")]
    if step <= 0:
        return [("step", "'step' must be greater than 0")]
    issues: list[Issue] = []
    if low is not None and high is not None and low > high:
        issues.append(("", f"'low' ({low}) is greater than 'high' ({high})"))
    widest = max(abs(value), abs(low or 0), abs(high or 0))
    if decimals(step) > MAX_DECIMALS:
        issues.append(("step", f"'step' {step} has more than {MAX_DECIMALS} decimals: "
                               f"options show at most {MAX_DECIMALS}"))
    elif widest / step > MAX_STEPS:
        issues.append(("step", f"'step' {step} is too fine for {widest}: options would need "
                               "more than 15 significant digits and print alike"))
    elif decimals(value) > decimals(step):
        issues.append(("value", f"'value' {value} has more decimals than 'step' {step} "
                                "shows: give a 'step' as fine as the value"))
    issues += _check_kind_of_number(values, value, step)
    return issues


def _check_kind_of_number(values: Values, value: float, step: float) -> list[Issue]:
    if values.get("ordinal") and (value < 1 or value != int(value)):
        return [("value", f"an ordinal must be a whole number of at least 1, not {value}")]
    if values.get("ordinal") and step != int(step):
        return [("step", f"an ordinal needs a whole 'step', not {step}")]
    if values.get("qualifier") == "about" and value == 0:
        return [("value", "'about' 0 has no figure clearly different from it to offer")]
    return []


def check_certification(values: Values) -> list[Issue]:
    """A level's multiple ("5× Platinum") is a count of levels players can read."""
    match = _MULTIPLE.match(values.get("level", ""))
    if match is not None:
        digits = match.group(1).lstrip("0")
        if not digits or len(digits) > len(str(MAX_MULTIPLIER)) or int(digits) > MAX_MULTIPLIER:
            written = match.group(1)
            shown = written if len(written) <= 12 else written[:12] + "…"
            return [("level", f"a level's multiple must be between 1 and {MAX_MULTIPLIER}, "
                              f"not {shown}")]
    return []


def check_chronology(values: Values) -> list[Issue]:
    """The subject is one of the items."""
    titles = [item.title for item in values.get("items", ())]
    current = values.get("current")
    if current is not None and current not in titles:
        return [("", f"chronology 'current' {current!r} is not among its items")]
    return []
