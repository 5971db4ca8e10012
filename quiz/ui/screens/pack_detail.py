"""The pack browser's detail panel: the selected pack's title, author, description,
source and licence, and file; or every problem of a pack that did not load.

Every problem is listed (an author fixing a pack needs the last one as much as the
first); the panel scrolls when they do not fit, with the mouse wheel, or with the
arrow keys once Tab has moved the focus into it. Pack text is untrusted: it reaches
the screen only as ``Content``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.ui.pack_rows import PackRow, short_problem

#: Lines the panel shows without scrolling (its height, less the rule above it).
VISIBLE_LINES = 6


def detail_lines(row: PackRow, width: int) -> list[Content]:
    """What the panel says about ``row``, one ``Content`` per line."""
    if row.pack is not None:
        head = Content.styled(row.title, "bold")
        if row.author:
            head += Content(f" by {row.author}")
        lines = [head]
        if row.description:
            lines.append(Content(row.description).truncate(width * 2))
        attribution = row.pack.info.attribution
        if attribution is not None and attribution.credit():
            lines.append(Content(attribution.credit()))
        lines.append(Content.styled(f"{row.where}: {row.path}", "$text-muted"))
        return lines
    count = len(row.problems)
    noun = "problem" if count == 1 else "problems"
    head = Content.styled(f"{row.path or row.id}: {count} {noun}", "bold $error")
    if count + 1 > VISIBLE_LINES:
        head += Content.styled("  (Tab, then ↑ ↓ to scroll)", "$text-muted")
    return [head, *(Content(short_problem(problem, row.path)) for problem in row.problems)]


class PackDetail(VerticalScroll):
    """The scrolling panel under the pack table."""

    DEFAULT_CSS = """
    PackDetail {
        height: 7;
        border-top: solid $primary;
        padding: 0 1;
    }
    PackDetail:focus {
        border-top: solid $accent;
    }
    """

    #: Tab moves into the panel, so the arrow keys can scroll a long list of problems.
    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(Content("Reading the packs…"), id="packs-detail")

    def say(self, text: str) -> None:
        """Show one message instead of a pack."""
        self.query_one("#packs-detail", Static).update(Content(text))
        self.scroll_home(animate=False)

    def show(self, row: PackRow | None, width: int) -> None:
        """Show ``row`` (None: there are no packs), from the top."""
        if row is None:
            self.say("No packs found.")
            return
        lines = detail_lines(row, width)
        self.query_one("#packs-detail", Static).update(Content("\n").join(lines))
        self.scroll_home(animate=False)
