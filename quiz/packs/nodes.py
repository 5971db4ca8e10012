"""Reading a composed YAML node tree: typed values from nodes, each problem at its node.

Scalars are typed here from the node (never by PyYAML's constructor), so
``value: 2016-05-24`` stays the text ``"2016-05-24"`` and no tag is ever constructed.
All text goes through ``quiz.text.clean``. Every problem is collected with its node's
line and column, so an author sees them all at once. What a pack must hold is not
decided here but in :mod:`quiz.packs.validate`, which reads its mappings through
:class:`NodeReader`.
"""

from __future__ import annotations

import difflib
import enum
import math
import re
import unicodedata
from collections.abc import Callable, Iterable

from yaml import MappingNode, Node, ScalarNode, SequenceNode

from quiz.facts import Values
from quiz.packs.problems import Problem, sort_problems
from quiz.packs.specs import MULTILINE, Field
from quiz.text import clean, shorten

_Y = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = _Y + "str", _Y + "int", _Y + "float", _Y + "bool", _Y + "null"
MERGE = _Y + "merge"
_ALLOWED_TAGS = frozenset(
    {STR, INT, FLOAT, BOOL, NULL, _Y + "timestamp", _Y + "value", _Y + "seq", _Y + "map"}
)
_DECIMAL = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z")
_TRUE = frozenset({"true", "yes", "on", "y"})
#: Digits a whole number may have: more than any range allows, far fewer than the
#: 4,300 Python refuses to convert.
_MAX_DIGITS = 30


class Invalid(enum.Enum):
    """The type of :data:`INVALID`."""

    INVALID = "invalid"


#: A value that failed its check (the problem is reported already).
INVALID = Invalid.INVALID
#: Reads a value of one field type from a node.
Reader = Callable[[Node, Field], object]
#: Reads a value of one field type from a non-null scalar node.
ScalarReader = Callable[[ScalarNode, Field], object]


