"""Every kind of question answered through the UI, and the reveal as one update.

Hand-built questions (tests/ui/kinds.py) dealt in order to one player: the keys, the
clicks and the refusals of each kind, what reaches the session, and what the reveal
shows in place on the same screen.
"""

from __future__ import annotations

import pytest
from fakes import revealing, wait_until
from kinds import choice_question, number_question, order_question, text_question
from textual.command import CommandPalette
from textual.widgets import Input, Static

from quiz.game import Phase
from quiz.ui.screens.confirm import ConfirmAbandonScreen
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.widgets.countdown import Countdown
from quiz.ui.widgets.option_button import OptionButton
from quiz.ui.widgets.order_list import OrderList
from quiz.ui.widgets.reveal_body import RevealBody

SIZES = [(80, 24), (60, 20)]


def shown(widget) -> str:
    """The plain text a widget draws."""
    return str(widget.render())


def body(app) -> str:
    """The reveal's text under the verdict, as drawn."""
    return "\n".join(app.screen.query_one(RevealBody).lines())


def fully_visible(app, selector: str) -> bool:
    """Whether the widget is drawn whole inside the terminal (not scrolled away)."""
    widget = app.screen.query_one(selector)
    region = widget.region
    screen = app.screen.region
    return bool(region.height) and screen.contains_region(region)


