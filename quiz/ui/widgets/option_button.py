"""A large answer target: one option of a question."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Button


class OptionButton(Button):
    """An option with its key (``1``/``A``); the text is drawn literally, never as markup."""

    def __init__(self, index: int, text: str, *, id: str | None = None) -> None:
        """Option ``index`` (0-based) reading ``text``."""
        key = f" {index + 1} "
        label = Content.assemble((key, "reverse bold"), "  ", Content(text))
        super().__init__(label, id=id, classes="option")
        self.index = index
        self.text = text
