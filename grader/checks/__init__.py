"""The registry of check kinds, one module each (see schema.Kind for what a kind declares).

A module is imported only when a check of its kind is validated or judged, so `drill next` and
`drill list` (which read the catalog from its cache) import neither numpy nor sympy. A new kind is
its module (with `Params` and `KIND`), one line here, and its tests (tests/test_checks_<kind>.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.checks.schema import Kind

SCHEMA_VERSION = 3  # raise when a kind's parameters change meaning: cached catalogs are validated again

# name -> runs the learner's code (code kinds fit code problems, the others answer problems)
_REGISTRY = {
    "cases": True,
    "gradcheck": True,
    "training": True,
    "symbolic": False,
    "choice": False,
    "numeric": False,
}
KINDS = tuple(_REGISTRY)
CODE_KINDS = tuple(name for name, is_code in _REGISTRY.items() if is_code)


def kind(name: str) -> Kind:
    """The registered kind `name` (KeyError for a name not registered)."""
    if name not in _REGISTRY:
        raise KeyError(name)
    return importlib.import_module(f"grader.checks.{name}").KIND
