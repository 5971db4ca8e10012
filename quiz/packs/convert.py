"""Question banks in and out: OpenTDB's JSON response format and a simple CSV.

Importing turns a bank into the data of a v1 pack (hand-written questions only),
reporting every bad entry with its place; ``dump_pack`` writes it as YAML that loads
back. Exporting turns questions (prompt, options, answer) into either format.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from quiz.facts import DIFFICULTIES
from quiz.packs.ids import slug
from quiz.packs.problems import PackError, Problem
from quiz.text import clean

CSV_HEADER = (
    "prompt",
    "answer",
    "wrong1",
    "wrong2",
    "wrong3",
    "category",
    "difficulty",
    "explanation",
)
#: One imported question as the pack's ``questions:`` list holds it.
QuestionData = dict[str, object]
OPENTDB_KEYS = ("category", "type", "difficulty", "question", "correct_answer", "incorrect_answers")


@dataclass(frozen=True)
class PackMeta:
    """The metadata an imported pack gets."""

    id: str
    title: str
    author: str = ""
    description: str = ""


def default_meta(
    file_name: str, pack_id: str | None, title: str | None, author: str | None, source: str
) -> PackMeta:
    """Metadata from the flags, or sensible defaults from the file name."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name.rsplit("/", 1)[-1]) or "imported"
    derived = slug(stem)[:40].strip("-") or "imported"
    words = re.sub(r"[-_.]+", " ", stem).strip()
    return PackMeta(
        id=pack_id or derived,
        title=title or (words[:1].upper() + words[1:] if words else derived),
        author=author or "",
        description=f"Imported from {file_name} ({source}).",
    )


# -- importing -------------------------------------------------------------------------
def _question(
    prompt: object,
    answer: object,
    wrong: Iterable[object],
    category: object,
    difficulty: object,
    explanation: object,
    where: str,
    problems: list[str],
) -> QuestionData | None:
    """A question dict from raw fields, or None (with problems) if it cannot be one."""
    prompt = clean(str(prompt or "")).strip()
    answer = clean(str(answer or "")).strip()
    options: list[str] = []
    for option in wrong:
        text = clean(str(option or "")).strip()
        if text and text.casefold() not in {o.casefold() for o in options}:
            options.append(text)
    bad = []
    if not prompt:
        bad.append("no question text")
    if not answer:
        bad.append("no right answer")
    if not options:
        bad.append("no wrong answers")
    if answer and answer.casefold() in {o.casefold() for o in options}:
        bad.append(f"the answer {answer!r} is also a wrong answer")
    difficulty = str(difficulty or "").strip().lower() or "medium"
    if difficulty not in DIFFICULTIES:
        bad.append(f"difficulty {difficulty!r} is not one of {', '.join(DIFFICULTIES)}")
    if bad:
        problems.append(f"{where}: {'; '.join(bad)}")
        return None
    item: QuestionData = {"prompt": prompt, "answer": answer, "wrong": options}
    category = clean(str(category or "")).strip()
    if category:
        item["category"] = category
    item["difficulty"] = difficulty
    explanation = clean(str(explanation or ""), multiline=True).strip()
    if explanation:
        item["explanation"] = explanation
    return item


