"""One pass over a pack's YAML node tree: check every value and build the dataclasses.

Every problem is collected with its node's line and column, so an author sees them
all at once. Scalars are typed here from the node (never by PyYAML's constructor),
so ``value: 2016-05-24`` stays the text ``"2016-05-24"`` and no tag is ever
constructed. All text goes through ``quiz.text.clean``.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re

from yaml import MappingNode, Node, ScalarNode, SequenceNode

from quiz.facts import DEFAULT_CATEGORY, FACT_KINDS, ChronologyItem, HandQuestion, Pack, PackInfo
from quiz.facts import Subject as SubjectFact
from quiz.packs import ids
from quiz.packs.problems import Problem, sort_problems
from quiz.packs.specs import (
    FACT_FIELDS,
    ID_PATTERN,
    INFO_FIELDS,
    ITEM_FIELDS,
    MULTILINE,
    ONE_OF,
    QUESTION_FIELDS,
    SUBJECT_FIELDS,
    TOP_LEVEL,
    TOP_REQUIRED,
    Field,
)
from quiz.text import clean, shorten

_Y = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = _Y + "str", _Y + "int", _Y + "float", _Y + "bool", _Y + "null"
MERGE = _Y + "merge"
_ALLOWED_TAGS = frozenset(
    {STR, INT, FLOAT, BOOL, NULL, _Y + "timestamp", _Y + "value", _Y + "seq", _Y + "map"}
)
_DECIMAL = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_DURATION = re.compile(r"[0-9]{1,3}:[0-5][0-9]\Z")
_ID = re.compile(ID_PATTERN)
_TRUE = frozenset({"true", "yes", "on", "y"})
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_TOP_FIELDS = {name: Field(name, "any", name in TOP_REQUIRED) for name in TOP_LEVEL}
INVALID = object()  # a value that failed its check (already reported)


class PackBuilder:
    """Validates one composed pack and builds its :class:`Pack`.

    ``problems`` collects errors and warnings; ``question_marks`` and ``fact_marks``
    hold the (line, column) of each built question and fact, for lint.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.pools: dict[str, tuple[str, ...]] = {}
        self.question_marks: list[tuple[int, int]] = []
        self.fact_marks: list[tuple[int, int]] = []
        self._errors = 0

    # -- reporting -------------------------------------------------------------------
    def error(self, node: Node, message: str) -> None:
        """Record an error at ``node``."""
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))
        self._errors += 1

    def warn(self, node: Node, message: str) -> None:
        """Record a warning at ``node``."""
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message, "warning"))

    def sorted_problems(self) -> list[Problem]:
        """Every problem, in file order."""
        return sort_problems(self.problems)

    # -- the pack --------------------------------------------------------------------
    def build(self, root: Node | None) -> Pack | None:
        """The pack, or None if it has errors (they are in ``problems``)."""
        if root is None:
            self.problems.append(Problem(self.path, 1, 1, "the file is empty"))
            return None
        entries = self.mapping(root, _TOP_FIELDS, "a pack")
        if entries is None:
            return None
        fmt = entries.get("format")
        if fmt is not None:
            value = self.scalar(fmt[1], Field("format", "int"))
            if value is not INVALID and value != 1:
                self.error(fmt[1], f"unsupported format {value!r}: this version reads format 1")
        info = self.info(root, entries)
        subject = None
        if "subject" in entries:
            subject = self.subject(entries["subject"][1])
        if "pools" in entries:
            self.read_pools(entries["pools"][1])
        facts = self.facts(entries["facts"][1]) if "facts" in entries else ()
        questions = self.questions(entries["questions"][1]) if "questions" in entries else ()
        if not facts and not questions and self._errors == 0:
            self.warn(root, "the pack has no facts and no questions")
        if self._errors or info is None:
            return None
        return Pack(info, subject, facts, questions, dict(self.pools), path=self.path)

    def info(self, root: Node, entries: dict) -> PackInfo | None:
        values = {}
        for name, field in INFO_FIELDS.items():
            if name in entries:
                value = self.scalar(entries[name][1], field)
                if value is None and field.required:
                    self.error(entries[name][1], f"'{name}' must not be empty")
                elif value is not INVALID and value is not None:
                    values[name] = value
        pack_id = values.get("pack")
        if isinstance(pack_id, str) and not ids.is_pack_id(pack_id):
            self.error(
                entries["pack"][1],
                f"bad pack id {pack_id!r}: use 1-40 lower-case letters, digits and '-',"
                " starting with a letter or digit",
            )
            return None
        if "title" in values and not values["title"]:
            self.error(entries["title"][1], "'title' must not be empty")
        if "pack" not in values or "title" not in values:
            return None
        values["id"] = values.pop("pack")
        return PackInfo(**values)

    def subject(self, node: Node) -> SubjectFact | None:
        values = self.fields(node, SUBJECT_FIELDS, "'subject'")
        return SubjectFact(**values) if values is not None else None

    def read_pools(self, node: Node) -> None:
        if type(node) is not MappingNode:
            self.error(node, "'pools' must be a mapping of pool names to lists of text")
            return
        self.check_tag(node)
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = self.key(key)
            if name is None:
                continue
            if name in seen:
                self.error(key, f"duplicate pool '{name}' (first on line {seen[name]})")
                continue
            seen[name] = key.start_mark.line + 1
            if not _ID.match(name):
                self.error(key, f"bad pool name {name!r}: use letters, digits, '.', '_', '-'")
                continue
            values = self.texts(value, f"pool '{name}'")
            if values is not INVALID:
                self.pools[name] = values

    # -- facts -----------------------------------------------------------------------
    def facts(self, node: Node) -> tuple:
        items = self.sequence(node, "'facts'")
        built = []
        taken: set[str] = set()
        pending: list[tuple[dict, str, Node]] = []  # facts whose id is derived after all
        for item in items:
            result = self.fact(item)
            if result is None:
                continue
            kind, values = result
            if "id" in values:
                if values["id"] in taken:
                    self.error(item, f"duplicate fact id '{values['id']}'")
                    continue
                taken.add(values["id"])
            else:
                pending.append((values, kind, item))
            built.append((kind, values))
            self.fact_marks.append((item.start_mark.line + 1, item.start_mark.column + 1))
        # Derived ids never take an explicit one, whatever the order of the facts.
        for values, kind, _item in pending:
            full = {name: f.default for name, f in FACT_FIELDS[kind].items()} | values
            values["id"] = ids.unique(ids.fact_id(kind, full), taken)
            taken.add(values["id"])
        return tuple(FACT_KINDS[kind](**values) for kind, values in built)

    def fact(self, node: Node) -> tuple[str, dict] | None:
        if type(node) is not MappingNode:
            self.error(node, "a fact must be a mapping with a 'kind' key")
            return None
        kind_node = next(
            (v for k, v in node.value if type(k) is ScalarNode and k.value == "kind"), None
        )
        if kind_node is None:
            self.error(node, f"a fact needs a 'kind' (one of: {', '.join(FACT_KINDS)})")
            return None
        kind = kind_node.value if type(kind_node) is ScalarNode else None
        if kind not in FACT_KINDS:
            self.error(kind_node, _unknown("kind", str(kind), FACT_KINDS))
            return None
        errors_before = self._errors
        values = self.fields(node, FACT_FIELDS[kind], f"a {kind} fact")
        if values is None:
            return None
        values.pop("kind", None)
        values.setdefault("category", DEFAULT_CATEGORY[kind])
        values.setdefault("source", "")
        need = ONE_OF.get(kind)
        if need and not any(values.get(name) for name in need):
            self.error(node, f"a {kind} fact needs {' or '.join(repr(n) for n in need)}")
        check = getattr(self, f"check_{kind}", None)
        if check is not None:
            check(node, values)
        return (kind, values) if self._errors == errors_before else None

    def check_chart(self, node: Node, values: dict) -> None:
        size = values.get("size", 100)
        if size < 1:
            self.error(node, f"chart size must be at least 1, not {size}")
        position = values.get("position")
        if position is not None and not 1 <= position <= size:
            self.error(node, f"chart position {position} is outside 1..{size}")

    def check_date(self, node: Node, values: dict) -> None:
        value = values.get("value", "")
        match = _DATE.match(value)
        if match is None:
            self.error(node, f"bad date {value!r}: write YYYY-MM-DD, YYYY-MM or YYYY")
            return
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            datetime.date(year, month or 1, day or 1)  # type: ignore[arg-type]
        except ValueError:
            self.error(node, f"bad date {value!r}: no such day")
            return
        given = "day" if day else "month" if month else "year"
        precision = values.setdefault("precision", given)
        if _PRECISION_RANK[precision] > _PRECISION_RANK[given]:
            self.error(node, f"precision '{precision}' needs a more precise date than {value!r}")

    def check_duration(self, node: Node, values: dict) -> None:
        value = values.get("value", "")
        if not _DURATION.match(value):
            self.error(node, f"bad duration {value!r}: write minutes:seconds, e.g. 3:37")

    def check_number(self, node: Node, values: dict) -> None:
        if values.get("step", 1) <= 0:
            self.error(node, "'step' must be greater than 0")
        low, high = values.get("low"), values.get("high")
        if low is not None and high is not None and low > high:
            self.error(node, f"'low' ({low}) is greater than 'high' ({high})")

    def check_chronology(self, node: Node, values: dict) -> None:
        titles = [item.title for item in values.get("items", ())]
        current = values.get("current")
        if current is not None and current not in titles:
            self.error(node, f"chronology 'current' {current!r} is not among its items")

    # -- hand-written questions ------------------------------------------------------
    def questions(self, node: Node) -> tuple[HandQuestion, ...]:
        items = self.sequence(node, "'questions'")
        built: list[HandQuestion] = []
        explicit: dict[str, int] = {}
        derived: list[dict] = []
        for item in items:
            values = self.question(item)
            if values is None:
                continue
            qid = values.get("id")
            if qid is not None:
                if qid in explicit:
                    first = explicit[qid]
                    self.error(item, f"duplicate question id '{qid}' (first on line {first})")
                    continue
                explicit[qid] = item.start_mark.line + 1
            else:
                derived.append(values)
                values["id"] = ""
            built.append(values)  # type: ignore[arg-type]
            self.question_marks.append((item.start_mark.line + 1, item.start_mark.column + 1))
        taken = set(explicit)
        for values in derived:
            values["id"] = ids.unique(ids.slug(values["prompt"]), taken)
            taken.add(values["id"])
        return tuple(HandQuestion(**values) for values in built)  # type: ignore[arg-type]

    def question(self, node: Node) -> dict | None:
        errors_before = self._errors
        values = self.fields(node, QUESTION_FIELDS, "a question")
        if values is None:
            return None
        answer = values.get("answer")
        wrong = values.get("wrong")
        if wrong is None and _value_node(node, "pool") is None:
            if _value_node(node, "wrong") is None:  # (an invalid one is reported already)
                self.error(node, "a question needs 'wrong' options or a 'pool' to draw them from")
        elif wrong is not None:
            if answer:
                folded = answer.casefold()
                if any(option.casefold() == folded for option in wrong):
                    where = _item_node(_value_node(node, "wrong"), answer) or node
                    self.error(where, f"the answer {answer!r} is also listed as a wrong option")
            if not wrong and not values.get("pool"):
                self.warn(node, "no wrong options left after cleaning: it cannot be asked")
        return values if self._errors == errors_before else None

    # -- generic mapping/sequence/scalar checks --------------------------------------
    def fields(self, node: Node, fields: dict[str, Field], what: str) -> dict | None:
        """Check a mapping against ``fields`` and convert its values (None if not a mapping)."""
        entries = self.mapping(node, fields, what)
        if entries is None:
            return None
        values = {}
        for name, (_key, value_node) in entries.items():
            value = self.scalar(value_node, fields[name])
            if value is INVALID:
                continue
            if value is None:
                if fields[name].required:
                    self.error(value_node, f"'{name}' must not be empty")
                continue  # null: the default
            if value == "" and fields[name].required:
                self.error(value_node, f"'{name}' must not be empty")
                continue
            values[name] = value
        return values

    def mapping(self, node: Node, fields: dict[str, Field], what: str) -> dict | None:
        """Known keys of a mapping -> (key node, value node); reports the rest."""
        if type(node) is not MappingNode:
            self.error(node, f"{what} must be a mapping (key: value lines), not {_kind_of(node)}")
            return None
        if not self.check_tag(node):
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key is None:
                continue
            if key in lines:
                again = key_node.start_mark.line + 1
                self.error(key_node, f"duplicate key '{key}' on lines {lines[key]} and {again}")
                continue
            lines[key] = key_node.start_mark.line + 1
            if key not in fields:
                self.error(key_node, _unknown("key", key, fields))
                continue
            entries[key] = (key_node, value_node)
        for name, field in fields.items():
            if field.required and name not in entries:
                self.error(node, f"{what} is missing the required key '{name}'")
        return entries

    def key(self, node: Node) -> str | None:
        if type(node) is not ScalarNode:
            self.error(node, "a key must be plain text")
            return None
        if node.tag == MERGE:
            self.error(node, "merge keys (<<) are not allowed")
            return None
        if node.tag not in _ALLOWED_TAGS:
            self.error(node, f"the tag {_tag_name(node.tag)} is not allowed")
            return None
        return node.value

    def check_tag(self, node: Node) -> bool:
        if node.tag in _ALLOWED_TAGS:
            return True
        self.error(node, f"the tag {_tag_name(node.tag)} is not allowed")
        return False

    def sequence(self, node: Node, what: str) -> list[Node]:
        if type(node) is not SequenceNode:
            self.error(node, f"{what} must be a list, not {_kind_of(node)}")
            return []
        self.check_tag(node)
        return node.value

    def scalar(self, node: Node, field: Field):
        """Convert ``node`` to ``field``'s type; None for null, INVALID after an error."""
        kind = field.type
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            self.error(node, f"the tag {_tag_name(tag)} is not allowed")
            return INVALID
        if kind == "texts":
            return self.texts(node, f"'{field.name}'")
        if kind == "pool":
            if type(node) is ScalarNode and node.tag != NULL:
                return self.pool_ref(node)
            return self.texts(node, "'pool'")
        if kind == "items":
            return self.items(node)
        if type(node) is not ScalarNode:
            self.error(node, f"'{field.name}' must be {_expected(field)}, not {_kind_of(node)}")
            return INVALID
        if tag == NULL and not node.style:
            if field.nullable or not field.required:
                return None
            self.error(node, f"'{field.name}' must not be empty")
            return INVALID
        raw = node.value
        if kind == "text" or kind == "pool-name":
            text = clean(raw, multiline=field.name in MULTILINE).strip()
            if field.name == "id" and not _ID.match(text):
                self.error(node, f"bad id {text!r}: use letters, digits, '.', '_', '-' (max 80)")
                return INVALID
            if kind == "pool-name" and text not in self.pools:
                self.error(node, _unknown("pool", text, self.pools))
                return INVALID
            return text
        if kind == "enum":
            text = raw.strip()
            if text in field.choices:
                return text
            self.error(node, _bad_choice(field, text))
            return INVALID
        if kind == "int":
            if tag == INT and _DECIMAL.match(raw):
                return int(raw)
            self.error(node, f"'{field.name}' must be a whole number, not {_show(node)}")
            return INVALID
        if kind == "number":
            if tag == INT and _DECIMAL.match(raw):
                return int(raw)
            if tag == FLOAT and _FLOAT.match(raw):
                value = float(raw.replace("_", ""))
                if math.isfinite(value):
                    return value
            self.error(node, f"'{field.name}' must be a number, not {_show(node)}")
            return INVALID
        if kind == "bool":
            if tag == BOOL:
                return raw.lower() in _TRUE
            self.error(node, f"'{field.name}' must be true or false, not {_show(node)}")
            return INVALID
        raise AssertionError(kind)  # pragma: no cover - specs only produce the kinds above

    def texts(self, node: Node, what: str):
        """A list of text (one text counts as a list of one); repeats dropped with a warning."""
        if type(node) is ScalarNode and node.tag != NULL:
            node_items = [node]
        elif type(node) is SequenceNode:
            self.check_tag(node)
            node_items = node.value
        else:
            self.error(node, f"{what} must be a list of text, not {_kind_of(node)}")
            return INVALID
        result: list[str] = []
        seen: set[str] = set()
        for item in node_items:
            if type(item) is not ScalarNode:
                self.error(item, f"{what} must hold text, not {_kind_of(item)}")
                continue
            if not self.check_tag(item):
                continue
            text = clean(item.value).strip()
            if not text:
                self.warn(item, f"empty entry in {what} dropped")
                continue
            folded = text.casefold()
            if folded in seen:
                self.warn(item, f"{text!r} is listed twice in {what}; the repeat is dropped")
                continue
            seen.add(folded)
            result.append(text)
        return tuple(result)

    def pool_ref(self, node: ScalarNode):
        name = node.value.strip()
        if name in self.pools:
            return self.pools[name]
        self.error(node, _unknown("pool", name, self.pools))
        return INVALID

    def items(self, node: Node):
        if type(node) is not SequenceNode:
            self.error(node, f"'items' must be a list, not {_kind_of(node)}")
            return INVALID
        self.check_tag(node)
        result = []
        for item in node.value:
            if type(item) is ScalarNode:
                title = self.scalar(item, ITEM_FIELDS["title"])
                if title not in (INVALID, None, ""):
                    result.append(ChronologyItem(title))
                continue
            values = self.fields(item, ITEM_FIELDS, "a chronology item")
            if values is not None and values.get("title"):
                result.append(ChronologyItem(**values))
        return tuple(result)


