"""`wdta-quiz scores`: text, JSON and CSV output, unknown players, empty and broken databases."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store

ROOT = Path(__file__).resolve().parents[2]


def answer(player, qid, correct=True, category="Charts"):
    return AnswerRecord(player, qid, "wdta", category, 0, correct, 1.5, 1000 if correct else 0)


def game(scores, answers=(), mode="hotseat", status="finished", when="2026-03-01T20:00:00+00:00"):
    return GameRecord(
        when,
        when,
        mode,
        status,
        tuple(scores),
        ("wdta",),
        7,
        {"questions": 5},
        tuple(answers),
        tally(scores, answers),
    )


@pytest.fixture
def played(isolated_home):
    with Store.open() as store:
        store.save_game(
            game(
                {"Ana": 2000, "[bold]Ben[/]": 1000},
                [answer("Ana", "wdta:q:a"), answer("[bold]Ben[/]", "wdta:q:b", False)],
            )
        )
        store.save_game(
            game(
                {"ana": 900},
                [answer("Ana", "wdta:q:c", False, "Videos")],
                mode="solo",
                when="2026-03-02T20:00:00+00:00",
            )
        )
        store.save_game(game({"Ana": 50000}, mode="practice", when="2026-03-03T20:00:00+00:00"))
    return isolated_home


def run(capsys, *argv):
    code = main(["scores", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_empty_database_is_friendly_and_creates_nothing(capsys, isolated_home):
    code, out, err = run(capsys)
    assert code == 0 and "No games yet" in out and err == ""
    assert not (isolated_home / "scores.sqlite3").exists()
    code, out, _ = run(capsys, "--format", "json")
    assert code == 0 and json.loads(out)["games"] == []
    code, out, _ = run(capsys, "--format", "csv")
    assert out.splitlines() == [
        ",".join(
            [
                "game_id",
                "started_at",
                "finished_at",
                "mode",
                "status",
                "packs",
                "seed",
                "seat",
                "player",
                "score",
                "rank",
                "correct",
                "answered",
            ]
        )
    ]


def test_existing_but_empty_database_says_no_games(capsys, isolated_home):
    Store.open().close()
    code, out, _ = run(capsys)
    assert code == 0 and "No games yet" in out


def test_text_shows_leaderboard_head_to_head_and_most_missed(capsys, played):
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Champion: Ana, winner of game #1; 1 win in a row (a new champion)"
    # Head-to-head up front, before the tables.
    assert lines.index("Head-to-head, all time (wins-losses-ties, most played first)") == 2
    assert any(line.startswith("Leaderboard, multiplayer games, all time") for line in lines)
    ana = next(line for line in lines if " Ana " in line and "vs" not in line)
    # Wins, games, win rate, points per question; the solo and practice games are no part.
    assert ana.split()[:6] == ["1", "Ana", "1", "1", "100%", "2,000"]
    solo = lines[lines.index("Solo games, all time (points per question)") :]
    assert solo[1:4] == ["  1 question", "    #  Player   Best  Average  Games",
                         "    1  Ana       900      900      1"]  # fmt: skip
    # Pairs are named alphabetically ("[" sorts before "A").
    assert any("[bold]Ben[/]" in line and "vs Ana" in line and "0-1-0" in line for line in lines)
    assert "Most missed questions" in out and "wdta:q:b" in out and "wdta:q:c" in out


def test_text_with_player_shows_history_bests_and_categories(capsys, played):
    code, out, _ = run(capsys, "--player", "ANA")
    assert code == 0
    assert "Player: Ana" in out
    assert "Personal bests: score 2,000" in out
    assert "practice" in out and "solo" in out and "vs [bold]Ben[/]" in out
    assert "Accuracy by category" in out and "Videos" in out
    assert "1 question to review" in out
    assert "practice, no rank" in out and "rank 1 of 2  vs [bold]Ben[/]" in out


def test_unknown_player_is_one_clear_line_and_exit_1(capsys, played):
    code, out, err = run(capsys, "--player", "Zed")
    assert code == 1 and out == ""
    assert err.startswith("wdta-quiz: no player named 'Zed'") and err.count("\n") == 1
    assert "Ana" in err


def test_json_is_one_document_with_players_and_per_game_results(capsys, played):
    code, out, _ = run(capsys, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["players"] == ["[bold]Ben[/]", "Ana"]  # sorted case-insensitively
    assert [g["mode"] for g in doc["games"]] == ["practice", "solo", "hotseat"]
    first = doc["games"][-1]
    assert set(first) >= {"id", "started_at", "mode", "status", "packs", "players"}
    assert first["players"] == [
        {"name": "Ana", "score": 2000, "rank": 1, "correct": 1, "answered": 1},
        {"name": "[bold]Ben[/]", "score": 1000, "rank": 2, "correct": 0, "answered": 1},
    ]
    assert doc["leaderboard"][0]["player"] == "Ana"
    assert doc["head_to_head"] == [
        {"player": "[bold]Ben[/]", "opponent": "Ana", "wins": 0, "losses": 1, "ties": 0, "games": 1}
    ]
    assert doc["player"] is None


def test_json_for_one_player(capsys, played):
    _code, out, _ = run(capsys, "--format", "json", "--player", "[BOLD]ben[/]")
    doc = json.loads(out)
    assert doc["player"]["name"] == "[bold]Ben[/]"
    assert [g["id"] for g in doc["games"]] == [1]
    assert doc["player"]["missed_question_ids"] == ["wdta:q:b"]
    assert doc["player"]["personal_bests"]["best_score"] == 1000


def test_csv_one_row_per_player_per_game(capsys, played):
    code, out, _ = run(capsys, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["game_id"], r["player"], r["score"]) for r in rows] == [
        ("1", "Ana", "2000"),
        ("1", "[bold]Ben[/]", "1000"),
        ("2", "Ana", "900"),
        ("3", "Ana", "50000"),
    ]
    assert rows[0]["mode"] == "hotseat" and rows[0]["rank"] == "1" and rows[0]["packs"] == "wdta"
    _code, out, _ = run(capsys, "--format", "csv", "--player", "ben")
    # No player "ben": the stored name is "[bold]Ben[/]".
    assert _code == 1


def test_corrupt_database_notice_goes_to_stderr(capsys, isolated_home):
    isolated_home.mkdir(parents=True)
    (isolated_home / "scores.sqlite3").write_text("not sqlite at all")
    code, out, err = run(capsys)
    assert code == 0 and "No games yet" in out
    assert err.startswith("wdta-quiz: scores database ") and "moved it to" in err
    assert len(list(isolated_home.glob("scores.sqlite3.corrupt-*"))) == 1


def test_data_dir_flag_moves_the_database(capsys, tmp_path):
    other = tmp_path / "elsewhere"
    with Store.open(other / "scores.sqlite3") as store:
        store.save_game(game({"Far": 10}, mode="solo"))
    assert main(["--data-dir", str(other), "scores", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["players"] == ["Far"]


def test_unusable_database_path_is_one_line_and_exit_1(capsys, isolated_home):
    (isolated_home / "scores.sqlite3").mkdir(parents=True)  # a folder where the file goes
    code, out, err = run(capsys)
    assert code == 1 and out == ""
    assert err.startswith("wdta-quiz: cannot use scores database ") and err.count("\n") == 1
    assert str(isolated_home / "scores.sqlite3") in err


def test_scores_command_does_not_import_textual():
    code = (
        "import sys, quiz.cli, quiz.commands.scores, quiz.store, quiz.stats;"
        "sys.exit('textual' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# -- most missed: prompts from the installed packs ------------------------------------------

LABEL = "wdta:label:attribute"
LABEL_PROMPT = 'Which record label released "We Don\'t Talk Anymore"?'
LABEL_TRUE_FALSE = "wdta:label:truefalse"


@pytest.fixture
def missed_known(isolated_home):
    """A game that missed a built-in question, its true/false item and a question whose
    pack is gone; the category is long and hostile."""
    with Store.open() as store:
        store.save_game(
            game(
                {"Ana": 0},
                [
                    answer("Ana", LABEL, False, "Song facts"),
                    answer("Ana", LABEL_TRUE_FALSE, False, "[red]" + "Very long category " * 4),
                    answer("Ana", "gone:q:x", False),
                ],
            )
        )
    return isolated_home


def no_packs(monkeypatch):
    """Make reading packs fail the test."""

    def fail(*_args, **_kwargs):
        raise AssertionError("packs were loaded")

    monkeypatch.setattr("quiz.prompts.installed_prompts", fail)


def test_text_most_missed_shows_prompts_within_80_columns(capsys, missed_known):
    code, out, _ = run(capsys)
    assert code == 0
    lines = out.splitlines()
    start = lines.index("Most missed questions (times missed of times asked)")
    missed = lines[start + 1 :]
    assert missed[0] == "  1 of 1  gone:q:x  (Charts)"  # no such pack: the id
    assert f"  1 of 1  {LABEL_PROMPT}  (Song facts)" in missed
    true_false = next(line for line in missed if "True or false:" in line)
    assert true_false.endswith("([red]Very long category…)")  # plain text: printed as stored
    assert "…" in true_false  # the description is cut to fit
    assert LABEL not in out and LABEL_TRUE_FALSE not in out
    assert all(len(line) <= 80 for line in missed)


def test_json_most_missed_keeps_the_id_and_adds_the_prompt(capsys, missed_known):
    _code, out, _ = run(capsys, "--format", "json")
    rows = {row["question_id"]: row for row in json.loads(out)["most_missed"]}
    assert rows[LABEL]["prompt"] == LABEL_PROMPT
    assert rows[LABEL_TRUE_FALSE]["prompt"].startswith('True or false: "We Don')
    assert rows["gone:q:x"]["prompt"] is None
    assert rows[LABEL] == {
        "question_id": LABEL,
        "prompt": LABEL_PROMPT,
        "pack": "wdta",
        "category": "Song facts",
        "asked": 1,
        "missed": 1,
    }


def test_csv_never_loads_packs(capsys, missed_known, monkeypatch):
    no_packs(monkeypatch)
    code, out, _ = run(capsys, "--format", "csv")
    assert code == 0 and out.startswith("game_id,")


def test_nothing_missed_loads_no_packs(capsys, isolated_home, monkeypatch):
    with Store.open() as store:
        store.save_game(game({"Ana": 1000}, [answer("Ana", LABEL)]))
    no_packs(monkeypatch)
    code, out, _ = run(capsys)
    assert code == 0 and "Most missed" not in out
    code, out, _ = run(capsys, "--format", "json")
    assert code == 0 and json.loads(out)["most_missed"] == []


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_damage_found_while_reading_is_one_line_not_a_traceback(capsys, played, monkeypatch, fmt):
    import sqlite3

    def damaged(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Store, "games", damaged)
    monkeypatch.setattr(Store, "leaderboard", damaged)
    assert main(["scores", "--format", fmt]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wdta-quiz: cannot read scores database ")
    assert "malformed" in err and "Traceback" not in err and err.count("\n") == 1


def test_text_names_every_champion_of_a_shared_first_place(capsys, isolated_home):
    with Store.open() as store:
        store.save_game(game({"Ana": 10, "Ben": 0}))
        store.save_game(game({"Ana": 5, "Ben": 5}, when="2026-03-02T20:00:00+00:00"))
    lines = run(capsys)[1].splitlines()
    assert lines[0] == (
        "Shared champions of game #2: Ana (2 wins in a row), Ben (1 win in a row)"
    )


@pytest.fixture
def utc(monkeypatch):
    """Weeks and months start at local midnight: make local time UTC."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_period_keeps_only_the_games_of_this_week(capsys, isolated_home, monkeypatch, utc):
    from datetime import UTC, datetime

    monkeypatch.setattr("quiz.commands.scores.now", lambda: datetime(2026, 3, 4, 12, tzinfo=UTC))
    with Store.open() as store:
        store.save_game(game({"Ana": 10, "Ben": 0}, when="2026-02-27T20:00:00+00:00"))
        store.save_game(game({"Ben": 10, "Ana": 0}, when="2026-03-03T20:00:00+00:00"))
    out = run(capsys, "--period", "week")[1]
    board = out.split("Leaderboard, multiplayer games, this week")[1].splitlines()
    assert [line.split()[1] for line in board[2:4]] == ["Ben", "Ana"]
    doc = json.loads(run(capsys, "--period", "month", "--format", "json")[1])
    assert doc["period"] == "month" and doc["since"] == "2026-03-01T00:00:00"
    assert [(r["player"], r["wins"]) for r in doc["leaderboard"]] == [("Ben", 1), ("Ana", 0)]


@pytest.mark.parametrize("name", ['Ana "the\\quick" }, {', "東京 ☃ e\u0301", "[bold]x[/]", ""])
def test_games_and_pairs_written_straight_are_what_the_encoder_writes(name):
    from quiz.commands.scores_data import _compact, game_json, game_object, pair, pair_json
    from quiz.records import PlayerResult
    from quiz.stats import GameSummary, HeadToHead

    results = (PlayerResult(name, 1200, 1, 3, 5, 2), PlayerResult("Ben", 0, 2, 0, 5, 0))
    for mode, status, seed in (("hotseat", "finished", 7), ("practice", "abandoned", None)):
        game = GameSummary(3, "2026-03-01T20:00:00+00:00", name, mode, status,
                           (name, "wdta"), seed, results)  # fmt: skip
        assert game_json(game) == _compact(game_object(game))
        assert json.loads(game_json(game)) == game_object(game)
    h = HeadToHead(name, "Ben", 3, 1, 0)
    assert pair_json(h) == _compact(pair(h)) and json.loads(pair_json(h)) == pair(h)
