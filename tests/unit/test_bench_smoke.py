"""The benchmark harness still runs (on tiny inputs), so ``bench/`` does not rot.

Nothing here checks a duration: only that every measurement produces its rows, and that
the pieces (pack writer, pty launcher, table) do what the numbers rely on.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from bench import harness, machine, pack_gen
from bench.pty_paint import PaintError, first_paint, visible_text
from bench.report import Row, report, table
from bench.settings import BENCH, Config

TINY = Config(
    sizes=(20, 40),
    paint_reps=1,
    load_reps={20: 1, 40: 1},
    choose_calls=2,
    generate_calls=1,
    reveal_presses=1,
    reveal_rounds=1,
)


def test_generated_pack_is_a_valid_looking_pack():
    data = yaml.load(pack_gen.pack_yaml(30), Loader=yaml.CSafeLoader)
    assert data["format"] == 1 and data["pack"] == "bench-30"
    questions = data["questions"]
    assert len(questions) == 30
    assert len({q["prompt"] for q in questions}) == 30
    for question in questions:
        options = [question["answer"], *question["wrong"]]
        assert len(options) == 4 and len(set(options)) == 4
        assert question["difficulty"] in ("easy", "medium", "hard")
        assert all(isinstance(option, str) for option in options)


def test_generated_pack_is_the_same_every_time():
    assert pack_gen.pack_yaml(10) == pack_gen.pack_yaml(10)


def test_visible_text_drops_escape_sequences():
    raw = "\x1b[?1049h\x1b[1;1H\x1b[38;2;255;0;0mPl\x1b[0may\x1b]0;title\x07 ok"
    assert visible_text(raw) == "Play ok"


def test_first_paint_of_the_bare_app_in_a_pty():
    paint = first_paint([sys.executable, str(BENCH / "bare_app.py")], "Bare bench ready")
    assert paint.seconds > 0
    assert paint.peak_rss is None or paint.peak_rss > 1_000_000


def test_first_paint_reports_an_app_that_never_draws():
    with pytest.raises(PaintError, match="exited with code 3"):
        first_paint([sys.executable, "-c", "print('hello'); raise SystemExit(3)"], "Play")


def test_every_measurement_produces_rows(tmp_path):
    rows = harness.collect(TINY, tmp_path, log=lambda line: None)
    names = " / ".join(row.measurement for row in rows)
    for expected in (
        "first paint of `play`",
        "peak memory of `play`",
        "load+validate 20 questions",
        "load+validate 40 questions",
        "choose 20 questions",
        "generate every built-in question",
        "key press to reveal screen",
        "`scores`, 30 players, 60 games",
        "`scores --format json`, 30 players, 60 games",
        "Scores screen to first frame",
    ):
        assert expected in names, names
    for row in rows:
        assert "bench error" not in row.result, row
        assert row.result[0].isdigit(), row
    text = table(rows)
    assert text.count("\n") == len(rows) + 1
    assert text.startswith("| measurement | result | floor | ratio | target | pass/fail |")


def test_report_names_the_machine():
    info = machine.describe()
    for key in ("CPU", "cores", "RAM", "Python", "Textual", "OS"):
        assert info[key]
    text = report([Row("x", "1.0 ms")], info)
    assert text.startswith("Machine: CPU: ")


def test_run_py_works_as_a_script_from_any_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "--quick" in done.stdout


def test_a_failing_step_is_a_failing_row_and_the_others_still_run(tmp_path, monkeypatch):
    def broken(*args):
        raise RuntimeError("no such thing")

    monkeypatch.setattr(harness, "measure_generate", broken)
    rows = harness.collect(TINY, tmp_path, log=lambda line: None, only=("generate", "choose"))
    assert rows[0].measurement == "generate" and rows[0].passed is False
    assert rows[0].result == "bench error: RuntimeError: no such thing"
    assert any(row.measurement.startswith("choose 20 questions") for row in rows[1:])
