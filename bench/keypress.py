"""A key press to the reveal drawn, against a label change in the bare app.

The reveal is one update of the question screen; its target is one frame at 60 Hz
(16 ms) from the key to the frame handed to the terminal.
"""

from __future__ import annotations

from pathlib import Path

from bench.report import Row
from bench.settings import Config
from bench.spawn import run_worker
from bench.timing import fmt_seconds, median

FRAME = 0.016
"""One frame at 60 Hz: the reveal's target, key to frame."""


def measure_keypress(cfg: Config, work: Path) -> list[Row]:
    """Key "1" to the reveal via Pilot, vs a label change in the bare app."""
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
            f"<= {fmt_seconds(FRAME)} (one frame)",
            subject <= FRAME,
        ),
        Row(
            "same, `pilot.press` + `pilot.pause()` round trip",
            fmt_seconds(pilot),
            fmt_seconds(pilot_floor),
            pilot / pilot_floor,
            "report (no target)",
        ),
    ]
