"""The layers, checked over the import graph read from the source (every import statement,
also those inside functions and under ``if TYPE_CHECKING:``, which import-linter and a
running interpreter can miss):

* no module of ``quiz/`` outside ``quiz/ui`` imports Textual, nor ``quiz.ui`` (but the
  ``play`` command that starts the app);
* no import cycles among the modules of ``quiz/``, nor among those of ``bench/``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
Graph = dict[str, set[str]]


def module_names(package: Path) -> dict[str, Path]:
    """Dotted name -> file for every module under ``package`` (a folder in the checkout)."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _imported(node: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """The dotted names one import statement asks for (``from a import b`` gives both
    ``a`` and ``a.b``: which of them is a module is decided against the known modules)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            anchor = module.split(".")
            anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
            base = ".".join([*anchor, base] if base else anchor)
        yield base
        yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph(package: Path, *, scripts: bool = False) -> tuple[Graph, dict[str, set[str]]]:
    """Edges between the modules of ``package``, and every name each module imports.

    With ``scripts``, a flat ``import x`` of a sibling file counts too: a module run as
    a script has its own folder on the path.
    """
    modules = module_names(package)
    local = {name.rsplit(".", 1)[-1]: name for name in modules if "." in name} if scripts else {}
    graph: Graph = {name: set() for name in modules}
    raw: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            asked = list(_imported(node, name, is_package))
            raw[name].update(asked)
            graph[name].update(_targets(asked, modules, local))
        graph[name].discard(name)
    return graph, raw


def _targets(asked: list[str], modules: dict[str, Path], local: dict[str, str]) -> set[str]:
    """The known modules among ``asked``: ``from a import b`` points at ``a.b`` when that
    is a module, else at ``a``; a script's flat ``import x`` of a sibling file is that file."""
    found = set()
    for dotted in asked:
        if dotted in modules:
            found.add(dotted)
        elif dotted in local and dotted not in modules:
            found.add(local[dotted])
    submodules = {d for d in found if d.rsplit(".", 1)[0] in found}
    return found - {d.rsplit(".", 1)[0] for d in submodules if d.count(".")}


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


QUIZ, QUIZ_IMPORTS = import_graph(ROOT / "quiz")
BENCH, _ = import_graph(ROOT / "bench", scripts=True)


def test_the_graph_sees_every_kind_of_import(tmp_path):
    """The checker itself: function-level, TYPE_CHECKING, relative and flat imports count."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from . import b\n")
    (pkg / "a.py").write_text("def f():\n    from pkg.sub import b\n")
    (pkg / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..a import f\n"
    )
    (pkg / "c.py").write_text("import d\nimport textual.widgets\n")
    (pkg / "d.py").write_text("import pkg.c\n")
    graph, raw = import_graph(pkg, scripts=True)
    assert graph["pkg.a"] == {"pkg.sub.b"}
    assert graph["pkg.sub.b"] == {"pkg.a"}
    assert graph["pkg.sub"] == {"pkg.sub.b"}
    assert "textual.widgets" in raw["pkg.c"]
    assert cycles(graph) == [["pkg.a", "pkg.sub.b"], ["pkg.c", "pkg.d"]]


def test_the_core_never_imports_textual():
    offenders = {
        module: sorted(n for n in names if n == "textual" or n.startswith("textual."))
        for module, names in QUIZ_IMPORTS.items()
        if module != "quiz.ui" and not module.startswith("quiz.ui.")
    }
    assert {module: names for module, names in offenders.items() if names} == {}


#: The one module outside quiz/ui that may import it: the command that starts the app.
UI_STARTERS = {"quiz.commands.play", "quiz.commands.party"}


def test_the_core_never_imports_the_ui():
    offenders = {
        module: sorted(t for t in targets if t == "quiz.ui" or t.startswith("quiz.ui."))
        for module, targets in QUIZ.items()
        if module not in UI_STARTERS and not module.startswith("quiz.ui")
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_no_import_cycles_in_quiz():
    # Screens post messages; they never import the app (they did, through QuizApp casts).
    assert cycles(QUIZ) == []


def test_no_import_cycles_in_bench():
    assert cycles(BENCH) == []


def test_the_graphs_are_not_empty():
    """A path mistake would make every check above pass on nothing."""
    assert len(QUIZ) > 50 and "quiz.store.database" in QUIZ["quiz.store"]
    assert "bench.harness" in BENCH and "bench.report" in BENCH["bench.harness"]
