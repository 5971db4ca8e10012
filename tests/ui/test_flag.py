"""F on the reveal flags the question, with an optional reason (issue 11, item 6)."""

from __future__ import annotations

from fakes import fixed_now, make_questions
from textual.widgets import Input

from quiz.bank import ListBank
from quiz.game_setup import GameSetup
from quiz.store import Store, flags
from quiz.ui.app import QuizApp
from quiz.ui.screens.flag import FlagScreen
from quiz.ui.screens.question import QuestionScreen


def on_reveal(screen) -> bool:
    """The reveal is the question screen, updated in place."""
    return isinstance(screen, QuestionScreen) and screen.revealed is not None


def app_with_scores(store: Store | None) -> QuizApp:
    setup = GameSetup(players=("Ana",), questions=5, timer=None, seed=1)
    return QuizApp(ListBank(make_questions()), quick_start=setup, now=fixed_now,
                   scores=(lambda: store) if store is not None else None)  # fmt: skip


async def reveal_first(pilot) -> None:
    await pilot.pause()
    await pilot.press("1")
    await pilot.pause()
    assert on_reveal(pilot.app.screen)


async def test_f_flags_with_a_reason(isolated_home):
    store = Store.open()
    app = app_with_scores(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reveal_first(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FlagScreen)
        assert app.screen.focused is app.screen.query_one("#flag-reason", Input)
        await pilot.press(*"Two right answers")
        await pilot.press("enter")
        await pilot.pause()
        # Back on the reveal, the game where it was.
        assert on_reveal(app.screen)
        assert app.game is not None and app.game.step == 0
    store.close()
    kept = flags.stored()
    assert [(f.question_id, f.pack, f.reason, f.player) for f in kept] == [
        ("test:q0", "test", "Two right answers", "Ana")]
    assert kept[0].flagged_at == fixed_now().isoformat(timespec="seconds")


async def test_escape_leaves_it_unflagged_and_the_game_goes_on(isolated_home):
    store = Store.open()
    app = app_with_scores(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await reveal_first(pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert on_reveal(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.game is not None and app.game.step == 1
    store.close()
    assert flags.stored() == []


async def test_without_a_scores_database_the_player_is_told(isolated_home):
    app = app_with_scores(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await reveal_first(pilot)
        await pilot.press("f", "enter")
        await pilot.pause()
        assert on_reveal(app.screen)
        assert any("not kept" in str(n.message) for n in app._notifications)
