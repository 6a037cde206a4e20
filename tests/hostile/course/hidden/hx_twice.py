"""hx_twice: the same checks as hx_layer (a second problem, so two grades can run at once)."""

from grader.hidden.hx_layer import CHECKS  # noqa: F401
