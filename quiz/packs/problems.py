"""What is wrong with a pack, and where: the loader's only error type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem in a pack file, at a 1-based line and column (0 when there is none)."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        # A problem with the file as a whole (too big, missing) has no line to name.
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class PackError(Exception):
    """A pack that cannot be loaded; ``problems`` holds every error found in it."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))

    def __reduce__(self) -> tuple[type[PackError], tuple[str, list[Problem]]]:
        # Keeps it picklable despite the custom __init__.
        return (PackError, (self.path, self.problems))


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in file order (a stable sort keeps same-place problems in the order found)."""
    return sorted(problems, key=lambda p: (p.line, p.column))
