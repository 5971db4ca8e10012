"""Chart facts from chart tables: weekly peaks and year-end positions, per year.

A table is a chart table when its first header cell starts with "Chart"; it is a
year-end table when its caption or section says so. Its year is the header's
"Chart (2016)" or the caption's year; a table with neither, or with a range of
years ("Chart (2018–2019)"), is left out. A row is a
fact only when it names a chart and gives a position: a blank cell, a broken row or
a dash ("did not chart" in some articles) goes to the review report, and a chart the
article does not list is never a fact at all (unknown, not "did not chart").
"""

from __future__ import annotations

import re

from quiz.importer.article import Article, Row, Table, Where
from quiz.importer.harvest import Harvest
from quiz.importer.values import number

_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_SIZE = re.compile(r"(?:Top|Hot)\s?(\d{2,3})\b", re.I)
#: Chart sizes to assume when a chart's name does not give one: the smallest that holds
#: the position (wrong positions are then drawn from places the chart has).
_SIZES = (100, 200, 500, 1000)


def is_chart_table(table: Table) -> bool:
    """Whether ``table`` lists chart positions."""
    return bool(table.header) and table.header[0].casefold().startswith("chart")


def chart_kind(table: Table) -> tuple[str, int | None]:
    """(type, year) of a chart table: ``year-end`` or ``weekly``, and its year."""
    words = f"{table.caption} {table.where.section} {' '.join(table.header)}".casefold()
    kind = "year-end" if re.search(r"year[- ]end", words) else "weekly"
    first = table.header[0] if table.header else ""
    years = set(_YEAR.findall(first)) or set(_YEAR.findall(table.caption))
    # "Chart (2018–2019)" does not say in which year each peak came.
    return kind, int(years.pop()) if len(years) == 1 else None


def size_for(chart: str, position: int) -> int:
    """How many places a chart has: its name's "Top 20", "Hot 100" when the position
    fits in it, else the smallest usual size that holds the position."""
    named = _SIZE.search(chart)
    if named and position <= int(named.group(1)):
        return int(named.group(1))
    return next((size for size in _SIZES if position <= size), position)


def chart_facts(article: Article, harvest: Harvest) -> None:
    """Add a chart fact for every readable row of every chart table, and of the
    chart-code rows (wikitext) with the year of the table they sit in."""
    for table in article.tables:
        if not is_chart_table(table):
            continue
        kind, year = chart_kind(table)
        if year is None:
            name = table.caption or table.header[0]  # a chart table has a header
            harvest.skip(table.where.line, f"chart table {name!r} gives no single year: left out")
            continue
        column = table.column("peak", "position") or 1
        for row in table.rows:
            _row(harvest, row, column, (kind, year, table.where))
    for coded in article.chart_rows:
        kind, year = chart_kind(coded.table) if coded.table else ("weekly", None)
        if year is None:
            harvest.skip(coded.where.line, f"{coded.chart} (chart code {coded.code}): its table "
                                           "gives no single year: left out")
            continue
        header = coded.table.where if coded.table else coded.where
        _add(harvest, coded.chart, coded.position, (kind, year, header), coded.where,
             code=coded.code)


#: A chart table's type, year and the header line that gives the year.
Kind = tuple[str, int, Where]


def _row(harvest: Harvest, row: Row, column: int, kind: Kind) -> None:
    if row.broken:
        harvest.skip(row.where.line, "broken chart row (no chart name): left out")
        return
    chart = row.cells[0]
    position = row.cells[column] if column < len(row.cells) else ""
    if not chart:
        harvest.skip(row.where.line, "chart row without a chart name: left out")
        return
    _add(harvest, chart, position, kind, *row.wheres())


def _add(harvest: Harvest, chart: str, written: str, table: Kind, *wheres: Where,
         code: str = "") -> None:
    kind, year, header = table
    where, part = wheres[0], _part(kind, year)
    if not written.strip():
        harvest.skip(where.line, f"{chart} ({kind} {year}): blank position: left out")
        return
    position = number(written)
    if position is None or position < 1:
        harvest.skip(where.line, f"{chart} ({kind} {year}): position {written!r} not a "
                                 "number: left out")
        return
    known = harvest.find("chart", chart=chart, type=kind, year=year)
    if known is not None:
        if known["position"] == position:
            for place in wheres:
                harvest.cite_also(known, place, part)
        else:
            harvest.skip(where.line, f"{chart} ({kind} {year}) listed again at {position} "
                                     f"(first at {known['position']}): the second row left out")
        return
    data: dict[str, object] = {"chart": chart, "type": kind, "year": year,
                               "position": position, "size": size_for(chart, position)}
    if code:
        # The article names the chart by its code; the name is the code's mapping.
        data["note"] = f"chart code {code}"
    harvest.add("chart", data, (header, part), *((place, part) for place in wheres))


def _part(kind: str, year: int) -> str:
    return f"{year} {kind} chart table"

