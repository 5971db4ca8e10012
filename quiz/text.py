"""Untrusted text (pack text, player names): cleaning it, naming players, fitting it to
terminal cells.

Widths are measured by ``rich.cells`` (rich comes with Textual, and the screens measure
with it too), so the command line and the screens agree on what fits.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len, get_character_cell_size

# C0 controls except tab/newline, DEL, C1 controls (0x80-0x9f, which include the 8-bit
# CSI/OSC introducers), the Unicode bidi marks, overrides and isolates that can disguise
# text, and the zero-width characters that draw nothing but make two equal-looking texts
# differ (space, word joiner and invisible operators, BOM, Mongolian vowel separator).
# The zero-width (non-)joiners stay: emoji sequences and some scripts need them.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]"
)
# An ESC-introduced sequence: CSI ... final byte, OSC/DCS/APC/PM/SOS ... terminator,
# or a two-character escape; and the same with the 8-bit C1 introducers (CSI 0x9b,
# OSC 0x9d, DCS 0x90, SOS 0x98, PM 0x9e, APC 0x9f) that some terminals obey. Removed
# whole so that no payload text is left behind.
_ESCAPE_SEQ = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f]).*?(?:\x07|\x9c|\x1b\\|$)"
    r"|\x1b[@-Z\\-_]?",
    re.DOTALL,
)


def clean(text: str, *, multiline: bool = False) -> str:
    """Return ``text`` without escape sequences or control characters.

    Tabs become spaces. Newlines are kept only when ``multiline`` is true (for
    explanations); otherwise they become spaces so one-line fields stay one line.
    """
    if text.isprintable():
        return text
    text = _ESCAPE_SEQ.sub("", text)
    text = text.replace("\t", " ")
    if not multiline:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


# Format characters (Unicode category Cf) draw nothing but make two names that look the
# same compare different. The zero-width joiner stays: emoji sequences are built with it.
_KEPT_FORMAT = "\u200d"


def display_name(name: str) -> str:
    """A player name as shown and stored: one line, single spaces, NFC, nothing invisible.

    Escape sequences, control and format characters go; runs of spaces become one;
    the ends are trimmed. A name with nothing visible left becomes ``""``.
    """
    text = unicodedata.normalize("NFC", clean(str(name)))
    if not text.isascii():
        text = "".join(
            c for c in text if c == _KEPT_FORMAT or unicodedata.category(c) != "Cf"
        )
    return " ".join(text.split())


def player_key(name: str) -> str:
    """The form player names are compared in: ``display_name`` casefolded (and NFC again,
    since casefolding can undo composition), so "ANA", "ana " and "Ana" are one player."""
    return unicodedata.normalize("NFC", display_name(name).casefold())


def cells(text: str) -> int:
    """Terminal cells ``text`` takes: 2 per wide East Asian character, 0 per mark."""
    return cell_len(text)


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal cells, ending in "…" when cut."""
    if cell_len(text) <= width:
        return text
    kept: list[str] = []
    used = 0
    for char in text:
        used += get_character_cell_size(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


def fit(text: str, width: int) -> str:
    """``text`` shortened to ``width`` cells and padded with spaces to exactly ``width``."""
    text = shorten(text, width)
    return text + " " * max(width - cell_len(text), 0)
