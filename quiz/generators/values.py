"""Numbers, dates, lengths and certification levels: how they are written and which
nearby values make plausible wrong options.

Every ``near_*`` function returns ``(below, above)``: candidate values smaller and
larger than the answer, nearest first, never equal to it. Generators remove other
true values and hand the two lists to :func:`distractors.pick_around`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from quiz.fact_rules import MAX_MULTIPLIER, YEARS, check_date, decimals

# -- numbers -----------------------------------------------------------------------


def snap(value: float, step: float, anchor: float = 0) -> float:
    """``value`` rounded to the grid of ``step`` through ``anchor`` (no float noise)."""
    places = max(decimals(step), decimals(anchor) if anchor else 0)
    return round(anchor + round((value - anchor) / step) * step, places)


def ordinal(number: int) -> str:
    """46 -> "46th", 1 -> "1st", 12 -> "12th"."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_number(value: float, step: float = 1, unit: str = "", as_ordinal: bool = False) -> str:
    """A figure as players read it: "15 minutes", "3.3 billion views", "46th"."""
    places = decimals(step) if step else 0
    if as_ordinal:
        text = ordinal(int(round(value)))
    elif places:
        text = f"{value:.{places}f}"
    else:
        text = f"{int(round(value)):,}"
    return f"{text} {unit}".strip()


def near_exact(
    value: float, step: float, low: float, high: float
) -> tuple[list[float], list[float]]:
    """Grid values next to an exact figure, within ``[low, high]``."""
    below: list[float] = []
    above: list[float] = []
    for k in range(1, 40):
        down, up = snap(value - k * step, step, value), snap(value + k * step, step, value)
        if down >= low:
            below.append(down)
        if up <= high:
            above.append(up)
    return below, above


# Multiples of the value that read as clearly different from "about" it.
_ABOUT_BELOW = (1 / 2, 2 / 3, 1 / 3, 1 / 4)
_ABOUT_ABOVE = (2, 3 / 2, 3, 4)
#: An option for an "about" figure differs from it by at least this fraction, so no
#: wrong option is "about" right too.
ABOUT_GAP = 0.25


def near_about(
    value: float, step: float, low: float, high: float
) -> tuple[list[float], list[float]]:
    """Values at least :data:`ABOUT_GAP` away from an approximate figure."""
    gap = abs(value) * ABOUT_GAP

    def keep(factors: tuple[float, ...]) -> list[float]:
        kept: list[float] = []
        for factor in factors:
            candidate = snap(value * factor, step, value)
            if abs(candidate - value) >= gap and low <= candidate <= high and candidate not in kept:
                kept.append(candidate)
        return sorted(kept, key=lambda c: abs(c - value))

    return keep(_ABOUT_BELOW), keep(_ABOUT_ABOVE)


def number_bounds(
    value: float, step: float, low: float, high: float, about: bool
) -> tuple[float, float]:
    """The range wrong values come from: the fact's ``low``/``high`` when given,
    otherwise a range around the value that stays positive for positive values."""
    if low or high:
        return low, high
    if about:
        width_low, width_high = abs(value) * 0.8, abs(value) * 4
    else:
        width_low = width_high = max(5 * step, abs(value) * 0.5)
    low, high = value - width_low, value + width_high
    if value > 0:
        low = max(low, step)
    return low, high


# -- dates -------------------------------------------------------------------------

_MONTHS = calendar.month_name


def parse_date(value: str) -> tuple[int, int | None, int | None]:
    """``2016-05-24`` / ``2016-05`` / ``2016`` -> (year, month, day)."""
    year, *rest = (int(part) for part in str(value).split("-"))
    month = rest[0] if len(rest) > 0 else None
    day = rest[1] if len(rest) > 1 else None
    return year, month, day


def date_precision(value: str, declared: str = "day") -> str:
    """The precision a date value actually has (its written form wins)."""
    return {1: "year", 2: "month", 3: "day"}.get(len(str(value).split("-")), declared)


def format_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """"May 24, 2016", "May 2016" or "2016"."""
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS[month]} {year}"
    return f"{_MONTHS[month]} {day}, {year}"


def date_key(text: str) -> tuple[int, int, int]:
    """Sort key for a formatted date (any of the three forms)."""
    for form, width in (("%B %d, %Y", 3), ("%B %Y", 2), ("%Y", 1)):
        try:
            parsed = dt.datetime.strptime(text, form)
        except ValueError:
            continue
        return (parsed.year, parsed.month if width > 1 else 0, parsed.day if width > 2 else 0)
    return (0, 0, 0)


_DAY_OFFSETS = (7, 3, 14, 10, 21, 28, 35, 42)