def _value_node(mapping: Node, key: str) -> Node | None:
    for key_node, value_node in mapping.value:
        if type(key_node) is ScalarNode and key_node.value == key:
            return value_node
    return None


def _item_node(sequence: Node | None, text: str) -> Node | None:
    if type(sequence) is not SequenceNode:
        return sequence
    folded = text.casefold()
    for item in sequence.value:
        if type(item) is ScalarNode and clean(item.value).strip().casefold() == folded:
            return item
    return None


def _unknown(what: str, name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {what} '{_short(name)}'{hint}"


def _bad_choice(field: Field, text: str) -> str:
    choices = ", ".join(field.choices) + (" or null" if field.nullable else "")
    close = difflib.get_close_matches(text, field.choices, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"'{field.name}' must be one of {choices}, not '{_short(text)}'{hint}"


def _expected(field: Field) -> str:
    if field.type == "enum":
        return "one of " + ", ".join(field.choices)
    names = {"text": "text", "pool-name": "a pool name", "int": "a whole number",
             "number": "a number", "bool": "true or false"}  # fmt: skip
    return names.get(field.type, field.type)


def _kind_of(node: Node) -> str:
    if type(node) is MappingNode:
        return "a mapping"
    if type(node) is SequenceNode:
        return "a list"
    if node.tag == NULL and not node.style:
        return "empty"
    return f"'{_short(node.value)}'"


def _show(node: Node) -> str:
    if node.tag == STR and node.style in ("'", '"'):
        return f"the quoted text '{_short(node.value)}'"
    return f"'{_short(node.value)}'"


def _short(text: str, limit: int = 40) -> str:
    return shorten(clean(text), limit)


def _tag_name(tag: str) -> str:
    if tag.startswith(_Y):
        tag = "!!" + tag[len(_Y) :]
    return f"'{_short(tag, 60)}'"
