"""Check kinds, one module each. Code kinds run part of their work in the learner's process.

KINDS is the registry by name; the modules are imported only when a check of that kind runs,
so `drill next` and `drill list` import neither numpy nor sympy.
"""
from __future__ import annotations

import importlib

KINDS = ("cases", "gradcheck", "training", "symbolic", "choice", "numeric")
CODE_KINDS = ("cases", "gradcheck", "training")


def module_for(kind: str):
    """The module that implements check kind `kind`."""
    if kind not in KINDS:
        raise KeyError(kind)
    return importlib.import_module(f"grader.checks.{kind}")
