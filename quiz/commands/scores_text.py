"""`wdta-quiz scores` for people: who is winning first, then the tables, at most 80 columns.

The champion (winner of the latest multiplayer game) and their winning streak, the
most played head-to-head records, the multiplayer leaderboard, the solo table per game
length and the most missed questions (prompts rebuilt from the installed packs, see
``quiz.prompts``); with a player, their bests, recent games and categories.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from quiz.commands.scores_data import prompts, ranked
from quiz.stats_board import PERIOD_NAMES, Champion, Period, period_start
from quiz.text import cells, clean, fit, shorten

if TYPE_CHECKING:
    from quiz.stats import GameSummary, HeadToHead, MissedQuestion
    from quiz.stats_board import LeaderboardRow, SoloRow
    from quiz.store import Store

NAME_WIDTH = 20
HISTORY_LENGTH = 10
#: Head-to-head records shown before the tables (the most played); JSON has them all.
RIVALRIES = 8
#: Text lines are cut to this many terminal columns where a prompt could run longer.
LINE_WIDTH = 80
#: The most a category takes of a most-missed line before it is cut.
CATEGORY_WIDTH = 24


def write_text(
    store: Store, player: str | None, period: Period, now: datetime, out: TextIO
) -> None:
    """The scores for people: the board for everyone, then ``player``'s own lines."""
    lines = board_lines(store, period_start(period, now), PERIOD_NAMES[period])
    if player is not None:
        lines += ["", *player_lines(store, player)]
    for line in lines:
        print(line.rstrip(), file=out)


def board_lines(store: Store, since: str | None, period: str) -> list[str]:
    """Champion, head-to-head, leaderboard, solo table and most missed questions."""
    lines = [champion_line(store.champions())]
    pairs = store.head_to_head(since=since, limit=RIVALRIES + 1)
    if pairs:
        lines += ["", f"Head-to-head, {period} (wins-losses-ties, most played first)"]
        lines += rivalry_lines(pairs[:RIVALRIES])
        if len(pairs) > RIVALRIES:
            lines.append("  ... and more: see --player NAME or --format json")
    lines += ["", *leaderboard_lines(store.leaderboard(since), period)]
    solo = store.solo_table(since)
    if solo:
        lines += ["", *solo_lines(solo, period)]
    missed = store.most_missed()
    if missed:
        lines += ["", "Most missed questions (times missed of times asked)"]
        lines += missed_lines(missed, prompts(missed))
    return lines


def champion_line(champions: list[Champion]) -> str:
    """Who won the latest multiplayer game, and how many in a row."""
    if not champions:
        return "Champion: none yet (no multiplayer game finished)"
    game = champions[0].game_id
    if len(champions) == 1:
        [champion] = champions
        return f"Champion: {clean(champion.player)}, winner of game #{game}; {_streak(champion)}"
    each = ", ".join(f"{clean(c.player)} ({_in_a_row(c.streak)})" for c in champions)
    return f"Shared champions of game #{game}: {each}"


def _in_a_row(count: int) -> str:
    return f"{count} win{'s' if count != 1 else ''} in a row"


def _streak(champion: Champion) -> str:
    new = " (a new champion)" if champion.streak == 1 else ""
    return _in_a_row(champion.streak) + new


def rivalry_lines(pairs: list[HeadToHead]) -> list[str]:
    """``Ana vs Ben  3-1-0`` lines, names in aligned columns."""
    width = _width([h.player for h in pairs])
    other = _width([h.opponent for h in pairs])
    return [
        f"  {fit(clean(h.player), width)} vs {fit(clean(h.opponent), other)}  "
        f"{h.wins}-{h.losses}-{h.ties}"
        for h in pairs
    ]


def leaderboard_lines(board: list[LeaderboardRow], period: str) -> list[str]:
    """The multiplayer leaderboard: wins, then win rate, then points per question."""
    lines = [f"Leaderboard, multiplayer games, {period} (practice and abandoned games never rank)"]
    if not board:
        return [*lines, "  (no multiplayer game finished)"]
    width = _width([row.player for row in board] + ["Player"])
    lines.append(f"  #  {'Player':<{width}}  Wins  Games  Win rate  Points/question")
    lines += [
        f"{row.place:>3}  {fit(clean(row.player), width)} {row.wins:>5} {row.games:>6}"
        f" {row.win_rate:>9.0%} {row.per_question:>16,.0f}"
        for row in board
    ]
    return lines


def solo_lines(table: list[SoloRow], period: str) -> list[str]:
    """The solo table, one block per game length: best and average points per question."""
    lines = [f"Solo games, {period} (points per question)"]
    width = _width([row.player for row in table] + ["Player"])
    length = None
    for row in table:
        if row.length != length:
            length = row.length
            lines.append(f"  {length} question{'s' if length != 1 else ''}")
            lines.append(f"    #  {'Player':<{width}}   Best  Average  Games")
        lines.append(
            f"  {row.place:>3}  {fit(clean(row.player), width)} {row.best:>6,.0f}"
            f" {row.average:>8,.0f} {row.games:>6}"
        )
    return lines


def missed_lines(missed: list[MissedQuestion], found: dict[str, str]) -> list[str]:
    """Most-missed lines of at most ``LINE_WIDTH`` columns: "missed of asked", the prompt
    (the id where no installed pack has it), then the category."""
    missed_width = max(len(str(m.missed)) for m in missed)
    asked_width = max(len(str(m.asked)) for m in missed)
    lines = []
    for m in missed:
        head = f"  {m.missed:>{missed_width}} of {m.asked:<{asked_width}}  "
        tail = f"  ({shorten(clean(m.category), CATEGORY_WIDTH)})"
        room = LINE_WIDTH - len(head) - cells(tail)
        text = " ".join(clean(found.get(m.question_id) or m.question_id).split())
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


def player_lines(store: Store, player: str) -> list[str]:
    """One player's bests, head-to-head, recent games, categories and misses to review."""
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
    pairs = store.head_to_head(player)
    if pairs:
        lines.append("  Head-to-head (wins-losses-ties)")
        lines += ["  " + line for line in rivalry_lines(pairs)]
    lines.append("  Recent games")
    lines += [history_line(game, player) for game in store.history(player, HISTORY_LENGTH)]
    categories = store.accuracy_by_category(player)
    if categories:
        lines.append("  Accuracy by category")
        lines += [
            f"    {fit(clean(c.category), 28)} {c.correct:>4}/{c.answered:<4}"
            f" {_percent(c.accuracy):>5}"
            for c in categories
        ]
    misses = len(store.missed_question_ids(player))
    if misses:
        lines.append(
            f"  {misses} question{'s' if misses != 1 else ''} to review:"
            ' choose "Review my misses" in the game'
        )
    return lines


def history_line(game: GameSummary, player: str) -> str:
    """One of ``player``'s recent games: when, mode, status, score, place, opponents.

    Only a game that ranks shows a place: an abandoned game or practice says so instead.
    """
    mine = game.result_of(player)
    others = ", ".join(clean(r.player) for r in game.players if r is not mine)
    if not ranked(game):
        place = "practice, no rank" if game.mode == "practice" else "abandoned, no rank"
    elif len(game.players) == 1:
        place = f"{mine.score / mine.answered:,.0f} per question" if mine and mine.answered else ""
    else:
        place = f"rank {mine.rank} of {len(game.players)}" if mine else ""
    score = mine.score if mine else 0
    return (
        f"    #{game.id:<5} {_when(game.started_at)}  {game.mode:<8} {game.status:<9}"
        f" {score:>6,}  {place}" + (f"  vs {others}" if others else "")
    )
