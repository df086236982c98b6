"""The house stays as the README draws it: imports run one way between the top-level packages
(evals → assistant → scanners → ingest, and assistant → ingest) and between the rooms inside
them, no file imports itself round a circle, the product never imports evals, and no product
module outgrows a reader's patience. Read from the source with ``ast``; nothing is imported."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("ingest", "scanners", "assistant")
PACKAGES = (*PRODUCT, "evals")
MAX_LINES = 450

# A higher rank may import a lower one, never the other way round.
TOP_RANK = {"ingest": 0, "scanners": 1, "assistant": 2, "evals": 3}
# Rooms inside a package, by rank. A module not named here (a package's __init__) ranks with the
# lowest room. In the scopes named in APART, rooms of equal rank stay out of each other's way;
# elsewhere equals may lean on each other (the LLM engine falls back to the extractive one).
APART = {"assistant"}
ROOM_RANK = {
    "assistant": {"settings": 0, "records": 1, "answers": 2, "access": 2, "web": 3, "cli": 4},
    "assistant.answers": {"base": 0, "question": 1, "subject": 1, "verify": 1, "cues": 2, "figures": 2, "time_cues": 2,
                          "asked": 2, "candidates": 2, "extractive": 2, "llm": 2,
                          "decision_answers": 2, "decision_questions": 2, "decision_match": 2, "decision_open": 1,
                          "decision_relevance": 2, "decision_compose": 2,
                          "collection": 2, "chat": 2, "units": 2, "compose": 2, "lists": 2, "memo": 3, "registry": 3,
                          "synonyms": 1, "gates": 2, "announces": 2},
}


@dataclass(frozen=True)
class Edge:
    source: str  # importing module
    target: str  # imported module
    line: int

    def __str__(self) -> str:
        return f"{self.source} → {self.target} (line {self.line})"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def resolve(name: str, known: dict[str, Path]) -> str | None:
    """The project module ``name`` refers to (its longest known prefix), or None for a library."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str, path: Path, known: dict[str, Path]) -> list[Edge]:
    """Every import of a project module, wherever it stands (function bodies and TYPE_CHECKING
    blocks included: a circle through them is still a knot for the reader)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    edges: list[Edge] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{a.name}" for a in node.names]  # a submodule, or a name in `base`
        for name in names:
            target = resolve(name, known)
            if target and target != module:
                edges.append(Edge(module, target, node.lineno))
    return edges


def all_edges() -> list[Edge]:
    known = modules()
    return [e for m, p in known.items() for e in imports_of(m, p, known)]


def rank_violation(edge: Edge) -> str | None:
    src, dst = edge.source.split("."), edge.target.split(".")
    if TOP_RANK[src[0]] < TOP_RANK[dst[0]]:
        return f"{src[0]} may not import {dst[0]}"
    for scope, ranks in ROOM_RANK.items():
        depth = scope.count(".") + 1
        if edge.source.startswith(scope + ".") and edge.target.startswith(scope + "."):
            a, b = src[depth], dst[depth]
            if a == b:
                continue
            ra, rb = ranks.get(a, 0), ranks.get(b, 0)
            if ra < rb:
                return f"in {scope}, {a} may not import {b}"
            if ra == rb and scope in APART and a in ranks and b in ranks:
                return f"in {scope}, {a} and {b} are rooms of equal rank"
    return None


def cycles(edges: list[Edge]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        graph.setdefault(e.source, set()).add(e.target)
        graph.setdefault(e.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_imports_run_one_way() -> None:
    bad = [f"{e}: {why}" for e in all_edges() if (why := rank_violation(e))]
    assert not bad, "imports against the house's direction:\n" + "\n".join(bad)


def test_no_import_circles() -> None:
    assert cycles(all_edges()) == []


def test_product_never_imports_evals() -> None:
    bad = [str(e) for e in all_edges() if e.source.split(".")[0] in PRODUCT and e.target.split(".")[0] == "evals"]
    assert not bad


@pytest.mark.parametrize("package", PRODUCT)
def test_no_module_outgrows_a_reader(package: str) -> None:
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / package).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these into rooms of their own (over {MAX_LINES} lines): {long}"


# The checker itself: a rule that cannot fail protects nothing.
@pytest.mark.parametrize(("source", "target", "wrong"), [
    ("ingest.kb", "assistant.settings", True),
    ("scanners.run", "assistant.cli.main", True),
    ("assistant.records.register", "assistant.answers.base", True),
    ("assistant.answers.base", "assistant.answers.registry", True),
    ("assistant.access.policy", "assistant.answers.base", True),
    ("assistant.web.app", "assistant.answers.registry", False),
    ("assistant.answers.llm", "assistant.answers.extractive", False),
    ("evals.cli", "assistant.cli.common", False),
])
def test_direction_rule_catches_a_wrong_arrow(source: str, target: str, wrong: bool) -> None:
    assert (rank_violation(Edge(source, target, 1)) is not None) is wrong


def test_cycle_finder_sees_a_circle() -> None:
    edges = [Edge("a", "b", 1), Edge("b", "c", 1), Edge("c", "a", 1), Edge("c", "d", 1)]
    assert cycles(edges) == [["a", "b", "c"]]


def test_the_command_line_loads_no_model_library_on_import() -> None:
    """``msv`` sets the offline defaults in main(); that works only while importing the command
    line pulls in none of the libraries that read them."""
    import subprocess
    import sys

    code = ("import sys, assistant.cli.main; "
            "print(','.join(m for m in ('huggingface_hub', 'transformers', 'sentence_transformers', 'gradio', 'torch') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
