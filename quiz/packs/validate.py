"""The pack rules: one pass over a pack's YAML node tree that checks what a pack must
hold and builds its dataclasses.

Values are read from nodes by :class:`quiz.packs.nodes.NodeReader` (typed scalars,
every problem at its line and column); this module decides what a pack may say: the
top-level keys, pools, facts (each kind's rules come from :data:`quiz.facts.KINDS`),
hand-written questions, and ids that are unique.
"""

from __future__ import annotations

import re
from typing import Any

from yaml import MappingNode, Node, ScalarNode, SequenceNode

from quiz.facts import (
    KINDS,
    Attribution,
    ChronologyItem,
    Fact,
    HandQuestion,
    Pack,
    PackInfo,
    Subject,
    Values,
)
from quiz.packs import ids
from quiz.packs.nodes import (
    INVALID,
    NULL,
    Invalid,
    NodeReader,
    item_node,
    node_kind,
    unknown,
    value_node,
)
from quiz.packs.problems import Problem
from quiz.packs.question_rules import NUMBER_ANSWER, check_question, number_text
from quiz.packs.specs import (
    ATTRIBUTION_FIELDS,
    FACT_FIELDS,
    ID_PATTERN,
    INFO_FIELDS,
    ITEM_FIELDS,
    QUESTION_FIELDS,
    SUBJECT_FIELDS,
    TOP_LEVEL,
    TOP_REQUIRED,
    Field,
)

_ID = re.compile(ID_PATTERN)
_TOP_FIELDS = {name: Field(name, "any", name in TOP_REQUIRED) for name in TOP_LEVEL}
_FORMAT = Field("format", "int")


