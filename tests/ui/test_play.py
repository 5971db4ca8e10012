"""Whole games driven through the UI with Pilot: keys, clicks, a fake clock."""

from __future__ import annotations

from fakes import (
    HOSTILE,
    fixed_now,
    hostile_questions,
    make_questions,
    revealing,
    wait_until,
)
from textual.widgets import Button, Input, Label, Static

from quiz.bank import ListBank
from quiz.errors import UserError
from quiz.game import Phase
from quiz.game_setup import GameSetup, Seating
from quiz.ui.app import QuizApp
from quiz.ui.screens.confirm import ConfirmAbandonScreen
from quiz.ui.screens.handover import HandoverScreen
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.screens.standings import StandingsScreen
from quiz.ui.screens.too_small import TooSmallScreen
from quiz.ui.widgets.reveal_body import RevealBody


def shown(widget) -> str:
    """The plain text a widget draws."""
    return str(widget.render())


async def play_turn(pilot, *, right: bool = True, key_style: str = "digit") -> None:
    """Answer the current question from the keyboard."""
    game = pilot.app.game
    answer = game.turn.question.answer
    index = answer if right else (answer + 1) % len(game.turn.question.options)
    key = str(index + 1) if key_style == "digit" else "abcd"[index]
    await pilot.press(key)
    await pilot.pause()


