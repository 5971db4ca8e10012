"""A song article as the importer reads it: the same shape from either input form.

Both readers (:mod:`quiz.importer.plaintext` and :mod:`quiz.importer.wikitext`) turn
their file into an :class:`Article`: the infobox as keyed lines, prose paragraphs,
tables with their caption and rows, and credit lines. Every piece keeps the section
it sits in and the line of the file it came from, so each fact can say where it was
read and a test can find its values in that line's text.

Text here is plain already (links reduced to their text, references, comments and
citation templates dropped); ``raw`` keeps the file's own line for evidence checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the source file: the section heading it falls under and its line."""

    section: str
    line: int


@dataclass(frozen=True, slots=True)
class InfoboxField:
    """One infobox entry: the key as the file spells it, lower-cased, and its value."""

    key: str
    value: str
    where: Where


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of prose (a single line in both input forms)."""

    text: str
    where: Where


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: its cells in column order (``""`` for a blank cell).

    ``broken`` marks a row the file itself garbles (a header cell with no text, such
    as a stray ``scope="row"``); ``continues`` marks a row whose leading cells were
    merged into the row above (a rowspan) and are given here from that row.
    """

    cells: tuple[str, ...]
    where: Where
    broken: bool = False
    continues: bool = False
    #: Where the cells a rowspan spread down to this row were written (wikitext).
    spread_from: tuple[Where, ...] = ()
    #: Where its other cells start, when they are on lines of their own (wikitext).
    more: tuple[Where, ...] = ()

    def wheres(self) -> tuple[Where, ...]:
        """Every line the row's values were read from."""
        return tuple(dict.fromkeys((*self.spread_from, self.where, *self.more)))


@dataclass(frozen=True, slots=True)
class Table:
    """A table with its caption (may be empty), header cells and rows; ``where`` is
    its header row's line (where "Chart (2016)" gives a chart table's year)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    where: Where

    def column(self, *names: str) -> int | None:
        """The index of the first header cell that starts with any of ``names``
        (case ignored), or None."""
        for index, cell in enumerate(self.header):
            folded = cell.casefold()
            if any(folded.startswith(name) for name in names):
                return index
        return None


@dataclass(frozen=True, slots=True)
class ChartRow:
    """A chart row written as a chart code (wikitext ``{{Single chart}}``): the chart
    name is the code's mapping, ``code`` the code itself, ``year`` from its table."""

    chart: str
    code: str
    position: str
    table: Table | None
    where: Where


@dataclass(frozen=True, slots=True)
class CreditLine:
    """One line of the credits list: a person and the roles written after them."""

    name: str
    roles: tuple[str, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class CertificationRow:
    """One certification (wikitext ``{{certification Table Entry}}``): region and the
    level as the article words it ("5× Platinum")."""

    region: str
    level: str
    where: Where


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where the article came from, as far as the file says: all optional."""

    title: str = ""
    url: str = ""
    revision: str = ""
    licence: str = ""

    def as_dict(self) -> dict[str, str]:
        """The pack's ``attribution`` block: only the keys the file gave."""
        pairs = (("title", self.title), ("url", self.url), ("revision", self.revision),
                 ("licence", self.licence))
        return {key: value for key, value in pairs if value}


@dataclass(slots=True)
class Article:
    """Everything the importer reads from one article, with the lines it skipped."""

    title: str
    infobox: list[InfoboxField] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    chart_rows: list[ChartRow] = field(default_factory=list)
    credits: list[CreditLine] = field(default_factory=list)
    certifications: list[CertificationRow] = field(default_factory=list)
    attribution: Attribution = field(default_factory=Attribution)
    #: (line, what was skipped and why): the reader's share of the review report.
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def info(self, *keys: str) -> InfoboxField | None:
        """The first infobox field with one of ``keys`` (lower-case, spaces or
        underscores alike), or None."""
        wanted = {key.replace("_", " ") for key in keys}
        for item in self.infobox:
            if item.key.replace("_", " ") in wanted and item.value:
                return item
        return None
