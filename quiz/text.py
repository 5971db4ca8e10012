"""Cleaning untrusted text (pack text, player names) before it goes anywhere."""

from __future__ import annotations

import re

# C0 controls except tab/newline, DEL, C1 controls (0x80-0x9f, which include the 8-bit
# CSI/OSC introducers), and the Unicode bidi overrides/isolates that can disguise text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# An ESC-introduced sequence: CSI ... final byte, OSC/DCS/APC/PM/SOS ... terminator,
# or a two-character escape. Removed whole so that no payload text is left behind.
_ESCAPE_SEQ = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"
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
