"""`wdta-quiz scores`: leaderboard, head-to-head, most missed, one player's history.

Text for people, JSON (one document) and CSV (one row per player per game) for scripts.
Reads the database at ``paths.database_path()``; never imports Textual.

Most missed questions are stored as ids; text and JSON show their prompts, rebuilt
from the installed packs (:mod:`quiz.prompts`). Packs are loaded only when there is a
missed question to show, and only those the ids name.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quiz import paths
from quiz.commands import COMMANDS
from quiz.commands.output import write
from quiz.errors import UserError
from quiz.text import cells, clean, fit, player_key, shorten

if TYPE_CHECKING:  # cli.py imports every command before `play` draws: keep this light.
    from quiz.stats import GameSummary, HeadToHead, MissedQuestion
    from quiz.store import Store

NO_GAMES = "No games yet: play one with `wdta-quiz play`, then come back for the scores."
CSV_HEADER = (
    "game_id", "started_at", "finished_at", "mode", "status", "packs", "seed",
    "seat", "player", "score", "rank", "correct", "answered",
)  # fmt: skip
NAME_WIDTH = 20
HISTORY_LENGTH = 10
#: Text lines are cut to this many terminal columns where a prompt could run longer.
LINE_WIDTH = 80
#: The most a category takes of a most-missed line before it is cut.
CATEGORY_WIDTH = 24

#: One JSON object of the ``--format json`` document.
JsonObject = dict[str, object]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `scores` parser."""
    parser = sub.add_parser(
        "scores",
        help=COMMANDS["scores"],
        description=(
            "Show the scores kept from past games: the leaderboard (best score, games, "
            "wins, accuracy), head-to-head records, the most missed questions and, with "
            "--player, one player's recent games, personal bests and accuracy by "
            "category. Practice and abandoned games never count in rankings."
        ),
    )
    parser.add_argument("--player", metavar="NAME", help="also show this player's history")
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text (default), json (one document) or csv (one row per player per game)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `scores`; unknown player raises ``UserError`` (exit 1)."""
    # Built whole, then written once: a closed, full or ASCII-only stdout then fails in
    # one place with one line (quiz.commands.output).
    out = io.StringIO()
    status = _run(args, out)
    write(out.getvalue(), data=args.format != "text")
    return status


def _run(args: argparse.Namespace, out: TextIO) -> int:
    path = paths.database_path()
    from quiz.store.pending import store_kept_games

    for line in store_kept_games(path):  # games a failed save kept aside: stored now
        print(f"wdta-quiz: {line}", file=sys.stderr)
    if not path.exists():
        # Do not create a database just to say there is nothing in it.
        return _print_empty(args.format, out, str(path))
    import sqlite3

    from quiz.store import Store

    with Store.open(path) as store:
        for notice in store.notices:
            print(f"wdta-quiz: {notice}", file=sys.stderr)
        try:
            return _show(store, args, out, path)
        except sqlite3.DatabaseError as error:
            # Damage the open-time check could not see: one line, no traceback; the
            # next `play` or `scores` moves the file aside if it is really damaged.
            raise UserError(f"cannot read scores database {path}: {error}") from None


def _show(store: Store, args: argparse.Namespace, out: TextIO, path: Path) -> int:
    """Print the scores in the chosen format."""
    if not store.has_games():
        return _print_empty(args.format, out, str(path))
    player = store.find_player(args.player) if args.player else None
    if args.player and player is None:
        store.history(args.player)  # raises the UnknownPlayerError naming who is known
    if args.format == "json":
        json.dump(_document(store, player), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.format == "csv":
        _write_csv(store.games(player), out, player)
    else:
        _write_text(store, player, out)
    return 0


def _print_empty(fmt: str, out: TextIO, database: str) -> int:
    if fmt == "json":
        empty: JsonObject = {
            "database": database,
            "players": [],
            "leaderboard": [],
            "head_to_head": [],
            "most_missed": [],
            "accuracy_by_category": [],
            "games": [],
            "player": None,
        }
        json.dump(empty, out, indent=2)
        out.write("\n")
    elif fmt == "csv":
        _write_csv([], out, None)
    else:
        print(NO_GAMES, file=out)
    return 0


# -- JSON ---------------------------------------------------------------------------------------


def _document(store: Store, player: str | None) -> JsonObject:
    """Everything in one JSON-ready object; with ``player``, their games and details."""
    doc: JsonObject = {
        "database": str(store.path),
        "players": store.players(),
        "leaderboard": [
            {
                "player": r.player,
                "games": r.games,
                "wins": r.wins,
                "best_score": r.best_score,
                "correct": r.correct,
                "answered": r.answered,
                "accuracy": round(r.accuracy, 4),
            }
            for r in store.leaderboard()
        ],
        "head_to_head": [_pair(h) for h in store.head_to_head()],
        "most_missed": _missed(store.most_missed()),
        "accuracy_by_category": _categories(store, None),
        "games": [_game(g) for g in store.games(player)],
        "player": None,
    }
    if player is not None:
        bests = store.personal_bests(player)
        doc["player"] = {
            "name": player,
            "personal_bests": {
                "games": bests.games,
                "best_score": bests.best_score,
                "best_score_game": bests.best_score_game,
                "best_accuracy": _round(bests.best_accuracy),
                "most_correct": bests.most_correct,
                "longest_streak": bests.longest_streak,
                "fastest_correct_seconds": _round(bests.fastest_correct),
            },
            "accuracy_by_category": _categories(store, player),
            "head_to_head": [_pair(h) for h in store.head_to_head(player)],
            "missed_question_ids": store.missed_question_ids(player),
        }
    return doc


def _missed(missed: list[MissedQuestion]) -> list[JsonObject]:
    """Most missed questions with their prompts (``None`` where no installed pack has it)."""
    prompts = _prompts(missed)
    return [
        {
            "question_id": m.question_id,
            "prompt": prompts.get(m.question_id),
            "pack": m.pack,
            "category": m.category,
            "asked": m.asked,
            "missed": m.missed,
        }
        for m in missed
    ]


def _prompts(missed: list[MissedQuestion]) -> dict[str, str]:
    """The prompts of ``missed``; packs are read only if there is something to name."""
    if not missed:
        return {}
    from quiz.prompts import installed_prompts

    return installed_prompts(m.question_id for m in missed)


def _game(game: GameSummary) -> JsonObject:
    return {
        "id": game.id,
        "started_at": game.started_at,
        "finished_at": game.finished_at,
        "mode": game.mode,
        "status": game.status,
        "packs": list(game.packs),
        "seed": game.seed,
        "players": [
            {
                "name": r.player,
                "score": r.score,
                "rank": r.rank,
                "correct": r.correct,
                "answered": r.answered,
            }
            for r in game.players
        ],
    }


def _pair(h: HeadToHead) -> JsonObject:
    return {
        "player": h.player,
        "opponent": h.opponent,
        "wins": h.wins,
        "losses": h.losses,
        "ties": h.ties,
        "games": h.games,
    }


def _categories(store: Store, player: str | None) -> list[JsonObject]:
    return [
        {
            "category": c.category,
            "answered": c.answered,
            "correct": c.correct,
            "accuracy": round(c.accuracy, 4),
        }
        for c in store.accuracy_by_category(player)
    ]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# -- CSV ----------------------------------------------------------------------------------------


def _write_csv(games: list[GameSummary], out: TextIO, player: str | None) -> None:
    """One row per player per game, oldest game first (only ``player``'s rows if given)."""
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for game in reversed(games):
        for seat, r in enumerate(game.players):
            if player is not None and player_key(r.player) != player_key(player):
                continue
            writer.writerow((
                game.id, game.started_at, game.finished_at, game.mode, game.status,
                " ".join(game.packs), "" if game.seed is None else game.seed,
                seat, r.player, r.score, r.rank, r.correct, r.answered,
            ))  # fmt: skip


# -- text ---------------------------------------------------------------------------------------


def _missed_lines(missed: list[MissedQuestion], prompts: dict[str, str]) -> list[str]:
    """Most-missed lines of at most ``LINE_WIDTH`` columns: "missed of asked", the prompt
    (the id where no installed pack has it), then the category."""
    missed_width = max(len(str(m.missed)) for m in missed)
    asked_width = max(len(str(m.asked)) for m in missed)
    lines = []
    for m in missed:
        head = f"  {m.missed:>{missed_width}} of {m.asked:<{asked_width}}  "
        tail = f"  ({shorten(clean(m.category), CATEGORY_WIDTH)})"
        room = LINE_WIDTH - len(head) - cells(tail)
        text = " ".join(clean(prompts.get(m.question_id) or m.question_id).split())
        lines.append(head + shorten(text, room) + tail)
    return lines


def _width(names: list[str]) -> int:
    """The column width for ``names``: the longest, at most ``NAME_WIDTH``."""
    return min(NAME_WIDTH, max((cells(clean(n)) for n in names), default=1))


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return fit(clean(iso), 16)  # as wide as a date, in terminal cells


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _write_text(store: Store, player: str | None, out: TextIO) -> None:
    """The scores for people: the board for everyone, then ``player``'s own lines."""
    lines = _board_lines(store)
    if player is not None:
        lines += ["", *_player_lines(store, player)]
    for line in lines:
        print(line.rstrip(), file=out)


def _board_lines(store: Store) -> list[str]:
    """Leaderboard, head-to-head and most missed questions."""
    lines = ["Leaderboard (finished games; practice and abandoned games do not count)"]
    board = store.leaderboard()
    if board:
        width = _width([row.player for row in board] + ["Player"])
        lines.append(f"  #  {'Player':<{width}}    Best  Games  Wins  Accuracy")
        lines += [
            f"{n:>3}  {fit(clean(row.player), width)} {row.best_score:>7,} {row.games:>6}"
            f" {row.wins:>5}  {_percent(row.accuracy):>8}"
            for n, row in enumerate(board, 1)
        ]
    else:
        lines.append("  (no finished games yet)")
    pairs = store.head_to_head()
    if pairs:
        width = _width([h.player for h in pairs])
        other = _width([h.opponent for h in pairs])
        lines += ["", "Head-to-head (wins-losses-ties)"]
        lines += [
            f"  {fit(clean(h.player), width)} vs {fit(clean(h.opponent), other)}  "
            f"{h.wins}-{h.losses}-{h.ties}"
            for h in pairs
        ]
    missed = store.most_missed()
    if missed:
        prompts = _prompts(missed)
        lines += ["", "Most missed questions (times missed of times asked)"]
        lines += _missed_lines(missed, prompts)
    return lines


def _player_lines(store: Store, player: str) -> list[str]:
    """One player's bests, recent games, accuracy by category and misses to review."""
    lines = [f"Player: {clean(player)}"]
    bests = store.personal_bests(player)
    if bests.games:
        fastest = "-" if bests.fastest_correct is None else f"{bests.fastest_correct:.1f} s"
        lines.append(
            f"  Personal bests: score {bests.best_score:,} (game {bests.best_score_game}), "
            f"accuracy {_percent(bests.best_accuracy)}, {bests.most_correct} right in one game, "
            f"streak {bests.longest_streak}, fastest right answer {fastest}"
        )
    else:
        lines.append("  Personal bests: none yet (only practice or abandoned games)")
    lines.append("  Recent games")
    lines += [_history_line(game, player) for game in store.history(player, HISTORY_LENGTH)]
    categories = store.accuracy_by_category(player)
    if categories:
        lines.append("  Accuracy by category")
        lines += [
            f"    {fit(clean(c.category), 28)} {c.correct:>4}/{c.answered:<4}"
            f" {_percent(c.accuracy):>5}"
            for c in categories
        ]
    misses = store.missed_question_ids(player)
    if misses:
        lines.append(
            f'  {len(misses)} question(s) to review: choose "Review my misses" in the game'
        )
    return lines


def _history_line(game: GameSummary, player: str) -> str:
    """One of ``player``'s recent games: when, mode, status, score, place, opponents."""
    mine = game.result_of(player)
    others = ", ".join(clean(r.player) for r in game.players if r is not mine)
    place = f"rank {mine.rank} of {len(game.players)}" if mine else ""
    score = mine.score if mine else 0
    return (
        f"    #{game.id:<5} {_when(game.started_at)}  {game.mode:<8} {game.status:<9}"
        f" {score:>6,}  {place}" + (f"  vs {others}" if others else "")
    )
