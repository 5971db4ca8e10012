"""Reading a song article's MediaWiki source: the same :class:`Article` as plain text.

Templates are read with mwparserfromhell (``{{Infobox song}}``, ``{{Single chart}}``,
``{{certification Table Entry}}``), tables with wikitextparser (captions, header
cells, ``scope="row"`` headers, rowspans spread over the rows they cover). Prose and
credit lines are the lines outside tables and top-level templates. Every piece keeps
its line in the file. An optional comment before the infobox may give ``Title:``,
``URL:``, ``Revision:`` and ``Licence:`` lines for the pack's attribution.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import wikitextparser
from mwparserfromhell.nodes import Comment, Template

from quiz.importer.article import (
    Article,
    Attribution,
    CertificationRow,
    ChartRow,
    CreditLine,
    InfoboxField,
    Paragraph,
    Row,
    Table,
    Where,
)
from quiz.importer.chartcodes import chart_name
from quiz.importer.wikimarkup import Plain, name_of, named, parse, positional

_INFOBOXES = {"infobox song", "infobox single"}
_ABOUT = re.compile(r"^\s*(Title|URL|Revision|Licen[cs]e|Source):\s*(\S.*?)\s*$", re.I | re.M)
_CREDIT = re.compile(r"(?P<name>[^–—]+?)\s+[–—-]\s+(?P<roles>.+)\Z")
_NOT_PROSE = ("{|", "|", "!", "{{", "}}", "[[Category:", "[[File:", "__", "<!--", "----")


def read_wikitext(text: str) -> Article:
    """The article in ``text`` (MediaWiki source)."""
    return _Reader(text).read()


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        self.plain = Plain()
        self.article = Article(title="")
        self.code = parse(text)
        self.tree = wikitextparser.parse(text)
        self.sections = sorted((s.span[0], self.plain.text(s.title or ""))
                               for s in self.tree.sections if s.title is not None)
        self.covered: list[tuple[int, int]] = []
        self.tables: list[tuple[tuple[int, int], Table]] = []
        self.about: dict[str, str] = {}

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def where(self, offset: int) -> Where:
        index = bisect.bisect_right([start for start, _ in self.sections], offset) - 1
        return Where(self.sections[index][1] if index >= 0 else "", self.line(offset))

    def read(self) -> Article:
        for table in self.tree.tables:
            self.table(table)
        offset, before_infobox = 0, True
        for node in self.code.nodes:
            if isinstance(node, Comment | Template):
                # Never prose, even when they span lines: comments, templates.
                self.covered.append((offset, offset + len(str(node))))
            if isinstance(node, Template) and name_of(node) in _INFOBOXES:
                before_infobox = False
            if isinstance(node, Comment) and before_infobox:
                self.about.update((k.casefold(), v)
                                  for k, v in _ABOUT.findall(str(node.contents)))
            offset += len(str(node))
        for at, template in self.templates():
            self.template(template, at)
        self.prose()
        self.article.attribution = Attribution(
            title=self.about.get("title", self.article.title), url=self.about.get("url", ""),
            revision=self.about.get("revision", ""),
            licence=self.about.get("licence", self.about.get("license", "")))
        for name in dict.fromkeys(self.plain.unknown):
            found = re.search(r"\{\{\s*" + re.escape(name).replace(r"\ ", r"[\s_]+"), self.text,
                              re.IGNORECASE)
            line = self.line(found.start()) if found else 0
            self.article.skipped.append((line, f"template {{{{{name}}}}} not read: its text is "
                                               "missing from the values around it"))
        return self.article

    # -- templates ---------------------------------------------------------------------
    def templates(self) -> Iterator[tuple[int, Template]]:
        """Every template with its offset in the file, tables' rows included."""
        cursor = 0
        for template in self.code.filter_templates(recursive=True):
            at = self.text.find(str(template), cursor)
            if at >= 0:
                # Templates come parent first, then its children, then the next one:
                # each starts at or after the one before.
                cursor = at
                yield at, template

    def template(self, node: Template, offset: int) -> None:
        name = name_of(node)
        if name in _INFOBOXES:
            self.infobox(node, offset)
        elif name == "single chart":
            self.single_chart(node, offset)
        elif name == "certification table entry":
            self.certification(node, offset)

    def infobox(self, template: Template, offset: int) -> None:
        body, cursor = str(template), 0
        for param in template.params:
            at = body.find(str(param), cursor)
            cursor = max(cursor, at)
            key = " ".join(str(param.name).strip().replace("_", " ").split()).casefold()
            value = self.plain.text(param.value)
            where = Where("infobox", self.line(offset + max(at, 0)))
            if key == "name" and value:
                self.article.title = value.strip('"')
            elif value:
                self.article.infobox.append(InfoboxField(key, value, where))

    def single_chart(self, template: Template, offset: int) -> None:
        values = positional(template)
        where = self.where(offset)
        if len(values) < 2:
            self.article.skipped.append((where.line, "{{Single chart}} without a code and a "
                                                     "position: left out"))
            return
        code, position = self.plain.text(values[0]), self.plain.text(values[1])
        chart = chart_name(code)
        if chart is None:
            self.article.skipped.append((where.line, f"chart code {code!r} unknown: left out "
                                                     "(add the chart by hand if you know it)"))
            return
        table = next((t for (start, end), t in self.tables if start <= offset < end), None)
        self.article.chart_rows.append(ChartRow(chart, code, position, table, where))

    def certification(self, template: Template, offset: int) -> None:
        region, award = named(template, "region"), named(template, "award")
        where = self.where(offset)
        if region is None or award is None:
            self.article.skipped.append((where.line, "certification entry without a region "
                                                     "or an award: left out"))
            return
        times = named(template, "certmult")
        count = self.plain.text(times) if times is not None else ""
        level = self.plain.text(award)
        if count and count != "1":
            level = f"{count}× {level}"
        self.article.certifications.append(
            CertificationRow(self.plain.text(region), level, where))

    # -- tables ------------------------------------------------------------------------
    def table(self, table: wikitextparser.Table) -> None:
        start, end = table.span
        self.covered.append((start, end))
        header: tuple[str, ...] = ()
        header_where = self.where(start)
        rows: list[Row] = []
        spread: set[tuple[int, int]] = set()
        for cells in table.cells(span=True):
            row = self.row(cells, spread)
            spread = {cell.span for cell in cells if cell is not None}
            if row is None:
                continue
            if not header and not rows and all(cell is not None and cell.is_header
                                               for cell in cells):
                header, header_where = row.cells, row.where
            else:
                rows.append(row)
        caption = self.plain.text(table.caption or "")
        made = Table(caption, header, tuple(rows), header_where)
        self.tables.append(((start, end), made))
        self.article.tables.append(made)

    def row(self, cells: list[wikitextparser.Cell | None],
            spread: set[tuple[int, int]]) -> Row | None:
        """A row of plain cells; its line is that of its first cell not spread down
        from the row above by a rowspan."""
        present = [cell for cell in cells if cell is not None]
        if not present:
            return None
        own = [cell for cell in present if cell.span not in spread]
        where = self.cell_where((own or present)[0])
        values = tuple(self.plain.text(cell.value) if cell is not None else "" for cell in cells)
        first = cells[0]
        broken = first is not None and first.is_header and not values[0]
        above = tuple(self.cell_where(cell) for cell in present if cell.span in spread)
        more = tuple(self.cell_where(cell) for cell in own[1:])
        return Row(values, where, broken=broken, spread_from=above, more=more)

    def cell_where(self, cell: wikitextparser.Cell) -> Where:
        """Where a cell's text starts (its span begins at the line break before it)."""
        start, end = cell.span
        body = self.text[start:end]
        return self.where(start + len(body) - len(body.lstrip()))

    # -- prose -------------------------------------------------------------------------
    def prose(self) -> None:
        offset = 0
        for line in self.text.splitlines(keepends=True):
            start, offset = offset, offset + len(line)
            if any(low <= start < high for low, high in self.covered):
                continue
            self.prose_line(line.strip(), start)

    def prose_line(self, line: str, start: int) -> None:
        if not line or line.startswith(_NOT_PROSE) or line.startswith("="):
            return
        where = self.where(start)
        if line.startswith(("*", "#")):
            if "credit" in where.section.casefold() or "personnel" in where.section.casefold():
                self.credit(self.plain.text(line.lstrip("*# ")), where)
            return
        text = self.plain.text(line)
        if text:
            self.article.paragraphs.append(Paragraph(text, where))

    def credit(self, text: str, where: Where) -> None:
        match = _CREDIT.match(text)
        if match is None:
            self.article.skipped.append((where.line, f"credit line not read: {text}"))
            return
        roles = tuple(role.strip() for role in match["roles"].split(",") if role.strip())
        self.article.credits.append(CreditLine(match["name"].strip(), roles, where))

