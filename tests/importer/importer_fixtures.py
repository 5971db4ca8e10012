"""The importer tests' article files (a helper module: its name is unique, unlike
``conftest``, so test modules import it by name)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
#: The detailed seed article, kept beside the repository (``../shared/seeds``), never in it.
SEED = HERE.parents[2] / "shared" / "seeds" / "001_2f0a99af6d4eca47.txt"
#: The fictional articles: name -> (file, form).
FIXTURES = {
    "plain": (HERE / "fixtures" / "glass_orchard.txt", "article"),
    "wiki": (HERE / "fixtures" / "quiet_harbour.wiki", "wikitext"),
}
