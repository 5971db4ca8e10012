"""The scores screen: tables, player history, review my misses, hostile names, errors."""

from __future__ import annotations

import time

import pytest
from rich.text import Text
from textual.app import App
from textual.widgets import Button, DataTable, Label, Select, TabbedContent

from quiz.errors import UserError
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store
from quiz.ui.screens.scores import ScoresScreen

EVIL = "[@click=app.quit]Hint[/]"
BOLD = "[bold]x"


def answer(player, qid, correct=True, category="Charts"):
    return AnswerRecord(player, qid, "wdta", category, 0, correct, 1.5, 1000 if correct else 0)


def game(scores, answers=(), mode="hotseat", when="2026-03-01T20:00:00+00:00"):
    return GameRecord(when, when, mode, "finished", tuple(scores), ("wdta",), 7, {},
                      tuple(answers), tally(scores, answers))  # fmt: skip


@pytest.fixture
def db(tmp_path):
    """A database with two friends, a hostile name and a question in a hostile category."""
    path = tmp_path / "scores.sqlite3"
    with Store.open(path) as store:
        store.save_game(game({"Ana": 3000, "Ben": 1000},
                             [answer("Ana", "wdta:q:a"), answer("Ben", "wdta:q:b", False),
                              answer("Ana", "wdta:q:c", False, category=EVIL)]))  # fmt: skip
        store.save_game(game({"Ana": 200, EVIL: 900, BOLD: 100},
                             [answer(EVIL, "wdta:q:a", False)],
                             when="2026-03-02T20:00:00+00:00"))  # fmt: skip
        store.save_game(game({"Ben": 5000}, [answer("Ben", "wdta:q:d")], mode="solo",
                             when="2026-03-03T20:00:00+00:00"))  # fmt: skip
    return path


class Host(App):
    """A bare app that shows the scores screen over a home screen."""

    def __init__(self, opener, on_review=None, prompt_finder=None) -> None:
        super().__init__()
        self.opener = opener
        self.on_review = on_review
        self.prompt_finder = prompt_finder
        self.requested: list[str] = []
        self.quit_called = False

    def on_mount(self) -> None:
        self.push_screen(ScoresScreen(self.opener, self.on_review, self.prompt_finder))

    def on_scores_screen_review_requested(self, message: ScoresScreen.ReviewRequested) -> None:
        self.requested.append(message.player)

    def action_quit(self) -> None:  # a hostile name must never get here
        self.quit_called = True


