"""The pack browser: listing, switching packs on/off, previews, hostile pack text.

The screen gets fake catalogs, counts and question choosers, so these tests do not
depend on the pack loader or the generators.
"""

from __future__ import annotations

import json
import os
import random
import threading
from pathlib import Path

import pytest
from doubles import put_pack
from textual.app import App
from textual.widgets import DataTable, Label, Static

from quiz import paths
from quiz.config import Config, load_config, save_config
from quiz.facts import HandQuestion, Pack, PackInfo
from quiz.packs import Catalog, PackError, Problem
from quiz.question import Question
from quiz.ui.screens.packs import PackPreview, PacksScreen, format_problem

HOSTILE_TITLE = "[@click=app.quit]x[/] and [/oops]"


def make_pack(pack_id, title, author="someone", origin="user", questions=4, **info) -> Pack:
    hand = tuple(
        HandQuestion(
            id=f"q{n}",
            prompt=f"{title} question {n}?",
            answer=f"right {n}",
            wrong=(f"wrong {n}a", f"wrong {n}b", f"wrong {n}c"),
        )
        for n in range(questions)
    )
    return Pack(
        info=PackInfo(id=pack_id, title=title, author=author, **info),
        questions=hand,
        path=f"/packs/{pack_id}.yaml",
        origin=origin,
    )


def fake_count(pack: Pack) -> int:
    return len(pack.questions)


def fake_choose(packs: list[Pack], count: int, rng: random.Random) -> list[Question]:
    """Hand questions in a seeded order, the answer placed by the rng."""
    hand = [(pack, q) for pack in packs for q in pack.questions]
    rng.shuffle(hand)
    chosen = []
    for pack, q in hand[:count]:
        options = [*q.wrong, q.answer]
        rng.shuffle(options)
        chosen.append(
            Question(
                id=f"{pack.id}:q:{q.id}",
                pack=pack.id,
                category=q.category,
                difficulty=q.difficulty,
                prompt=q.prompt,
                options=tuple(options),
                answer=options.index(q.answer),
                explanation=q.explanation,
                fact=q.id,
                kind="hand",
            )
        )
    return chosen


def standard_catalog() -> Catalog:
    return Catalog(
        packs=[
            make_pack(
                "wdta",
                "We Don't Talk Anymore",
                "wdta-quiz",
                "builtin",
                questions=312,
                description="Facts about the song: charts, awards, credits and the video.",
            ),
            make_pack("eighties", "Eighties Power Ballads", "Ana Souza", questions=48),
            make_pack("hostile", HOSTILE_TITLE, "[b]bold?[/b]", origin="file", questions=5),
        ],
        failures=[
            PackError(
                "/home/ana/packs/broken.yaml",
                [
                    Problem("/home/ana/packs/broken.yaml", 12, 5, "unknown key 'promt' "
                                "(did you mean 'prompt'?)"),
                    Problem("/home/ana/packs/broken.yaml", 20, 3, "missing 'answer'"),
                    Problem("/home/ana/packs/broken.yaml", 31, 7, "[red]not markup[/red]"),
                    Problem("/home/ana/packs/broken.yaml", 40, 1, "a fourth problem"),
                ],
            )
        ],
    )


class PacksApp(App[None]):
    """A bare app that opens the browser at once."""

    def __init__(self, catalog=None, load=None, **kwargs) -> None:
        super().__init__()
        self.catalog = catalog if catalog is not None else standard_catalog()
        self.load = load or (lambda: self.catalog)
        self.kwargs = {"count": fake_count, "choose": fake_choose, "seed": 7, **kwargs}
        self.result: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(PacksScreen(self.load, **self.kwargs), self.result.append)


