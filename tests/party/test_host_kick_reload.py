"""Issue 13 through the host alone: a kicked player leaves the standings, the counts, the
podium and the record; a phone that reloads comes back to where the party is, with its
score and place; the end waits for the host as every reveal does."""

from __future__ import annotations

from quiz.bank import ListBank
from quiz.game import Phase
from quiz.party.host import PartyHost
from quiz.party.protocol import AnswerMessage
from quiz.party.room import Room
from quiz.question import Question
from quiz.records import GameRecord
from quiz.session import Dealer
from quiz.ui.widgets.party_views import reveal_text
from tests.doubles import FakeClock, fixed_now, plain_questions
from tests.party.test_host import Phones, right


def make_host(questions: list[Question] | None = None, count: int = 3):
    clock = FakeClock()
    saved: list[GameRecord] = []
    bank = ListBank(questions or plain_questions(12))
    dealer = Dealer(bank, recorder=saved.append, clock=clock, now=fixed_now,
                    new_seed=lambda: 7)  # fmt: skip
    phones = Phones()
    host = PartyHost(Room("KMTX"), dealer, phones, questions=count, timer=20.0, clock=clock)
    return host, phones, clock, saved


def wrong(host: PartyHost) -> int:
    return (right(host) + 1) % 4


def play_out(host: PartyHost, players) -> None:
    """Everyone answers right until the game ends (one press past each reveal/standings)."""
    while host.stage != "ended":
        if host.phase is Phase.QUESTION:
            for player in players:
                host.answer(player, AnswerMessage(host.session.game.step, right(host)))
        else:
            host.next()


def test_a_kicked_player_leaves_the_counts_standings_podium_and_record() -> None:
    host, phones, clock, saved = make_host()
    ana, ben, cy = (host.join("KMTX", name) for name in ("Ana", "Ben", "Cy"))
    host.start()
    clock.advance(1)
    host.answer(ben, AnswerMessage(0, right(host)))  # Ben leads...
    host.answer(ana, AnswerMessage(0, wrong(host)))
    host.answer(cy, AnswerMessage(0, wrong(host)))
    assert host.phase is Phase.REVEAL and sum(host.distribution()) == 3
    host.kick(ben.seat)  # ...and is removed during the reveal
    assert sum(host.distribution()) == 2 and host.answered == 2
    host.next()
    assert [row.name for row in host.standings()] == ["Ana", "Cy"]
    assert all(row.place == 1 for row in host.standings())
    host.next()
    play_out(host, [ana, cy])
    standings, _ = host.podium_places()
    assert [s.player.name for s in standings] == ["Ana", "Cy"]
    assert phones.last(0)["result"] == {"place": "1st", "score": phones.last(0)["result"]["score"],
                                        "players": 2}  # fmt: skip
    record = saved[0]
    assert record.status == "finished" and record.players == ("Ana", "Cy")
    assert [r.player for r in record.results] == ["Ana", "Cy"]
    assert [r.rank for r in record.results] == [1, 1]
    assert {a.player for a in record.answers} == {"Ana", "Cy"} and len(record.answers) == 6


def test_a_player_kicked_mid_question_is_not_waited_for_nor_counted() -> None:
    host, phones, clock, saved = make_host()
    ana, ben, cy = (host.join("KMTX", name) for name in ("Ana", "Ben", "Cy"))
    host.start()
    host.answer(ben, AnswerMessage(0, right(host)))
    host.answer(ana, AnswerMessage(0, right(host)))
    assert host.answered == 2
    host.kick(ben.seat)
    assert host.answered == 1 and host.phase is Phase.QUESTION
    assert host.session.game.refusal(ben.seat, 0, 0) is not None
    host.answer(cy, AnswerMessage(0, wrong(host)))
    assert host.phase is Phase.REVEAL and sum(host.distribution()) == 2
    assert "reveal" not in [m["type"] for m in phones.inbox[1][-1:]]  # Ben hears no more


def test_the_reveal_counts_exact_answers_without_the_kicked_player() -> None:
    questions = [Question(id=f"t:{n}", pack="test", category="Charts", difficulty="easy",
                          prompt=f"Peak {n}?", options=(), answer=0, explanation="Because.",
                          fact=f"{n}", kind="hand", type="number", number=3, low=1, high=100)
                 for n in range(4)]  # fmt: skip
    host, *_ = make_host(questions)
    ana, ben, cy = (host.join("KMTX", name) for name in ("Ana", "Ben", "Cy"))
    host.start()
    host.answer(ana, AnswerMessage(0, 3))
    host.answer(ben, AnswerMessage(0, 3))
    host.answer(cy, AnswerMessage(0, 50))
    assert "2 of 3 got it exactly" in reveal_text(host).plain
    host.kick(ben.seat)
    assert "1 of 2 got it exactly" in reveal_text(host).plain


