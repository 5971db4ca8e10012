"""`wdta-quiz questions`: preview the questions packs can ask, for players and authors.

Output is a pure function of the packs and the seed (same seed, byte-identical
output), so an author can diff a pack's questions before and after an edit. Without
``--seed`` a random seed is used and named on stderr, so any run can be repeated.
``--count N --seed S`` deals through the game's own dealing code
(:func:`quiz.bank.deal_questions`), so it lists exactly the questions, in order, that
a one-player game of N questions with seed S and the same packs asks (a player with
no recently seen questions: a game deals those last). Never imports Textual.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable

from quiz.commands import COMMANDS
from quiz.commands.output import write
from quiz.errors import UserError
from quiz.packs.problems import PackError
from quiz.question import Question, number_text

LETTERS = "ABCDEFGHIJ"


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `questions` parser."""
    parser = sub.add_parser(
        "questions",
        help=COMMANDS["questions"],
        description="Print questions from the installed packs (or the packs named), with "
        "their options, right answer and explanation.",
    )
    parser.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="ID|PATH",
        help="only this pack: an installed pack id or a YAML file (may repeat)",
    )
    amount = parser.add_mutually_exclusive_group()
    amount.add_argument("--count", type=_count, default=10, metavar="N",
                        help="how many questions, dealt exactly as a one-player game of N "
                        "questions with the same seed and packs deals them (default 10)")
    amount.add_argument("--all", action="store_true", help="every question the packs can yield")
    parser.add_argument("--seed", type=int, metavar="S",
                        help="seed for choosing and shuffling (default: random)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for reading, json for one object per line")
    parser.add_argument("--difficulty", choices=("easy", "mixed", "hard"), default="mixed",
                        help="deal as a game of this difficulty does (default mixed)")
    parser.set_defaults(func=run)


def _report_failures(failures: Iterable[PackError]) -> None:
    """Each problem of each pack that failed, as ``FILE:LINE:COLUMN: message``."""
    for error in failures:
        for line in [str(problem) for problem in error.problems] or [str(error)]:
            print(line, file=sys.stderr)


def render_text(questions: list[Question]) -> str:
    """Questions as an author reads them: number, category, difficulty and (for
    anything but a pick) type, prompt, then the answer marked ``*`` (see
    :func:`answer_lines`), explanation, source (where there is one) and id."""
    blocks = []
    for number, question in enumerate(questions, 1):
        shape = "" if question.picks else f" · {question.type}"
        lines = [f"{number}. [{question.category} · {question.difficulty}{shape}] "
                 f"{question.prompt}"]
        lines += answer_lines(question)
        # Where the fact came from is on its own line, never inside the explanation.
        if question.source:
            lines.append(f"     Source: {question.source}")
        lines.append(f"     id: {question.id}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def answer_lines(question: Question) -> list[str]:
    """How a question is answered and its right answer, one line marked ``*``:

    * pick: the lettered options, the right one marked;
    * order: the lettered items as shown, then the right order as letters;
    * number: the range a player may type, then the number;
    * text: the answer and the other spellings that count.
    """
    if question.type == "number":
        low, high = number_text(question.low), number_text(question.high)
        lines = [f"   * {question.correct}   (type a number from {low} to {high}"
                 + (f", in {question.unit})" if question.unit else ")")]
        return [*lines, f"     Answer: {question.correct}. {question.explanation}"]
    if question.type == "text":
        also = f"   (also counts: {', '.join(question.accept)})" if question.accept else ""
        return [f"   * {question.text}{also}",
                f"     Answer: {question.text}. {question.explanation}"]
    lines = []
    for position, option in enumerate(question.options):
        mark = "*" if question.picks and position == question.answer else " "
        lines.append(f"   {mark} {LETTERS[position]}. {option}")
    if question.type == "order":
        letters = ", ".join(LETTERS[i] for i in question.order)
        lines.append(f"   * In order: {letters}")
        return [*lines, f"     Answer: {letters}. {question.explanation}"]
    return [*lines, f"     Answer: {LETTERS[question.answer]}. {question.explanation}"]


def render_json(questions: list[Question]) -> str:
    """One JSON object per line (``Question.to_dict``)."""
    return "".join(json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in questions)


def run(args: argparse.Namespace) -> int:
    """Run `questions`."""
    from quiz.bank import CatalogBank, deal_questions
    from quiz.game_setup import GameSetup
    from quiz.generators import generate_all
    from quiz.selection import settle_all
    from quiz.store import right_rates

    bank = CatalogBank(args.pack)
    catalog = bank.catalog
    _report_failures(catalog.failures)
    if not catalog.packs:
        raise UserError("no valid pack to take questions from")
    seed = args.seed
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
        print(f"wdta-quiz: seed {seed} (repeat with --seed {seed})", file=sys.stderr)
    if args.all:
        questions = settle_all(catalog.packs, generate_all(catalog.packs, random.Random(seed)),
                               right_rates.stored())
    else:
        # The one player's name never reaches the choice: only the count and seed do.
        setup = GameSetup(players=("preview",), questions=args.count, seed=seed,
                          difficulty=args.difficulty)
        questions, _ = deal_questions(bank, setup)
    render = render_json if args.format == "json" else render_text
    write(render(questions), data=args.format == "json")
    return 0