class PackBuilder(NodeReader):
    """Validates one composed pack and builds its :class:`Pack`.

    ``problems`` collects errors and warnings; ``question_marks`` and ``fact_marks``
    hold the (line, column) of each built question and fact, for lint.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.pools: dict[str, tuple[str, ...]] = {}
        self.question_marks: list[tuple[int, int]] = []
        self.fact_marks: list[tuple[int, int]] = []
        self.structured.update({"pool": self.pool, "items": self.items})
        self.scalars.update({"text": self.text_or_id, "pool-name": self.pool_name})

    # -- the pack --------------------------------------------------------------------
    def build(self, root: Node | None) -> Pack | None:
        """The pack, or None if it has errors (they are in ``problems``)."""
        if root is None:
            self.problems.append(Problem(self.path, 1, 1, "the file is empty"))
            return None
        entries = self.mapping(root, _TOP_FIELDS, "a pack")
        if entries is None:
            return None
        if "format" in entries:
            node = entries["format"][1]
            value = self.scalar(node, _FORMAT)
            if value is not INVALID and value != 1:
                self.error(node, f"unsupported format {value!r}: this version reads format 1")
        info = self.info(entries)
        subject = self.subject(entries["subject"][1]) if "subject" in entries else None
        if "pools" in entries:
            self.read_pools(entries["pools"][1])
        facts = self.facts(entries["facts"][1]) if "facts" in entries else ()
        questions = (self.questions(entries["questions"][1], {f.id for f in facts})
                     if "questions" in entries else ())
        if not facts and not questions and self.errors == 0:
            self.warn(root, "the pack has no facts and no questions")
        if self.errors or info is None:
            return None
        return Pack(info, subject, facts, questions, dict(self.pools), path=self.path)

    def info(self, entries: dict[str, tuple[Node, Node]]) -> PackInfo | None:
        """The pack's metadata block (``pack``, ``title``, ...)."""
        values: Values = {}
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
        if "attribution" in entries:
            values["attribution"] = self.attribution(entries["attribution"][1])
        return PackInfo(**values)

    def attribution(self, node: Node) -> Attribution | None:
        """Where the pack's content came from (all keys optional; None if it says nothing)."""
        if type(node) is ScalarNode and node.tag == NULL:
            return None
        values = self.fields(node, ATTRIBUTION_FIELDS, "'attribution'")
        if not values:
            return None
        url = values.get("url")
        if isinstance(url, str) and url and not url.lower().startswith(("https://", "http://")):
            # Shown for players to follow: only a web address, never a file or a script.
            self.error(value_node(node, "url") or node,
                       f"'url' must be a web address starting with https:// (not {url!r})")
            return None
        return Attribution(**{name: value for name, value in values.items() if value})

    def subject(self, node: Node) -> Subject | None:
        """The song the pack is about."""
        values = self.fields(node, SUBJECT_FIELDS, "'subject'")
        return Subject(**values) if values is not None else None

    def read_pools(self, node: Node) -> None:
        """The named pools of wrong options, into ``pools``."""
        if type(node) is not MappingNode:
            self.error(node, "'pools' must be a mapping of pool names to lists of text")
            return
        self.check_tag(node)
        seen: dict[str, int] = {}
        pairs: list[tuple[Node, Node]] = node.value
        for key, value in pairs:
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
    def facts(self, node: Node) -> tuple[Fact, ...]:
        """Every valid fact, ids derived for those the pack leaves unnamed."""
        built: list[tuple[str, Values]] = []
        taken: set[str] = set()
        pending: list[tuple[str, Values]] = []  # facts whose id is derived after all
        for item in self.sequence(node, "'facts'"):
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
                pending.append((kind, values))
            built.append((kind, values))
            self.fact_marks.append((item.start_mark.line + 1, item.start_mark.column + 1))
        # Derived ids never take an explicit one, whatever the order of the facts.
        for kind, values in pending:
            full = {name: f.default for name, f in FACT_FIELDS[kind].items()} | values
            values["id"] = ids.unique(ids.fact_id(kind, full), taken)
            taken.add(values["id"])
        made: tuple[Fact, ...] = tuple(KINDS[kind].cls(**values) for kind, values in built)
        return made

    def fact(self, node: Node) -> tuple[str, Values] | None:
        """One fact's kind and values, or None (reported) if it breaks a rule."""
        if type(node) is not MappingNode:
            self.error(node, "a fact must be a mapping with a 'kind' key")
            return None
        kind_node = value_node(node, "kind")
        if kind_node is None:
            self.error(node, f"a fact needs a 'kind' (one of: {', '.join(KINDS)})")
            return None
        kind = kind_node.value if type(kind_node) is ScalarNode else None
        if kind not in KINDS:
            self.error(kind_node, unknown("kind", str(kind), KINDS))
            return None
        spec = KINDS[kind]
        errors_before = self.errors
        values = self.fields(node, FACT_FIELDS[kind], f"a {kind} fact")
        if values is None:
            return None
        values.pop("kind", None)
        values.setdefault("category", spec.category)
        values.setdefault("source", "")
        if spec.one_of and not any(values.get(name) for name in spec.one_of):
            self.error(node, f"a {kind} fact needs {' or '.join(repr(n) for n in spec.one_of)}")
        # Rules across keys only read a fact whose keys all read well: a key refused
        # above is missing from ``values``, and its default would mislead them.
        checks = spec.check(values) if self.errors == errors_before else []
        for key, message in checks:
            self.error(value_node(node, key) or node if key else node, message)
        return (kind, values) if self.errors == errors_before else None

    # -- hand-written questions ------------------------------------------------------
    def questions(self, node: Node, fact_ids: set[str]) -> tuple[HandQuestion, ...]:
        """Every valid hand-written question, ids derived from prompts where unnamed;
        ``asks``/``reveals`` must name facts (``fact_ids``) or other questions."""
        built: list[Values] = []
        nodes: list[Node] = []
        explicit: dict[str, int] = {}
        derived: list[Values] = []
        for item in self.sequence(node, "'questions'"):
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
            built.append(values)
            nodes.append(item)
            self.question_marks.append((item.start_mark.line + 1, item.start_mark.column + 1))
        taken = set(explicit)
        for values in derived:
            values["id"] = ids.unique(ids.slug(values["prompt"]), taken)
            taken.add(values["id"])
        known = fact_ids | taken  # once: a union per question was quadratic (100k: minutes)
        for values, item in zip(built, nodes, strict=True):
            self.references(item, values, known)
        return tuple(HandQuestion(**values) for values in built)

    def references(self, node: Node, values: Values, known: set[str]) -> None:
        """Each ``asks``/``reveals`` entry names a fact or another question (a typo
        would silently let a spoiler through)."""
        for key in ("asks", "reveals"):
            for name in values.get(key) or ():
                where = item_node(value_node(node, key), name) or node
                if name == values["id"]:
                    self.error(where, f"'{key}' names the question itself ({name!r})")
                elif name not in known:
                    self.error(where, f"'{key}' names {name!r}: no fact or question has that id")

    def question(self, node: Node) -> Values | None:
        """One hand-written question's values, or None (reported) if it breaks a rule."""
        errors_before = self.errors
        values = self.fields(node, QUESTION_FIELDS, "a question")
        if values is None:
            return None
        kind = values.get("type", "choice")
        if "type" not in values and value_node(node, "type") is not None:
            return None  # a type that failed to read: its rules would mislead
        if kind != "order":
            self.typed_answer(node, values, kind)
        if kind == "choice":
            self.wrong_options(node, values)
        if self.errors == errors_before:  # rules across keys only read keys that read well
            for key, item, message in check_question(values):
                where = value_node(node, key) if key else node
                self.error((item_node(where, item) if item else where) or node, message)
        return values if self.errors == errors_before else None

    def typed_answer(self, node: Node, values: Values, kind: str) -> None:
        """The ``answer`` every type but ``order`` needs, read as its type writes it."""
        answer_node = value_node(node, "answer")
        if answer_node is None:
            self.error(node, "a question is missing the required key 'answer'")
        elif not values.get("answer"):
            if "answer" in values:  # (a value that failed to read is reported already)
                self.error(answer_node, "'answer' must not be empty")
        elif kind == "number" and type(answer_node) is ScalarNode:
            number = self.number(answer_node, NUMBER_ANSWER)
            if number is not INVALID:
                values["answer"] = number_text(number)
        elif kind == "truefalse" and values["answer"].casefold() in ("true", "false"):
            values["answer"] = values["answer"].capitalize()

    def wrong_options(self, node: Node, values: Values) -> None:
        """A choice question's ``wrong`` options or ``pool``, none of them the answer."""
        answer = values.get("answer")
        wrong = values.get("wrong")
        if wrong is None and value_node(node, "pool") is None:
            if value_node(node, "wrong") is None:  # (an invalid one is reported already)
                self.error(node, "a question needs 'wrong' options or a 'pool' to draw them from")
        elif wrong is not None:
            if answer:
                folded = answer.casefold()
                if any(option.casefold() == folded for option in wrong):
                    where = item_node(value_node(node, "wrong"), answer) or node
                    self.error(where, f"the answer {answer!r} is also listed as a wrong option")
            if not wrong and not values.get("pool"):
                self.warn(node, "no wrong options left after cleaning: it cannot be asked")

    # -- values only a pack has ------------------------------------------------------
    def text_or_id(self, node: ScalarNode, field: Field) -> str | Invalid:
        """Text; an ``id`` must also be a valid id."""
        text = self.text(node, field)
        if field.name == "id" and not _ID.match(text):
            self.error(node, f"bad id {text!r}: use letters, digits, '.', '_', '-' (max 80)")
            return INVALID
        return text

    def pool_name(self, node: ScalarNode, field: Field) -> str | Invalid:
        """The name of a pool read so far."""
        text = self.text(node, field)
        if text not in self.pools:
            self.error(node, unknown("pool", text, self.pools))
            return INVALID
        return text

    def pool(self, node: Node, field: Field) -> tuple[str, ...] | Invalid:
        """A fact's pool: a pool's name (its values) or a list of text."""
        if type(node) is ScalarNode and node.tag != NULL:
            name = str(node.value).strip()
            if name in self.pools:
                return self.pools[name]
            self.error(node, unknown("pool", name, self.pools))
            return INVALID
        return self.texts(node, "'pool'")

    def items(self, node: Node, field: Field) -> tuple[ChronologyItem, ...] | Invalid:
        """A chronology's items: titles, or mappings with a title and a year."""
        if type(node) is not SequenceNode:
            self.error(node, f"'items' must be a list, not {node_kind(node)}")
            return INVALID
        self.check_tag(node)
        result: list[ChronologyItem] = []
        entries: list[Node] = node.value
        for item in entries:
            if type(item) is ScalarNode:
                title = self.scalar(item, ITEM_FIELDS["title"])
                if isinstance(title, str) and title:
                    result.append(ChronologyItem(title))
                continue
            values: dict[str, Any] | None = self.fields(item, ITEM_FIELDS, "a chronology item")
            if values is not None and values.get("title"):
                result.append(ChronologyItem(**values))
        return tuple(result)