class NodeReader:
    """Reads mappings, lists and scalars of one file, collecting problems.

    ``structured`` maps a field type to its reader for any node (lists);
    ``scalars`` maps a field type to its reader for a plain scalar. Subclasses add
    the types only they can read (a pool name needs the pools read so far).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.errors = 0
        self.structured: dict[str, Reader] = {"texts": self.texts_field}
        self.scalars: dict[str, ScalarReader] = {
            "text": self.text,
            "enum": self.choice,
            "int": self.whole,
            "number": self.number,
            "bool": self.flag,
        }

    # -- reporting -------------------------------------------------------------------
    def error(self, node: Node, message: str) -> None:
        """Record an error at ``node``."""
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))
        self.errors += 1

    def warn(self, node: Node, message: str) -> None:
        """Record a warning at ``node``."""
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message, "warning"))

    def sorted_problems(self) -> list[Problem]:
        """Every problem, in file order."""
        return sort_problems(self.problems)

    # -- mappings and lists ----------------------------------------------------------
    def fields(self, node: Node, fields: dict[str, Field], what: str) -> Values | None:
        """Check a mapping against ``fields`` and convert its values (None if not a mapping)."""
        entries = self.mapping(node, fields, what)
        if entries is None:
            return None
        values: Values = {}
        for name, (_key, value_node) in entries.items():
            value = self.scalar(value_node, fields[name])
            if value is INVALID:
                continue
            if value is None or (value == "" and fields[name].required):
                if fields[name].required:
                    self.error(value_node, f"'{name}' must not be empty")
                continue  # null: the default
            values[name] = value
        return values

    def mapping(
        self, node: Node, fields: dict[str, Field], what: str
    ) -> dict[str, tuple[Node, Node]] | None:
        """Known keys of a mapping -> (key node, value node); reports the rest."""
        if type(node) is not MappingNode:
            self.error(node, f"{what} must be a mapping (key: value lines), not {node_kind(node)}")
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
                self.error(key_node, unknown("key", key, fields))
                continue
            entries[key] = (key_node, value_node)
        for name, field in fields.items():
            if field.required and name not in entries:
                self.error(node, f"{what} is missing the required key '{name}'")
        return entries

    def key(self, node: Node) -> str | None:
        """A mapping key's text, or None (reported) if it is not plain text."""
        if type(node) is not ScalarNode:
            self.error(node, "a key must be plain text")
            return None
        if node.tag == MERGE:
            self.error(node, "merge keys (<<) are not allowed")
            return None
        if not self.check_tag(node):
            return None
        return str(node.value)

    def check_tag(self, node: Node) -> bool:
        """Whether ``node``'s tag is one plain YAML allows (reported if not)."""
        if node.tag in _ALLOWED_TAGS:
            return True
        self.error(node, f"the tag {_tag_name(node.tag)} is not allowed")
        return False

    def sequence(self, node: Node, what: str) -> list[Node]:
        """A list's items (none, reported, if ``node`` is not a list)."""
        if type(node) is not SequenceNode:
            self.error(node, f"{what} must be a list, not {node_kind(node)}")
            return []
        self.check_tag(node)
        return list(node.value)

    def texts(self, node: Node, what: str) -> tuple[str, ...] | Invalid:
        """A list of text (one text counts as a list of one); repeats dropped with a warning."""
        if type(node) is ScalarNode and node.tag != NULL:
            node_items: list[Node] = [node]
        elif type(node) is SequenceNode:
            self.check_tag(node)
            node_items = list(node.value)
        else:
            self.error(node, f"{what} must be a list of text, not {node_kind(node)}")
            return INVALID
        result: list[str] = []
        seen: set[str] = set()
        for item in node_items:
            if type(item) is not ScalarNode:
                self.error(item, f"{what} must hold text, not {node_kind(item)}")
                continue
            if not self.check_tag(item):
                continue
            text = visible(clean(item.value).strip())
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

    def texts_field(self, node: Node, field: Field) -> tuple[str, ...] | Invalid:
        """The list of text a ``texts`` field holds."""
        return self.texts(node, f"'{field.name}'")

    # -- scalars ---------------------------------------------------------------------
    def scalar(self, node: Node, field: Field) -> object:
        """Convert ``node`` to ``field``'s type; None for null, INVALID after an error."""
        if not self.check_tag(node):
            return INVALID
        structured = self.structured.get(field.type)
        if structured is not None:
            return structured(node, field)
        if type(node) is not ScalarNode:
            self.error(node, f"'{field.name}' must be {_expected(field)}, not {node_kind(node)}")
            return INVALID
        if node.tag == NULL and not node.style:
            if field.nullable or not field.required:
                return None
            self.error(node, f"'{field.name}' must not be empty")
            return INVALID
        return self.scalars[field.type](node, field)

    def text(self, node: ScalarNode, field: Field) -> str:
        """Cleaned text (kept on several lines only for the fields that may be); text
        with nothing visible (zero-width characters only) is empty."""
        return visible(clean(node.value, multiline=field.name in MULTILINE).strip())

    def choice(self, node: ScalarNode, field: Field) -> str | Invalid:
        """One of an enum field's choices."""
        text = str(node.value).strip()
        if text in field.choices:
            return text
        self.error(node, _bad_choice(field, text))
        return INVALID

    def whole(self, node: ScalarNode, field: Field) -> int | Invalid:
        """A whole number written as one (``2016``, not ``"2016"`` or ``2016.0``)."""
        if node.tag == INT and _DECIMAL.match(node.value):
            return self.bounded(node, field, node.value)
        self.error(node, f"'{field.name}' must be a whole number, not {_show(node)}")
        return INVALID

    def number(self, node: ScalarNode, field: Field) -> int | float | Invalid:
        """A whole or finite decimal number."""
        raw = node.value
        if node.tag == INT and _DECIMAL.match(raw):
            return self.bounded(node, field, raw)
        if node.tag == FLOAT and _FLOAT.match(raw):
            value = float(raw.replace("_", ""))
            if math.isfinite(value):
                return self.within(node, field, value)
            self.error(node, f"'{field.name}' is too large a number: {_show(node)}")
            return INVALID
        self.error(node, f"'{field.name}' must be a number, not {_show(node)}")
        return INVALID

    def bounded(self, node: ScalarNode, field: Field, digits: str) -> int | Invalid:
        """A whole number's value, refused before it is converted when it has more
        digits than any field allows (Python refuses to convert 4,300 or more)."""
        if len(digits.lstrip("+-").lstrip("0")) > _MAX_DIGITS:
            self.error(node, f"'{field.name}' is too large a number: {_show(node)}")
            return INVALID
        value = self.within(node, field, int(digits))
        return value if isinstance(value, int) else INVALID

    def within(self, node: ScalarNode, field: Field, value: float) -> float | Invalid:
        """``value`` if it lies in the field's range (reported at ``node`` if not)."""
        low, high = field.minimum, field.maximum
        if (low is None or value >= low) and (high is None or value <= high):
            return value
        if low is not None and high is not None:
            wanted = f"between {_figure(low)} and {_figure(high)}"
        else:
            wanted = f"at least {_figure(low)}" if low is not None else f"at most {_figure(high)}"
        self.error(node, f"'{field.name}' must be {wanted}, not {_show(node)}")
        return INVALID

    def flag(self, node: ScalarNode, field: Field) -> bool | Invalid:
        """True or false, as YAML writes them."""
        if node.tag == BOOL:
            return str(node.value).lower() in _TRUE
        self.error(node, f"'{field.name}' must be true or false, not {_show(node)}")
        return INVALID


