"""Grading from a Jupyter notebook: `from grader import grade; grade("affine_backward", Affine)`.

The source of the classes and functions passed in is extracted with inspect and graded by the same
isolated runner as `drill grade`; the live objects never run in the notebook's process.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grader.texts import Text

if TYPE_CHECKING:
    from grader.results import ProblemResult

PRELUDE = "import numpy as np\n\n"


class NotebookResult:
    """A ProblemResult with a scorecard for Jupyter (`_repr_html_`) and for print()."""

    def __init__(self, result: ProblemResult, lang: str, recorded: bool):
        self.result = result
        self.lang = lang
        self.recorded = recorded

    def __getattr__(self, name: str) -> Any:
        return getattr(self.result, name)

    def __repr__(self) -> str:
        from grader import report

        card = report.scorecard(self.result, self.lang)
        return card if self.recorded else f"{card}\n{report.NOT_RECORDED.get(self.lang)}"

    def _repr_html_(self) -> str:
        from grader import report

        return report.scorecard_html(self.result, self.lang, self.recorded)


def source_of(objects: Iterable[Any]) -> str:
    """The source text of the given classes / functions, dedented, numpy imported first. A class
    defined in a Jupyter cell has no source file (inspect cannot find it): its definition is taken
    from the kernel's cell history, the latest cell that defines it, with that cell's imports."""
    parts = [PRELUDE]
    for obj in objects:
        try:
            parts.append(textwrap.dedent(inspect.getsource(obj)))
        except (TypeError, OSError):
            parts.append(_from_cell_history(obj))
    return "\n\n".join(parts)


def _from_cell_history(obj: Any) -> str:
    import ast

    name = getattr(obj, "__name__", None)
    for cell in reversed(_cells()):
        try:
            tree = ast.parse(cell)
        except SyntaxError:
            continue
        found = [
            node
            for node in tree.body
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name
        ]
        if found:
            imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
            return "\n".join(_segment(cell, n) for n in [*imports, found[-1]])
    from grader.errors import UsageError
    from grader.texts import Text

    shown = name or type(obj).__name__
    raise UsageError(
        Text(
            "{name} のソースが見つかりません。セルで定義したクラスか関数を渡してください",
            "cannot find the source of {name}: pass a class or function defined in a cell",
        ).fill(name=shown)
    )


def _cells() -> list[str]:
    """The source of every cell run in this kernel, oldest first (empty outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return []
    shell = get_ipython()
    if shell is None:
        return []
    return [cell for cell in shell.user_ns.get("In", []) if isinstance(cell, str)]


def _segment(source: str, node: Any) -> str:
    """A top-level statement's source, decorators included."""
    lines = source.splitlines()
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return "\n".join(lines[first - 1 : node.end_lineno])


def with_given_code(source: str, stub: str) -> str:
    """`source` (a cell, or the objects passed to grade) completed by the stub: its imports, and
    every top-level definition or assignment of the stub that `source` does not define itself (the
    helpers a stub gives, such as bptt's forward). The learner's code comes first, line for line, so
    that an error's line number is the cell's; the stub's part follows (a definition may use a name
    defined after it: it is looked up when called)."""
    import ast

    try:
        mine, given = ast.parse(source), ast.parse(stub)
    except SyntaxError:  # the runner reports the learner's syntax error; a broken stub adds nothing
        return source
    defined = _names(mine)
    imports, rest = [], []
    for node in given.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue  # only valid first in a file; the learner's code comes first here
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.append(_segment(stub, node))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)):
            if not (_names(ast.Module(body=[node], type_ignores=[])) & defined):
                rest.append(_segment(stub, node))
    given_part = "\n".join(imports) + "\n\n\n" + "\n\n\n".join(rest)
    return f"{source.rstrip()}\n\n\n# given by the stub\n{given_part}\n"


def _names(tree: Any) -> set[str]:
    import ast

    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
    return names


def grade(problem_id: str, *objects: object, workspace: str | None = None, lang: str | None = None) -> NotebookResult:
    """Grade classes / functions defined in a notebook (or, for an answer problem, answer strings)
    as the answer to `problem_id`, through the same session as `drill grade`: recorded and reviewed
    in the workspace (when there is one)."""
    return _grade_in_session(problem_id, workspace, lang, lambda: source_of(objects), lambda p: _answers_of(p, objects))


