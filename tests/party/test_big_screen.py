"""The party's big screen under Pilot: the lobby with its QR code, each stage's text, the
host keys (start, skip, pause, kick by number, end asks first), the server's lifetime."""

from __future__ import annotations

from aiohttp import ClientSession

from quiz.bank import ListBank
from quiz.game import Phase
from quiz.party.options import PartyOptions
from quiz.party.protocol import AnswerMessage
from quiz.ui.app import QuizApp
from quiz.ui.screens.confirm import ConfirmAbandonScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.party import PartyScreen
from tests.doubles import FakeClock, fixed_now, plain_questions


def make_app(records: list) -> QuizApp:
    return QuizApp(ListBank(plain_questions(12)), clock=FakeClock(), now=fixed_now,
                   new_seed=lambda: 3, recorder=records.append,
                   party=PartyOptions(address="127.0.0.1", questions=5, timer=None))  # fmt: skip


def shown(screen: PartyScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def party_screen(pilot) -> PartyScreen:
    for _ in range(100):
        screen = pilot.app.screen
        if isinstance(screen, PartyScreen) and screen.server is not None and screen.server.port:
            return screen
        await pilot.pause(0.02)
    raise AssertionError("no party screen")


async def test_lobby_shows_the_qr_code_address_code_and_players():
    records: list = []
    app = make_app(records)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await party_screen(pilot)
        code = screen.host.room.code
        lobby = shown(screen, "#party-text")
        assert f"http://127.0.0.1:{screen.server.port}/" in lobby and code in lobby
        assert "▀" in shown(screen, "#party-qr")
        async with ClientSession() as session:
            page = await session.get(f"http://127.0.0.1:{screen.server.port}/")
            assert page.status == 200
        await pilot.press("s")  # nobody yet: says so, stays in the lobby
        await pilot.pause()
        assert screen.host.phase is None
        screen.host.connected(screen.host.join(code, "Ana"))
        screen.host.connected(screen.host.join(code, "<b>Ben</b>"))
        screen.redraw()
        assert "1. Ana" in shown(screen, "#party-text")
        assert "2. <b>Ben</b>" in shown(screen, "#party-text")  # literal, not markup


async def test_a_game_on_the_big_screen_with_the_host_keys():
    records: list = []
    app = make_app(records)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await party_screen(pilot)
        host = screen.host
        ana = host.join(host.room.code, "Ana")
        ben = host.join(host.room.code, "Ben")
        await pilot.press("s")
        await pilot.pause()
        assert host.phase is Phase.QUESTION
        assert "Question 0?" in shown(screen, "#party-text")
        assert "answered 0/2" in shown(screen, "#party-status")
        await pilot.press("p")
        await pilot.pause()
        assert host.paused and "PAUSED" in shown(screen, "#party-status")
        await pilot.press("p")
        await pilot.press("n")  # skip: nobody answered
        await pilot.pause()
        assert host.phase is Phase.REVEAL and "Answer: A" in shown(screen, "#party-text")
        await pilot.press("enter")
        await pilot.pause()
        assert host.phase is Phase.STANDINGS and "Ana" in shown(screen, "#party-text")
        await pilot.press("enter")
        await pilot.press("k")
        await pilot.press("2", "enter")
        await pilot.pause()
        assert ben.kicked and not ana.kicked
        await pilot.press("escape")  # a game is going: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmAbandonScreen)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert screen.server._runner is None  # the server stopped with the party
    assert [(r.mode, r.status) for r in records] == [("party", "abandoned")]


async def test_the_last_reveal_waits_then_final_standings_then_the_podium_and_esc_goes_home():
    records: list = []
    app = make_app(records)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await party_screen(pilot)
        host = screen.host
        ana = host.join(host.room.code, "Ana")
        ben = host.join(host.room.code, "Ben")
        await pilot.press("s")
        for step in range(5):
            right = host.session.game.questions[step].answer
            host.answer(ana, AnswerMessage(step, right))
            host.answer(ben, AnswerMessage(step, (right + 1) % 4))
            screen.redraw()
            await pilot.pause()
            status = shown(screen, "#party-status")  # every reveal waits, the last one too
            assert status == ("Enter: final standings" if step == 4 else "Enter: standings")
            await pilot.press("enter")
            await pilot.pause()
            if step < 4:
                assert "Enter: next question" in shown(screen, "#party-status")
                await pilot.press("enter")
        # After the last reveal: the final standings, as between rounds, then the podium.
        assert str(screen.query_one("#party-title").render()) == "Party: final standings"
        table = shown(screen, "#party-text")
        assert "1st" in table and "Ana" in table and "2nd" in table and "Ben" in table
        assert "Enter: the podium" in shown(screen, "#party-status")
        assert not screen.query("#party-podium")
        assert [(r.mode, r.status) for r in records] == [("party", "finished")]  # kept now
        await pilot.press("enter")
        await pilot.pause()
        places = [str(label.render()) for label in screen.query(".podium-place")]
        assert screen.query("#party-podium") and places == ["2nd", "1st"]
        assert len(records) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_kicked_player_leaves_the_standings_and_the_podium():
    records: list = []
    app = make_app(records)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await party_screen(pilot)
        host = screen.host
        players = [host.join(host.room.code, name) for name in ("Ana", "Bo", "Cy")]
        await pilot.press("s")
        game = host.session.game
        for player in players:  # Bo alone is right: first after question 1
            host.answer(player, AnswerMessage(0, (game.questions[0].answer + (player.seat != 1))
                                              % 4))  # fmt: skip
        screen.redraw()
        await pilot.pause()
        assert " 1  A\n" in shown(screen, "#party-text")  # Bo's right answer, counted
        await pilot.press("k", "2", "enter")
        await pilot.pause()
        assert players[1].kicked and " 0  A\n" in shown(screen, "#party-text")
        await pilot.press("enter")
        await pilot.pause()
        assert "Bo" not in shown(screen, "#party-text")  # the standings
        while host.stage != "ended":
            if host.phase is Phase.QUESTION:
                for player in (players[0], players[2]):
                    host.answer(player, AnswerMessage(game.step, game.questions[game.step].answer))
            else:
                host.next()
        screen.redraw()
        await pilot.pause()
        assert "Bo" not in shown(screen, "#party-text")  # the final standings
        await pilot.press("enter")
        await pilot.pause()
        names = [str(label.render()).strip() for label in screen.query(".podium-name")]
        assert names == ["Cy", "Ana"]  # tied: second step, then the middle
        assert records[0].players == ("Ana", "Cy")
