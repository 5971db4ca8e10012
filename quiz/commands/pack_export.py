"""`wdta-quiz packs export`: a pack written back as YAML (facts stay facts), or every
question it yields as OpenTDB JSON or CSV for other quiz tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands.output import plural as _plural
from quiz.commands.output import print_problems as _print_problems
from quiz.commands.output import write
from quiz.errors import UserError

if TYPE_CHECKING:
    from quiz.facts import Pack
    from quiz.packs.convert import Item


def export(args: argparse.Namespace) -> int:
    """Write a pack as YAML (facts and all), or every question it yields as OpenTDB
    JSON or CSV."""
    from quiz.packs import load_catalog
    from quiz.packs.convert import to_csv, to_opentdb

    catalog = load_catalog([args.pack])
    if catalog.failures:
        _print_problems([p for failure in catalog.failures for p in failure.problems])
        raise UserError(f"cannot export {args.pack}")
    pack = catalog.packs[0]
    if args.target == "yaml":
        from quiz.packs.writer import pack_text

        text, what = pack_text(pack), f"pack '{pack.id}'"
    else:
        items = export_items(pack)
        text = to_opentdb(items) if args.target == "opentdb" else to_csv(items)
        what = f"{_plural(len(items), 'question')} from '{pack.id}'"
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise UserError(f"cannot write {args.output}: {error.strerror or error}") from None
        print(f"wrote {what} to {args.output}")
    else:
        write(text, data=True)
    return 0


def export_items(pack: Pack) -> list[Item]:
    """Every question the pack yields (generated ones too), as export items; each one
    that cannot be built is named on stderr and left out.

    An explanation is exported only where it says something: the author's own for a
    hand-written question, the fact's sentence for a generated one; never the game's
    stand-in "The answer is X.", which a bank would show as if someone wrote it."""
    from quiz.commands.pack_install import build_each
    from quiz.packs.convert import items_from_options
    from quiz.question import hand_fact

    authored = {hand_fact(item.id): item.explanation for item in pack.questions}
    questions, failed = build_each(pack)
    for line in failed:
        print(f"wdta-quiz: {pack.path}: {line}: not exported", file=sys.stderr)
    items = []
    typed = [q for q in questions if not q.picks]
    if typed:
        # OpenTDB and CSV banks hold pick-one questions only; YAML keeps every type.
        print(f"wdta-quiz: {pack.path}: {_plural(len(typed), 'question')} of another type "
              "(order, number, text) not exported; --to yaml keeps them", file=sys.stderr)
    for q in questions:
        if not q.picks:
            continue
        if q.fact in authored:
            explanation = authored[q.fact]
        else:
            explanation = "" if q.explanation.startswith("The answer is ") else q.explanation
        items.append(items_from_options(q.prompt, q.options, q.answer, q.category,
                                        q.difficulty, explanation))  # fmt: skip
    return items
