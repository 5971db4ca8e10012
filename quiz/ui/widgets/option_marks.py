"""How each option is told apart: a shape, a letter and a colour, never colour alone.

Party quiz games colour their answer tiles; a player who cannot tell red from green
still reads the shape and the letter. The colours are theme variables, so a theme
change (Ctrl+P) restyles them with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

LETTERS = "ABCDEF"
"""The letter of each option, in order (the keys A-F pick them; digits 1-6 as well)."""


@dataclass(frozen=True, slots=True)
class OptionMark:
    """One option's shape, letter and colour (a theme variable)."""

    shape: str
    letter: str
    colour: str

    def head(self, *, dim: bool = False) -> Content:
        """``▲ A`` on the option's colour, then a gap before the option's text."""
        style = "bold on $panel" if dim else f"bold $background on {self.colour}"
        return Content.assemble((f" {self.shape} {self.letter} ", style), "  ")


MARKS: tuple[OptionMark, ...] = (
    OptionMark("▲", "A", "$error"),
    OptionMark("◆", "B", "$primary"),
    OptionMark("●", "C", "$warning"),
    OptionMark("■", "D", "$success"),
    OptionMark("★", "E", "$accent"),
    OptionMark("✚", "F", "$secondary"),
)
"""Marks for up to six options, in option order."""


def mark(index: int) -> OptionMark:
    """The mark of option ``index`` (0-based)."""
    return MARKS[index % len(MARKS)]
