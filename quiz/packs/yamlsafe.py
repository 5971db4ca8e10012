"""Reading a pack file into a YAML node tree without trusting it.

The limits are checked in order of cost, each before the step it protects:

1. size (``stat``) before reading the file whole, then strict UTF-8;
2. nesting depth before composing: libyaml's composer (used by ``CSafeLoader``)
   recurses in C and crashes the whole process on deeply nested input, while its
   parser is an iterative state machine. A cheap bound from the text decides whether
   the exact event-level check is needed at all;
3. anchors and aliases (an alias can expand into billions of items) before composing,
   scanning events only when the text contains something that could be one.

Tags and merge keys are refused later, on the nodes (see ``validate.py``): they are
harmless until constructed, and we never construct.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from quiz.packs.cache_files import NotRegular, TooBig, read_regular
from quiz.packs.problems import PackError, Problem

if TYPE_CHECKING:  # PyYAML is imported to parse: a pack read from the cache never is
    import yaml


def _loader(text: str) -> yaml.CSafeLoader | yaml.SafeLoader:
    """PyYAML's safe loader over ``text``: libyaml's where PyYAML was built with it."""
    try:
        from yaml import CSafeLoader

        return CSafeLoader(text)
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml import SafeLoader

        return SafeLoader(text)

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64

# The structural prefix of a line: indentation, then compact block markers ("- ", "? ", ": ").
# A block collection can only start inside (or right after) it.
_PREFIX = re.compile(r"[ \t]*(?:[-?:](?:[ \t]+|$))*")
# A tag or comment start: what follows it may contain brackets that are not structure.
_TAG_OR_COMMENT = re.compile(r"(?:^|[\s\[\]{},:?-])!|(?:^|\s)#")
# Quoted scalars that certainly start where they seem to: right after "[", "{", "," or ": ".
# Inside flow collections these are real, so the brackets they hold are text.
_FLOW_QUOTED = re.compile(r"""([\[{,]|:[ \t])[ \t]*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')""")
# An anchor (&name) or alias (*name) where a node can start.
_ANCHOR_LIKE = re.compile(r"(?<![^\s\[{,:?-])[&*][^\s\[\]{},]")
# Characters where a quoted scalar may start: whitespace, flow/block indicators, line start.
_QUOTE_STARTERS = frozenset(" \t[]{},:?-!&*|>")
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e]")


def read_pack_bytes(path: str) -> bytes:
    """The bytes of the pack file at ``path``; PackError if it is not a regular file, is
    too big or cannot be read. Never waits on a FIFO or a device (the type is checked on
    the opened file, so it cannot change between the check and the read)."""
    try:
        return read_regular(path, MAX_BYTES)
    except NotRegular:
        message = "not a regular file"
    except TooBig as error:
        message = f"file is {_mib(error.size)}; packs are limited to 32 MiB"
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
    raise _error(path, 0, 0, message)


def read_pack_text(path: str) -> str:
    """Return the file's text, or raise PackError if it is too big, not a file, or not UTF-8."""
    return decode_utf8(path, read_pack_bytes(path))


def decode_utf8(path: str, data: bytes) -> str:
    """Decode strict UTF-8 (a BOM is allowed), naming the line and column of a bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        bad = data[start : start + 1].hex()
        message = f"invalid UTF-8 (byte 0x{bad}); save the file as UTF-8"
        raise _error(path, line, column, message) from None
    return text[1:] if text.startswith("\ufeff") else text


def compose(path: str, text: str) -> yaml.Node | None:
    """Compose ``text`` into a node tree after the depth and anchor checks.

    Raises PackError for YAML syntax errors, nesting deeper than 64, anchors and aliases.
    Returns None for an empty document.
    """
    needs_depth_check = depth_bound(text) > MAX_DEPTH
    needs_anchor_check = ("&" in text or "*" in text) and _ANCHOR_LIKE.search(text) is not None
    if needs_depth_check or needs_anchor_check:
        _check_events(path, text)
    import yaml

    loader = _loader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from None
    finally:
        loader.dispose()


def depth_bound(text: str) -> int:
    """A cheap upper bound of the nesting depth of ``text`` (never below the real depth).

    Block collections: every two levels of nesting move at least one column right, and
    a block collection starts within its line's structural prefix, so block depth is at
    most 2 * (longest prefix + 1). Flow collections: count brackets line by line, but
    count closing brackets only where they cannot be text (outside quoted scalars that
    surely start where they seem to, with no comment or tag on the line, and no quoted
    scalar possibly running on from an earlier line). Opening brackets always count, so
    text can only make the bound larger.
    """
    if _OTHER_BREAKS.search(text):
        # libyaml also breaks lines at these; splitting at more places only raises the bound.
        text = _OTHER_BREAKS.sub("\n", text)
    prefix = depth = peak = 0
    maybe_in_quote = False
    has_flow = "[" in text or "{" in text
    for line in text.split("\n"):
        first = line.lstrip(" \t")[:1]
        if first in ("-", "?", ":"):
            found = _PREFIX.match(line)  # the pattern matches every line, if only emptily
            width = found.end() if found else 0
        else:
            width = len(line) - len(line.lstrip(" \t"))
        if width > prefix:
            prefix = width
        if not has_flow:
            continue
        quoted = '"' in line or "'" in line
        opens = line.count("[") + line.count("{")
        if opens or "]" in line or "}" in line:
            closes = 0
            if not maybe_in_quote and not (
                ("!" in line or "#" in line) and _TAG_OR_COMMENT.search(line)
            ):
                rest = _FLOW_QUOTED.sub(r"\1", line) if quoted else line
                if '"' not in rest and not ("'" in rest and _has_quote_start(rest, "'")):
                    closes = rest.count("]") + rest.count("}")
            if depth + opens > peak:
                peak = depth + opens
            # Closes first, then opens: never lower than the real depth, whatever their order.
            depth = max(0, depth - closes) + opens
        if quoted and not maybe_in_quote:
            maybe_in_quote = _may_open_quote(line)
    return 2 * (prefix + 1) + peak


def _has_quote_start(line: str, quote: str) -> bool:
    """True if ``quote`` occurs where a quoted scalar could start."""
    index = line.find(quote)
    while index != -1:
        if index == 0 or line[index - 1] in _QUOTE_STARTERS:
            return True
        index = line.find(quote, index + 1)
    return False


def _may_open_quote(line: str) -> bool:
    """True if a quoted scalar may start on this line and go on past its end.

    Such a scalar's opening quote is the line's last unescaped quote of its kind, and
    a quote can only open a scalar after whitespace, an indicator or the line start.
    """
    stripped = line.lstrip(" \t")
    if stripped.startswith("#"):
        return False  # a whole-line comment (inside a quoted scalar we are already wary)
    double = line.replace("\\\\", "").replace('\\"', "")
    index = double.rfind('"')
    if index != -1 and (index == 0 or double[index - 1] in _QUOTE_STARTERS):
        return True
    single = line.replace("''", "")
    index = single.rfind("'")
    return index != -1 and (index == 0 or single[index - 1] in _QUOTE_STARTERS)


def _check_events(path: str, text: str) -> None:
    """Exact checks on parser events: depth > 64, anchors and aliases. Stops at the first."""
    import yaml

    depth = 0
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    loader = _loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if event is None:  # check_event() said there is one; the stubs cannot know
                break
            if isinstance(event, yaml.AliasEvent):
                raise _mark_error(path, event.start_mark, "aliases (*name) are not allowed")
            if getattr(event, "anchor", None) is not None:
                raise _mark_error(path, event.start_mark, "anchors (&name) are not allowed")
            if isinstance(event, starts):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _mark_error(
                        path, event.start_mark, f"nesting deeper than {MAX_DEPTH} levels"
                    )
            elif isinstance(event, ends):
                depth -= 1
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from None
    finally:
        loader.dispose()


# libyaml 0.2.5 and later refuse deep nesting themselves (PyYAML 6.0.4 ships such a build);
# their wording differs by version, so any such refusal is said in our own words.
_LIBYAML_DEPTH = re.compile(r"nesting depth|too deep|maximum depth", re.IGNORECASE)


def _yaml_error(path: str, text: str, error: yaml.YAMLError) -> PackError:
    """A PackError from a PyYAML/libyaml error, at its place in the file."""
    import yaml

    mark = getattr(error, "problem_mark", None)
    if _LIBYAML_DEPTH.search(str(getattr(error, "problem", "") or error)) and mark is not None:
        return _mark_error(path, mark, f"nesting deeper than {MAX_DEPTH} levels")
    if isinstance(error, yaml.reader.ReaderError):
        position = error.position
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        char = error.character
        code = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        return _error(path, line, column, f"character {code} is not allowed ({error.reason})")
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        tab = _indenting_tab(text, error.problem_mark.line)
        if tab is not None:
            # libyaml says "found character that cannot start any token": true, and no
            # help to an author whose editor put a tab where spaces were meant.
            return _error(path, error.problem_mark.line + 1, tab + 1, TAB_MESSAGE)
        message = f"invalid YAML: {error.problem}"
        if error.context:
            where = ""
            if error.context_mark is not None:
                where = f" started on line {error.context_mark.line + 1}"
            message += f" ({error.context}{where})"
        mark = error.problem_mark
        return _error(path, mark.line + 1, mark.column + 1, message)
    return _error(path, 0, 0, f"invalid YAML: {error}")


TAB_MESSAGE = "tabs are not allowed in YAML indentation; use spaces"


def _indenting_tab(text: str, line: int) -> int | None:
    """The 0-based column of the first tab in the indentation of line ``line`` (0-based)
    of ``text``, or None when its indentation has no tab."""
    lines = text.split("\n", line + 1)
    if line >= len(lines):
        return None
    row = lines[line]
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return indent.index("\t") if "\t" in indent else None


class _Position(Protocol):
    """A YAML mark: PyYAML's own, or libyaml's."""

    line: int
    column: int


def _mark_error(path: str, mark: _Position | None, message: str) -> PackError:
    if mark is None:  # every event the parser makes has a mark; the stubs allow none
        return _error(path, 0, 0, message)
    return _error(path, mark.line + 1, mark.column + 1, message)


def _error(path: str, line: int, column: int, message: str) -> PackError:
    return PackError(path, [Problem(path, line, column, message)])


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"