async def settle(pilot) -> None:
    """Wait for the screen's worker threads and the messages they post."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_of(app: App) -> PacksScreen:
    screen = app.screen
    assert isinstance(screen, PacksScreen)
    return screen


def cell(app: App, row: int, column: str) -> str:
    table = app.screen.query_one(DataTable)
    return table.get_cell(str(row), column).plain


async def test_lists_every_pack_with_counts_and_origin():
    app = PacksApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 4
        assert [cell(app, n, "id") for n in range(4)] == ["wdta", "eighties", "hostile", "broken"]
        assert [cell(app, n, "questions") for n in range(4)] == ["312", "48", "5", ""]
        assert [cell(app, n, "where") for n in range(4)] == ["built-in", "user", "file", "file"]
        assert [cell(app, n, "on") for n in range(4)] == ["on", "on", "on", "—"]
        assert [cell(app, n, "valid") for n in range(4)] == ["yes", "yes", "yes", "no (4)"]
        title = str(app.screen.query_one("#packs-title", Label).render())
        assert "3 of 3 on, 1 broken" in title


async def test_broken_pack_lists_its_problems():
    app = PacksApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        detail = str(app.screen.query_one("#packs-detail", Static).render())
        assert "/home/ana/packs/broken.yaml: 4 problems" in detail
        # The panel names the file in full once, then each problem as FILE:LINE:COLUMN.
        assert "broken.yaml:12:5: unknown key 'promt' (did you mean 'prompt'?)" in detail
        assert "broken.yaml:31:7: [red]not markup[/red]" in detail
        # Every problem, not "… and 1 more" (issue 14): the panel scrolls instead.
        assert "broken.yaml:40:1: a fourth problem" in detail
        assert "more" not in detail
        # A broken pack cannot be switched on.
        await pilot.press("space")
        await pilot.pause()
        assert not paths.config_path().exists()
        assert cell(app, 3, "on") == "—"


async def test_toggle_writes_the_config_at_once():
    app = PacksApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "space")  # eighties off
        await pilot.pause()
        assert load_config().disabled_packs == {"eighties"}
        assert cell(app, 1, "on") == "off"
        await pilot.press("down", "enter")  # hostile off (Enter works too)
        await pilot.pause()
        assert load_config().disabled_packs == {"eighties", "hostile"}
        await pilot.press("up", "enter")  # eighties back on
        await pilot.pause()
        assert load_config().disabled_packs == {"hostile"}
        assert cell(app, 1, "on") == "on"
        await pilot.press("escape")
        await pilot.pause()
        assert app.result == [True]


async def test_escape_without_changes_reports_no_change():
    app = PacksApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.result == [False]
        assert not paths.config_path().exists()


async def test_disabled_packs_from_the_config_show_as_off():
    save_config(Config(disabled_packs=frozenset({"wdta", "gone-pack"}), theme="nord"))
    app = PacksApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert cell(app, 0, "on") == "off"
        await pilot.press("space")  # wdta back on
        await pilot.pause()
    # Ids of packs not installed now, and other settings, are kept.
    assert load_config() == Config(disabled_packs=frozenset({"gone-pack"}), theme="nord")


async def test_refuses_to_switch_off_the_last_enabled_pack():
    save_config(Config(disabled_packs=frozenset({"eighties", "hostile"})))
    app = PacksApp()
    notices = []
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify = lambda message, **kw: notices.append((message, kw))  # type: ignore
        await pilot.press("space")
        await pilot.pause()
        assert cell(app, 0, "on") == "on"
    assert load_config().disabled_packs == {"eighties", "hostile"}
    [(message, options)] = notices
    assert "wdta is the only pack switched on" in message
    assert options["severity"] == "warning"


async def test_refusal_is_visible_on_screen():
    catalog = Catalog(packs=[make_pack("solo", "Only pack")])
    app = PacksApp(catalog)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await pilot.pause()
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert any("only pack switched on" in toast for toast in toasts)
    assert not paths.config_path().exists()


async def test_preview_shows_three_questions_with_the_answer_marked():
    app = PacksApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "p")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, PackPreview)
        assert len(preview.questions) == 3
        expected = fake_choose([app.catalog.packs[1]], 3, random.Random(7))
        assert preview.questions == expected
        blocks = [
            "\n".join(str(s.render()) for s in block.query(Static))
            for block in preview.query(".preview-question")
        ]
        assert len(blocks) == 3
        for block, question in zip(blocks, expected, strict=True):
            assert question.prompt in block
            letter = "ABCD"[question.answer]
            assert f"✔ {letter}. {question.correct}" in block
            for option in question.options:
                assert option in block
            assert block.count("✔") == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PacksScreen)


async def test_preview_of_a_failing_generator_shows_the_error():
    def failing_choose(packs, count, rng):
        raise ValueError("no distractors for 'label'")

    app = PacksApp(choose=failing_choose)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PackPreview)
        text = str(app.screen.query_one(".preview-error", Static).render())
        assert "no distractors for 'label'" in text


async def test_hostile_text_is_literal_and_harmless():
    app = PacksApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert cell(app, 2, "title") == HOSTILE_TITLE
        assert cell(app, 2, "author") == "[b]bold?[/b]"
        table = app.screen.query_one(DataTable)
        # Click the hostile title in the table (highlights the row), then in the panel.
        await pilot.click(DataTable, offset=(30, 3))
        await pilot.pause()
        assert table.cursor_row == 2
        detail = app.screen.query_one("#packs-detail", Static)
        assert HOSTILE_TITLE in str(detail.render())
        await pilot.click("#packs-detail", offset=(3, 1))
        await pilot.click("#packs-detail", offset=(1, 1))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, PacksScreen)
        # The preview shows the prompts literally too.
        await pilot.press("p")
        await settle(pilot)
        title = app.screen.query_one("#preview-title", Label)
        assert str(title.render()) == f"Preview: {HOSTILE_TITLE}"
        await pilot.click("#preview-title", offset=(10, 0))
        await pilot.pause()
        assert app.is_running
    assert not paths.config_path().exists()


async def test_load_failure_is_shown_not_raised():
    def exploding_load():
        raise OSError("permission denied: /packs")

    app = PacksApp(load=exploding_load)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = str(app.screen.query_one("#packs-detail", Static).render())
        assert "permission denied: /packs" in detail
        await pilot.press("space", "p")
        await pilot.pause()
        assert app.is_running


async def test_leaving_before_the_packs_load_is_harmless():
    release = threading.Event()

    def slow_load():
        release.wait(timeout=10)
        return standard_catalog()

    app = PacksApp(load=slow_load)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PacksScreen)
        release.set()
        await settle(pilot)
        assert app.is_running
    assert app.result == [False]


async def test_leaving_before_the_preview_is_ready_is_harmless():
    release = threading.Event()

    def slow_choose(packs, count, rng):
        release.wait(timeout=10)
        return fake_choose(packs, count, rng)

    app = PacksApp(choose=slow_choose)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p", "escape")
        await pilot.pause()
        release.set()
        await settle(pilot)
        assert app.is_running
        assert not isinstance(app.screen, PackPreview)


async def test_a_count_that_fails_shows_unknown():
    def odd_count(pack):
        if pack.id == "eighties":
            raise RuntimeError("boom")
        return 1

    app = PacksApp(count=odd_count)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert cell(app, 1, "questions") == "?"
        assert cell(app, 0, "questions") == "1"


async def test_save_error_is_a_notice_and_changes_nothing(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = PacksApp(config_path=blocker / "config.json")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await pilot.pause()
        assert cell(app, 0, "on") == "on"
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert any("cannot save the config" in toast for toast in toasts)


async def test_real_generators_count_and_preview():
    """The default count and choose (the generators' own) work through the screen."""
    catalog = Catalog(packs=[make_pack("eighties", "Eighties", questions=5)])
    app = PacksApp(catalog, count=None, choose=None)
    app.kwargs = {"seed": 3}
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert cell(app, 0, "questions") == "5"
        await pilot.press("p")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, PackPreview)
        assert len(preview.questions) == 3
        assert all(q.pack == "eighties" for q in preview.questions)
        assert all(q.correct.startswith("right ") for q in preview.questions)


