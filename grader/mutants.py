"""`drill dev mutants`: where the hidden tests are blind. Each code problem's reference solution is
mutated where the learner writes (the lines that differ from the stub), with operators that model
the mistakes learners make; every mutant is graded like a learner's file, and a mutant that passes
(a survivor) is a wrong answer the hidden tests accept. Survivors reviewed as equivalent (they
compute the same thing) are listed in a file, each with a fingerprint of the solution and the
mutation, so that an edited solution asks for the review again."""

from __future__ import annotations

import ast
import copy
import difflib
import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.catalog import Catalog, Problem
    from grader.workspace import Workspace

EQUIVALENTS = "tests/mutants-equivalent.txt"  # "<problem> <fingerprint> <reason>", one per line
SWAPPED_OPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div}
SWAPPED_COMPARE = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}
SWAPPED_CALLS = {"sum": "mean", "mean": "sum", "max": "min", "min": "max", "argmax": "argmin", "argmin": "argmax"}
AXES = {0: 1, 1: 0, -1: 0}


@dataclass(frozen=True)
class Mutant:
    """One mutation of a solution: where, which operator, the mutated line, and the whole source."""

    problem: str
    line: int
    operator: str
    shown: str  # the mutated statement, one line
    source: str

    def fingerprint(self, solution: str) -> str:
        """Stable for this solution text and this mutant (two mutants of one line differ); changes when
        the solution is edited."""
        return hashlib.sha256(f"{solution}\0{self.operator}\0{self.source}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Outcome:
    """A problem's mutants: how many were graded, and the survivors not listed as equivalent."""

    problem: str
    total: int
    killed: int
    equivalent: int
    survivors: tuple[tuple[Mutant, str], ...]  # (mutant, fingerprint)
    stale: tuple[str, ...] = ()  # this problem's listed fingerprints that no surviving mutant has


def learner_lines(stub: str, solution: str) -> set[int]:
    """1-based line numbers of the solution that the stub does not have (what the learner writes)."""
    matcher = difflib.SequenceMatcher(a=stub.splitlines(), b=solution.splitlines(), autojunk=False)
    lines: set[int] = set()
    for tag, _, _, start, end in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            lines.update(range(start + 1, end + 1))
    return lines


def mutants(problem_id: str, solution: str, lines: set[int]) -> Iterator[Mutant]:
    """Every mutant of `solution` whose mutation lies on `lines`, in source order."""
    tree = ast.parse(solution)
    sites = _sites_by_index(tree, lines)
    seen: set[str] = set()
    for index, (node, operator, _) in enumerate(sites):
        statement = _statement_of(tree, node)
        shown = ast.unparse(statement).split("\n")[0] if statement is not None else ""
        mutated = copy.deepcopy(tree)
        _, _, apply = _sites_by_index(mutated, lines)[index]  # the same site, in the copy
        try:
            apply()
            ast.fix_missing_locations(mutated)
            source = ast.unparse(mutated)
            compile(source, "<mutant>", "exec")
        except (SyntaxError, ValueError, TypeError):
            continue
        if source not in seen:  # two operators can make the same program
            seen.add(source)
            yield Mutant(problem_id, node.lineno, operator, shown, source)


def _sites_by_index(tree: ast.AST, lines: set[int]) -> list:
    return [site for site in _sites(tree) if getattr(site[0], "lineno", 0) in lines]


def _statement_of(tree: ast.AST, target: ast.AST) -> ast.stmt | None:
    """The innermost statement that holds `target` (its first line is what the survivor list shows)."""
    found = None
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            if any(child is target for child in ast.walk(node)):
                found = node
    return found


def _sites(tree: ast.AST) -> list:
    """(node, operator name, apply) for every mutation the operators offer, in a fixed order."""
    sites: list = []
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            children = value if isinstance(value, list) else [value]
            for position, node in enumerate(children):
                if isinstance(node, ast.AST):
                    sites.extend(_node_sites(parent, field, position, node, isinstance(value, list)))
    return sites


def _replace(parent: ast.AST, field: str, position: int, in_list: bool, new: ast.AST):
    def apply() -> None:
        if in_list:
            getattr(parent, field)[position] = new
        else:
            setattr(parent, field, new)

    return apply


def _node_sites(parent: ast.AST, field: str, position: int, node: ast.AST, in_list: bool) -> list:
    out: list = []
    put = lambda new: _replace(parent, field, position, in_list, new)  # noqa: E731
    if isinstance(node, ast.BinOp):
        swapped = SWAPPED_OPS.get(type(node.op))
        if swapped is not None:
            out.append((node, f"{type(node.op).__name__}→{swapped.__name__}", _set(node, "op", swapped())))
        if isinstance(node.op, ast.MatMult):
            out.append((node, "swap @ operands", _swap(node, "left", "right")))
            for side in ("left", "right"):
                operand = getattr(node, side)
                if isinstance(operand, ast.Attribute) and operand.attr == "T":
                    out.append((node, f"drop .T ({side})", _set(node, side, operand.value)))
                else:
                    out.append((node, f"add .T ({side})", _set(node, side, ast.Attribute(operand, "T", ast.Load()))))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        out.append((node, "drop the minus", put(node.operand)))
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        swapped_cmp = SWAPPED_COMPARE.get(type(node.ops[0]))
        if swapped_cmp is not None:
            out.append(
                (node, f"{type(node.ops[0]).__name__}→{swapped_cmp.__name__}", _set(node, "ops", [swapped_cmp()]))
            )
    elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not _is_axis(parent):
        for new_value in _changed(node.value):
            out.append((node, f"constant {node.value!r}→{new_value!r}", put(ast.Constant(new_value))))
    elif isinstance(node, ast.Call):
        out.extend(_call_sites(node))
        if isinstance(node.func, ast.Attribute) and node.func.attr == "copy" and not node.args:
            out.append((node, "drop .copy()", put(node.func.value)))  # then writing to it changes the input
    elif isinstance(node, ast.Attribute) and node.attr == "T" and isinstance(node.ctx, ast.Load):
        if not (isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.MatMult)):
            out.append((node, "drop .T", put(node.value)))
    elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
        rebind = ast.Assign(
            [ast.Name(node.target.id, ast.Store())],
            ast.BinOp(ast.Name(node.target.id, ast.Load()), node.op, node.value),
        )
        out.append((node, "in-place → rebinding", put(rebind)))
    elif isinstance(node, ast.Assign) and len(node.targets) == 1 and _is_whole_slice(node.targets[0]):
        target = node.targets[0]
        assert isinstance(target, ast.Subscript)
        out.append((node, "in-place [...] = → rebinding", put(ast.Assign([_as_store(target.value)], node.value))))
    if isinstance(node, ast.stmt) and in_list and not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        siblings = getattr(parent, field)
        if len(siblings) > 1 and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            out.append((node, "delete the statement", put(ast.Pass())))
    if isinstance(node, ast.Slice):
        for bound in ("lower", "upper"):
            value = getattr(node, bound)
            if value is not None:
                out.append(
                    (node, f"slice {bound} + 1", _set(node, bound, ast.BinOp(value, ast.Add(), ast.Constant(1))))
                )
    return out


