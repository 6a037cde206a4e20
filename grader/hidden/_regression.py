"""What linreg_grad and logreg_grad share: how the learner's `f(X, y, w, b) -> (dw, db)` is called.

b lives in the case as "_b", a float64 array of shape (1,) (so the gradcheck can perturb it), and is
handed to the learner as a Python float.
"""

from __future__ import annotations

import numpy as np


def call(function: str, learner, c):
    return getattr(learner, function)(c["X"], c["y"], c["w"], float(c["_b"][0]))


def run(function: str, learner, c) -> dict:
    dw, db = call(function, learner, c)
    return {"dw": dw, "db": db}


def grad_run(function: str, learner, c) -> dict:
    """As run, with a scalar db made the (1,) array the numeric gradient of "_b" is."""
    dw, db = call(function, learner, c)
    if db is not None and np.ndim(db) == 0:
        db = np.reshape(np.asarray(db, dtype=np.float64), (1,))
    return {"dw": dw, "db": db}
