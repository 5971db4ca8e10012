"""Putting items in order: type their letters (``CADB``), click them first to last, or
move one with Shift+↑/↓; Enter locks the order in.

The list takes no focus of its own: the question screen hands it the keys, so a stray
Enter left over from the screen before cannot lock in an order nobody has looked at
(:attr:`OrderList.touched`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Button, Static

from quiz.ui.widgets.option_button import hanging
from quiz.ui.widgets.option_marks import mark
from quiz.ui.widgets.reveal_lines import Drawn, ordinal


class OrderSlot(Static):
    """One place in the list (1st, 2nd, …) and the item now in it; a click takes it."""

    def __init__(self, slot: int) -> None:
        """The ``slot``-th place (0-based)."""
        super().__init__(classes="order-slot")
        self.slot = slot
        self.drawn: Drawn = (Content(), Content(), Content())

    def draw(self, drawn: Drawn) -> None:
        """Show ``drawn`` (head, text, note), wrapped under itself."""
        self.drawn = drawn
        self.refresh(layout=True)

    def text_for(self, width: int) -> Content:
        """The slot wrapped for a content area ``width`` cells wide."""
        head, text, note = self.drawn
        return hanging(head, text, width - 2 * self.styles.line_pad, tail=note)

    def render(self) -> Content:
        """The slot, wrapped to the widget's width."""
        return self.text_for(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wrapped slot."""
        return len(self.text_for(width).plain.split("\n"))

    def on_click(self, event: Click) -> None:
        """Clicking an item takes it next (or gives it back, if taken)."""
        event.stop()
        parent = self.parent
        if isinstance(parent, OrderList):
            parent.take(parent.arrangement[self.slot])


class OrderList(Vertical):
    """Items to put in order; posts :class:`OrderList.Locked` with the order chosen.

    ``arrangement`` is the option indices as they stand, first to last. Items taken by
    letter or click (``taken``) go to the top in the order taken; the rest keep their
    places below them.
    """

    @dataclass
    class Locked(Message):
        """The player locked in ``order``: option indices, first to last."""

        order: tuple[int, ...]

    def __init__(self, options: Sequence[str], *, id: str | None = None) -> None:
        """A list of ``options`` as shown (option ``i`` carries letter ``i``)."""
        super().__init__(id=id, classes="order-list")
        self.options = tuple(options)
        self.arrangement = list(range(len(self.options)))
        self.taken: list[int] = []
        self.cursor = 0
        self.touched = False
        """Whether the player has done anything yet (Enter locks in only after)."""
        self.done = False

    def compose(self) -> ComposeResult:
        """A slot per item, what has been typed, and a button to lock the order in."""
        for slot in range(len(self.options)):
            yield OrderSlot(slot)
        yield Static(id="order-taken", classes="order-taken")
        yield Button("Lock in order  ⏎", id="lock-order", compact=True, variant="primary")

    def on_mount(self) -> None:
        """Draw the first arrangement."""
        self._draw()

    def _draw(self) -> None:
        for slot in self.query(OrderSlot):
            item = self.arrangement[slot.slot]
            at = slot.slot == self.cursor and self.touched
            head = Content.assemble(
                ("› " if at else "  ", "bold"),
                (f"{ordinal(slot.slot + 1):>4} ", "dim"),
                mark(item).head(),
            )
            slot.draw((head, Content(self.options[item]), Content()))
            slot.set_class(at, "-cursor")
            slot.set_class(item in self.taken, "-taken")
        # Taken letters bold, the rest (where they stand now) dim: what Enter locks in.
        letters = [
            (f"{mark(item).letter} ", "bold" if item in self.taken else "dim")
            for item in self.arrangement
        ]
        self.query_one("#order-taken", Static).update(
            Content.assemble(("Your order: ", "dim"), *letters)
        )

    def take(self, item: int) -> None:
        """Item ``item`` goes next; one already taken is given back with those after it."""
        if self.done or not 0 <= item < len(self.options):
            return
        self.touched = True
        if item in self.taken:
            del self.taken[self.taken.index(item) :]
        else:
            self.taken.append(item)
        rest = [i for i in self.arrangement if i not in self.taken]
        self.arrangement = [*self.taken, *rest]
        self.cursor = min(len(self.taken), len(self.options) - 1)
        self._draw()

    def undo(self) -> None:
        """Give back the item taken last."""
        if self.taken and not self.done:
            self.take(self.taken[-1])

    def move_cursor(self, step: int) -> None:
        """Point at the previous (-1) or next (1) place; the first press points at 1st."""
        if self.done:
            return
        if self.touched:
            self.cursor = max(0, min(self.cursor + step, len(self.options) - 1))
        self.touched = True
        self._draw()

    def shift(self, step: int) -> None:
        """Move the item pointed at up (-1) or down (1) a place."""
        target = self.cursor + step
        if self.done or not 0 <= target < len(self.options):
            return
        self.touched = True
        order = self.arrangement
        order[self.cursor], order[target] = order[target], order[self.cursor]
        self.cursor = target
        self.taken = []  # a hand-made order: typing starts afresh from the top
        self._draw()

    def lock_in(self) -> None:
        """Lock the order in as it stands."""
        if not self.done:
            self.post_message(self.Locked(tuple(self.arrangement)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The lock-in button."""
        event.stop()
        self.touched = True
        self.lock_in()
