"""The game session: dealing, answers from several seats at once, refusals, saving once."""

from __future__ import annotations

import pytest
from doubles import FakeClock, fixed_now, plain_questions

from quiz.bank import ListBank
from quiz.game import Phase, Seating
from quiz.game_setup import GameSetup
from quiz.question import Question
from quiz.records import GameRecord
from quiz.session import Accepted, Answer, Dealer, DealError, GameSession, Refused
from quiz.session_turns import Refusal


def make_questions(count: int = 40) -> list[Question]:
    return plain_questions(count)


def dealer(records: list[GameRecord] | None = None, clock: FakeClock | None = None,
           shuffle: bool = False, **kwargs) -> Dealer:  # fmt: skip
    saved = records if records is not None else []
    return Dealer(
        ListBank(make_questions(), shuffle=shuffle),
        recorder=saved.append,
        clock=clock or FakeClock(),
        now=fixed_now,
        new_seed=lambda: 42,
        **kwargs,
    )


def setup(*players: str, questions: int = 5, timer: float | None = 20.0,
          seating: Seating = Seating.TURNS) -> GameSetup:  # fmt: skip
    """A setup of "own question each" unless ``seating`` says otherwise."""
    return GameSetup(players=players or ("Ana",), questions=questions, timer=timer, seed=3,
                     seating=seating)  # fmt: skip


def right(session: GameSession, player: int) -> Answer:
    game = session.game
    return Answer(player, game.step, game.questions[game.step].answer)


def wrong(session: GameSession, player: int) -> Answer:
    game = session.game
    return Answer(player, game.step, (game.questions[game.step].answer + 1) % 4)


def play_out(session: GameSession, clock: FakeClock) -> None:
    """Answer every question (seat 0 right, others wrong), moving the clock each time."""
    while not session.over:
        if session.phase is Phase.HANDOVER:
            session.ready()
        elif session.phase is Phase.QUESTION:
            for seat in session.waiting_for:
                clock.advance(1.5 + seat)
                session.submit(right(session, seat) if seat == 0 else wrong(session, seat))
        else:
            session.advance()


def test_several_answers_to_one_question_from_different_seats():
    clock = FakeClock()
    session = dealer(clock=clock).deal(setup("Ana", "Ben", "Cy"), seating=Seating.SHARED)
    assert session.phase is Phase.QUESTION  # shared: no pass-the-keyboard
    assert session.waiting_for == (0, 1, 2)
    clock.advance(2)
    first = session.submit(right(session, 2))  # seats answer in any order
    clock.advance(1)
    second = session.submit(wrong(session, 0))
    assert isinstance(first, Accepted) and isinstance(second, Accepted)
    assert not first.complete and not second.complete
    assert session.waiting_for == (1,)
    assert session.phase is Phase.QUESTION
    clock.advance(1)
    last = session.submit(right(session, 1))
    assert isinstance(last, Accepted) and last.complete
    assert session.phase is Phase.REVEAL
    outcomes = session.game.step_outcomes
    assert [(o.turn.player, o.correct, o.seconds) for o in outcomes] == [
        ("Ana", False, 3.0), ("Ben", True, 4.0), ("Cy", True, 2.0),
    ]  # fmt: skip
    assert {o.turn.index for o in outcomes} == {0}
    session.advance()
    assert session.phase is Phase.STANDINGS  # every shared question is a round


