"""`wdta-quiz packs flags`: the questions players flagged, for pack authors.

One entry per flagged question, the most recently flagged first: its id, its prompt as
the installed packs ask it now (where they still can), how many flags, and the reasons
given, newest first. Reads the scores database without creating or changing it.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from typing import TYPE_CHECKING

from quiz.commands.output import plural, write
from quiz.errors import UserError
from quiz.text import clean

if TYPE_CHECKING:  # cli.py imports every command for --help: the store loads on a run
    from quiz.store.flags import FlaggedQuestion


def register(packs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `packs flags` to the `packs` subcommands."""
    p = packs.add_parser("flags", help="questions players flagged on the reveal, with reasons")
    p.add_argument("--pack", metavar="ID", help="only this pack's questions")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text for reading, json for one object per line")  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `packs flags`."""
    from quiz.prompts import installed_prompts
    from quiz.store import flags

    try:
        grouped = flags.by_question(flags.stored(pack=args.pack))
    except sqlite3.Error as error:
        raise UserError(f"cannot read the flags in the scores database: {error}") from None
    prompts = installed_prompts(entry.question_id for entry in grouped) if grouped else {}
    if args.format == "json":
        write("".join(json.dumps(_entry_dict(entry, prompts.get(entry.question_id)),
                                 ensure_ascii=False) + "\n"
                      for entry in grouped), data=True)  # fmt: skip
        return 0
    write(render_text(grouped, prompts, args.pack))
    return 0


def _entry_dict(entry: FlaggedQuestion, prompt: str | None) -> dict[str, object]:
    return {
        "question_id": entry.question_id,
        "pack": entry.pack,
        "prompt": prompt,
        "count": entry.count,
        "reasons": list(entry.reasons),
        "last_flagged_at": entry.last_flagged_at,
    }


def render_text(grouped: list[FlaggedQuestion], prompts: dict[str, str],
                pack: str | None = None) -> str:
    """The flagged questions as an author reads them (player text cleaned of control
    characters: the database may hold anything)."""
    if not grouped:
        return f"No flagged questions{f' in pack {clean(pack)}' if pack else ''}.\n"
    total = sum(entry.count for entry in grouped)
    lines = [f"{plural(total, 'flag')} on {plural(len(grouped), 'question')}, "
             "most recently flagged first.", ""]  # fmt: skip
    for entry in grouped:
        lines.append(f"{clean(entry.question_id)}  {plural(entry.count, 'flag')}, "
                     f"last {clean(entry.last_flagged_at)}")  # fmt: skip
        prompt = prompts.get(entry.question_id)
        lines.append(f"  {clean(prompt) if prompt else '(no longer in the installed packs)'}")
        lines.extend(f"  - {clean(reason)}" for reason in entry.reasons)
        lines.append("")
    return "\n".join(lines)
