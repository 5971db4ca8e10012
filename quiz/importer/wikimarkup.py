"""Wiki markup to the plain text a reader of the article sees, via mwparserfromhell.

Links become their text, ``{{hlist}}`` a comma-separated list, ``{{Start date}}`` an
ISO date, ``{{won}}``/``{{nom}}`` a result word; references, comments, files and
citation templates are dropped. A template this module does not know is dropped too,
and its name is noted so the review report can say a value may be incomplete.
"""

from __future__ import annotations

from collections.abc import Callable

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

_DROPPED_TAGS = {"ref", "references", "gallery", "math", "score", "timeline"}
_HIDDEN_LINKS = ("file:", "image:", "category:", "media:")
#: Templates with nothing a reader sees as the article's text (citations, notes, tags).
_SILENT = {"sfn", "efn", "refn", "reflist", "cn", "citation needed", "short description",
           "use mdy dates", "use dmy dates", "certification cite ref", "dead link",
           "clarify", "webarchive", "anchor", "toc limit", "music", "audio"}


def parse(text: str) -> Wikicode:
    """The parsed wikitext."""
    return mwparserfromhell.parse(text)


def name_of(template: Template) -> str:
    """A template's name, lower-cased, spaces collapsed, first letter case ignored."""
    return " ".join(str(template.name.strip_code()).replace("_", " ").split()).casefold()


def positional(template: Template) -> list[Wikicode]:
    """A template's unnamed parameters in order."""
    return [param.value for param in template.params if not param.showkey]


def named(template: Template, key: str) -> Wikicode | None:
    """A template's parameter ``key``, or None when absent."""
    return template.get(key).value if template.has(key) else None


class Plain:
    """Turns markup into plain text; ``unknown`` collects the template names it dropped."""

    def __init__(self) -> None:
        self.unknown: list[str] = []
        self.templates: dict[str, Callable[[Template], str]] = {
            "hlist": self.listed, "flatlist": self.listed, "plainlist": self.listed,
            "ubl": self.listed, "unbulleted list": self.listed,
            "start date": self.start_date, "start date and age": self.start_date,
            "release date": self.start_date, "duration": self.duration,
            "won": lambda _: "Won", "nom": lambda _: "Nominated",
            "nominated": lambda _: "Nominated", "pending": lambda _: "Pending",
            "nowrap": self.first, "small": self.first, "abbr": self.first,
            "sort": self.second, "lang": self.second,
        }

    def text(self, code: Wikicode | str) -> str:
        """The plain text of ``code``, whitespace collapsed."""
        if isinstance(code, str):
            code = parse(code)
        return " ".join(self.nodes(code.nodes).split())

    def nodes(self, nodes: list[Node]) -> str:
        """The plain text of a run of nodes."""
        return "".join(self.node(node) for node in nodes)

    def node(self, node: Node) -> str:
        """The plain text of one node."""
        if isinstance(node, Text):
            return str(node)
        if isinstance(node, Wikilink):
            target = str(node.title).strip()
            if target.casefold().startswith(_HIDDEN_LINKS):
                return ""
            return self.text(node.text) if node.text is not None else self.text(node.title)
        if isinstance(node, ExternalLink):
            return self.text(node.title) if node.title is not None else ""
        if isinstance(node, Comment):
            return ""
        if isinstance(node, Tag):
            tag = str(node.tag).casefold()
            if tag in _DROPPED_TAGS:
                return ""
            if tag == "br":
                return " "
            return self.nodes(node.contents.nodes) if node.contents is not None else ""
        if isinstance(node, Template):
            return self.template(node)
        if isinstance(node, HTMLEntity):
            return str(node.normalize())
        if isinstance(node, Heading):
            return self.text(node.title)
        return str(node)

    def template(self, template: Template) -> str:
        """What a reader sees of a template: its text, or nothing (noted if unknown)."""
        name = name_of(template)
        if name in self.templates:
            return self.templates[name](template)
        if name.startswith(("cite ", "citation")) or name in _SILENT:
            return ""
        self.unknown.append(name)
        return ""

    def listed(self, template: Template) -> str:
        """``{{hlist|A|B}}`` (or a bulleted ``{{flatlist}}``) as "A, B"."""
        items = [self.text(value) for value in positional(template)]
        # {{flatlist}} holds a bulleted list in its one parameter.
        if len(items) == 1 and "*" in str(positional(template)[0]):
            items = [self.text(line.lstrip("*")) for line in str(positional(template)[0])
                     .splitlines() if line.strip().startswith("*")]
        return ", ".join(item for item in items if item)

    def start_date(self, template: Template) -> str:
        """``{{Start date|2016|5|24}}`` as "2016-05-24" (or year-month, year)."""
        parts = [self.text(value) for value in positional(template)[:3]]
        parts = [part for part in parts if part.isdigit()]
        if not parts:
            return ""
        return "-".join([parts[0], *(f"{int(part):02d}" for part in parts[1:])])

    def duration(self, template: Template) -> str:
        """``{{Duration|m=3|s=37}}`` or ``{{Duration|3|37}}`` as "3:37"."""
        minutes, seconds = named(template, "m"), named(template, "s")
        values = positional(template)
        if minutes is None and len(values) >= 2:
            minutes, seconds = values[-2], values[-1]
        if minutes is None or seconds is None:
            return ""
        return f"{int(self.text(minutes) or 0)}:{int(self.text(seconds) or 0):02d}"

    def first(self, template: Template) -> str:
        """A wrapper template's first parameter (``{{nowrap|…}}``)."""
        values = positional(template)
        return self.text(values[0]) if values else ""

    def second(self, template: Template) -> str:
        """A template's second parameter (``{{sort|key|text}}``)."""
        values = positional(template)
        return self.text(values[1]) if len(values) > 1 else ""
