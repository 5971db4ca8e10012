"""Running one in-process measurement (``bench.workers``) in a fresh Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.settings import REPO


class BenchError(RuntimeError):
    """A measurement could not be made (a worker crashed, timed out or got it wrong)."""


def run_worker(mode: str, *args: object, home: Path, timeout: float = 900) -> dict[str, Any]:
    """Run ``python -m bench.workers MODE ARGS...`` from the checkout; return its result.

    ``home`` becomes ``WDTA_QUIZ_HOME`` (so the pack cache goes there, never into the
    user's own folders). A crash or a timeout raises ``BenchError``.
    """
    env = dict(os.environ, WDTA_QUIZ_HOME=str(home))
    cmd = [sys.executable, "-m", "bench.workers", mode, *map(str, args)]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"{mode} took over {timeout:.0f} s") from None
    lines = done.stdout.strip().splitlines()
    try:
        result: dict[str, Any] = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"{mode} exited {done.returncode}: {tail}") from None
    if "error" in result:
        raise BenchError(f"{mode}: {result['error']}")
    return result
