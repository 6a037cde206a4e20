"""Hidden tests for `fedavg`: the weighted average Σ_k (n_k / n) θ_k of K clients' parameter dicts.

Three settings with K = 3, 4, 2 clients, uneven sample counts (given as a list of Python ints, as a numpy
int64 array and as a tuple) and three parameters of different shapes (2-D non-square, 1-D). The run returns
every averaged parameter and the first client's arrays after the call (an average written into them shows).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

NAMES = ("W1", "b1", "W2")
SETTINGS = (
    ([120, 45, 300], list, (3, 5), (5, 2)),
    ([17, 230, 64, 9], np.array, (4, 6), (6, 3)),
    ([500, 80], tuple, (2, 7), (7, 4)),
)


def _inputs(rng) -> list[dict]:
    cases = []
    for counts, kind, w1, w2 in SETTINGS:
        clients = tuple(
            {"W1": rng.normal(size=w1), "b1": rng.normal(size=w1[1]), "W2": rng.normal(size=w2)} for _ in counts
        )
        n = np.array(counts, dtype=np.int64) if kind is np.array else kind(counts)
        cases.append({"_clients": clients, "_n": n})
    return cases


def _run(learner, c) -> dict:
    clients = c["_clients"]
    out = learner.fedavg(list(clients), c["_n"])
    result = {name: out[name] for name in NAMES}
    result.update({f"client0_{name}": clients[0][name] for name in NAMES})
    return result


def _ref(c, *, weights="n", in_place=False):
    clients = c["_clients"]
    n = np.asarray(c["_n"], dtype=np.float64)
    k = len(clients)
    w = {
        "n": n / n.sum(),
        "uniform": np.full(k, 1.0 / k),
        "raw": n,
        "by_k": n / k,
        "floor": np.asarray(c["_n"]) // int(np.sum(c["_n"])),
    }[weights]
    avg = {name: sum(wk * p[name] for wk, p in zip(w, clients)) for name in NAMES}
    result = dict(avg)
    result.update({f"client0_{name}": (avg[name] if in_place else clients[0][name]) for name in NAMES})
    return result


def V_(name, ja, en, keys=None, **kw):
    def fn(c):
        out = _ref(c, **kw)
        return out if keys is None else {k: out[k] for k in keys}

    return Variant(name, fn, ja=ja, en=en)


VARIANTS = (
    V_(
        "unweighted",
        keys=NAMES,
        weights="uniform",
        ja="重みのない単純平均 (1/K) Σ_k θ_k になっています。FedAvg はデータの数に比例した重み n_k / n で平均します。",
        en="this is the unweighted mean (1/K) Σ_k θ_k; FedAvg weights each client by its share of the data, n_k / n.",
    ),
    V_(
        "not_normalised",
        keys=NAMES,
        weights="raw",
        ja="重み n_k を n = Σ_k n_k で割っていません（Σ_k n_k θ_k）。重みの和が 1 になるよう n_k / n にします。",
        en="the weights n_k are not divided by n = Σ_k n_k (Σ_k n_k θ_k); use n_k / n, which sum to 1.",
    ),
    V_(
        "divided_by_k",
        keys=NAMES,
        weights="by_k",
        ja="Σ_k n_k θ_k をクライアントの数 K で割っています。重みの和が 1 になるように、データの数の合計 n で割ります。",
        en="Σ_k n_k θ_k is divided by the number of clients K; divide by the total number of samples n, so that "
        "the weights sum to 1.",
    ),
    V_(
        "integer_division",
        keys=NAMES,
        weights="floor",
        ja="重みを整数の割り算 n_k // n で求めたので、すべて 0 になっています。n_k / n（float の割り算）にします。",
        en="the weights were computed with integer division, n_k // n, and are all 0; use n_k / n (float division).",
    ),
    V_(
        "in_place",
        in_place=True,
        ja="最初のクライアントの配列に平均を書き込んでいます（+= や *= で渡された配列を書き換えています）。"
        "新しい配列に計算して返し、渡されたパラメータはそのままにします。",
        en="the average is written into the first client's arrays (the arrays passed in are changed with += or "
        "*=); compute it into new arrays and leave the parameters passed in as they are.",
    ),
)

CHECKS = {"average": Cases(inputs=_inputs, run=_run, expected=lambda c: _ref(c), variants=VARIANTS)}
