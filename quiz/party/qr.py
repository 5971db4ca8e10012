"""The QR code of the join address, as text a terminal can draw.

Two rows of modules fit one line of half-block characters (``▀`` top, ``▄`` bottom,
``█`` both, space neither). Drawn dark on light (the screen gives the style) with a
quiet zone of :data:`QUIET` modules, which phone cameras need to find the code.
"""

from __future__ import annotations

import segno

QUIET = 2
_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_lines(text: str, quiet: int = QUIET) -> list[str]:
    """The QR code of ``text`` as lines of half blocks (dark modules drawn)."""
    code = segno.make(text, error="m", micro=False)
    rows = [[bool(m) for m in row] for row in code.matrix]
    width = len(rows[0]) + 2 * quiet
    blank = [False] * width
    padded = [blank] * quiet + [[False] * quiet + r + [False] * quiet for r in rows]
    padded += [blank] * (quiet + (len(padded) + quiet) % 2)
    return [
        "".join(_CELLS[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(padded[0::2], padded[1::2], strict=True)
    ]
