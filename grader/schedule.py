"""What `drill next` picks. Imports neither numpy nor sympy."""
from __future__ import annotations


def next_problem(catalog, statuses: dict[str, str]):
    """The first problem in catalog order whose requires are passed and which is not passed."""
    for problem in catalog.problems:
        if statuses.get(problem.id) == "passed":
            continue
        if all(statuses.get(req) == "passed" for req in problem.requires):
            return problem
    return None
