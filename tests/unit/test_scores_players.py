"""`wdta-quiz scores --rename/--merge/--delete`: clear messages, games kept, tallies right."""

from __future__ import annotations

import pytest

from quiz.cli import main
from quiz.commands import scores_players
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store


def answer(player, qid, correct=True):
    return AnswerRecord(player, qid, "wdta", "Charts", 0, correct, 1.5, 1000 if correct else 0)


def game(scores, answers=(), mode="hotseat", when="2026-03-01T20:00:00+00:00"):
    return GameRecord(when, when, mode, "finished", tuple(scores), ("wdta",), 7, {},
                      tuple(answers), tally(scores, answers))  # fmt: skip


@pytest.fixture
def played(isolated_home):
    """Ana beat "Player 1"; "Anna" (a typo of Ana's) beat Ben; Zed played alone."""
    with Store.open() as store:
        store.save_game(game({"Ana": 2000, "Player 1": 1000},
                             [answer("Ana", "q1"), answer("Player 1", "q1", False)]))  # fmt: skip
        store.save_game(game({"Anna": 3000, "Ben": 0},
                             [answer("Anna", "q2"), answer("Ben", "q2", False)],
                             when="2026-03-02T20:00:00+00:00"))  # fmt: skip
        store.save_game(game({"Zed": 500}, [answer("Zed", "q1", False)], mode="solo",
                             when="2026-03-03T20:00:00+00:00"))  # fmt: skip
    return isolated_home


def run(capsys, *argv):
    code = main(["scores", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_rename_keeps_every_game_under_the_new_name(capsys, played):
    code, out, err = run(capsys, "--rename", "player 1", "  Cy\x1b[31m  ")
    assert (code, err) == (0, "")
    assert out == "Renamed 'Player 1' to 'Cy' (1 game kept).\n"
    with Store.open() as store:
        assert store.players() == ["Ana", "Anna", "Ben", "Cy", "Zed"]
        assert [r.player for r in store.games()[-1].players] == ["Ana", "Cy"]
        assert store.missed_question_ids("Cy") == ["q1"]


def test_rename_may_change_only_the_case(capsys, played):
    assert run(capsys, "--rename", "ben", "BEN")[1] == "Renamed 'Ben' to 'BEN' (1 game kept).\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--rename", "Nobody", "X"), "no player named 'Nobody' in the scores"),
        (("--rename", "Ana", "anna"), "there is already a player called 'Anna'; to make the"
                                      " two one player, use --merge 'Ana' 'Anna'"),
        (("--rename", "Ana", " \x1b[0m "), "a player's name cannot be empty"),
        (("--rename", "Ana", "Ana"), "'Ana' is already called that"),
        (("--rename", "Ana", "x" * 40), "cannot use the name"),
        (("--merge", "Ana", "Player 1"), "'Ana' and 'Player 1' played each other (game #1)"),
        (("--merge", "Ana", "ana"), "'Ana' and 'Ana' are the same player"),
        (("--delete", "Nobody", "--yes"), "no player named 'Nobody' in the scores"),
    ],
)  # fmt: skip
def test_a_change_that_cannot_be_made_is_one_clear_line(capsys, played, argv, message):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith("wdta-quiz: ") and message in err and err.count("\n") == 1


def test_merge_moves_every_game_and_answer_and_the_name_goes(capsys, played):
    code, out, _ = run(capsys, "--merge", "anna", "ANA")
    assert code == 0
    assert out == "Merged 'Anna' into 'Ana': 1 game moved; 'Anna' is no longer a player.\n"
    with Store.open() as store:
        assert store.players() == ["Ana", "Ben", "Player 1", "Zed"]
        [ana] = [r for r in store.leaderboard() if r.player == "Ana"]
        assert (ana.games, ana.wins, ana.points) == (2, 2, 5000)
        assert store.personal_bests("Ana").best_score == 3000
        assert [(h.player, h.opponent) for h in store.head_to_head("Ana")] == [
            ("Ana", "Ben"), ("Ana", "Player 1"),
        ]  # fmt: skip
        assert len(store.games()) == 3


def test_delete_with_yes_removes_results_and_games_played_alone(capsys, played):
    code, out, _ = run(capsys, "--delete", "zed", "--yes")
    assert code == 0
    assert out == (
        "Deleted 'Zed': their results are gone from 1 game (1 game only they played went too).\n"
    )
    code, out, _ = run(capsys, "--delete", "Player 1", "--yes")
    assert out == "Deleted 'Player 1': their results are gone from 1 game.\n"
    with Store.open() as store:
        assert store.players() == ["Ana", "Anna", "Ben"]
        assert [len(g.players) for g in store.games()] == [2, 1]  # the shared game stays
        # The most missed tally forgets their answers with them.
        assert [(m.question_id, m.asked, m.missed) for m in store.most_missed()] == [("q2", 2, 1)]


def test_delete_without_yes_and_no_terminal_refuses(capsys, played, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, out, err = run(capsys, "--delete", "Zed")
    assert (code, out) == (1, "")
    assert "cannot be undone: add --yes to delete without asking" in err
    with Store.open() as store:
        assert "Zed" in store.players()


@pytest.mark.parametrize(("reply", "gone"), [("y", True), ("yes", True), ("", False), ("n", False)])
def test_delete_asks_first(capsys, played, reply, gone):
    import argparse

    asked: list[str] = []

    def ask(question):
        asked.append(question)
        return reply

    args = argparse.Namespace(rename=None, merge=None, delete="zed", yes=False)
    code = scores_players.edit_players(args, ask)
    out = capsys.readouterr().out
    assert asked == ["Delete 'Zed' and their results in 1 game? This cannot be undone. [y/N] "]
    assert code == (0 if gone else 1)
    assert ("Deleted 'Zed'" in out) is gone and ("Nothing deleted." in out) is not gone
    with Store.open() as store:
        assert ("Zed" in store.players()) is not gone


def test_no_database_means_no_players_to_change(capsys, isolated_home):
    code, _out, err = run(capsys, "--rename", "A", "B")
    assert code == 1 and "no scores yet" in err
    assert not (isolated_home / "scores.sqlite3").exists()


def test_edits_are_one_at_a_time(capsys, played):
    with pytest.raises(SystemExit):
        main(["scores", "--rename", "Ana", "X", "--delete", "Ben"])