def _call_sites(node: ast.Call) -> list:
    out: list = []
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if isinstance(func, ast.Attribute) and name in SWAPPED_CALLS:
        out.append((node, f"{name}→{SWAPPED_CALLS[name]}", _set(func, "attr", SWAPPED_CALLS[name])))
    if name == "dot" and len(node.args) == 2:
        out.append((node, "swap np.dot operands", _swap_args(node)))
    if name == "range":
        out.append((node, "reversed range", lambda n=node: _reverse_range(n)))
        if node.args:
            last = node.args[-1] if len(node.args) == 1 else node.args[1]
            index = 0 if len(node.args) == 1 else 1
            out.append((node, "range end − 1", _set_arg(node, index, ast.BinOp(last, ast.Sub(), ast.Constant(1)))))
    for position, keyword in enumerate(node.keywords):
        axis = keyword.value.value if isinstance(keyword.value, ast.Constant) else None
        if keyword.arg == "axis" and isinstance(axis, int) and axis in AXES:
            new = AXES[axis]
            out.append((node, f"axis={axis}→{new}", _set(keyword, "value", ast.Constant(new))))
        if keyword.arg in ("axis", "keepdims"):
            out.append((node, f"drop {keyword.arg}=", _drop_keyword(node, position)))
    return out


def _is_axis(parent: ast.AST) -> bool:
    return isinstance(parent, ast.keyword) and parent.arg in ("axis", "keepdims")  # the axis operators' own