def visible(text: str) -> str:
    """``text``, or ``""`` when it shows nothing: only spaces and invisible format
    characters (zero-width spaces, joiners), which would make a blank option."""
    if text.isascii() or any(unicodedata.category(c)[0] not in "CZ" for c in text):
        return text
    return ""


# -- finding nodes ---------------------------------------------------------------------


def value_node(mapping: Node, key: str) -> Node | None:
    """The value node of ``key`` in a mapping node, if it has that key."""
    pairs: list[tuple[Node, Node]] = mapping.value
    for key_node, found in pairs:
        if type(key_node) is ScalarNode and key_node.value == key:
            return found
    return None


def item_node(sequence: Node | None, text: str) -> Node | None:
    """The item of a list node whose text is ``text`` (the node itself if not a list)."""
    if type(sequence) is not SequenceNode:
        return sequence
    folded = text.casefold()
    for item in sequence.value:
        if type(item) is ScalarNode and clean(item.value).strip().casefold() == folded:
            return item
    return None


# -- wording ---------------------------------------------------------------------------


def unknown(what: str, name: str, known: Iterable[str]) -> str:
    """"unknown key 'x' (did you mean 'y'?)"."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {what} '{short(name)}'{hint}"


def _bad_choice(field: Field, text: str) -> str:
    choices = ", ".join(field.choices) + (" or null" if field.nullable else "")
    close = difflib.get_close_matches(text, field.choices, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"'{field.name}' must be one of {choices}, not '{short(text)}'{hint}"


def _expected(field: Field) -> str:
    if field.type == "enum":
        return "one of " + ", ".join(field.choices)
    names = {"text": "text", "pool-name": "a pool name", "int": "a whole number",
             "number": "a number", "bool": "true or false"}  # fmt: skip
    return names.get(field.type, field.type)


def node_kind(node: Node) -> str:
    """What a node is, as an author reads it: "a mapping", "a list", "empty", "'x'"."""
    if type(node) is MappingNode:
        return "a mapping"
    if type(node) is SequenceNode:
        return "a list"
    if isinstance(node, ScalarNode) and node.tag == NULL and not node.style:
        return "empty"
    return f"'{short(str(node.value))}'"


def _figure(number: int | None) -> str:
    """A range's end as written in a message: "2999", "10,000", "-1,000,000,000,000,000"."""
    return f"{number:,}" if number is not None and abs(number) >= 10_000 else str(number)


def _show(node: ScalarNode) -> str:
    if node.tag == STR and node.style in ("'", '"'):
        return f"the quoted text '{short(node.value)}'"
    return f"'{short(node.value)}'"


def short(text: str, limit: int = 40) -> str:
    """``text`` cleaned and cut to ``limit`` characters with an ellipsis."""
    return shorten(clean(text), limit)


def _tag_name(tag: str) -> str:
    if tag.startswith(_Y):
        tag = "!!" + tag[len(_Y) :]
    return f"'{short(tag, 60)}'"
