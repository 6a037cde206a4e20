"""What the reuse checks share: one layer object over CALLS calls, as a training loop uses it."""

from __future__ import annotations

import numpy as np

CALLS = (1, 2, 3)  # call k's inputs are x{k}, dout{k}, ...; its outputs out{k}, dx{k}, ...


def kept_from(case) -> list[int]:
    """For each call, the call whose inputs a layer that keeps its state while the shape stays the
    same would still be using (a cache or mask refreshed only when x's shape changes)."""
    kept: list[int] = []
    for k in CALLS:
        same = kept and case[f"x{k}"].shape == case[f"x{kept[-1]}"].shape
        kept.append(kept[-1] if same else k)
    return kept


def snapshot(value):
    """A copy of an array the layer may overwrite on its next call; other values as they are."""
    return value.copy() if isinstance(value, np.ndarray) else value
