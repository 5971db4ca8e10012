"""The Scores screen's keys: tabs with ← →, views, rows that open a player, and renaming,
merging and deleting players through its dialogs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.app import App
from textual.widgets import DataTable, Input, Label, TabbedContent

from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store
from quiz.ui.screens.player_edit import DeleteDialog, NameDialog
from quiz.ui.screens.scores import TABS, ScoresScreen

NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)  # a Wednesday


def answer(player, qid, correct=True):
    return AnswerRecord(player, qid, "wdta", "Charts", 0, correct, 1.5, 1000 if correct else 0)


def game(scores, answers=(), mode="hotseat", when="2026-03-17T20:00:00+00:00"):
    return GameRecord(when, when, mode, "finished", tuple(scores), ("wdta",), 7, {},
                      tuple(answers), tally(scores, answers))  # fmt: skip


@pytest.fixture
def db(tmp_path):
    """Ana won twice last month; Ben won this week; "Player 1" played solo; "Bne" is a typo."""
    path = tmp_path / "scores.sqlite3"
    with Store.open(path) as store:
        for day in ("2026-02-10", "2026-02-11"):
            store.save_game(game({"Ana": 2000, "Ben": 0}, [answer("Ana", "q1")],
                                 when=f"{day}T20:00:00+00:00"))  # fmt: skip
        store.save_game(game({"Ben": 3000, "Ana": 0}, [answer("Ben", "q2")]))
        store.save_game(game({"Player 1": 900}, [answer("Player 1", "q3")], mode="solo"))
        store.save_game(game({"Bne": 100, "Cy": 0}, [answer("Bne", "q4")],
                             when="2026-01-05T20:00:00+00:00"))  # fmt: skip
    return path


class Host(App[None]):
    """A bare app showing the scores screen, with a fixed ``now``."""

    def __init__(self, path) -> None:
        super().__init__()
        self.path = path

    def on_mount(self) -> None:
        self.push_screen(ScoresScreen(lambda: Store.open(self.path), now=lambda: NOW))


def names(screen, table="leaderboard", column=1) -> list[str]:
    data = screen.query_one(f"#{table}", DataTable)
    return [str(data.get_row_at(n)[column]) for n in range(data.row_count)]


async def test_left_and_right_step_through_every_tab_and_round(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one("#tabs", TabbedContent)
        seen = [tabs.active]
        for _ in TABS:
            await pilot.press("right")
            await pilot.pause()
            seen.append(tabs.active)
        assert seen == [*TABS, TABS[0]]
        await pilot.press("left")
        await pilot.pause()
        assert tabs.active == "tab-player"
        await pilot.press("left", "left")
        await pilot.pause()
        assert tabs.active == "tab-solo"
        assert app.screen.focused is app.screen.query_one("#solo", DataTable)


async def test_the_champion_heads_the_screen(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        champion = str(app.screen.query_one("#champion", Label).render())
        assert champion == "Champion: Ben · 1 win in a row"


async def test_v_steps_through_all_time_this_month_and_this_week(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.query_one("#scores-view", Label)
        assert names(screen) == ["Ana", "Bne", "Ben", "Cy"] and "all time" in str(view.render())
        await pilot.press("v")
        await pilot.pause()
        assert screen.period == "month" and "this month" in str(view.render())
        assert names(screen) == ["Ben", "Ana"]  # only the game of March 17
        await pilot.press("v")
        await pilot.pause()
        assert screen.period == "week" and names(screen) == ["Ben", "Ana"]
        await pilot.press("v")
        await pilot.pause()
        assert screen.period == "all" and len(names(screen)) == 4


async def test_a_solo_row_opens_that_player(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#tabs", TabbedContent).active == "tab-player"
        assert screen.player == "Player 1"


async def test_rename_from_the_leaderboard(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right")  # the solo tab: "Player 1"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        field = app.screen.query_one("#name", Input)
        assert field.value == "Player 1"
        field.value = "  Dee\x1b[31m "
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScoresScreen)
        assert names(screen, "solo", 2) == ["Dee"]
        assert "Renamed Player 1 to Dee." in [n.message for n in app._notifications]


async def test_a_rename_that_cannot_be_made_says_why_and_changes_nothing(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # Ana, at the top of the leaderboard
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "ben"
        await pilot.press("enter")
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("there is already a player called 'Ben'" in note for note in notes)
        assert names(app.screen) == ["Ana", "Bne", "Ben", "Cy"]


async def test_escape_in_the_dialog_changes_nothing(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ScoresScreen) and names(app.screen)[0] == "Ana"


async def test_merge_a_typo_into_the_real_name(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#leaderboard", DataTable).move_cursor(row=1)  # Bne
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        await pilot.press("B", "e", "n", "enter")
        await pilot.pause()
        screen = app.screen
        assert names(screen) == ["Ana", "Ben", "Cy"]
        ben = screen.query_one("#leaderboard", DataTable).get_row_at(1)
        assert [str(cell) for cell in ben[2:4]] == ["2", "4"]  # Bne's win is Ben's now
        assert "Merged Bne into Ben: 1 game moved." in [n.message for n in app._notifications]


async def test_delete_asks_first_and_keep_is_the_default(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#leaderboard", DataTable).move_cursor(row=3)  # Cy
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DeleteDialog)
        await pilot.press("enter")  # "Keep" has the focus
        await pilot.pause()
        assert names(app.screen) == ["Ana", "Bne", "Ben", "Cy"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert names(app.screen) == ["Ana", "Bne", "Ben"]
        assert "Deleted Cy: their results left 1 game." in [n.message for n in app._notifications]


async def test_deleting_the_player_shown_empties_the_player_tab(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.show_player("Cy")
        screen.query_one("#tabs", TabbedContent).active = "tab-player"
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.player is None and "Cy" not in names(screen)


async def test_a_tab_without_players_asks_to_choose_one(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("left", "left")  # most missed
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ScoresScreen)
        assert any("Choose a player first" in n.message for n in app._notifications)


async def test_renaming_the_player_shown_keeps_showing_them(db):
    app = Host(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("enter")  # Ana, at the top of the leaderboard
        await pilot.pause()
        assert screen.player == "Ana"
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Anna"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.player == "Anna"
        assert screen.query_one("#tabs", TabbedContent).active == "tab-player"
        assert "Anna" in str(screen.query_one("#player-picker").value)
