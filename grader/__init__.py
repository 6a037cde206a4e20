"""drill: an exam-prep drill and auto-grader for the E資格 (JDLA Deep Learning for Engineer) exam."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.notebook import NotebookResult

__version__ = "0.1.0"


def grade(problem_id: str, *objects: object, workspace: str | None = None, lang: str | None = None) -> NotebookResult:
    """Grade classes or functions defined in a notebook cell: grade("affine_backward", Affine).

    The objects' source is run by the isolated runner, never the live objects. For answer problems,
    pass the answers as strings: grade("chain_rule_dzdx", "dzdx=2(x+y)").
    """
    from grader.notebook import grade as notebook_grade

    return notebook_grade(problem_id, *objects, workspace=workspace, lang=lang)


def load_ipython_extension(shell: object) -> None:
    """`%load_ext grader` in Jupyter: adds the cell magic `%%drill ID`, which grades the cell."""
    from grader.notebook import load_ipython_extension as load

    load(shell)
