"""Commands that do not draw, and the core modules, never import Textual.

Textual (and what it pulls in) costs a large part of the start-up of a command that only
prints; the core must stay usable without a terminal UI. Each case runs in a fresh
Python, because this test process has Textual loaded already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

#: Checked after running the command: which Textual modules (if any) got imported, and
#: what imported the first of them (a stack walked from ``textual``'s own import).
_PROBE = r"""
import builtins, json, sys, traceback
culprit = []
real_import = builtins.__import__

def spy(name, globals=None, locals=None, fromlist=(), level=0):
    if not culprit and (name == "textual" or name.startswith("textual.")) and level == 0:
        frames = traceback.format_stack(limit=40)[:-1]
        culprit.append("".join(f for f in frames if "<frozen importlib" not in f))
    return real_import(name, globals, locals, fromlist, level)

builtins.__import__ = spy
from quiz.cli import main
try:
    code = main(json.loads(sys.argv[1]))
except SystemExit as exit:
    code = exit.code
sys.stdout.flush()
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("\n@@PROBE@@" + json.dumps({"code": code, "textual": loaded, "culprit": culprit}))
"""

_IMPORT_PROBE = r"""
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
"""

COMMANDS = [
    ["--help"],
    ["questions", "--count", "2"],
    ["packs", "list"],
    ["scores"],
]

#: Core modules (and the commands that print) that must never need Textual.
CORE_MODULES = [
    "quiz.cli",
    "quiz.facts",
    "quiz.question",
    "quiz.records",
    "quiz.paths",
    "quiz.text",
    "quiz.game",
    "quiz.game_setup",
    "quiz.scoring",
    "quiz.store",
    "quiz.stats",
    "quiz.config",
    "quiz.packs",
    "quiz.generators",
    "quiz.selection",
    "quiz.bank",
    "quiz.session",
    "quiz.session_record",
    "quiz.session_standings",
    "quiz.session_turns",
    "quiz.commands.questions",
    "quiz.commands.packs",
    "quiz.commands.scores",
    "quiz.commands.play",
]


def _run(code: str, args: list[str], home) -> subprocess.CompletedProcess:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("TEXTUAL", "PYTEST"))
    }
    env["WDTA_QUIZ_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_command_does_not_import_textual(argv, isolated_home):
    done = _run(_PROBE, [json.dumps(argv)], isolated_home)
    assert "@@PROBE@@" in done.stdout, done.stderr
    result = json.loads(done.stdout.rsplit("@@PROBE@@", 1)[1])
    # The command must really have run (an argparse error would import nothing and pass).
    assert result["code"] in (0, None), (result, done.stderr[-2000:])
    assert result["textual"] == [], (
        f"`wdta-quiz {' '.join(argv)}` imported Textual; first import from:\n"
        + "".join(result["culprit"])
    )


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module, isolated_home):
    done = _run(_IMPORT_PROBE, [module], isolated_home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [], f"{module} imports Textual"


def test_probe_sees_textual_when_it_is_imported(isolated_home):
    """The probe itself works: importing the app does show Textual."""
    done = _run(_IMPORT_PROBE, ["quiz.ui.app"], isolated_home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "textual" in json.loads(done.stdout.strip().splitlines()[-1])


#: What `scores` prints never needs: the UI, the party server, and (when no installed
#: pack names its most-missed questions) the generators that rebuild prompts; nor the
#: player edits, which only --rename, --merge and --delete use. (Installed packs are
#: still read to learn their ids: parsed here, the cache being cold.)
_SCORES_PROBE = r"""
import json, sys
from quiz.cli import main
code = main(json.loads(sys.argv[1]))
sys.stdout.flush()
print("\n@@PROBE@@" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""
SCORES_NEVER = ("textual", "aiohttp", "quiz.ui", "quiz.party", "quiz.generators",
                "quiz.store.players")  # fmt: skip


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_scores_with_games_imports_only_what_it_prints(fmt, isolated_home):
    from quiz.records import AnswerRecord, GameRecord, tally
    from quiz.store import Store

    answers = (AnswerRecord("Ana", "elsewhere:q:1", "elsewhere", "Charts", 1, False, 2.0, 0),)
    with Store.open() as store:  # a missed question of a pack that is not installed
        store.save_game(GameRecord(
            "2026-03-01T20:00:00+00:00", "2026-03-01T20:00:00+00:00", "solo", "finished",
            ("Ana",), ("elsewhere",), 1, {"questions": 1}, answers, tally({"Ana": 0}, answers),
        ))  # fmt: skip
    for run in ("cold pack cache", "warm pack cache"):
        done = _run(_SCORES_PROBE, [json.dumps(["scores", "--format", fmt])], isolated_home)
        assert "@@PROBE@@" in done.stdout, done.stderr[-2000:]
        result = json.loads(done.stdout.rsplit("@@PROBE@@", 1)[1])
        assert result["code"] == 0 and "elsewhere:q:1" in done.stdout
        loaded = [m for m in result["modules"] if m.startswith(SCORES_NEVER)]
        assert loaded == [], run
    # The installed packs come from the cache now: no YAML parser, no fuzzy matcher.
    assert [m for m in result["modules"] if m.startswith(("yaml", "rapidfuzz"))] == []
