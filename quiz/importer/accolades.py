"""Award facts from an accolades table: organisation, year, category and result.

The table is found by its header (an organisation or ceremony column, a year and a
category). A blank result stays unknown (``result`` left out), so no question says
the song won. A continuation row (its organisation and year merged into the row
above) is attached to that organisation and year; a row with no organisation of its
own that is not one, a row without a year or a category, is left out and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.importer.article import Article, Row, Table
from quiz.importer.harvest import Harvest
from quiz.importer.values import number

_RESULTS = {"won": "won", "win": "won", "winner": "won", "nominated": "nominated",
            "nominee": "nominated", "nom": "nominated"}


@dataclass(frozen=True, slots=True)
class Columns:
    """Where an accolades table keeps each value."""

    organization: int
    year: int
    award: int
    result: int | None

    @classmethod
    def of(cls, table: Table) -> Columns | None:
        """The columns of ``table``, or None when it is not an accolades table."""
        organization = table.column("organization", "organisation", "ceremony", "award")
        year = table.column("year")
        award = table.column("category", "nominee", "work")
        if award is None and organization is not None and table.column("ceremony") is not None:
            award = table.column("award")
        if None in (organization, year, award) or organization == award:
            return None
        assert organization is not None and year is not None and award is not None
        return cls(organization, year, award, table.column("result", "outcome"))


def award_facts(article: Article, harvest: Harvest) -> None:
    """Add an award fact for every readable row of every accolades table."""
    for table in article.tables:
        columns = Columns.of(table)
        if columns is None:
            continue
        above: Above | None = None
        for row in table.rows:
            above = _row(harvest, table, columns, row, above)


#: The organisation, year and row a continuation row belongs to.
Above = tuple[str, int, Row]


def _row(harvest: Harvest, table: Table, columns: Columns, row: Row,
         above: Above | None) -> Above | None:
    """Add the row's award; return the organisation and year a next continuation row
    would belong to."""
    line = row.where.line
    if row.broken:
        harvest.skip(line, "broken accolades row: left out")
        return above
    if row.continues:
        if above is None:
            harvest.skip(line, f"continuation row {row.cells[0]!r} with no row above: left out")
            return None
        harvest.skip(line, f"continuation row: {row.cells[0]!r} attached to {above[0]} "
                           f"{above[1]} (the row above; its cells were merged)")
        _add(harvest, above[0], above[1], row.cells[0], "", row, above[2])
        return above
    cells = [*row.cells, *[""] * len(table.header)]
    organization, award = cells[columns.organization], cells[columns.award]
    year = number(cells[columns.year])
    if not organization or year is None or not award:
        harvest.skip(line, f"accolades row missing its organisation, year or category "
                           f"({' | '.join(row.cells)}): left out")
        return None
    result = cells[columns.result] if columns.result is not None else ""
    _add(harvest, organization, year, award, result, row)
    return organization, year, row


def _add(harvest: Harvest, organization: str, year: int, award: str, written: str,
         row: Row, parent: Row | None = None) -> None:
    data: dict[str, object] = {"organization": organization, "year": year, "award": award}
    result = _RESULTS.get(written.strip().casefold())
    if result is not None:
        data["result"] = result
    elif written.strip():
        harvest.skip(row.where.line, f"{organization} {year}, {award}: result {written!r} "
                                     "not read (left unknown)")
    if harvest.find("award", organization=organization, year=year, award=award):
        harvest.skip(row.where.line, f"{organization} {year}, {award} listed twice: "
                                     "the second row left out")
        return
    # A rowspan's organisation and year were written once, on the rows above.
    above = parent.wheres() if parent is not None else ()
    places = [(where, "accolades table") for where in (*above, *row.wheres())]
    harvest.add("award", data, *places)
