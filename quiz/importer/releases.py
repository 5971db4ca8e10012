"""Facts from the release history table: to which format the song went, and where.

Rows are grouped by country and date: each group is one question ("In which format
was the song released in the United States on May 24, 2016?") whose true values are
every format of the group. Wrong formats are generic ones the table never lists (a
format of another row may have reached this country too, under "Various"); a table
of one row also asks in which country that release was.
"""

from __future__ import annotations

from quiz.generators.distractors import norm
from quiz.generators.sentences import place
from quiz.generators.values import format_date, parse_date
from quiz.importer.article import Article, Row, Table
from quiz.importer.harvest import Harvest
from quiz.importer.pools import GENERIC, without
from quiz.importer.values import date, split_list


def release_facts(article: Article, harvest: Harvest, song: str) -> None:
    """Add the release history table's facts."""
    for table in article.tables:
        country, when, form = (table.column("country", "region"), table.column("date"),
                               table.column("format"))
        if country is None or when is None or form is None:
            continue
        rows = [row for row in table.rows if _readable(harvest, row, (country, when, form))]
        groups: dict[tuple[str, str], list[Row]] = {}
        for row in rows:
            groups.setdefault((norm(row.cells[country]), _when(row.cells[when])), []).append(row)
        for number, group in enumerate(groups.values(), start=1):
            suffix = "" if len(groups) == 1 else f"-{number}"
            _format_fact(harvest, table, group, (country, when, form), song, suffix)
        if len(rows) == 1:
            _country_fact(harvest, table, rows[0], (country, when, form), song)


def _readable(harvest: Harvest, row: Row, columns: tuple[int, int, int]) -> bool:
    cells = [*row.cells, "", "", ""]
    if row.broken or any(not cells[column] for column in columns):
        harvest.skip(row.where.line, "release row with a blank country, date or format: "
                                     "left out")
        return False
    if date(cells[columns[1]]) is None:
        harvest.skip(row.where.line, f"release date {cells[columns[1]]!r} not read: left out")
        return False
    return True


def _format_fact(harvest: Harvest, table: Table, group: list[Row],
                 columns: tuple[int, int, int], song: str, suffix: str) -> None:
    country, when, form = columns
    first = group[0]
    region, day = _region(first.cells[country]), _when(first.cells[when])
    formats = [f for row in group for f in split_list(row.cells[form])]
    listed = [f for row in table.rows if len(row.cells) > max(columns)
              for f in split_list(row.cells[form])]
    harvest.add("attribute", {
        "id": f"release-format{suffix}", "category": "Release",
        "ask": f"In which format was {song} released in {region} on {day}?",
        "statement": f"In {region}, {song} was released on {day} in the format "
                     "{value}.",
        "values": list(dict.fromkeys(formats)), "pool": without(GENERIC["formats"], listed),
    }, *((where, "release history table") for row in group for where in row.wheres()))


def _when(written: str) -> str:
    """A release date as prompts write dates ("May 24, 2016"), whatever the article's
    spelling ("2016-05-24" from a wikitext ``{{Start date}}``)."""
    read = date(written)
    return format_date(*parse_date(read[0])) if read else written


def _region(country: str) -> str:
    """A release row's country as a prompt names it ("Various" is several countries)."""
    if norm(country) in ("various", "worldwide", "world"):
        return "various countries"
    return place(country)


def _country_fact(harvest: Harvest, table: Table, row: Row, columns: tuple[int, int, int],
                  song: str) -> None:
    country, when, form = columns
    if _region(row.cells[country]) == "various countries":
        return
    day = _when(row.cells[when])
    harvest.add("attribute", {
        "id": "release-country", "category": "Release",
        "ask": f"In which country was {song} released in the format {row.cells[form]} on "
               f"{day}?",
        "statement": f"On {day}, {song} was released in the format "
                     f"{row.cells[form]} in {{value}}.",
        "values": [place(row.cells[country])],
        "pool": without(GENERIC["countries"], [place(row.cells[country])]),
    }, *((where, "release history table") for where in row.wheres()))
