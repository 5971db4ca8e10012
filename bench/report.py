"""The results table a run prints: one row per measurement, and the machine it ran on."""

from __future__ import annotations

from dataclasses import dataclass

from bench import machine


@dataclass
class Row:
    """One line of the results table."""

    measurement: str
    result: str
    floor: str = "—"
    ratio: float | None = None
    target: str = "—"
    passed: bool | None = None

    def cells(self) -> list[str]:
        """The row as table cells."""
        ratio = f"{self.ratio:.2f}x" if self.ratio is not None else "—"
        verdict = {True: "pass", False: "**FAIL**", None: "—"}[self.passed]
        return [self.measurement, self.result, self.floor, ratio, self.target, verdict]


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    head = ["measurement", "result", "floor", "ratio", "target", "pass/fail"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [cell.replace("|", "\\|") for cell in row.cells()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(rows: list[Row], info: dict[str, str]) -> str:
    """The Markdown a run prints: machine line and table."""
    return machine.markdown(info) + "\n\n" + table(rows)
