"""Text is cleaned on the way out too: what the scores database hands back, and widths
measured in terminal cells (issue 10, item 4).

The database is a file anyone can edit (``sqlite3``, another tool, an old version), so
these tests write hostile text straight into it and read it back through the store and
every format of ``wdta-quiz scores``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import sqlite3

import pytest

from quiz.cli import main
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store
from quiz.text import cells

OSC_TITLE = "\x1b]0;pwned\x07"  # sets the terminal title
CSI = "\x1b[31m\x1b[2J"
BIDI = "\u202e\u2066\u200f"
ZERO_WIDTH = "\u200b\ufeff\u2060"
C1 = "\x9b31m\x9d0;c1\x9c\x85"
HOSTILE = OSC_TITLE + CSI + BIDI + ZERO_WIDTH + C1
#: What must never come out: C0 controls but newline, DEL, C1, bidi controls, zero-width.
FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


def answer(player, qid, correct, category="Charts"):
    return AnswerRecord(player, qid, "wdta", category, 0, correct, 1.5, 1000 if correct else 0)


def game(scores, answers, when):
    return GameRecord(
        when, when, "hotseat", "finished", tuple(scores), ("wdta",), 7, {"questions": 2},
        tuple(answers), tally(scores, answers),
    )  # fmt: skip


def hostile_database(path):
    """Two games between Ana and Ben, then every stored text edited to carry ``HOSTILE``
    (the keys are left alone: the players are still found by name)."""
    with Store.open(path) as store:
        for when in ("2026-03-01T20:00:00+00:00", "2026-03-02T20:00:00+00:00"):
            store.save_game(
                game(
                    {"Ana": 2000, "Ben": 1000},
                    [answer("Ana", "wdta:q:a", True), answer("Ben", "wdta:q:b", False)],
                    when,
                )
            )
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE players SET name = ? || name || ?", (HOSTILE, HOSTILE))
    conn.execute(
        "UPDATE answers SET category = ? || category || ?,"
        " question_id = question_id || ?, pack = ? || pack",
        (HOSTILE, HOSTILE, HOSTILE, HOSTILE),
    )
    # JSON escapes decode to the controls themselves: cleaned after decoding.
    conn.execute("UPDATE games SET packs = ?", (json.dumps(["wdta" + HOSTILE]),))
    conn.execute("UPDATE games SET started_at = started_at || ?", (HOSTILE,))
    conn.close()


def strings(value):
    """Every string in ``value`` (dataclasses, lists, tuples, dicts), recursively."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def dirty(texts):
    """The texts that still hold a forbidden character or the title's payload."""
    return [t for t in texts if FORBIDDEN.search(t) or "pwned" in t]


@pytest.fixture
def hostile_home(isolated_home):
    hostile_database(isolated_home / "scores.sqlite3")
    return isolated_home