def _parse_json(path: str, text: str) -> object:
    """The JSON value in ``text``; PackError naming the file for anything unreadable."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise PackError(
            path, [Problem(path, error.lineno, error.colno, f"invalid JSON: {error.msg}")]
        ) from None
    except RecursionError:
        raise PackError(path, [Problem(path, 0, 0, "the JSON is nested too deeply")]) from None
    except ValueError as error:
        # Python refuses to convert integers of thousands of digits (a denial-of-service
        # guard); its message names the limit.
        raise PackError(path, [Problem(path, 0, 0, f"invalid JSON: {error}")]) from None


def from_opentdb(path: str, text: str) -> list[QuestionData]:
    """Questions from an OpenTDB API response (``{"results": [...]}``); PackError if bad."""
    data = _parse_json(path, text)
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise PackError(
            path,
            [
                Problem(
                    path,
                    1,
                    1,
                    "expected an object with a 'results' list (OpenTDB's response format)",
                )
            ],
        )
    problems: list[str] = []
    questions: list[QuestionData] = []
    for number, entry in enumerate(results, 1):
        where = f"result {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not an object")
            continue
        missing = [key for key in ("type", "question", "correct_answer") if key not in entry]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        kind = entry.get("type")
        answer = _unescape(entry.get("correct_answer"))
        if kind == "boolean":
            truth = answer.strip().lower()
            if truth not in ("true", "false"):
                problems.append(f"{where}: a boolean question's answer must be True or False")
                continue
            answer = "True" if truth == "true" else "False"
            wrong = ["False" if answer == "True" else "True"]
        elif kind == "multiple":
            incorrect = entry.get("incorrect_answers")
            if not isinstance(incorrect, list):
                problems.append(f"{where}: 'incorrect_answers' must be a list")
                continue
            wrong = [_unescape(option) for option in incorrect]
        else:
            problems.append(f"{where}: type {kind!r} is neither 'multiple' nor 'boolean'")
            continue
        item = _question(
            _unescape(entry.get("question")),
            answer,
            wrong,
            _unescape(entry.get("category")),
            entry.get("difficulty"),
            "",
            where,
            problems,
        )
        if item is not None:
            questions.append(item)
    if problems:
        raise PackError(path, [Problem(path, 0, 0, message) for message in problems])
    return questions


def from_csv(path: str, text: str) -> list[QuestionData]:
    """Questions from CSV with the header ``prompt,answer,wrong1,wrong2,wrong3,category,
    difficulty,explanation``; bad rows are reported with their line number."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise PackError(path, [Problem(path, 1, 1, "the file is empty")]) from None
    except csv.Error as error:
        raise PackError(path, [Problem(path, 1, 1, f"invalid CSV: {error}")]) from None
    header = [name.strip().lstrip("\ufeff").lower() for name in header]
    if header != list(CSV_HEADER):
        expected = ",".join(CSV_HEADER)
        raise PackError(path, [Problem(path, 1, 1, f"the header must be: {expected}")])
    problems: list[Problem] = []
    questions: list[QuestionData] = []
    line = reader.line_num
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(path, start, 1, f"invalid CSV: {error}"))
            break
        line = start
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(CSV_HEADER):
            problems.append(
                Problem(path, line, 1, f"expected {len(CSV_HEADER)} fields, found {len(row)}")
            )
            continue
        fields = dict(zip(CSV_HEADER, row, strict=True))
        messages: list[str] = []
        item = _question(
            fields["prompt"],
            fields["answer"],
            [fields["wrong1"], fields["wrong2"], fields["wrong3"]],
            fields["category"],
            fields["difficulty"],
            fields["explanation"],
            "row",
            messages,
        )
        if item is None:
            problems.extend(Problem(path, line, 1, m.removeprefix("row: ")) for m in messages)
        else:
            questions.append(item)
    if problems:
        raise PackError(path, problems)
    return questions


def _unescape(value: object) -> str:
    return html.unescape(value) if isinstance(value, str) else ""


def pack_data(meta: PackMeta, questions: list[QuestionData]) -> dict[str, object]:
    """The data of a v1 pack holding ``questions``."""
    data: dict[str, object] = {"format": 1, "pack": meta.id, "title": meta.title}
    if meta.author:
        data["author"] = meta.author
    data["version"] = "1"
    if meta.description:
        data["description"] = meta.description
    data["questions"] = questions
    return data


def dump_pack(data: dict[str, object]) -> str:
    """YAML text of a pack's data (safe_dump, Unicode kept, keys in pack order)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


# -- exporting -------------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    """One question to export: its right answer and its wrong options."""

    prompt: str
    answer: str
    wrong: tuple[str, ...]
    category: str
    difficulty: str
    explanation: str = ""


def to_opentdb(items: Iterable[Item]) -> str:
    """An OpenTDB-style response (``response_code`` 0 and ``results``), as JSON text."""
    results = []
    for item in items:
        boolean = {item.answer, *item.wrong} == {"True", "False"} and len(item.wrong) == 1
        results.append(
            {
                "category": item.category,
                "type": "boolean" if boolean else "multiple",
                "difficulty": item.difficulty,
                "question": html.escape(item.prompt, quote=False),
                "correct_answer": html.escape(item.answer, quote=False),
                "incorrect_answers": [html.escape(w, quote=False) for w in item.wrong],
            }
        )
    return json.dumps({"response_code": 0, "results": results}, indent=2, ensure_ascii=False) + "\n"


def to_csv(items: Iterable[Item]) -> str:
    """CSV with the import header; questions with more than 3 wrong options keep 3."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for item in items:
        wrong = list(item.wrong[:3]) + [""] * (3 - min(3, len(item.wrong)))
        writer.writerow(
            [item.prompt, item.answer, *wrong, item.category, item.difficulty, item.explanation]
        )
    return out.getvalue()


def items_from_options(
    prompt: str,
    options: Sequence[str],
    answer: int,
    category: str,
    difficulty: str,
    explanation: str,
) -> Item:
    """An export item from a multiple-choice question (options and the answer's index)."""
    wrong = tuple(option for index, option in enumerate(options) if index != answer)
    return Item(prompt, options[answer], wrong, category, difficulty, explanation)