def grade_cell(problem_id: str, cell: str, workspace: str | None = None, lang: str | None = None) -> NotebookResult:
    """`%%drill ID`: the cell's source as the answer to a code problem (completed by the stub's
    given code), or its `key = answer` lines for an answer problem."""
    from grader.answers import parse_file

    return _grade_in_session(problem_id, workspace, lang, lambda: cell, lambda _: parse_file(cell))


def _grade_in_session(
    problem_id: str,
    workspace: str | None,
    lang: str | None,
    source: Callable[[], str],
    answers: Callable[[Any], dict[str, str]],
) -> NotebookResult:
    from grader.options import default_lang
    from grader.session import Session
    from grader.submission import Answers, Code

    session = Session.for_notebook(lang or default_lang(), workspace)
    problem = session.problem(problem_id)
    submission: Code | Answers
    if problem.is_code:
        submission = Code(_completed(session, problem, source()), Path("<cell>"))
    else:
        submission = Answers(answers(problem), None)
    result = session.attempt(problem, submission=submission)
    return NotebookResult(result, session.lang, session.history.usable)


def _answers_of(problem: Any, objects: Iterable[object]) -> dict[str, str]:
    from grader.answers import merge
    from grader.errors import UsageError

    try:
        return merge(problem, {}, tuple(str(a) for a in objects))
    except UsageError:  # its advice is drill's --answer: say it the way grade() takes answers
        parts = ", ".join(f"'{part}=…'" for part in problem.parts)
        raise UsageError(
            Text(
                "'{id}' の小問は {names} です。小問ごとに 'KEY=解答' の文字列を渡してください"
                "（例: grade('{id}', {parts})）",
                "'{id}' has parts {names}: pass one 'KEY=answer' string per part (e.g. grade('{id}', {parts}))",
            ).fill(id=problem.id, names=", ".join(problem.parts), parts=parts)
        ) from None


def _completed(session: Any, problem: Any, source: str) -> str:
    stub = session.workspace.stub_path(problem)
    try:
        return with_given_code(source, stub.read_text(encoding="utf-8"))
    except OSError:
        return source


def load_ipython_extension(shell: Any) -> None:
    """`%load_ext grader`: the cell magic `%%drill ID [--lang ja] [--workspace DIR]`."""

    def drill(line: str, cell: str) -> NotebookResult | None:
        import shlex
        import sys

        from grader.errors import DrillError
        from grader.options import default_lang

        words = shlex.split(line)
        options = dict(zip(words[1::2], words[2::2], strict=False))
        lang = options.get("--lang") or default_lang()
        try:
            if not words:
                from grader.errors import UsageError
                from grader.texts import Text

                raise UsageError(Text("%%drill の後に問題 ID を書いてください", "write the problem ID after %%drill"))
            return grade_cell(words[0], cell, options.get("--workspace"), lang)
        except DrillError as exc:  # one line, as drill prints it, not a traceback
            print(exc.text(lang), file=sys.stderr)
            return None

    shell.register_magic_function(drill, magic_kind="cell", magic_name="drill")


NOTEBOOK_TIP = Text(
    "上のセルを実行すると採点されます。ヒント: `drill hint {id}`（ターミナルで）",
    "Run the cell above to grade it. Hints: `drill hint {id}` (in a terminal)",
)


def build(problem: Any, statement: str, stub: str, lang: str) -> Any:
    """A notebook for one problem (nbformat): its statement, `%load_ext grader`, the cell to fill in
    (the stub, under `%%drill ID`, which grades it when run), and how to go on."""
    import nbformat

    title = f"# {problem.id} — {problem.title.get(lang)}"
    if problem.is_code:
        body = stub.rstrip()
    else:
        from grader.answers import parse_file

        body = "\n".join(f"{key} = {value}" for key, value in parse_file(stub).items()) or "\n".join(
            f"{part} = " for part in problem.parts
        )
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"{title}\n\n{statement}"),
        nbformat.v4.new_code_cell("%load_ext grader"),
        nbformat.v4.new_code_cell(f"%%drill {problem.id}\n{body}"),
        nbformat.v4.new_markdown_cell(NOTEBOOK_TIP.fill(id=problem.id).get(lang)),
    ]
    return notebook


def write(notebook: Any, path: Path) -> None:
    import nbformat

    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))
