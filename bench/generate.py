"""Generating every question the built-in pack yields, against loading the pack."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.report import Row
from bench.settings import Config
from bench.spawn import run_worker
from bench.timing import fmt_seconds, median


def measure_generate(cfg: Config, work: Path, builtin: Path) -> list[Row]:
    """Every built-in question from ``generate_all``; the pack's first load is the floor."""
    home = Path(tempfile.mkdtemp(prefix="generate-home-", dir=work))  # empty: a real first load
    result = run_worker("generate", builtin, cfg.generate_calls, home=home)
    gen, load = median(result["times"]), result["load_seconds"]
    return [
        Row(
            f"generate every built-in question ({result['questions']} questions)",
            fmt_seconds(gen),
            f"{fmt_seconds(load)} (loading the pack)",
            gen / load,
            "report (no target)",
        )
    ]
