"""Loading one pack file: limits, safe YAML, validation, and the cache."""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

from quiz.facts import Origin, Pack
from quiz.packs import cache, yamlsafe
from quiz.packs.problems import PackError, Problem, sort_problems

if TYPE_CHECKING:  # needed to parse or check a pack, not to load one from the cache:
    # `scores` reads a cached pack for its prompts without importing every generator.
    from quiz.packs.validate import PackBuilder


def _read(path: str) -> bytes:
    """The bytes of the pack file at ``path`` (see :func:`yamlsafe.read_pack_bytes`)."""
    return yamlsafe.read_pack_bytes(path)


def _parse(path: str, data: bytes) -> tuple[Pack | None, list[Problem], PackBuilder]:
    """Compose and validate ``data`` read from ``path``; PackError for what stops it
    before validation."""
    # The node tree and the pack are millions of objects that live until the end, none
    # in a cycle: the cyclic GC would only rescan them again and again (quadratic-ish).
    from quiz.packs.validate import PackBuilder

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        text = yamlsafe.decode_utf8(path, data)
        root = yamlsafe.compose(path, text)
        builder = PackBuilder(path)
        pack = builder.build(root)
        return pack, builder.sorted_problems(), builder
    finally:
        if was_enabled:
            gc.enable()


def load_pack(path: str | os.PathLike[str], origin: Origin = "file") -> Pack:
    """Load and validate the pack at ``path``.

    Raises :class:`PackError` listing every error (never any other exception).
    Warnings are dropped; ``check_pack`` reports them.
    """
    path = os.fspath(path)
    pack: Pack | None
    try:
        # The cache is keyed by the bytes parsed, read once: an edit between a check and
        # the parse can never be served as the old content.
        data = _read(path)
        hit = cache.get(path, data)
        if hit is not None:
            pack = hit[0]
        else:
            pack, problems, _ = _parse(path, data)
            if pack is None:
                raise PackError(path, [p for p in problems if p.severity == "error"])
            cache.put(path, data, pack, [p for p in problems if p.severity == "warning"])
    except PackError:
        raise
    except RecursionError:
        raise PackError(path, [Problem(path, 0, 0, "the pack is nested too deeply")]) from None
    except MemoryError:
        raise PackError(path, [Problem(path, 0, 0, "the pack is too big to load")]) from None
    except Exception as error:
        message = f"cannot load the pack: {type(error).__name__}: {error}"
        raise PackError(path, [Problem(path, 0, 0, message)]) from None
    pack.path = path
    pack.origin = origin
    return pack


def check_pack(path: str | os.PathLike[str]) -> tuple[Pack | None, list[Problem]]:
    """Validate ``path`` and lint it: the pack (None if it has errors) and every problem.

    Never raises for a bad pack: errors come back as problems with severity "error".
    """
    path = os.fspath(path)
    try:
        pack, problems, builder = _parse(path, _read(path))
    except PackError as error:
        return None, error.problems
    except RecursionError:
        return None, [Problem(path, 0, 0, "the pack is nested too deeply")]
    except Exception as error:
        return None, [Problem(path, 0, 0, f"cannot load the pack: {type(error).__name__}: {error}")]
    if pack is not None:
        from quiz.packs.lint import lint
        from quiz.packs.yields import unasked

        problems = sort_problems(problems + lint(pack, builder) + unasked(pack, builder))
    return pack, problems