async def test_solo_game_from_the_home_screen(make_app, clock, records):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#players", Input).value = "Solo"
        app.screen.query_one("#questions", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        # One player: no pass-the-keyboard screen, straight to the question.
        assert isinstance(app.screen, QuestionScreen)
        for number in range(5):
            assert isinstance(app.screen, QuestionScreen)
            clock.advance(10)
            await play_turn(pilot, right=number != 2, key_style="digit" if number % 2 else "letter")
            assert revealing(app.screen)
            await pilot.press("space" if number % 2 else "enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        headline = shown(app.screen.query_one("#headline", Static))
        assert "You scored" in headline and "4 of 5 right" in headline
    assert len(records) == 1
    record = records[0]
    assert record.status == "finished" and record.mode == "solo"
    assert record.players == ("Solo",)
    assert [a.correct for a in record.answers] == [True, True, False, True, True]
    assert record.answers[0].seconds == 10 and record.answers[0].points == 750


async def test_three_player_hot_seat(make_app, clock, records):
    app = make_app(("Ana", "Ben", "Cy"), per_player=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        order = []
        standings_seen = 0
        while not isinstance(app.screen, ResultsScreen):
            screen = app.screen
            if isinstance(screen, HandoverScreen):
                name = shown(screen.query_one("#next-player", Static))
                order.append(name)
                # The question stays hidden until the next player is ready.
                assert not app.screen.query(".option")
                clock.advance(1)  # the handover takes no key in its first 0.8 s
                await pilot.press("enter")
            elif revealing(screen):
                await pilot.press("enter")
            elif isinstance(screen, QuestionScreen):
                await play_turn(pilot, right=app.game.turn.player != "Cy")
                continue
            elif isinstance(screen, StandingsScreen):
                standings_seen += 1
                await pilot.press("space")
            await pilot.pause()
        assert order == ["Ana", "Ben", "Cy"] * 5
        assert standings_seen == 4
        places = [(s.place, s.player.name) for s in app.game.standings()]
        assert places == [(1, "Ana"), (1, "Ben"), (3, "Cy")]
        headline = shown(app.screen.query_one("#headline", Static))
        assert "Ana and Ben tie for first" in headline
    assert records[0].mode == "hotseat" and len(records[0].answers) == 15


async def test_mouse_clicks_and_arrows_answer(make_app):
    app = make_app(("Ana",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        answer = app.game.turn.question.answer
        await pilot.click(f"#option-{answer + 1}")
        await pilot.pause()
        assert revealing(app.screen)
        assert app.game.last_outcome.correct
        await pilot.click("#continue")
        await pilot.pause()
        answer = app.game.turn.question.answer
        # No option has the focus at first; the first arrow focuses option 1.
        for _ in range(answer + 1):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.game.last_outcome.chosen == answer


async def test_a_stray_enter_does_not_answer_unseen(make_app, clock):
    app = make_app(("Ana", "Ben"), seating=Seating.TURNS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HandoverScreen)
        clock.advance(1)  # the handover takes no key in its first 0.8 s
        await pilot.press("enter", "enter")  # "I'm ready", then one Enter too many
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.game.phase is Phase.QUESTION
        await pilot.press("down", "enter")
        await pilot.pause()
        assert revealing(app.screen)
        assert app.game.last_outcome.chosen == 0


async def test_time_out_on_the_fake_clock(make_app, clock, records):
    app = make_app(("Ana",), timer=10)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(9.9)
        await pilot.pause(0.2)
        assert isinstance(app.screen, QuestionScreen)
        clock.advance(0.2)
        # The reveal is up once the question screen has turned into it.
        assert await wait_until(pilot, lambda: revealing(app.screen))
        assert revealing(app.screen)
        outcome = app.game.last_outcome
        assert outcome.timed_out and outcome.points.total == 0
        assert "Time's up" in shown(app.screen.query_one("#verdict", Static))


async def test_help_pauses_the_clock(make_app, clock):
    app = make_app(("Ana",), timer=10)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        clock.advance(60)
        await pilot.pause(0.2)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.pause(0.2)
        assert isinstance(app.screen, QuestionScreen)


async def test_abandoning_mid_game_asks_first_and_records(make_app, clock, records):
    app = make_app(("Ana", "Ben"), seating=Seating.TURNS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(1)  # the handover takes no key in its first 0.8 s
        await pilot.press("enter")
        await pilot.pause()
        await play_turn(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmAbandonScreen)
        await pilot.press("n")
        await pilot.pause()
        assert revealing(app.screen)
        assert records == []
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.game is None
    assert len(records) == 1
    assert records[0].status == "abandoned" and len(records[0].answers) == 1


async def test_quitting_the_app_mid_game_records_it_as_abandoned(make_app, records):
    app = make_app(("Ana",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await play_turn(pilot)  # a game with no answer at all is not kept
        await pilot.press("ctrl+c")  # asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmAbandonScreen)
        await pilot.press("ctrl+c")  # a second one leaves
        await pilot.pause()
    assert app.return_code == 0
    assert [r.status for r in records] == ["abandoned"]


async def test_a_game_quit_before_any_answer_is_not_recorded(make_app, records):
    app = make_app(("Ana",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")  # asks first, even with nothing answered yet
        await pilot.pause()
        assert isinstance(app.screen, ConfirmAbandonScreen)
        said = str(app.screen.query_one("#consequence").render())
        assert said == "Nothing is answered yet, so nothing is kept."  # not "kept as abandoned"
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0
    assert records == []


async def test_play_again_and_main_menu(make_app, records):
    app = make_app(("Ana",), per_player=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first_ids = [q.id for q in app.game.questions]
        while not isinstance(app.screen, ResultsScreen):
            if isinstance(app.screen, QuestionScreen) and not revealing(app.screen):
                await play_turn(pilot)
            else:
                await pilot.press("enter")
                await pilot.pause()
        first_seed = app.game.setup.seed
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.game.setup.seed != first_seed
        assert app.game.setup.players == ("Ana",)
        assert [q.id for q in app.game.questions] == first_ids  # ListBank deals in order
        await play_turn(pilot)  # a game with no answer at all is not kept
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [r.status for r in records] == ["finished", "abandoned"]


async def test_setup_rejects_bad_input_with_one_line(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#players", Input).value = "Ana, ana"
        await pilot.click("#start")
        await pilot.pause()
        error = shown(app.screen.query_one("#setup-error", Label))
        assert error == "Two players are called 'ana' (names must differ)"
        app.screen.query_one("#players", Input).value = "Ana"
        app.screen.query_one("#timer", Input).value = "soon"
        start = app.screen.query_one("#start", Button)
        # A button ignores clicks during its short press effect.
        assert await wait_until(pilot, lambda: not start.has_class("-active"))
        await pilot.click("#start")
        await pilot.pause()
        assert "timer must be" in shown(app.screen.query_one("#setup-error", Label)).lower()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_typing_q_in_a_name_does_not_quit(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        field = app.screen.query_one("#players", Input)
        field.value = ""
        await pilot.press("Q", "u", "i", "q")
        await pilot.pause()
        assert field.value == "Quiq"
        assert isinstance(app.screen, SetupScreen)


async def test_hostile_text_is_literal_and_clicking_it_does_nothing(make_app, clock):
    app = make_app(("[@click=app.quit]Hint[/]", "[bold]x"), questions=hostile_questions(),
                   seating=Seating.TURNS)  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        name = app.screen.query_one("#next-player", Static)
        assert shown(name) == "[@click=app.quit]Hint[/]"
        await pilot.click("#next-player")
        await pilot.pause()
        assert app.is_running
        clock.advance(1)  # the handover takes no key in its first 0.8 s
        await pilot.press("enter")
        await pilot.pause()
        prompt = app.screen.query_one("#prompt", Static)
        assert shown(prompt) == "[bold]x 0 [/oops] [ @click=app.quit]x"
        await pilot.click("#prompt")
        await pilot.click(".meta")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuestionScreen)
        labels = [shown(button) for button in app.screen.query(Button)]
        for text in HOSTILE:
            assert any(text in label for label in labels)
        await pilot.click("#option-2")  # the "[@click=app.quit]Hint[/]" option
        await pilot.pause()
        assert app.is_running and revealing(app.screen)
        lines = app.screen.query_one(RevealBody).lines()
        explanation = "▌ [@click=app.quit]Hint[/] and [/oops]"
        assert explanation in lines
        await pilot.click("#reveal-body", offset=(4, lines.index(explanation)))
        await pilot.pause()
        assert app.is_running


async def test_too_small_terminal_says_so_and_comes_back(make_app, clock):
    app = make_app(("Ana",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        message = shown(app.screen.query_one("#too-small", Static))
        assert "need at least 60x20, have 40x12" in message
        clock.advance(100)  # the game clock is paused meanwhile
        await pilot.pause(0.2)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.game.phase is Phase.QUESTION


async def test_pack_problems_are_shown_in_the_app(make_app):
    app = make_app(problems=("bad.yaml:3:1: unknown key 'facs'",))
    async with app.run_test(size=(80, 24)) as pilot:

        def shown_problem() -> bool:
            return "bad.yaml:3:1: unknown key 'facs'" in [n.message for n in app._notifications]

        assert await wait_until(pilot, shown_problem)


async def test_no_valid_packs_is_said_clearly(clock, records):
    from quiz.bank import ListBank
    from quiz.ui.app import QuizApp

    app = QuizApp(ListBank([], problems=["a.yaml:1:1: not a pack"]), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        error = shown(app.screen.query_one("#setup-error", Label))
        assert error.startswith("No valid packs to play with")
        assert isinstance(app.screen, SetupScreen)


async def test_theme_can_be_changed_from_the_command_palette(make_app):
    from textual.command import CommandList, CommandPalette

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)

        def commands_listed() -> bool:
            return app.screen.query_one(CommandList).option_count > 0

        await pilot.press(*"theme")
        assert await wait_until(pilot, commands_listed)
        await pilot.press("enter")  # "Change theme"
        await pilot.pause()
        await pilot.press(*"nord")
        assert await wait_until(pilot, commands_listed)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: app.theme == "nord")

    # The choice is remembered: the next run starts in it.
    from quiz.config import load_config

    assert load_config().theme == "nord"
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_hostile_pack_titles_in_setup_are_literal(make_app):
    from textual.widgets import SelectionList

    from quiz.bank import PackChoice

    packs = [PackChoice("test", "[@click=app.quit]Hint[/]"), PackChoice("evil", "[bold]x")]
    app = make_app(packs=packs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        selection = app.screen.query_one("#packs", SelectionList)
        prompts = [str(selection.get_option_at_index(i).prompt) for i in range(2)]
        assert prompts[0].startswith("[@click=app.quit]Hint[/]")
        assert prompts[1].startswith("[bold]x")
        await pilot.click("#packs", offset=(8, 1))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SetupScreen)


async def test_a_game_that_cannot_be_saved_on_quitting_is_kept_for_after_exit(clock):
    def broken_store(record):
        raise UserError("cannot use scores database /x/scores.sqlite3: read-only")

    setup = GameSetup(players=("Ana",), questions=5, timer=20.0, seed=1)
    app = QuizApp(ListBank(make_questions(), [], ()), recorder=broken_store, quick_start=setup,
                  clock=clock, now=fixed_now, new_seed=lambda: 42, tick_interval=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await play_turn(pilot)  # a game with no answer at all is not kept
        await pilot.press("ctrl+c")  # asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmAbandonScreen)
        await pilot.press("ctrl+c")  # a second one leaves
        await pilot.pause()
    assert app.exit_problem == (
        "Could not save this game: cannot use scores database /x/scores.sqlite3: read-only"
    )


async def test_review_my_misses_from_the_scores_screen(clock, records, tmp_path):
    """The Scores screen reads the database the games are saved to (lent, not closed) and
    its review request starts an untimed practice game of that player's misses."""
    from quiz.records import AnswerRecord, GameRecord, tally
    from quiz.store import Store
    from quiz.ui.screens.scores import ScoresScreen

    store = Store.open(tmp_path / "scores.sqlite3")
    missed = AnswerRecord("Ana", "test:q3", "test", "Charts", 0, False, 2.0, 0)
    store.save_game(GameRecord("2026-01-01T10:00:00+00:00", "2026-01-01T10:01:00+00:00",
                               "solo", "finished", ("Ana",), ("test",), 1, {}, (missed,),
                               tally({"Ana": 0}, (missed,))))  # fmt: skip
    app = QuizApp(ListBank(make_questions()), recorder=records.append, clock=clock,
                  now=fixed_now, new_seed=lambda: 42, missed=store.missed_question_ids,
                  scores=lambda: store)  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ScoresScreen)
        app.screen.show_player("Ana")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.game.setup.mode_name == "practice" and app.game.time_limit is None
        assert [q.id for q in app.game.questions] == ["test:q3"]
        await play_turn(pilot)  # a game with no answer at all is not kept
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.players() == ["Ana"]  # still open: the screen only borrowed it
    store.close()
    assert [(r.mode, r.status) for r in records] == [("practice", "abandoned")]


async def test_save_notices_are_shown_at_the_start_and_after_quitting(clock):
    """Games stored now, a database unusable at the start, a game kept for later: each said."""

    def locked(players):
        raise UserError("scores database is locked")

    def kept(record):
        return "Could not save this game now (locked); it is kept in /x/game-1.json"

    setup = GameSetup(players=("Ana",), questions=5, timer=20.0, seed=1)
    app = QuizApp(ListBank(make_questions(), [], ()), recorder=kept, quick_start=setup,
                  clock=clock, now=fixed_now, new_seed=lambda: 42, tick_interval=0.05,
                  recent=locked, scores_notices=["1 game saved earlier could not be stored; "
                                                 "it is saved now"])  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:

        def said(text: str) -> bool:
            return any(text in n.message for n in app._notifications)

        assert await wait_until(pilot, lambda: said("1 game saved earlier"))
        assert said("The scores database cannot be used now: scores database is locked")
        assert isinstance(app.screen, QuestionScreen)
        await play_turn(pilot)  # a game with no answer at all is not kept
        await pilot.press("ctrl+c")  # asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmAbandonScreen)
        await pilot.press("ctrl+c")  # a second one leaves
        await pilot.pause()
    assert app.exit_problem == "Could not save this game now (locked); it is kept in /x/game-1.json"


async def test_ctrl_c_in_a_game_asks_first_and_no_keeps_playing(make_app, records):
    app = make_app(("Ana",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmAbandonScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and not app.game.over
    assert records == []


async def test_help_lists_every_screen_and_scrolls_at_the_minimum_size(make_app):
    from quiz.ui.screens.help import SECTIONS

    app = make_app(("Ana",))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#keys")
        assert app.focused is keys
        names = {screen for screen, _ in SECTIONS}
        assert {"Home", "Setup", "Question", "Reveal", "Results", "Packs", "Scores"} <= names
        await pilot.press("end")
        await pilot.pause()
        assert keys.scroll_y > 0


async def test_setup_starts_from_the_last_game_and_offers_known_names(make_app, monkeypatch):
    from quiz.config import load_config

    app = make_app()
    monkeypatch.setattr(app, "known_players", lambda: ["Ana", "Ben"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.query_one("#players", Input).value == ""  # no "Player 1"
        assert "Known: Ana, Ben" in shown(app.screen.query_one("#known-players", Label))
        await pilot.click("#start")
        await pilot.pause()
        assert shown(app.screen.query_one("#setup-error", Label)) == (
            "Give at least one player name"
        )
        app.screen.query_one("#players", Input).value = "Cy, Dee"
        app.screen.query_one("#questions", Input).value = "7"
        await pilot.press("ctrl+s")
        assert await wait_until(pilot, lambda: app.game is not None)
    remembered = load_config().last_game
    assert remembered is not None and remembered["players"] == ["Cy", "Dee"]
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert again.screen.query_one("#players", Input).value == "Cy, Dee"
        assert again.screen.query_one("#questions", Input).value == "7"


async def test_the_home_menu_keeps_every_entry_after_a_visit_to_setup(make_app):
    # Played: back from setup (or a game), the big screen's "#party { height: 1fr }"
    # matched the menu's Party entry and pushed Help and Quit off the screen.
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        party, quit_ = app.screen.query_one("#party"), app.screen.query_one("#quit")
        assert party.region.height == app.screen.query_one("#help").region.height
        assert quit_.region.bottom <= 20 and quit_.region.height > 0