def scores(capsys, *argv):
    code = main(["scores", *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_the_store_hands_out_clean_text(tmp_path):
    path = tmp_path / "scores.sqlite3"
    hostile_database(path)
    with Store.open(path) as store:
        handed_out = [
            store.players(),
            store.find_player("ana"),
            store.leaderboard(),
            store.games(),
            store.history("Ben"),
            store.head_to_head(),
            store.head_to_head("Ana"),
            store.accuracy_by_category(),
            store.accuracy_by_category("Ben"),
            store.most_missed(),
            store.recent_question_ids(["Ana", "Ben"]),
            store.missed_question_ids("Ben"),
            store.personal_bests("Ana"),
        ]
        texts = list(strings(handed_out))
        assert dirty(texts) == []
        # What was visible is still there.
        assert store.players() == ["Ana", "Ben"]
        assert store.games()[0].packs == ("wdta",)
        assert store.most_missed()[0].category == "Charts"
        assert store.most_missed()[0].question_id == "wdta:q:b"


def test_an_unknown_player_message_names_the_known_ones_cleanly(tmp_path):
    path = tmp_path / "scores.sqlite3"
    hostile_database(path)
    with Store.open(path) as store, pytest.raises(Exception, match="known players") as caught:
        store.history("Cy")
    assert dirty([str(caught.value)]) == []


@pytest.mark.parametrize("player", [None, "Ana"])
def test_scores_text_is_clean(capsys, hostile_home, player):
    out = scores(capsys, *(["--player", player] if player else []))
    assert "Ana" in out and "Ben" in out
    assert dirty([out]) == []


@pytest.mark.parametrize("player", [None, "Ben"])
def test_scores_json_is_clean(capsys, hostile_home, player):
    out = scores(capsys, "--format", "json", *(["--player", player] if player else []))
    assert "\\u001b" not in out.lower() and "\\u009b" not in out.lower()
    document = json.loads(out)
    assert dirty(list(strings(document))) == []
    assert [row["player"] for row in document["leaderboard"]] == ["Ana", "Ben"]


def test_scores_csv_writes_no_escape_bytes(capsys, hostile_home):
    out = scores(capsys, "--format", "csv")
    assert dirty([out]) == []
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["player"] for row in rows] == ["Ana", "Ben", "Ana", "Ben"]
    assert {row["packs"] for row in rows} == {"wdta"}


def test_a_name_with_nothing_visible_is_shown_as_a_question_mark(tmp_path):
    path = tmp_path / "scores.sqlite3"
    hostile_database(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE players SET name = ? WHERE key = 'ben'", (HOSTILE + " \t ",))
    conn.execute("UPDATE players SET name = CAST(? AS BLOB) WHERE key = 'ana'", (HOSTILE + "Ana",))
    conn.close()
    with Store.open(path) as store:
        assert [row.player for row in store.leaderboard()] == ["Ana", "?"]


# -- widths in terminal cells ---------------------------------------------------------------

WIDE_NAMES = ["Ana", "王菲", "周杰伦周杰伦", "🎤 Mic", "Zoë", "한국어이름한국어이름한국어이름"]


@pytest.fixture
def wide_home(isolated_home):
    """Games between players whose names are wide (CJK, Hangul, emoji) or long."""
    with Store.open() as store:
        for n, name in enumerate(WIDE_NAMES):
            rival = WIDE_NAMES[(n + 1) % len(WIDE_NAMES)]
            store.save_game(
                game(
                    {name: 1000 * (n + 1), rival: 10},
                    [answer(name, "wdta:q:a", True, "歌曲"), answer(rival, "wdta:q:b", False)],
                    f"2026-03-0{n + 1}T20:00:00+00:00",
                )
            )
    return isolated_home


def section(lines, title):
    start = lines.index(title) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def test_leaderboard_columns_line_up_in_cells(capsys, wide_home):
    lines = scores(capsys).splitlines()
    header, *rows = section(
        lines, "Leaderboard, multiplayer games, all time (practice and abandoned games never rank)"
    )
    assert len(rows) == len(WIDE_NAMES)
    wins_end = cells(header[: header.index("Wins") + len("Wins")])
    for row in rows:
        # The wins end under "Wins", and every row is as wide as the header.
        wins = re.search(r"\d+ +\d+ +\d+% +[\d,]+$", row)
        assert wins is not None, row
        assert cells(row[: wins.start()]) + len(wins.group().split()[0]) == wins_end, row
    assert len({cells(row) for row in rows}) == 1
    assert any("…" in row for row in rows)  # the 30-cell name is cut to the column


def test_head_to_head_columns_line_up_in_cells(capsys, wide_home):
    lines = scores(capsys).splitlines()
    pairs = section(lines, "Head-to-head, all time (wins-losses-ties, most played first)")
    assert len(pairs) == len(WIDE_NAMES)
    assert len({cells(line[: line.index(" vs ")]) for line in pairs}) == 1
    assert len({cells(line[: line.rindex("  ")]) for line in pairs}) == 1


def test_accuracy_by_category_lines_up_in_cells(capsys, wide_home):
    lines = scores(capsys, "--player", "王菲").splitlines()
    start = lines.index("  Accuracy by category") + 1
    rows = [line for line in lines[start:] if line.startswith("    ")]
    assert len(rows) == 2
    assert len({cells(row[: row.index("/")]) for row in rows}) == 1


def test_history_lines_up_when_a_stored_date_is_not_a_date(capsys, wide_home):
    conn = sqlite3.connect(wide_home / "scores.sqlite3", isolation_level=None)
    conn.execute("UPDATE games SET started_at = ? WHERE id = 1", ("二〇二六年三月一日" * 2,))
    conn.close()
    lines = scores(capsys, "--player", "Ana").splitlines()
    start = lines.index("  Recent games") + 1
    games = [line for line in lines[start:] if line.startswith("    #")]
    assert len(games) == 2
    assert len({cells(line[: line.index("hotseat")]) for line in games}) == 1


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_text_where_a_number_belongs_is_one_line_naming_the_column(capsys, hostile_home, fmt):
    conn = sqlite3.connect(hostile_home / "scores.sqlite3", isolation_level=None)
    conn.execute("UPDATE game_players SET score = ? WHERE seat = 0", ("lots" + OSC_TITLE,))
    conn.close()
    code = main(["scores", "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and "score" in err and "'lots'" in err and "number" in err
    assert dirty([err]) == []
