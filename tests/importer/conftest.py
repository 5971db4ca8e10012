"""Fixtures of the importer tests: the article files, and imports of them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
#: The generator tests' independent judge of options (test_generators_oracle) lives there;
#: this folder holds importer_fixtures.
sys.path[:0] = [str(HERE.parent / "unit"), str(HERE)]

from importer_fixtures import SEED  # noqa: E402 - found through the path set just above


@pytest.fixture
def seed_text() -> str:
    """The seed article's text (the self-check needs the project's own song)."""
    if not SEED.exists():
        pytest.skip(f"the seed article is not beside this checkout ({SEED})")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def write_pack(tmp_path):
    """Write an import's pack text to a file and load it as the game would."""
    from quiz.packs import check_pack

    def write(imported):
        path = tmp_path / f"{imported.pack_id}.yaml"
        path.write_text(imported.text, encoding="utf-8")
        pack, problems = check_pack(path)
        assert pack is not None, [str(p) for p in problems]
        return pack, problems

    return write
