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
from quiz.packs.ids import pack_id_from
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
    derived = pack_id_from(stem) or "imported"
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


#: Columns a CSV bank may have besides ``prompt``, ``answer`` and its ``wrong`` columns.
CSV_OPTIONAL = ("category", "difficulty", "explanation")
#: The separators a CSV bank may use: spreadsheets write ``;`` where ``,`` is the
#: decimal comma, and "tab-separated" is a common export too.
CSV_SEPARATORS = (",", ";", "\t")
_WRONG_COLUMN = re.compile(r"wrong[0-9]*")
_SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _header_cells(line: str, separator: str) -> list[str]:
    """The header's column names as read with ``separator`` (lower case, no BOM)."""
    cells = next(csv.reader([line], delimiter=separator), [])
    return [name.strip().lstrip("\ufeff").strip().lower() for name in cells]


def _columns(path: str, text: str) -> tuple[str, list[str]]:
    """The separator and column names of a CSV bank, from its first line; PackError
    saying what was found when no separator gives ``prompt``, ``answer`` and ``wrong``."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    if not first.strip():
        raise PackError(path, [Problem(path, 1, 1, "the file is empty" if not text.strip()
                                       else "the first line must be the header")])
    readings = [(sep, _header_cells(first, sep)) for sep in CSV_SEPARATORS]
    for separator, names in readings:
        if "prompt" in names and "answer" in names:
            return separator, names
    separator, names = max(readings, key=lambda reading: len(reading[1]))
    found = ", ".join(repr(name) for name in names)
    how = (f"{len(names)} columns separated by {_SEPARATOR_NAMES[separator]}"
           if len(names) > 1 else "1 column (no ',', ';' or tab between names)")
    message = (f"the header must be: {','.join(CSV_HEADER)} (or at least prompt,answer,wrong;"
               f" separated by ',', ';' or tabs); found {how}: {found}")
    raise PackError(path, [Problem(path, 1, 1, message)])


def _check_columns(path: str, names: list[str]) -> None:
    """Refuse a header with unknown, repeated or missing columns, naming them."""
    problems: list[str] = []
    unknown = [n for n in names if n not in ("prompt", "answer", *CSV_OPTIONAL)
               and not _WRONG_COLUMN.fullmatch(n)]
    if unknown:
        allowed = ", ".join(("prompt", "answer", "wrong (or wrong1, wrong2...)", *CSV_OPTIONAL))
        problems.append(f"unknown column {', '.join(repr(n) for n in unknown)}"
                        f" (the columns are {allowed})")
    repeated = sorted({n for n in names if names.count(n) > 1 and n != "wrong"})
    if repeated:
        problems.append(f"column {', '.join(repr(n) for n in repeated)} appears twice")
    if not any(_WRONG_COLUMN.fullmatch(n) for n in names):
        problems.append("no 'wrong' column: a question needs at least one wrong answer")
    if problems:
        raise PackError(path, [Problem(path, 1, 1, "header: " + "; ".join(problems))])


def from_csv(path: str, text: str) -> list[QuestionData]:
    """Questions from CSV whose first line names the columns: ``prompt``, ``answer`` and
    one or more ``wrong`` columns (``wrong``, or ``wrong1``, ``wrong2``...), optionally
    ``category``, ``difficulty`` and ``explanation``, in any order, separated by ``,``,
    ``;`` or tabs (found from the header); bad rows are reported with their line number."""
    separator, names = _columns(path, text)
    _check_columns(path, names)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        next(reader)
    except csv.Error as error:
        raise PackError(path, [Problem(path, 1, 1, f"invalid CSV: {error}")]) from None
    problems: list[Problem] = []
    questions: list[QuestionData] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(path, start, 1, f"invalid CSV: {error}"))
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            problems.append(
                Problem(path, start, 1, f"expected {len(names)} fields, found {len(row)}")
            )
            continue
        item = _csv_question(names, row, start, path, problems)
        if item is not None:
            questions.append(item)
    if problems:
        raise PackError(path, problems)
    return questions


def _csv_question(names: list[str], row: list[str], line: int, path: str,
                  problems: list[Problem]) -> QuestionData | None:
    """One row's question (None, with its problems at ``line``, if it cannot be one)."""
    fields = {name: cell for name, cell in zip(names, row, strict=True)}
    wrong = [cell for name, cell in zip(names, row, strict=True) if _WRONG_COLUMN.fullmatch(name)]
    messages: list[str] = []
    item = _question(
        fields["prompt"], fields["answer"], wrong, fields.get("category"),
        fields.get("difficulty"), fields.get("explanation"), "row", messages,
    )  # fmt: skip
    problems.extend(Problem(path, line, 1, m.removeprefix("row: ")) for m in messages)
    return item


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


class _PackDumper(yaml.SafeDumper):
    """safe_dump's dumper, writing text of several lines as a ``|`` block an author
    can read and edit (PyYAML quotes it instead where a block cannot hold it)."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_PackDumper.add_representer(str, _text)


def dump_pack(data: dict[str, object]) -> str:
    """YAML text of a pack's data (safe_dump, Unicode kept, keys in pack order)."""
    return yaml.dump(data, Dumper=_PackDumper, allow_unicode=True, sort_keys=False, width=100)


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
