"""`wdta-quiz packs import --from article|wikitext FILE [-o OUT]`.

The pack is checked exactly as a player's game will read it before anything is
written; with ``-o OUT`` it is written there and the review report beside it
(``OUT`` with the suffix ``.review.txt``), without it the pack is installed and the
review report printed.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from quiz.commands.output import plural, print_problems, write
from quiz.errors import UserError
from quiz.importer.build import Form, Imported, import_article
from quiz.packs import PackError, check_pack, yamlsafe


def review_path(output: Path) -> Path:
    """Where the review report of a pack written to ``output`` goes."""
    return output.with_suffix(".review.txt") if output.suffix else Path(f"{output}.review.txt")


def run_article_import(args: argparse.Namespace) -> int:
    """Import an article as a pack: write it to -o (and its review report) or install it."""
    form: Form = "article" if args.source == "article" else "wikitext"
    try:
        text = yamlsafe.read_pack_text(args.file)
    except PackError as error:
        raise UserError(f"{error.problems[0]}: nothing imported") from None
    result = import_article(text, form, args.file, pack_id=args.pack_id,
                            title=args.title, author=args.author)
    if not result.facts:
        raise UserError(f"{args.file}: no facts found (is it a song article in the "
                        f"{'plain-text' if form == 'article' else 'wikitext'} layout?)")
    questions = _checked(result, args.file)
    summary = (f"'{result.pack_id}' ({plural(len(result.facts), 'fact')}, "
               f"{plural(questions, 'question')})")
    if args.output:
        output = Path(args.output)
        review = review_path(output)
        try:
            output.write_text(result.text, encoding="utf-8")
            review.write_text(result.review_text(args.file), encoding="utf-8")
        except OSError as error:
            raise UserError(f"cannot write {error.filename}: {error.strerror or error}") from None
        write(f"wrote {summary} to {output}\n"
              f"{plural(len(result.review), 'line')} to review in {review}\n")
        return 0
    from quiz.commands.pack_install import install

    target = install(result.pack_id, result.text.encode("utf-8"), replace=args.replace)
    write(f"installed {summary} as {target}\n{result.review_text(args.file)}")
    return 0


def _checked(result: Imported, source: str) -> int:
    """Validate the pack text as a game will read it; its question count."""
    from quiz.generators import count_questions

    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / f"{result.pack_id}.yaml"
        written.write_text(result.text, encoding="utf-8")
        pack, problems = check_pack(written)
    if pack is None:
        print_problems(problems)
        raise UserError(f"{source}: the imported pack does not validate: nothing written")
    print_problems(problems)
    return count_questions(pack)
