"""A key press to the reveal screen drawn, against a label change in the bare app."""

from __future__ import annotations

from pathlib import Path

from bench.report import Row
from bench.settings import Config
from bench.spawn import run_worker
from bench.timing import fmt_seconds, median


def measure_keypress(cfg: Config, work: Path) -> list[Row]:
    """Key "1" to the reveal screen via Pilot, vs a label change in the bare app."""
    home = work / "reveal-home"
    result = run_worker("reveal", cfg.reveal_presses, cfg.reveal_rounds, home=home)
    subject, floor = median(result["subject"]), median(result["floor"])
    pilot, pilot_floor = median(result["subject_pilot"]), median(result["floor_pilot"])
    return [
        Row(
            "key press to reveal screen (Pilot)",
            fmt_seconds(subject),
            f"{fmt_seconds(floor)} (bare label change)",
            subject / floor,
            "report (no target)",
        ),
        Row(
            "same, `pilot.press` + `pilot.pause()` round trip",
            fmt_seconds(pilot),
            fmt_seconds(pilot_floor),
            pilot / pilot_floor,
            "report (no target)",
        ),
    ]