def test_a_late_joiner_who_is_kicked_before_playing_is_never_seated_in_the_ranking() -> None:
    host, phones, clock, saved = make_host()
    ana = host.join("KMTX", "Ana")
    host.start()
    dee = host.join("KMTX", "Dee")  # mid-question: seated from the next one
    host.kick(dee.seat)
    play_out(host, [ana])
    assert saved[0].players == ("Ana",) and [s.player.name for s in host.podium_places()[0]] == [
        "Ana"]


def test_a_phone_that_reloads_comes_back_to_where_the_party_is() -> None:
    host, phones, clock, _ = make_host()
    ana, ben = host.join("KMTX", "Ana"), host.join("KMTX", "Ben")
    assert host.state_for(ana)["stage"] == "lobby" and "score" not in host.state_for(ana)
    host.start()
    clock.advance(1)
    host.answer(ana, AnswerMessage(0, right(host)))
    assert host.state_for(ana)["stage"] == "locked"  # answered: "locked in", not the question
    assert host.state_for(ben)["stage"] == "question"
    host.answer(ben, AnswerMessage(0, wrong(host)))
    sent = phones.last(0)
    for phase in (Phase.REVEAL, Phase.STANDINGS):  # the reveal it missed, its own result
        assert host.phase is phase
        again = host.state_for(ana)
        assert again["stage"] == "reveal" and again["reveal"] == sent
        assert again["reveal"]["correct"] is True and again["reveal"]["place"] == "1st"
        assert again["score"] == sent["score"] > 0 and again["place"] == "1st"  # the header
        assert host.state_for(ben)["reveal"]["correct"] is False
        assert host.state_for(ben)["reveal"]["place"] == "2nd"
        host.next()
    assert host.phase is Phase.QUESTION
    host.pause()
    paused = host.state_for(ben)
    assert paused["stage"] == "paused" and paused["place"] == "2nd" and paused["score"] == 0
    host.resume()
    play_out(host, [ana, ben])
    final = host.state_for(ben)
    assert final["stage"] == "final" and final["result"]["place"] == "2nd"


def test_resuming_during_a_reveal_puts_the_phones_back_on_the_reveal() -> None:
    host, phones, clock, _ = make_host()
    ana = host.join("KMTX", "Ana")
    host.start()
    host.answer(ana, AnswerMessage(0, right(host)))
    host.pause()
    host.resume()
    assert phones.last(0)["stage"] == "reveal"


def test_a_late_joiner_reloading_during_a_reveal_waits_for_the_next_question() -> None:
    host, phones, clock, _ = make_host()
    ana = host.join("KMTX", "Ana")
    host.start()
    host.answer(ana, AnswerMessage(0, right(host)))
    cy = host.join("KMTX", "Cy")
    assert host.state_for(cy)["stage"] == "waiting"
    host.next()  # Cy takes a seat: the standings of a round Cy did not play
    assert host.phase is Phase.STANDINGS and host.state_for(cy)["stage"] == "waiting"
    assert host.state_for(cy)["place"] == "2nd"


def test_the_last_reveal_goes_on_to_final_standings_then_the_podium() -> None:
    host, phones, clock, saved = make_host()
    ana, ben = host.join("KMTX", "Ana"), host.join("KMTX", "Ben")
    host.start()
    for step in range(3):
        host.answer(ana, AnswerMessage(step, right(host)))
        host.answer(ben, AnswerMessage(step, wrong(host)))
        assert host.phase is Phase.REVEAL
        host.next()
        if step < 2:
            host.next()
    # The game is over and kept; the big screen shows the final standings, phones
    # their final place; the podium waits for the host.
    assert host.phase is Phase.RESULTS and not host.podium
    assert [r.status for r in saved] == ["finished"]
    assert phones.last(1) == {"type": "final", "result": {"place": "2nd", "score": 0,
                                                          "players": 2}}  # fmt: skip
    assert [row.name for row in host.standings()] == ["Ana", "Ben"]
    assert host.kick(ben.seat) is None and not ben.kicked  # kept as played
    host.next()
    assert host.podium and len(saved) == 1
