"""Question packs: safe loading, validation with line numbers, and the catalog of packs.

Public API::

    load_pack(path, origin="file") -> Pack          # raises PackError, nothing else
    check_pack(path) -> (Pack | None, [Problem])    # errors and warnings, for `packs validate`
    load_catalog(selectors=()) -> Catalog           # every enabled pack, or the named ones
"""

from quiz.packs.catalog import Catalog, load_catalog
from quiz.packs.loader import check_pack, load_pack
from quiz.packs.problems import PackError, Problem

__all__ = ["Catalog", "PackError", "Problem", "check_pack", "load_catalog", "load_pack"]
