"""A party from lobby to podium through the host alone: joins, answers timed per phone,
away and late players, skip and pause, the save, and nothing given away early."""

from __future__ import annotations

import json

import pytest

from quiz.bank import ListBank
from quiz.game import Phase
from quiz.party.host import PartyHost
from quiz.party.protocol import AnswerMessage
from quiz.party.room import KICKED, JoinRefused, Room
from quiz.records import GameRecord
from quiz.session import Dealer, DealError
from tests.doubles import FakeClock, fixed_now, plain_questions


class Phones:
    """What each seat's phone was sent."""

    def __init__(self) -> None:
        self.inbox: dict[int, list[dict[str, object]]] = {}

    def __call__(self, seat: int, message: dict[str, object]) -> None:
        self.inbox.setdefault(seat, []).append(message)

    def last(self, seat: int) -> dict[str, object]:
        return self.inbox[seat][-1]


def make_host(questions: int = 3, timer: float | None = 20.0):
    clock = FakeClock()
    saved: list[GameRecord] = []
    dealer = Dealer(ListBank(plain_questions(12)), recorder=lambda r: saved.append(r),
                    clock=clock, now=fixed_now, new_seed=lambda: 7)  # fmt: skip
    phones = Phones()
    host = PartyHost(Room("KMTX"), dealer, phones, questions=questions, timer=timer, clock=clock)
    return host, phones, clock, saved


def right(host: PartyHost) -> int:
    game = host.session.game
    return game.questions[game.step].answer


def test_a_party_plays_from_lobby_to_podium_and_is_saved_as_party() -> None:
    host, phones, clock, saved = make_host()
    ana, ben = host.join("kmtx", "Ana"), host.join("KMTX", "Ben")
    host.start()
    for step in range(3):
        assert phones.last(0)["type"] == "question" and phones.last(0)["question"] == step
        clock.advance(2)
        assert host.answer(ana, AnswerMessage(step, right(host)))["type"] == "locked"
        assert host.phase is Phase.QUESTION and host.answered == 1
        host.answer(ben, AnswerMessage(step, (right(host) + 1) % 4))
        assert host.phase is Phase.REVEAL
        assert phones.last(0)["correct"] is True and phones.last(1)["correct"] is False
        assert sum(host.distribution()) == 2
        host.next()
        if step < 2:
            assert host.phase is Phase.STANDINGS
            host.next()
    assert host.stage == "ended" and phones.last(1)["type"] == "final"
    assert phones.last(0)["result"]["place"] == "1st"
    assert [r.mode for r in saved] == ["party"] and saved[0].players == ("Ana", "Ben")


def test_no_message_before_the_reveal_holds_the_answer() -> None:
    host, phones, clock, _ = make_host()
    ana = host.join("KMTX", "Ana")
    host.join("KMTX", "Ben")
    host.start()
    host.answer(ana, AnswerMessage(0, 0))
    before = [m for seat in phones.inbox for m in phones.inbox[seat] if m["type"] != "reveal"]
    text = json.dumps(before)
    assert '"answer"' not in text and "explanation" not in text and "Because" not in text


def test_answer_time_runs_from_when_that_phone_got_the_question() -> None:
    host, phones, clock, _ = make_host()
    ana, ben = host.join("KMTX", "Ana"), host.join("KMTX", "Ben")
    host.start()
    clock.advance(8)
    host.disconnected(ben)
    host.connected(ben)  # back after a reload: the question is sent again, now
    assert phones.last(1)["stage"] == "question"
    clock.advance(1)
    host.answer(ben, AnswerMessage(0, right(host)))
    host.answer(ana, AnswerMessage(0, right(host)))
    seconds = {o.turn.player: o.seconds for o in host.session.game.step_outcomes}
    assert seconds == {"Ana": 9.0, "Ben": 1.0}


def test_away_players_are_not_waited_for_and_rejoin_with_their_score() -> None:
    host, phones, clock, _ = make_host()
    ana, ben = host.join("KMTX", "Ana"), host.join("KMTX", "Ben")
    host.start()
    host.answer(ben, AnswerMessage(0, right(host)))
    host.disconnected(ana)
    assert host.phase is Phase.REVEAL  # nobody present is still to answer
    score = host.session.game.players[1].score
    assert host.room.by_token(ben.token) is ben
    host.connected(ben)
    assert phones.last(1)["type"] == "welcome" and host.session.game.players[1].score == score


def test_a_late_joiner_plays_from_the_next_question_with_no_points() -> None:
    host, phones, clock, _ = make_host()
    ana = host.join("KMTX", "Ana")
    host.start()
    cy = host.join("KMTX", "Cy")  # mid-question
    assert host.answer(cy, AnswerMessage(0, 0))["reason"] == "you join from the next question"
    host.answer(ana, AnswerMessage(0, right(host)))
    host.next()
    if host.phase is Phase.STANDINGS:  # two players now
        host.next()
    assert len(host.session.game.players) == 2 and host.session.game.players[1].score == 0
    assert phones.last(1)["type"] == "question" and phones.last(1)["question"] == 1


def test_skip_pause_and_kick() -> None:
    host, phones, clock, _ = make_host()
    ana, ben = host.join("KMTX", "Ana"), host.join("KMTX", "Ben")
    host.start()
    host.pause()
    assert phones.last(0) == {"type": "paused"}
    assert host.answer(ana, AnswerMessage(0, 0))["type"] == "refused"
    clock.advance(60)
    assert not host.tick()
    host.resume()
    assert phones.last(0)["stage"] == "question"
    host.kick(1)
    assert phones.inbox[1][-1] == {"type": "kicked", "reason": KICKED}
    assert host.room.by_token(ben.token) is None and host.room.was_kicked(ben.token)
    host.skip()
    assert host.phase is Phase.REVEAL


def test_joining_needs_the_code_and_a_name() -> None:
    host, *_ = make_host()
    with pytest.raises(JoinRefused, match="wrong room code"):
        host.join("XXXX", "Ana")
    with pytest.raises(JoinRefused, match="type a name"):
        host.join("KMTX", "\u200b\x1b[31m")
    with pytest.raises(DealError):
        host.start()
    assert host.join("KMTX", "Ana").name == "Ana"


def test_a_name_already_in_the_room_is_refused_so_the_phone_asks_for_another() -> None:
    host, *_ = make_host()
    host.join("KMTX", "Bo")
    for same in ("bo", " BO ", "B\u200bo"):
        with pytest.raises(JoinRefused, match="^'.*' is taken: pick another name$"):
            host.join("KMTX", same)
    assert host.join("KMTX", "Bo Two").name == "Bo Two"
    assert [p.name for p in host.room.players] == ["Bo", "Bo Two"]


def test_standings_count_the_round_just_played() -> None:
    host, phones, clock, _ = make_host()
    ana, ben = host.join("KMTX", "Ana"), host.join("KMTX", "Ben")
    host.start()
    host.answer(ana, AnswerMessage(0, right(host)))
    host.answer(ben, AnswerMessage(0, (right(host) + 1) % 4))
    host.next()
    assert host.phase is Phase.STANDINGS
    rows = {row.name: row for row in host.standings()}
    assert rows["Ana"].gained == rows["Ana"].score > 0 and rows["Ben"].gained == 0
