"""The results screen: the podium fits the minimum terminal, awards line up, and a game
nobody scored in says so."""

from __future__ import annotations

from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Digits, Label, Static

from quiz.game import Game, GameSetup, Phase, Seating
from quiz.podium import Award
from quiz.text import cells
from quiz.ui.screens.results import ResultsScreen, headline
from quiz.ui.widgets.podium import award_lines
from tests.doubles import FakeClock, fixed_now, plain_questions


def finished(scores: dict[str, int]) -> Game:
    """A same-question game played to its end, then given ``scores``."""
    clock = FakeClock()
    game = Game(GameSetup(players=tuple(scores), questions=1, timer=20.0, seed=1),
                plain_questions(1), clock=clock, now=fixed_now,
                seating=Seating.SHARED)  # fmt: skip
    game.begin()
    for seat in range(len(scores)):
        clock.advance(1)
        game.submit(seat, 0, game.questions[0].answer)
    while game.phase is not Phase.RESULTS:
        game.advance()
    for player, score in zip(game.players, scores.values(), strict=True):
        player.score = score
    return game


class Shows(App[None]):
    def __init__(self, game: Game) -> None:
        super().__init__()
        self.game = game

    def on_mount(self) -> None:
        self.push_screen(ResultsScreen(self.game))


BIG = {"Ana": 12_345, "Ben": 11_050, "Cy": 9_800, "Dee": 400}


async def test_the_podium_fits_the_minimum_size_with_plain_scores():
    app = Shows(finished(BIG))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-compact")
        assert not any(d.display for d in screen.query(".podium-score").results(Digits))
        numbers = [str(label.render()) for label in screen.query(".podium-number").results(Label)]
        assert sorted(numbers) == ["11,050", "12,345", "9,800"]
        body = screen.query_one(".results-body", VerticalScroll)
        for step in screen.query(".podium-step"):
            assert step.region.bottom <= body.region.bottom  # in sight without scrolling
            assert step.region.right <= screen.region.right
        headline_region = screen.query_one("#headline").region
        assert headline_region.height >= 1 and headline_region.y >= 0


async def test_big_digits_where_there_is_room():
    app = Shows(finished(BIG))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.has_class("-compact")
        assert all(d.display for d in screen.query(".podium-score").results(Digits))
        for digits in screen.query(".podium-score").results(Digits):
            assert digits.region.width >= 3 * len(digits.value)  # not cut


def test_awards_line_up_in_title_name_and_value_columns():
    awards = [Award("Fastest finger", "Ana", "1.0s"), Award("Comeback", "Bérénice 東京", "x"),
              Award("Most accurate", "Cy", "80% right")]  # fmt: skip
    lines = award_lines(awards).plain.splitlines()
    name_at = {cells(line[: line.index(a.player)]) for line, a in zip(lines, awards, strict=True)}
    value_at = {cells(line[: line.rindex(a.detail)]) for line, a in zip(lines, awards, strict=True)}
    assert len(name_at) == 1 and len(value_at) == 1


async def test_a_game_nobody_scored_in_says_so_plainly():
    game = finished({"Ana": 0, "Ben": 0})
    assert headline(game).plain == "Nobody scored this time."
    app = Shows(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one("#headline", Static).render())
        assert "Nobody scored" in shown and "tie" not in shown