def test_late_duplicate_and_wrong_question_answers_are_refused():
    clock = FakeClock()
    session = dealer(clock=clock).deal(setup("Ana", "Ben"), seating=Seating.SHARED)
    assert isinstance(session.submit(right(session, 0)), Accepted)
    again = session.submit(right(session, 0))
    assert isinstance(again, Refused) and again.reason is Refusal.ALREADY_ANSWERED
    future = session.submit(Answer(1, 1, 0))
    assert isinstance(future, Refused) and future.reason is Refusal.OTHER_QUESTION
    bad = session.submit(Answer(1, 0, 9))
    assert isinstance(bad, Refused) and bad.reason is Refusal.NO_SUCH_OPTION
    stranger = session.submit(Answer(5, 0, 0))
    assert isinstance(stranger, Refused) and stranger.reason is Refusal.NOT_ASKED
    assert isinstance(session.submit(wrong(session, 1)), Accepted)
    late = session.submit(Answer(1, 0, 0))  # the reveal is up
    assert isinstance(late, Refused) and late.reason is Refusal.NOT_ASKING
    assert len(session.game.outcomes) == 2
    assert session.game.players[1].answered == 1


def test_in_turns_only_the_seat_whose_turn_it_is_may_answer():
    session = dealer().deal(setup("Ana", "Ben"))
    assert session.phase is Phase.HANDOVER
    assert isinstance(session.submit(right(session, 0)), Refused)  # question still hidden
    assert session.ready(question=0)
    refused = session.submit(Answer(1, 0, 0))
    assert isinstance(refused, Refused) and refused.reason is Refusal.NOT_ASKED
    answered = session.submit(right(session, 0))
    assert isinstance(answered, Accepted) and answered.complete


def test_time_out_closes_the_question_for_everyone_still_missing():
    clock = FakeClock()
    session = dealer(clock=clock).deal(setup("Ana", "Ben", "Cy", timer=10), seating=Seating.SHARED)
    clock.advance(3)
    session.submit(right(session, 1))
    clock.advance(6.9)
    assert not session.tick()
    clock.advance(0.2)
    assert session.tick()
    assert session.phase is Phase.REVEAL
    outcomes = session.game.step_outcomes
    assert [(o.turn.player, o.timed_out, o.seconds) for o in outcomes] == [
        ("Ana", True, 10), ("Ben", False, 3), ("Cy", True, 10),
    ]  # fmt: skip


def test_a_pick_after_the_limit_counts_as_a_time_out_and_closes_the_question():
    clock = FakeClock()
    session = dealer(clock=clock).deal(setup("Ana", "Ben", timer=10), seating=Seating.SHARED)
    clock.advance(12)
    late = session.submit(right(session, 0))
    assert isinstance(late, Accepted) and late.outcome.timed_out and late.complete
    assert [o.timed_out for o in session.game.step_outcomes] == [True, True]


def test_stale_presses_are_ignored():
    session = dealer().deal(setup("Ana", "Ben"))
    assert not session.ready(question=1)  # a screen for another question
    assert session.ready(question=0)
    assert not session.ready(question=0)  # pressed twice
    session.submit(right(session, 0))
    assert session.advance(Phase.STANDINGS, 0) is None and session.phase is Phase.REVEAL
    session.advance(Phase.REVEAL, 0)
    assert session.phase is Phase.HANDOVER
    session.advance(Phase.REVEAL, 0)  # a second Enter on the reveal already left
    assert session.phase is Phase.HANDOVER


def test_the_record_is_saved_exactly_once():
    records: list[GameRecord] = []
    clock = FakeClock()
    session = dealer(records, clock).deal(setup("Ana", "Ben"))
    play_out(session, clock)
    assert session.phase is Phase.RESULTS
    assert session.saved is not None and session.saved.ok
    assert records == [session.saved.record]
    assert session.advance() is None
    assert session.abandon() is None
    assert len(records) == 1
    assert records[0].status == "finished" and len(records[0].answers) == 10


def test_an_abandoned_game_is_saved_once():
    records: list[GameRecord] = []
    session = dealer(records).deal(setup("Ana"))
    session.submit(right(session, 0))
    saved = session.abandon()
    assert saved is not None and saved.ok
    assert session.abandon() is None
    assert [r.status for r in records] == ["abandoned"]
    assert len(records[0].answers) == 1