MINE_YAML = """\
format: 1
pack: mine
title: "[@click=app.quit]Mine[/]"
author: Ana
questions:
  - prompt: Which year was the song released?
    answer: "2016"
    wrong: ["2014", "2015", "2017"]
  - prompt: Who features on the song?
    answer: Selena Gomez
    wrong: [Demi Lovato, Meghan Trainor, Hailee Steinfeld]
  - prompt: Which label released it?
    answer: Atlantic
    wrong: [Columbia, Interscope, Republic]
"""

BROKEN_YAML = """\
format: 1
pack: broken
title: Broken
questions:
  - promt: Misspelt?
    answer: yes
"""


async def test_real_installed_packs_are_all_listed(isolated_home):
    """With the real loader: built-in, user and broken packs, switched-off ones included."""
    from quiz.ui.screens.packs import load_installed_packs

    folder = paths.user_packs_dir()
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(MINE_YAML, encoding="utf-8")
    (folder / "broken.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    save_config(Config(disabled_packs=frozenset({"mine"})))

    app = PacksApp(load=load_installed_packs, count=None, choose=None)
    app.kwargs = {"seed": 1}
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        by_id = {row.id: row for row in screen.rows}
        assert {"wdta", "mine", "broken"} <= set(by_id)
        assert by_id["wdta"].where == "built-in" and by_id["wdta"].questions > 0
        assert by_id["mine"].where == "user" and by_id["mine"].questions == 3
        assert by_id["mine"].title == "[@click=app.quit]Mine[/]"
        assert not by_id["broken"].valid
        assert by_id["broken"].where == "user"
        assert any("broken.yaml:5:" in problem for problem in by_id["broken"].problems)
        mine = screen.rows.index(by_id["mine"])
        assert cell(app, mine, "on") == "off"
        screen.query_one(DataTable).move_cursor(row=mine)
        await pilot.press("space", "p")
        await settle(pilot)
        assert isinstance(app.screen, PackPreview)
        assert len(app.screen.questions) == 3
    assert load_config().disabled_packs == frozenset()


def test_format_problem():
    assert format_problem(Problem("a.yaml", 3, 9, "bad")) == "a.yaml:3:9: bad"
    assert format_problem("b.yaml:1:1: plain string") == "b.yaml:1:1: plain string"


def test_config_file_written_is_plain_json():
    # Guards the contract the pack loader reads: {"disabled_packs": [...]}.
    save_config(Config(disabled_packs=frozenset({"x"})))
    assert json.loads(paths.config_path().read_text())["disabled_packs"] == ["x"]


# -- the one pack-id rule, shown as `packs list` shows it -------------------------------



def installed_app() -> PacksApp:
    from quiz.ui.screens.packs import load_installed_packs

    app = PacksApp(load=load_installed_packs)
    app.kwargs = {"seed": 1}
    return app


def rows_by_file(screen: PacksScreen) -> dict[str, tuple[str, str, bool, tuple[str, ...]]]:
    """file name -> (id, where, valid, problems) of every row."""
    return {
        Path(row.path).name: (row.id, row.where, row.valid, row.problems) for row in screen.rows
    }


def notices(app: App) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def detail_of(pilot, app: App, row: int) -> str:
    app.screen.query_one(DataTable).move_cursor(row=row)
    await pilot.pause()
    return str(app.screen.query_one("#packs-detail", Static).render())


async def test_two_user_files_with_one_id_show_which_is_loaded(builtin_dir):
    user = paths.user_packs_dir()
    copy = put_pack(user, "a-copy.yaml", "dup", "Copy")
    named = put_pack(user, "dup.yaml", "dup", "Named")
    message = f"duplicate: pack id 'dup' is already used by {named} (not loaded)"
    app = installed_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert rows_by_file(screen) == {
            "dup.yaml": ("dup", "user", True, ()),
            "a-copy.yaml": ("dup", "user", False, (message,)),
        }
        index = next(n for n, row in enumerate(screen.rows) if row.path == str(copy))
        assert cell(app, index, "id") == "dup" and cell(app, index, "on") == "—"
        detail = await detail_of(pilot, app, index)
        assert f"{copy}: 1 problem" in detail and message in detail
        assert cell(app, index, "title") == "(not loaded)" and cell(app, index, "valid") == "no"
        # The file not loaded cannot be switched on (or off): nothing is saved.
        await pilot.press("space")
        await pilot.pause()
        assert not paths.config_path().exists()
        assert cell(app, index, "on") == "—"
        assert f"a-copy.yaml is not loaded: {message}" in notices(app)
        title = str(app.screen.query_one("#packs-title", Label).render())
        assert title == "Packs: 1 of 1 on, 1 not loaded"


async def test_a_user_pack_with_a_builtin_id_is_shown_not_loaded(builtin_dir):
    builtin = put_pack(builtin_dir, "alpha.yaml", "alpha", "Built in")
    put_pack(paths.user_packs_dir(), "my-alpha.yaml", "alpha", "Mine")
    message = f"duplicate: pack id 'alpha' is already used by {builtin} (not loaded)"
    app = installed_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert [(row.id, row.where, row.valid) for row in screen.rows] == [
            ("alpha", "built-in", True),
            ("alpha", "user", False),
        ]
        assert screen.rows[1].problems == (message,)
        assert message in await detail_of(pilot, app, 1)


async def test_a_symlink_in_the_user_folder_is_a_row_under_its_file_name(builtin_dir, tmp_path):
    target = put_pack(tmp_path / "elsewhere", "real.yaml", "linked")
    user = paths.user_packs_dir()
    user.mkdir(parents=True)
    link = user / "my-link.yaml"
    link.symlink_to(target)
    message = "a symbolic link: not loaded (install the file: wdta-quiz packs add FILE)"
    app = installed_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert rows_by_file(screen) == {"my-link.yaml": ("my-link", "user", False, (message,))}
        assert cell(app, 0, "id") == "my-link" and cell(app, 0, "where") == "user"
        assert message in await detail_of(pilot, app, 0)


async def test_an_unreadable_pack_folder_is_one_notice_line_not_a_row(builtin_dir, monkeypatch):
    put_pack(builtin_dir, "alpha.yaml", "alpha")
    folder = paths.user_packs_dir()
    put_pack(folder, "beta.yaml", "beta")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == folder:  # tests run as root, which ignores chmod
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    app = installed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert [row.id for row in screen.rows] == ["alpha"]
        line = f"cannot read the pack folder {folder}: Permission denied"
        assert screen.notices == [line]
        notice = app.screen.query_one("#packs-notice", Static)
        assert notice.display and str(notice.render()) == line
        title = str(app.screen.query_one("#packs-title", Label).render())
        assert "1 of 1 on" in title and "broken" not in title


async def test_no_notice_line_when_every_folder_reads():
    app = PacksApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#packs-notice", Static).display


# -- snapshots -----------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_snapshot_list(snap_compare, size):
    save_config(Config(disabled_packs=frozenset({"eighties"})))
    app = PacksApp()

    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_snapshot_broken_selected(snap_compare, size):
    app = PacksApp()

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("down", "down", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_snapshot_preview(snap_compare, size):
    app = PacksApp()

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
