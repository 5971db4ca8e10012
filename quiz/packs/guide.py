"""Where the pack guide is: ``docs/packs.md``, shipped in the wheel so that
``wdta-quiz packs docs`` prints it wherever the game is installed."""

from __future__ import annotations

from pathlib import Path

GUIDE_NAME = "packs.md"


def guide_path() -> Path:
    """The pack guide's file.

    An installed wheel carries it as ``quiz/docs/packs.md`` (pyproject maps ``docs/``
    there); a source checkout has it in ``docs/`` beside ``quiz/``.
    """
    package = Path(__file__).resolve().parent.parent
    installed = package / "docs" / GUIDE_NAME
    if installed.is_file():
        return installed
    return package.parent / "docs" / GUIDE_NAME


def guide_text() -> str:
    """The pack guide's Markdown text; OSError if the file is missing."""
    return guide_path().read_text(encoding="utf-8")