def test_a_game_given_up_before_any_answer_is_not_saved():
    records: list[GameRecord] = []
    session = dealer(records).deal(setup("Ana", "Ben"))
    saved = session.abandon()
    assert saved is not None and saved.ok and saved.record.answers == ()
    assert records == []


def test_a_failed_save_is_reported_not_lost():
    def broken(record: GameRecord) -> None:
        raise OSError("disk full")

    clock = FakeClock()
    session = Dealer(ListBank(make_questions()), recorder=broken, clock=clock,
                     now=fixed_now).deal(setup("Ana"))  # fmt: skip
    session.submit(right(session, 0))  # a game with no answer is not saved at all
    saved = session.abandon()
    assert saved is not None and not saved.ok
    assert saved.problem == "Could not save this game: disk full"
    assert saved.record.status == "abandoned"  # still there to show or retry
    assert session.saved is saved


def test_a_seed_and_a_fake_clock_replay_the_same_game():
    def run() -> GameRecord:
        records: list[GameRecord] = []
        clock = FakeClock()
        session = dealer(records, clock, shuffle=True).deal(setup("Ana", "Ben", "Cy"))
        play_out(session, clock)
        return records[0]

    first, second = run(), run()
    assert first == second
    assert [a.question_id for a in first.answers] != [f"test:q{n}" for n in range(15)]


def test_play_again_draws_a_new_seed_from_the_game():
    session = dealer(shuffle=True).deal(setup("Ana", "Ben"))
    again = dealer(shuffle=True).again(session)
    assert again.setup.seed == dealer(shuffle=True).deal(setup("Ana", "Ben")).game.next_seed()
    assert again.setup.players == ("Ana", "Ben")


def test_dealing_problems_are_values_to_show():
    short = Dealer(ListBank(make_questions(7)), clock=FakeClock(), now=fixed_now)
    session = short.deal(setup("Ana", "Ben"))
    assert session.shortfall == "The chosen packs give 7 questions: 3 per player instead of 5."
    empty = Dealer(ListBank([]), clock=FakeClock(), now=fixed_now)
    with pytest.raises(DealError, match="Cannot start a game: the chosen packs give 0"):
        empty.deal(setup("Ana"))
    with pytest.raises(DealError, match="No missed questions") as raised:
        empty.review("Ana")
    assert raised.value.severity == "information"


def test_a_review_is_an_untimed_practice_game_of_the_misses():
    misses = dealer(missed=lambda player: ["test:q3", "test:q1"])
    session = misses.review("Ana")
    assert session.setup.mode_name == "practice" and session.setup.timer is None
    assert [q.id for q in session.game.questions] == ["test:q1", "test:q3"]
    assert misses.again(session).setup.mode_name == "practice"


def test_an_unusable_scores_database_is_said_when_the_game_is_dealt():
    from quiz.errors import UserError

    def locked(players):
        raise UserError("scores database is locked")

    records: list[GameRecord] = []
    clock = FakeClock()
    session = dealer(records, clock, recent=locked).deal(setup("Ana"))
    assert session.notice == "The scores database cannot be used now: scores database is locked"
    play_out(session, clock)
    assert [r.status for r in records] == ["finished"]  # the game went on


def test_what_the_recorder_says_about_a_save_reaches_the_players():
    clock = FakeClock()
    session = Dealer(ListBank(make_questions()), recorder=lambda record: "kept for later",
                     clock=clock, now=fixed_now).deal(setup("Ana"))  # fmt: skip
    play_out(session, clock)
    assert session.saved is not None and session.saved.ok
    assert session.saved.notice == "kept for later"


def test_recent_questions_come_from_the_dealer_not_the_bank():
    seen: list[tuple[str, ...]] = []

    def recent(players):
        seen.append(tuple(players))
        return ["test:q0"]

    session = dealer(recent=recent).deal(setup("Ana", "Ben"))
    assert seen == [("Ana", "Ben")] and session.notice is None
