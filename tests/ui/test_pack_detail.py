"""The pack browser's detail panel: every problem of a broken pack, scrollable, and
the source and licence of a pack that names them."""

from __future__ import annotations

from test_packs_screen import PacksApp, make_pack, settle, standard_catalog
from textual.widgets import Static

from quiz.facts import Attribution
from quiz.packs import Catalog, PackError, Problem
from quiz.ui.screens.pack_detail import PackDetail

BROKEN = "/home/ana/packs/long.yaml"


def many_problems() -> Catalog:
    problems = [Problem(BROKEN, n, 1, f"problem number {n}") for n in range(1, 21)]
    return Catalog(packs=[make_pack("ok", "Fine")], failures=[PackError(BROKEN, problems)])


def detail_text(app) -> str:
    return str(app.screen.query_one("#packs-detail", Static).render())


async def test_every_problem_is_listed_and_the_panel_scrolls_to_the_last():
    app = PacksApp(many_problems())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        text = detail_text(app)
        assert f"{BROKEN}: 20 problems  (Tab, then ↑ ↓ to scroll)" in text
        assert all(f"long.yaml:{n}:1: problem number {n}" in text for n in range(1, 21))
        panel = app.screen.query_one(PackDetail)
        assert panel.max_scroll_y > 0 and panel.scroll_y == 0
        await pilot.press("tab")
        assert app.focused is panel
        await pilot.press("end")
        await pilot.pause()
        assert panel.scroll_y == panel.max_scroll_y
        # Back in the table, another row shows from its top.
        await pilot.press("shift+tab", "up")
        await pilot.pause()
        assert panel.scroll_y == 0 and "Fine" in detail_text(app)


async def test_a_pack_with_an_attribution_shows_its_source_and_licence():
    catalog = standard_catalog()
    source = Attribution(title="[b]Song[/b] (song)", url="https://example.org/wiki/Song",
                         revision="42", licence="CC BY-SA 4.0")  # fmt: skip
    catalog.packs[1] = make_pack("eighties", "Eighties", attribution=source)
    app = PacksApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        assert ("Source: [b]Song[/b] (song) (revision 42), https://example.org/wiki/Song; "
                "licence: CC BY-SA 4.0") in detail_text(app)  # fmt: skip
