"""A preview of a pack: a few sample questions, the right option of each marked.

Prompts and options come from the pack (untrusted), so they are shown as ``Content``
built from plain strings, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from quiz.question import Question
from quiz.ui.screens.on_top import DismissOnTop
from quiz.ui.widgets.option_button import Drawn, OptionText


class PackPreview(ModalScreen[None], DismissOnTop[None]):
    """A few sample questions of one pack, the right option of each marked."""

    DEFAULT_CSS = """
    PackPreview {
        align: center middle;
    }
    PackPreview > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
        border-subtitle-color: $text-muted;
    }
    PackPreview #preview-title {
        text-style: bold;
        width: 1fr;
    }
    PackPreview VerticalScroll {
        height: auto;
        max-height: 1fr;
    }
    PackPreview .preview-question, PackPreview .preview-error {
        height: auto;
        margin-top: 1;
    }
    PackPreview .options {
        padding-left: 3;
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("p", "close", "Close", show=False),
    ]

    def __init__(self, title: str, questions: Sequence[Question], error: str = "") -> None:
        """A preview titled ``title`` (untrusted) of ``questions``, or of ``error``."""
        super().__init__()
        self.pack_title = title
        self.questions = list(questions)
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            # A constant, so markup is safe here; it stays visible however long the list.
            box.border_subtitle = "Esc: close"
            yield Label(f"Preview: {self.pack_title}", id="preview-title", markup=False)
            with VerticalScroll():
                if self.error:
                    yield Static(Content(self.error), classes="preview-error")
                for number, question in enumerate(self.questions, start=1):
                    with Vertical(classes="preview-question"):
                        yield Static(self.prompt_content(number, question), classes="prompt")
                        yield OptionText(self.option_lines(question), classes="options")

    @staticmethod
    def prompt_content(number: int, question: Question) -> Content:
        """The numbered prompt, with its category and difficulty dimmed after it."""
        return Content.assemble(
            (f"{number}. {question.prompt}", "bold"),
            (f"  ({question.category}, {question.difficulty})", "dim"),
        )

    @staticmethod
    def option_lines(question: Question) -> list[Drawn]:
        """The options, lettered; the right one is marked with a tick and coloured."""
        lines: list[Drawn] = []
        for index, option in enumerate(question.options):
            letter = chr(ord("A") + index) if index < 26 else "?"
            if index == question.answer:
                style = "bold $success"
                head = Content.styled(f"✔ {letter}. ", style)
                lines.append((head, Content.styled(option, style), Content()))
            else:
                lines.append((Content(f"  {letter}. "), Content(option), Content()))
        return lines

    def action_close(self) -> None:
        """Back to the pack list."""
        self.dismiss(None)