def near_dates(value: str) -> tuple[list[str], list[str]]:
    """Valid dates around a date at its own precision: a few days/weeks for a day,
    a few months for a month, a few years for a year. Only dates in
    :data:`quiz.fact_rules.YEARS` are offered, so every year shown has four digits; a
    date the rules refuse (a fact that never met the validator) has none."""
    if check_date({"value": value}):
        return [], []
    year, month, day = parse_date(value)
    if month is None:
        return _in_years([year - k for k in range(1, 5)], [year + k for k in range(1, 5)], str)
    if day is None:
        months = year * 12 + (month - 1)

        def month_of(index: int) -> str:
            return format_date(index // 12, index % 12 + 1)

        steps = range(1, 7)
        return _in_years([months - k for k in steps], [months + k for k in steps], month_of,
                         per_year=12)
    base = dt.date(year, month, day).toordinal()

    def day_of(ordinal: int) -> str:
        moved = dt.date.fromordinal(ordinal)
        return format_date(moved.year, moved.month, moved.day)

    return _in_years([base - k for k in _DAY_OFFSETS], [base + k for k in _DAY_OFFSETS],
                     day_of, first=dt.date(YEARS[0], 1, 1).toordinal(),
                     last=dt.date(YEARS[1], 12, 31).toordinal())


def _in_years(below: list[int], above: list[int], show: Callable[[int], str], per_year: int = 1,
              first: int | None = None, last: int | None = None) -> tuple[list[str], list[str]]:
    """``below``/``above`` (years, month counts or day ordinals) inside :data:`YEARS`,
    written by ``show``."""
    low = YEARS[0] * per_year if first is None else first
    high = (YEARS[1] + 1) * per_year - 1 if last is None else last
    return ([show(k) for k in below if low <= k <= high],
            [show(k) for k in above if low <= k <= high])


# -- durations ---------------------------------------------------------------------

_SECOND_OFFSETS = (9, 17, 24, 31, 38, 46)


def format_duration(seconds: int) -> str:
    """217 -> "3:37"."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def duration_key(text: str) -> int:
    """Sort key for "m:ss"."""
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def near_durations(seconds: int) -> tuple[list[str], list[str]]:
    """Lengths some seconds shorter and longer, as m:ss."""
    below = [format_duration(seconds - k) for k in _SECOND_OFFSETS if seconds - k > 0]
    above = [format_duration(seconds + k) for k in _SECOND_OFFSETS]
    return below, above


# -- chart positions ---------------------------------------------------------------


def near_positions(position: int, size: int, reach: int = 8) -> tuple[list[int], list[int]]:
    """Positions next to ``position`` on a chart of ``size`` places."""
    size = max(size, position)
    below = [p for p in range(position - 1, position - reach - 1, -1) if p >= 1]
    above = [p for p in range(position + 1, position + reach + 1) if p <= size]
    return below, above


# -- certification levels ----------------------------------------------------------

_MULTIPLIER_WORDS = {
    "double": 2,
    "triple": 3,
    "quadruple": 4,
    "quintuple": 5,
    "sextuple": 6,
    "septuple": 7,
    "octuple": 8,
    "nonuple": 9,
}
_BASE_RANK = {"silver": 0.25, "gold": 0.5, "platinum": 1.0, "diamond": 10.0}
# A multiple has at most as many digits as MAX_MULTIPLIER: a longer one is no level a
# player can compare (and would not fit a float).
_TIMES = rf"(\d{{1,{len(str(MAX_MULTIPLIER))}}})\s*[×x]\s*"
_LEVEL = re.compile(rf"^(?:{_TIMES}|([a-z]+)\s+)?(silver|gold|platinum|diamond)$")


def cert_rank(level: str) -> float | None:
    """How high a certification level is, for comparing levels: Gold 0.5,
    Platinum 1, "5× Platinum" or "Quintuple Platinum" 5, Diamond 10 (ten times
    Platinum in most countries; "2× Diamond" 20). ``None`` for a level it cannot
    read; such levels are never used to decide that another level is false."""
    match = _LEVEL.match(" ".join(level.casefold().split()))
    if not match:
        return None
    digits, word, base = match.groups()
    if word is not None:
        if word not in _MULTIPLIER_WORDS:
            return None
        times = _MULTIPLIER_WORDS[word]
    else:
        times = int(digits) if digits else 1
    if not 1 <= times <= MAX_MULTIPLIER:
        return None
    return times * _BASE_RANK[base]


def level_name(rank: float) -> str:
    """The level written for a rank from :data:`LADDER`."""
    return _LADDER_NAMES[rank]


_LADDER_NAMES: dict[float, str] = {0.5: "Gold", 1.0: "Platinum"}
for _times in range(2, 10):
    _LADDER_NAMES[float(_times)] = f"{_times}× Platinum"
_LADDER_NAMES[10.0] = "Diamond"
for _times in range(2, 4):
    _LADDER_NAMES[10.0 * _times] = f"{_times}× Diamond"
#: Certification ranks in ascending order, for plausible neighbouring levels.
LADDER: tuple[float, ...] = tuple(sorted(_LADDER_NAMES))


def near_levels(rank: float) -> tuple[list[str], list[str]]:
    """Ladder levels below and above a rank, nearest first."""
    below = [level_name(r) for r in reversed(LADDER) if r < rank]
    above = [level_name(r) for r in LADDER if r > rank]
    return below, above
