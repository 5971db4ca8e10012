"""An option of a question, drawn so its text always shows: as a large answer target on
the question screen, and as marked text on the reveal and in pack previews.

An option may be any length and need have no break point (a long URL, a line of CJK
text). Left to a widget's own wrapping, such a word moves below the option's key, out of
a one-line row, and the option renders blank. So the text is wrapped here, in terminal
cells, under itself (the key stays on the first line), and cut with "…" after a few lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Button, Static

from quiz.ui.widgets.option_marks import mark

OPTION_LINES = 3
"""The most lines an option takes; a longer one ends in "…"."""

_MIN_ROOM = 4
"""Fewer cells than this beside the head and the text is not wrapped by us at all."""


def hanging(
    head: Content,
    text: Content,
    width: int,
    max_lines: int = OPTION_LINES,
    tail: Content | None = None,
) -> Content:
    """``head`` then ``text``, the text wrapped to ``width`` cells in all, continuation
    lines indented under the text's start, at most ``max_lines`` lines, the last cut
    with "…" when there is more. ``tail`` (a note such as "← your answer") follows the
    text whole, on a line of its own if the last line has no room for it."""
    indent = head.cell_length
    room = width - indent
    if room < _MIN_ROOM:  # not laid out yet, or too narrow to be worth it
        return (head + text + (tail or Content())).simplify()
    lines = text.wrap(room)
    if len(lines) > max_lines:
        last = lines[max_lines - 1].rstrip()
        if last.cell_length > room - 1:
            last = last.truncate(room - 1)
        lines = [*lines[: max_lines - 1], last + "…"]
    if tail is not None:
        if lines[-1].cell_length + tail.cell_length <= room or not tail.plain.strip():
            lines[-1] += tail
        else:
            lines.append(tail[len(tail.plain) - len(tail.plain.lstrip()) :])
    pad = Content(" " * indent)
    # Simplified: a head and text in one style draw as one run, as one string would.
    return Content("\n").join([head + lines[0], *(pad + line for line in lines[1:])]).simplify()


def _room(widget: Static | Button, width: int) -> int:
    """Cells for text in ``widget`` whose content area is ``width`` cells wide."""
    return width - 2 * widget.styles.line_pad


class OptionButton(Button):
    """An option with its mark (shape, letter, colour); the text is drawn literally,
    never as markup."""

    def __init__(self, index: int, text: str, *, id: str | None = None) -> None:
        """Option ``index`` (0-based) reading ``text``."""
        self.head = mark(index).head()
        super().__init__(self.head + Content(text), id=id, classes="option")
        self.index = index
        self.text = text

    def label_for(self, width: int) -> Content:
        """The label wrapped for a content area ``width`` cells wide."""
        return hanging(self.head, Content(self.text), _room(self, width))

    def render(self) -> Content:
        """The label, wrapped to the button's width."""
        return self.label_for(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wrapped label (one for an ordinary option)."""
        return len(self.label_for(width).plain.split("\n"))


Drawn = tuple[Content, Content, Content]
"""An option as text: its head (key, mark), its text, and a note after it (may be empty)."""


class OptionText(Static):
    """Options drawn as text, each text wrapped under itself (see :func:`hanging`); every
    part is Content built from plain strings, never markup."""

    def __init__(self, lines: Sequence[Drawn], *, classes: str | None = None) -> None:
        """Draw ``lines``, one option each."""
        super().__init__(classes=classes)
        self.lines = list(lines)

    def text_for(self, width: int) -> Content:
        """Every option wrapped for a content area ``width`` cells wide."""
        room = _room(self, width)
        return Content("\n").join(
            hanging(head, text, room, tail=tail) for head, text, tail in self.lines
        )

    def render(self) -> Content:
        """The options, wrapped to the widget's width."""
        return self.text_for(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wrapped options."""
        return len(self.text_for(width).plain.split("\n"))
