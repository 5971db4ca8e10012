"""Reading a song article in the plain-text layout (the seed document's layout).

The layout: a ``= Title =`` line; optionally ``URL:``, ``Revision:`` and ``Licence:``
lines; the infobox as ``- Key: Value`` lines; paragraphs of prose, one per line;
``==Section==`` headings (any depth); tables as ``| a | b |`` lines, the first one
the header, often after a caption line ``  - Caption**``; and in the credits section
``- Name – roles`` lines.

A table row whose only cell is its first one follows a row that had merged cells
(the layout flattens a rowspan and loses the merged cells): it is marked
``continues``, so the fact builders attach it to the row above's leading values or
leave it out, and never read its first cell as a new organisation.
"""

from __future__ import annotations

import re

from quiz.importer.article import (
    Article,
    Attribution,
    CreditLine,
    InfoboxField,
    Paragraph,
    Row,
    Table,
    Where,
)

_TITLE = re.compile(r"=\s*(?P<title>[^=].*?)\s*=\Z")
_HEADING = re.compile(r"(?P<marks>={2,6})\s*(?P<name>.*?)\s*(?P=marks)\Z")
_FIELD = re.compile(r"-\s+(?P<key>[A-Za-z][A-Za-z ]*?):\s*(?P<value>.*)\Z")
_CREDIT = re.compile(r"-\s+(?P<name>[^–—]+?)\s+[–—-]\s+(?P<roles>.+)\Z")
_CAPTION = re.compile(r"-\s+(?P<caption>.+?)\**\Z")
_ABOUT = re.compile(r"(?P<key>URL|Revision|Licen[cs]e|Source):\s*(?P<value>\S.*)\Z", re.I)
_DISAMBIGUATION = re.compile(r"\s*\([^()]*\bsong\)\Z")


def read_plaintext(text: str) -> Article:
    """The article in ``text`` (plain-text layout)."""
    return _Reader(text.splitlines()).read()


def song_title(title: str) -> str:
    """An article title without its disambiguation: "X (Y song)" is the song "X"."""
    return _DISAMBIGUATION.sub("", title).strip()


class _Reader:
    """One pass over the lines; the current section and open table are its state."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.article = Article(title="")
        self.section = ""
        self.caption = ""
        self.table: list[tuple[int, list[str]]] = []
        self.about: dict[str, str] = {}

    def read(self) -> Article:
        for number, line in enumerate(self.lines, start=1):
            self.line(number, line.strip())
        self.close_table()
        self.article.attribution = Attribution(
            title=self.article.title, url=self.about.get("url", ""),
            revision=self.about.get("revision", ""),
            licence=self.about.get("licence", self.about.get("license", "")))
        return self.article

    def line(self, number: int, line: str) -> None:
        if line.startswith("|"):
            self.table.append((number, _cells(line)))
            return
        self.close_table()
        if not line:
            return
        heading = _HEADING.match(line)
        if heading:
            self.section = heading["name"]
            return
        if not self.article.title and (title := _TITLE.match(line)):
            self.article.title = title["title"]
            return
        self.text_line(number, line)

    def text_line(self, number: int, line: str) -> None:
        where = Where(self.section, number)
        about = _ABOUT.match(line)
        if about and not self.section and not self.article.infobox:
            self.about[about["key"].casefold()] = about["value"].strip()
            return
        if line.endswith("**") and (caption := _CAPTION.match(line)):
            self.caption = caption["caption"].strip()
            return
        if line.startswith("- "):
            self.list_line(line, where)
            return
        if not self.section and not self.article.paragraphs and not self.article.infobox:
            return  # the infobox's name line, repeating the title
        self.article.paragraphs.append(Paragraph(line, where))

    def list_line(self, line: str, where: Where) -> None:
        if not self.section and not self.article.paragraphs:
            field = _FIELD.match(line)
            if field:
                key = field["key"].strip().casefold()
                self.article.infobox.append(InfoboxField(key, field["value"].strip(), where))
            else:
                self.article.skipped.append((where.line, f"infobox line not read: {line}"))
            return
        if "credit" in self.section.casefold() or "personnel" in self.section.casefold():
            credit = _CREDIT.match(line)
            if credit:
                roles = tuple(r.strip() for r in credit["roles"].split(",") if r.strip())
                self.article.credits.append(CreditLine(credit["name"].strip(), roles, where))
                return
            self.article.skipped.append((where.line, f"credit line not read: {line}"))

    def close_table(self) -> None:
        if not self.table:
            return
        (first, header), *body = self.table
        rows: list[Row] = []
        for number, cells in body:
            rows.append(_row(cells, Where(self.section, number), rows[-1] if rows else None))
        where = Where(self.section, first)
        self.article.tables.append(Table(self.caption, tuple(header), tuple(rows), where))
        self.table, self.caption = [], ""


def _cells(line: str) -> list[str]:
    """The cells of a ``| a | b |`` line, stripped ("" for a blank one)."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in inner.split("|")]


def _row(cells: list[str], where: Where, above: Row | None) -> Row:
    if any("scope=" in cell for cell in cells):
        return Row(tuple(cells), where, broken=True)
    filled = [index for index, cell in enumerate(cells) if cell]
    if filled == [0] and above is not None and len(cells) > 2 and not above.broken:
        # A rowspan flattened: this row's first cell is the cell after the merged ones
        # (organisation and year), which the row above holds.
        return Row(tuple(cells), where, continues=True)
    return Row(tuple(cells), where)