def _changed(value: int | float) -> list:
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value + 1] + ([value - 1] if value > 0 else [])
    return [0.0] if value != 0 else [1.0]


def _is_whole_slice(target: ast.AST) -> bool:
    return (
        isinstance(target, ast.Subscript)
        and isinstance(target.slice, ast.Constant)
        and target.slice.value is Ellipsis
        and isinstance(target.value, (ast.Name, ast.Attribute, ast.Subscript))
    )


def _as_store(node: ast.expr) -> ast.expr:
    copied = copy.deepcopy(node)
    copied.ctx = ast.Store()  # type: ignore[attr-defined]
    return copied


def _set(node: ast.AST, attr: str, value: object):
    return lambda: setattr(node, attr, value)


def _swap(node: ast.AST, a: str, b: str):
    def apply() -> None:
        first, second = getattr(node, a), getattr(node, b)
        setattr(node, a, second)
        setattr(node, b, first)

    return apply


def _swap_args(node: ast.Call):
    def apply() -> None:
        node.args = [node.args[1], node.args[0]]

    return apply


def _set_arg(node: ast.Call, index: int, value: ast.expr):
    def apply() -> None:
        node.args[index] = value

    return apply


def _drop_keyword(node: ast.Call, position: int):
    def apply() -> None:
        node.keywords = [k for i, k in enumerate(node.keywords) if i != position]

    return apply


def _reverse_range(node: ast.Call) -> None:
    inner = ast.Call(ast.Name("range", ast.Load()), node.args, node.keywords)
    node.func = ast.Name("reversed", ast.Load())
    node.args = [inner]
    node.keywords = []


def read_equivalents(path: Path) -> dict[tuple[str, str], str]:
    """{(problem, fingerprint): reason} from the equivalents file ('<problem> <fingerprint> <reason>')."""
    if not path.is_file():
        return {}
    listed = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split(maxsplit=2)
        if len(words) == 3 and not line.startswith("#"):
            listed[words[0], words[1]] = words[2]
    return listed


def run(workspace: Workspace, catalog: Catalog, ids: tuple[str, ...] = (), jobs: int = 2) -> list[Outcome]:
    """Grade every mutant of the chosen code problems' solutions, `jobs` at a time."""
    from concurrent.futures import ProcessPoolExecutor

    listed = read_equivalents(workspace.root / EQUIVALENTS)
    outcomes = []
    with ProcessPoolExecutor(max_workers=max(jobs, 1)) as pool:
        for problem in catalog.problems:
            if not problem.is_code or (ids and problem.id not in ids):
                continue
            solution = (workspace.root / problem.solution).read_text(encoding="utf-8")
            stub = (workspace.root / problem.file).read_text(encoding="utf-8")
            found = list(mutants(problem.id, solution, learner_lines(stub, solution)))
            passed = list(pool.map(_survives, [(str(workspace.root), problem.id, m.source) for m in found]))
            survivors = []
            used = set()
            for mutant, survived in zip(found, passed, strict=True):
                if survived:
                    fingerprint = mutant.fingerprint(solution)
                    if (problem.id, fingerprint) in listed:
                        used.add(fingerprint)
                    else:
                        survivors.append((mutant, fingerprint))
            # an entry whose mutant is now killed, or whose solution was edited, no longer says anything
            stale = tuple(f for owner, f in listed if owner == problem.id and f not in used)
            killed = len(found) - sum(passed)
            outcomes.append(Outcome(problem.id, len(found), killed, len(used), tuple(survivors), stale))
    return outcomes


def _survives(job: tuple[str, str, str]) -> bool:
    """Whether one mutant passes every check (graded as a learner's file, in a worker process)."""
    import tempfile

    from grader import grading
    from grader.submission import submission_from_file

    root, problem_id, source = job
    problem = _problem(root, problem_id)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(problem.file).name
        path.write_text(source, encoding="utf-8")
        result = grading.grade(problem, submission_from_file(problem, path, path.name, "en"), lang="en")
    return result.status == "pass"


@functools.cache
def _problem(root: str, problem_id: str) -> Problem:
    """The problem, from the catalog loaded once per worker process."""
    from grader import catalog

    problem = catalog.load(Path(root) / "problems.yaml").get(problem_id)
    assert problem is not None, problem_id
    return problem