def cells(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_leaderboard_head_to_head_and_most_missed(db):
    app = Host(lambda: Store.open(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScoresScreen)
        board = cells(screen.query_one("#leaderboard", DataTable))
        # Wins first (EVIL and Ana one each; EVIL in fewer games), then points per question.
        assert [row[1] for row in board] == [EVIL, "Ana", "Ben", BOLD]
        assert board[0][2:5] == ["1", "1", "100%"]
        assert board[2][2:6] == ["0", "1", "0%", "1,000"]  # Ben's solo 5,000 is no win here
        solo = cells(screen.query_one("#solo", DataTable))
        assert solo == [["1", "1", "Ben", "5,000", "5,000", "1"]]
        h2h = cells(screen.query_one("#h2h", DataTable))
        assert ["Ana", "Ben", "1", "0", "0", "1"] in h2h
        assert [BOLD, "Ana", "0", "1", "0", "1"] in h2h
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.prompts == {}  # the built-in pack has none of these ids: ids stay
        missed = cells(screen.query_one("#missed", DataTable))
        assert [m[:2] + m[3:] for m in missed[:1]] == [["1", "1", "wdta:q:b"]]  # most misses,
        assert [m[:2] + m[3:] for m in missed[-1:]] == [["1", "2", "wdta:q:a"]]  # fewest asked
        assert [m[2] for m in missed if m[3] == "wdta:q:c"] == [EVIL]
        # Cells are Text, so "[...]" is drawn as typed, never parsed.
        table = screen.query_one("#leaderboard", DataTable)
        assert all(isinstance(cell, Text) for cell in table.get_row_at(2))


HOSTILE_PROMPT = "[@click=app.quit]x[/]"
LABEL = "wdta:label:attribute"
LABEL_PROMPT = 'Which record label released "We Don\'t Talk Anymore"?'


@pytest.fixture
def missed_db(tmp_path, isolated_home):
    """Misses of a built-in question, its true/false item, a user pack's hostile prompt
    and a question whose pack is gone."""
    user = isolated_home / "packs"
    user.mkdir(parents=True)
    (user / "mine.yaml").write_text(
        "format: 1\npack: mine\ntitle: Mine\nquestions:\n"
        f"  - id: one\n    prompt: '{HOSTILE_PROMPT}'\n    answer: a\n    wrong: [b, c]\n"
    )
    path = tmp_path / "missed.sqlite3"
    with Store.open(path) as store:
        store.save_game(game({"Ana": 0, "Ben": 0},
                             [answer("Ana", LABEL, False, "Song facts"),
                              answer("Ben", LABEL, False, "Song facts"),
                              answer("Ana", "wdta:label:truefalse", False, "Song facts"),
                              answer("Ana", "mine:q:one", False, "Trivia"),
                              answer("Ben", "gone:q:x", True, "Gone"),
                              answer("Ana", "gone:q:x", False, "Gone")]))  # fmt: skip
    return path


async def test_most_missed_shows_prompts_found_in_the_background(missed_db):
    from quiz import paths

    assert (paths.user_packs_dir() / "mine.yaml").is_file()
    app = Host(lambda: Store.open(missed_db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = screen.query_one("#missed", DataTable)
        questions = [row[3] for row in cells(table)]
        assert questions == [
            LABEL_PROMPT,  # missed twice
            HOSTILE_PROMPT,  # drawn as typed ("mine:q:one" sorts before "wdta:...")
            'True or false: "We Don\'t Talk Anymore" was released by Atlantic.',
            "gone:q:x",  # no such pack: the id; missed once in two
        ]
        cell = table.get_cell("mine:q:one", "question")
        assert isinstance(cell, Text) and cell.plain == HOSTILE_PROMPT and not cell.spans
        screen.query_one("#tabs", TabbedContent).active = "tab-missed"
        await pilot.pause()
        await pilot.click("#missed", offset=(40, 2))  # on the hostile row
        await pilot.pause()
        assert not app.quit_called


async def test_prompts_come_from_the_finder_and_a_failing_finder_leaves_the_ids(db):
    asked: list[list[str]] = []

    def finder(ids):
        asked.append(ids)
        return {"wdta:q:b": BOLD, "not:in:table": "x"}

    app = Host(lambda: Store.open(db), prompt_finder=finder)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#missed", DataTable)
        assert sorted(asked[0]) == ["wdta:q:a", "wdta:q:b", "wdta:q:c"]
        assert table.get_cell("wdta:q:b", "question").plain == BOLD
        assert table.get_cell("wdta:q:a", "question").plain == "wdta:q:a"

    def broken(ids):
        raise OSError("disk on fire")

    app = Host(lambda: Store.open(db), prompt_finder=broken)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ScoresScreen) and app.screen.prompts == {}
        table = app.screen.query_one("#missed", DataTable)
        assert table.get_cell("wdta:q:b", "question").plain == "wdta:q:b"


async def test_player_history_from_the_leaderboard(db):
    app = Host(lambda: Store.open(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#leaderboard", DataTable)
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#tabs", TabbedContent).active == "tab-player"
        assert screen.player == "Ana"
        assert screen.query_one("#player-picker", Select).value == "Ana"
        history = cells(screen.query_one("#history", DataTable))
        assert [row[0] for row in history] == ["2", "1"]
        assert history[0][5:] == ["2 of 3", f"{EVIL}, {BOLD}"]
        categories = cells(screen.query_one("#categories", DataTable))
        assert [row[0] for row in categories] == ["Charts", EVIL]
        bests = str(screen.query_one("#bests", Label).render())
        assert "Best score 3,000" in bests


async def test_review_my_misses_calls_back_with_the_picked_player(db):
    calls: list[str] = []
    app = Host(lambda: Store.open(db), on_review=calls.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("r")  # no player yet: the picker is shown, nothing requested
        await pilot.pause()
        assert calls == [] and screen.query_one("#tabs", TabbedContent).active == "tab-player"
        screen.query_one("#player-picker", Select).value = EVIL
        await pilot.pause()
        button = screen.query_one("#review", Button)
        assert str(button.label) == "Review my misses (1)" and not button.disabled
        await pilot.click("#review")
        await pilot.pause()
        assert calls == [EVIL] and app.requested == [EVIL]
        assert not app.quit_called


async def test_player_without_misses_cannot_start_a_review(db, tmp_path):
    calls: list[str] = []
    app = Host(lambda: Store.open(db), on_review=calls.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.show_player(BOLD)  # answered nothing: no accuracy, no misses
        await pilot.pause()
        assert screen.query_one("#review", Button).disabled
        await pilot.press("r")
        await pilot.pause()
        assert calls == []


async def test_escape_goes_back_and_closes_the_store(db):
    opened: list[Store] = []

    def opener():
        opened.append(Store.open(db))
        return opened[-1]

    app = Host(opener)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ScoresScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ScoresScreen)
    with pytest.raises(Exception, match="closed"):
        opened[0].players()


async def test_empty_database_says_no_games_yet(tmp_path):
    app = Host(lambda: Store.open(tmp_path / "empty.sqlite3"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#scores-message", Label).render())
        assert "No games yet" in message
        assert not app.screen.query_one("#tabs").display


async def test_unusable_store_is_explained_not_a_crash():
    def opener():
        raise UserError("cannot keep scores in /nowhere: Permission denied")

    app = Host(opener)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#scores-message", Label).render())
        assert (
            message == "Scores are not available: cannot keep scores in /nowhere: Permission denied"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ScoresScreen)


async def test_corrupt_database_notice_is_shown(tmp_path):
    path = tmp_path / "scores.sqlite3"
    path.write_text("[bold]not sqlite")
    app = Host(lambda: Store.open(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert len(notices) == 1 and "moved it to" in notices[0]


#: The usual terminal, a big one and the smallest the game supports.
SIZES = [(80, 24), (120, 36), (60, 20)]


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_leaderboard(snap_compare, db, size, utc):
    assert snap_compare(Host(lambda: Store.open(db)), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_player(snap_compare, db, size, utc):
    async def pick(pilot):
        await pilot.pause()
        pilot.app.screen.show_player("Ana")
        pilot.app.screen.query_one("#tabs", TabbedContent).active = "tab-player"
        await pilot.pause()

    assert snap_compare(Host(lambda: Store.open(db)), terminal_size=size, run_before=pick)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_solo(snap_compare, db, size, utc):
    async def show(pilot):
        await pilot.pause()
        await pilot.press("right", "right")  # Leaderboard -> Head-to-head -> Solo
        await pilot.pause()

    assert snap_compare(Host(lambda: Store.open(db)), terminal_size=size, run_before=show)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_most_missed(snap_compare, missed_db, size, utc):
    async def show(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.screen.query_one("#tabs", TabbedContent).active = "tab-missed"
        await pilot.pause()

    assert snap_compare(Host(lambda: Store.open(missed_db)), terminal_size=size, run_before=show)


async def test_damage_found_while_reading_is_explained_not_a_crash(db, monkeypatch):
    import sqlite3

    def damaged(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Store, "leaderboard", damaged)
    app = Host(lambda: Store.open(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#scores-message", Label).render())
        assert message == "Scores are not available: database disk image is malformed"
        assert not app.screen.query_one("#tabs").display


async def test_solo_columns_say_they_are_points_per_question(db):
    app = Host(lambda: Store.open(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#solo", DataTable)
        labels = [column.label.plain for column in table.columns.values()]
        assert labels == ["Qs", "#", "Player", "Best pts/Q", "Avg pts/Q", "Games"]


LONG = "Which " + "very " * 30 + "long question is this? 東京タワー"


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_long_prompts_are_cut_with_an_ellipsis_to_the_screen(db, width):
    from quiz.text import cells as width_of

    finder = {"wdta:q:a": LONG, "wdta:q:b": "東京" * 80, "wdta:q:c": "Short?"}.copy
    app = Host(lambda: Store.open(db), prompt_finder=lambda ids: finder())
    async with app.run_test(size=(width, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        screen.query_one("#tabs", TabbedContent).active = "tab-missed"
        await pilot.pause()
        table = screen.query_one("#missed", DataTable)
        shown = {key.value: table.get_cell(key, "question").plain for key in table.rows}
        assert shown["wdta:q:a"].endswith("…") and shown["wdta:q:b"].endswith("…")
        assert shown["wdta:q:c"] == "Short?"
        assert table.virtual_size.width <= table.size.width  # nothing cut off by the edge
        # Measured in cells, not characters: the wide text keeps half as many.
        wide, narrow = shown["wdta:q:b"], shown["wdta:q:a"]
        assert width_of(wide) - 1 <= width_of(narrow) + 1 and len(wide) < width_of(wide)
        await pilot.resize_terminal(width + 20, 24)
        await pilot.pause()
        wider = table.get_cell("wdta:q:a", "question").plain
        assert len(wider) > len(shown["wdta:q:a"])