async def test_an_order_typed_as_letters(make_app):
    app = make_app(("Ana",), questions=[order_question()])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("c", "d", "a")
        await pilot.pause()
        order = screen.query_one(OrderList)
        assert order.arrangement == [2, 3, 0, 1]  # the last one falls into place
        assert "Your order: C D A B" in shown(screen.query_one("#order-taken", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and revealing(screen)
        outcome = app.game.last_outcome
        assert outcome.response == (2, 3, 0, 1) and outcome.correct


async def test_an_order_by_arrows_and_shift(make_app):
    app = make_app(("Ana",), questions=[order_question()])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        order = app.screen.query_one(OrderList)
        # Start: Chorus, Outro, Intro, Verse. Move Intro up twice, then Verse up once.
        await pilot.press("down", "down", "down", "shift+up", "shift+up")
        await pilot.press("down", "down", "down", "shift+up")
        await pilot.pause()
        assert order.arrangement == [2, 0, 3, 1]
        await pilot.press("backspace")  # nothing typed: nothing to undo
        await pilot.press("enter")
        await pilot.pause()
        outcome = app.game.last_outcome
        assert outcome.response == (2, 0, 3, 1)
        assert not outcome.correct and outcome.points.total > 0  # 2 of 4 in place
        assert "2 of 4 in the right place" in body(app)
        lines = [line for line in body(app).split("\n") if line.startswith(("✔", "✖"))]
        assert lines[0].startswith("✔") and "1st" in lines[0] and "Intro" in lines[0]
        assert lines[1].startswith("✖") and "Verse" in lines[1] and "you put it 3rd" in lines[1]


async def test_an_order_by_clicks_and_backspace(make_app):
    app = make_app(("Ana",), questions=[order_question()])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        order = app.screen.query_one(OrderList)
        await pilot.click(".order-slot", offset=(10, 0))  # Chorus, taken first
        await pilot.pause()
        assert order.taken == [0]
        await pilot.press("backspace")
        await pilot.pause()
        assert order.taken == []
        for _ in range(4):  # always click the first untaken place: Intro, Verse, …
            slot = list(app.screen.query(".order-slot"))[len(order.taken)]
            item = order.arrangement[slot.slot]
            want = (2, 3, 0, 1)[len(order.taken)]
            await pilot.press(str(want + 1)) if item != want else await pilot.click(slot)
            await pilot.pause()
        assert order.arrangement == [2, 3, 0, 1]
        await pilot.click("#lock-order")
        await pilot.pause()
        assert revealing(app.screen) and app.game.last_outcome.correct


async def test_a_stray_enter_does_not_lock_in_an_order(make_app):
    app = make_app(("Ana", "Ben"), questions=[order_question(n) for n in range(4)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.clock.advance(1)  # the pass-the-keyboard screen takes keys after 0.8 s
        await pilot.press("enter", "enter")  # "I'm ready", then one Enter too many
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.game.phase is Phase.QUESTION
        await pilot.press("enter")  # a second Enter locks in the order as shown
        await pilot.pause()
        assert app.game.phase is not Phase.QUESTION


async def test_a_number_refused_keeps_its_text_and_says_why(make_app):
    app = make_app(("Ana",), questions=[number_question()])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#typed-input", Input)
        assert app.screen.focused is field
        assert field.placeholder == "a number from 0 to 300 (minutes)"
        await pilot.press(*"12x", "enter")
        await pilot.pause()
        problem = app.screen.query_one("#typed-problem", Static)
        assert "not a number" in shown(problem) and problem.display
        assert field.value == "12x" and app.game.phase is Phase.QUESTION
        field.value = "999"
        await pilot.press("enter")
        await pilot.pause()
        assert "Out of range" in shown(problem) and field.value == "999"
        field.value = "1,25"  # a thousands comma: 125
        await pilot.press("enter")
        await pilot.pause()
        outcome = app.game.last_outcome
        assert outcome.response == 125 and 0 < outcome.points.total
        assert revealing(app.screen)
        revealed = body(app)
        assert "125 minutes" in revealed and "120 minutes" in revealed
        assert "5 off" in revealed
        assert "Partly right" in shown(app.screen.query_one("#verdict"))


async def test_text_takes_every_key_and_forgives_a_typo(make_app):
    app = make_app(("Ana",), questions=[text_question(), text_question(1)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#typed-input", Input)
        await pilot.press("enter")  # nothing typed yet: said, not answered
        await pilot.pause()
        assert "Type an answer" in shown(app.screen.query_one("#typed-problem"))
        # q and ? are quit and help elsewhere; here they are letters of the answer.
        await pilot.press(*"q?", "backspace", "backspace", *"Talkk")
        await pilot.pause()
        assert field.value == "Talkk" and isinstance(app.screen, QuestionScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.game.last_outcome.response == "Talkk" and app.game.last_outcome.correct
        revealed = body(app)
        assert "Talkk" in revealed and "Talk" in revealed and "Also counted: Talking" in revealed


async def test_the_reveal_is_the_same_screen_updated(make_app):
    app = make_app(("Ana",), questions=[choice_question(1), choice_question(2)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one("#verdict").display
        await pilot.press("c")  # wrong: option 2 (B) is right
        await pilot.pause()
        assert app.screen is screen and revealing(screen)
        assert screen.query_one("#verdict").display
        assert not screen.query_one("#countdown").display
        assert not screen.query_one("#asking").display
        rows = [line for line in body(app).split("\n") if "Option" in line]
        assert rows[1].startswith("✔") and "◆ B" in rows[1] and "right answer" in rows[1]
        assert rows[2].startswith("✖") and "● C" in rows[2] and "your answer" in rows[2]
        assert "your answer" not in rows[0] + rows[3]
        assert "Wrong" in shown(screen.query_one("#verdict"))
        await pilot.press("1")  # answer keys are off on the reveal
        await pilot.pause()
        assert app.game.phase is Phase.REVEAL and len(app.game.outcomes) == 1
        await pilot.press("space")
        await pilot.pause()
        assert app.screen is not screen and not revealing(app.screen)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("make", [choice_question, order_question, number_question,
                                  text_question])  # fmt: skip
async def test_the_reveal_fits_with_its_explanation(make_app, size, make):
    question = make()
    app = make_app(("Ana",), questions=[question])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if question.type == "choice":
            await pilot.press("a")
        elif question.type == "order":
            await pilot.press("a", "b", "c", "d", "enter")
        else:
            await pilot.press(*"120", "enter")
        await pilot.pause()
        assert revealing(app.screen)
        for part in ("#verdict", "#reveal-body", "#continue"):
            assert fully_visible(app, part), part
        assert question.explanation in " ".join(body(app).replace("▌ ", "").split())
        assert f"Source: {question.source}" in body(app)
        assert question.prompt in " ".join(body(app).split())


def test_options_carry_a_shape_and_a_letter():
    labels = [
        str(OptionButton(index, "x").label_for(40)).split("x")[0].strip()
        for index in range(4)
    ]
    assert labels == ["▲ A", "◆ B", "● C", "■ D"]


async def test_the_last_seconds_pulse(make_app, clock):
    app = make_app(("Ana",), questions=[choice_question()], timer=20)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(Countdown)
        clock.advance(10)
        assert await wait_until(pilot, lambda: bar.has_class("-mid"))
        assert not bar.has_class("-final")
        clock.advance(5.5)  # 4.5 s left: ceil 5, odd
        assert await wait_until(pilot, lambda: bar.has_class("-final"))
        assert bar.has_class("-pulse") and "5s!" in shown(bar)
        clock.advance(1)  # 3.5 s left: ceil 4, even
        assert await wait_until(pilot, lambda: not bar.has_class("-pulse"))
        assert bar.has_class("-final")


@pytest.mark.parametrize("opener", ["question_mark", "escape", "ctrl+p"])
async def test_a_dialog_hides_the_question_and_stops_its_clock(make_app, clock, opener):
    app = make_app(("Ana",), questions=[choice_question()], timer=20)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        clock.advance(5)
        await pilot.press(opener)
        await pilot.pause()
        dialog = {"question_mark": HelpScreen, "escape": ConfirmAbandonScreen,
                  "ctrl+p": CommandPalette}[opener]  # fmt: skip
        assert isinstance(app.screen, dialog)
        assert screen.has_class("-paused")
        assert not screen.query_one("#asking").display
        assert screen.query_one("#paused").display
        left = app.game.time_left()
        clock.advance(60)
        await pilot.pause(0.2)
        assert app.game.time_left() == left and app.game.phase is Phase.QUESTION
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and not screen.has_class("-paused")
        assert screen.query_one("#asking").display
        clock.advance(1)
        assert app.game.time_left() == pytest.approx(left - 1)
