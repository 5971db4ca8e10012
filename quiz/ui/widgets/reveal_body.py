"""The reveal under the verdict, drawn as one widget: the prompt, the answer marked,
the explanation and the source.

One widget on purpose: the reveal must reach the terminal within a frame of the key
(bench/), and laying out and painting one widget of text costs a fraction of a dozen.
Every part is Content built from plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quiz.ui.widgets.option_button import hanging


@dataclass(frozen=True)
class Row:
    """A marked line: ``head`` then ``text`` wrapped under itself, then ``tail``, on a
    background ``style`` across the whole width ("" for none)."""

    head: Content
    text: Content
    tail: Content = field(default_factory=Content)
    style: str = ""


@dataclass(frozen=True)
class Para:
    """Text wrapped to the width, each line after ``prefix`` (a bar, an indent)."""

    text: Content = field(default_factory=Content)
    prefix: Content = field(default_factory=Content)


Block = Row | Para
"""One part of the reveal, top to bottom."""


def block_lines(block: Block, width: int) -> list[Content]:
    """``block`` as lines of at most ``width`` cells."""
    if isinstance(block, Row):
        drawn = hanging(block.head, block.text, width, tail=block.tail)
        lines = drawn.split("\n")
        if not block.style:
            return lines
        return [
            line.pad_right(max(width - line.cell_length, 0)).stylize_before(block.style)
            for line in lines
        ]
    room = max(width - block.prefix.cell_length, 1)
    if not block.text.plain:
        return [Content()]
    return [block.prefix + line for line in block.text.wrap(room)]


class RevealBody(Widget):
    """The blocks of a reveal, wrapped to the widget's width."""

    DEFAULT_CSS = """
    RevealBody { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """An empty body, filled by :meth:`show`."""
        super().__init__(id=id)
        self.blocks: list[Block] = []
        self._drawn: tuple[int, Content] | None = None

    def show(self, blocks: Sequence[Block]) -> None:
        """Draw ``blocks``."""
        self.blocks = list(blocks)
        self._drawn = None
        self.refresh(layout=True)

    def text_for(self, width: int) -> Content:
        """Every block, wrapped for a content area ``width`` cells wide."""
        if self._drawn is None or self._drawn[0] != width:
            lines = [line for block in self.blocks for line in block_lines(block, width)]
            self._drawn = (width, Content("\n").join(lines))
        return self._drawn[1]

    def render(self) -> Content:
        """The blocks, wrapped to the widget's width."""
        return self.text_for(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wrapped blocks."""
        return len(self.text_for(width).plain.split("\n"))

    def lines(self) -> list[str]:
        """The plain lines as drawn now (for tests and screen readers of the text)."""
        return self.text_for(self.content_size.width or 80).plain.split("\n")
