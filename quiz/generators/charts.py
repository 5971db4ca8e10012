"""How chart rows are named in prompts and explanations.

Every chart question names the exact chart, the year, and whether it is about the
weekly peak or the year-end position; these helpers are the one place that wording
lives.
"""

from __future__ import annotations

from quiz.facts import ChartEntry
from quiz.generators.base import Context, explain, join_names


def scope(entry: ChartEntry) -> str:
    """"weekly peak" or "year-end position"."""
    return "weekly peak" if entry.type == "weekly" else "year-end position"


def placed(entry: ChartEntry, position: int | None = None) -> str:
    """How the song did on this row, without the subject: "peaked at number 8 on
    France (SNEP) in 2016" / "ranked number 61 on the 2016 year-end chart of UK
    Singles (Official Charts Company)"."""
    position = entry.position if position is None else position
    if entry.type == "weekly":
        return f"peaked at number {position} on {entry.chart} in {entry.year}"
    return f"ranked number {position} on the {entry.year} year-end chart of {entry.chart}"


def statement(ctx: Context, entry: ChartEntry, position: int | None = None) -> str:
    """A full sentence about the song's place on a chart row."""
    title = ctx.song[0].upper() + ctx.song[1:]
    if entry.type == "weekly":
        return (f"{title} reached a weekly peak of number {position or entry.position} "
                f"on {entry.chart} in {entry.year}.")
    return f"{title} {placed(entry, position)}."


def describe(entries: list[ChartEntry]) -> str:
    """Explanation for one or more rows: "It peaked at number 8 on France (SNEP) in
    2016."; rows sharing a position, type and year are named
    together ("It peaked at number 1 in 2016 on Italy (FIMI) and Lebanon (...)")."""
    first = entries[0]
    alike = all((e.type, e.year, e.position) == (first.type, first.year, first.position)
                for e in entries)
    if len(entries) > 1 and alike:
        names = join_names([e.chart for e in entries])
        if first.type == "weekly":
            sentence = f"It peaked at number {first.position} in {first.year} on {names}."
        else:
            sentence = (f"It ranked number {first.position} on the {first.year} year-end "
                        f"charts of {names}.")
    else:
        sentence = "It " + "; it ".join(placed(entry) for entry in entries) + "."
    return explain(sentence)
