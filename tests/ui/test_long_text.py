"""Every option shows its text, however long and wherever it is drawn.

An option wider than its row with no break point (a long word, a line of CJK text)
used to render blank, even when it was the right answer: the widget's own wrapping moved
the word below the option's key, out of the one line the row shows. These tests play
such questions at 80x24 and 60x20 and read the screen as the player sees it.
"""

from __future__ import annotations

import io

import pytest
from fakes import revealing
from rich.console import Console
from textual.app import App
from textual.content import Content
from textual.widget import Widget

from quiz.question import Question
from quiz.text import cells
from quiz.ui.screens.pack_preview import PackPreview
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.widgets.option_button import OPTION_LINES, OptionButton, OptionText, hanging
from quiz.ui.widgets.option_marks import LETTERS, MARKS
from quiz.ui.widgets.reveal_body import RevealBody

LONG = "Supercalifragilistic" * 6  # 120 characters, no break point
CJK = "我们不再说话" * 10  # 60 characters, 120 cells
HUGE = "Pneumonoultramicroscopic" * 20  # 480 characters: more than any row holds
OPTIONS = (LONG, CJK, HUGE, "short")
SIZES = [(80, 24), (60, 20)]
MARK_HEADS = {f" {m.shape} {m.letter}" for m in MARKS}


def long_questions(count: int = 10) -> list[Question]:
    """Questions whose right answer is the long word (option 1)."""
    return [
        Question(
            id=f"long:q{n}",
            pack="long",
            category="Long",
            difficulty="easy",
            prompt=f"Which is the right one, number {n}?",
            options=OPTIONS,
            answer=0,
            explanation="The long one.",
            fact=f"q{n}",
            kind="hand",
        )
        for n in range(count)
    ]


def screen_text(app: App) -> str:
    """The characters on the terminal, as the player sees them."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def start_of(text: str) -> str:
    """What the first line of a wrapped option must show at the narrowest size."""
    return text[:12]


def unwrapped(widget: Widget) -> str:
    """A wrapped option's text back on one line (continuation indents removed)."""
    lines = str(widget.render()).split("\n")
    return "".join(line.strip() for line in lines)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_option_shows_its_text_on_the_question_screen(make_app, size):
    app = make_app(("Ana",), questions=long_questions())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        buttons = list(app.screen.query(OptionButton))
        for button, text in zip(buttons, OPTIONS, strict=True):
            await pilot.press("down")  # focuses the next option and scrolls it into view
            await pilot.pause()
            assert app.screen.focused is button
            assert start_of(text) in screen_text(app), text[:20]
            lines = str(button.render()).split("\n")
            assert len(lines) <= 3
            assert all(cells(line) <= button.content_size.width - 2 for line in lines)
            shape, key, whole = unwrapped(button).split(None, 2)
            assert key == LETTERS[button.index]
            if text is HUGE:
                assert whole.endswith("…") and text.startswith(whole[:-1])
            else:
                assert whole == text
        # The long option is still the right answer, picked with the arrows and Enter.
        await pilot.press("up", "up", "up", "enter")
        await pilot.pause()
        assert revealing(app.screen)
        assert app.game.last_outcome.correct


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_option_shows_its_text_on_the_reveal(make_app, size):
    app = make_app(("Ana",), questions=long_questions())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("b")  # the CJK option: wrong
        await pilot.pause()
        assert revealing(app.screen)
        body = app.screen.query_one(RevealBody)
        lines = body.lines()
        # Each option is one row: its first line has its mark, the rest hang under it.
        starts = [n for n, line in enumerate(lines) if line[2:6] in MARK_HEADS]
        assert len(starts) == 4
        ends = [*starts[1:], starts[-1] + 1 + OPTION_LINES]
        revealed = []
        for start, end, text in zip(starts, ends, OPTIONS, strict=True):
            app.screen.query_one("#reveal").scroll_to(y=start, animate=False, immediate=True)
            await pilot.pause()
            assert start_of(text) in screen_text(app), text[:20]
            row = lines[start:end]
            whole = "".join(line.strip() for line in row)
            revealed.append(whole)
            assert ("…" in whole) if text is HUGE else (text in whole)
        right, picked = revealed[:2]
        assert right.endswith("← right answer") and LONG in right
        assert picked.endswith("← your answer") and CJK in picked


@pytest.mark.parametrize("key", ["1", "a"])
async def test_a_long_right_answer_is_picked_by_key(make_app, key):
    app = make_app(("Ana",), questions=long_questions())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert revealing(app.screen)
        assert app.game.last_outcome.correct


async def test_a_long_right_answer_is_picked_by_a_click(make_app):
    app = make_app(("Ana",), questions=long_questions())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # A click on the option's second line, where only the wrapped text is.
        await pilot.click("#option-1", offset=(20, 2))
        await pilot.pause()
        assert revealing(app.screen)
        assert app.game.last_outcome.correct


class PreviewApp(App[None]):
    """A bare app that shows one preview."""

    def on_mount(self) -> None:
        self.push_screen(PackPreview("Long", long_questions(1)))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_option_shows_its_text_in_a_pack_preview(size):
    app = PreviewApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        for text in OPTIONS:
            assert start_of(text) in shown, text[:20]
        options = app.screen.query_one(OptionText)
        assert f"✔ A. {start_of(LONG)}" in str(options.render())
        assert "…" in str(options.render())  # HUGE, cut


def test_hanging_wraps_in_cells_under_the_text():
    head = Content("[1] ")
    lines = str(hanging(head, Content(CJK), 24)).split("\n")
    assert lines[0].startswith("[1] 我们")
    assert all(line.startswith("    ") for line in lines[1:])
    assert all(cells(line) <= 24 for line in lines)
    assert "".join(line[4:] for line in lines[:2]) == CJK[: 20]  # 10 characters a line


def test_hanging_cuts_after_the_last_line_with_an_ellipsis():
    lines = str(hanging(Content("> "), Content("x" * 100), 12, max_lines=2)).split("\n")
    assert lines == ["> xxxxxxxxxx", "  xxxxxxxxx…"]


def test_hanging_keeps_a_note_whole():
    note = Content("  ← note")
    assert str(hanging(Content("> "), Content("abc"), 20, tail=note)) == "> abc  ← note"
    lines = str(hanging(Content("> "), Content("x" * 15), 20, tail=note)).split("\n")
    assert lines == ["> " + "x" * 15, "  ← note"]


def test_hanging_leaves_an_ordinary_option_as_one_line():
    head = Content.styled("✔ A. ", "bold")
    drawn = hanging(head, Content.styled("right", "bold"), 40)
    assert str(drawn) == "✔ A. right"
    assert len(drawn.spans) == 1  # one run, drawn exactly as before
