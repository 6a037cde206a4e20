"""Hidden tests for `early_stopping`: one EarlyStopping object per run, fed a run of validation losses.

Losses and min_delta are multiples of 1/64, so every comparison val_loss < best − min_delta is exact: the
runs hold a loss equal to the best (min_delta 0), a loss exactly min_delta below the best (no improvement:
the comparison is strict), an improvement smaller than min_delta followed by one that counts only against
the real best, an improvement when counter = patience − 1, and improvements after step returned True.
After every call the run records the returned flag, best, best_epoch and counter.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

U = 1 / 64
FIXED = (
    (3, 0, (80, 70, 64, 64, 66, 60, 61, 62, 63, 65, 58, 59, 59, 60, 61)),
    (2, 2, (100, 96, 95, 93, 94, 90, 89, 87, 85, 88, 80, 81)),
    (1, 0, (50, 49, 49, 48, 52, 47)),
)


def _inputs(rng) -> list[dict]:
    cases = [{"_patience": p, "_min_delta": d * U, "_losses": tuple(v * U for v in run)} for p, d, run in FIXED]
    walk = 120 + np.cumsum(rng.integers(-4, 3, size=24))
    cases.append({"_patience": 4, "_min_delta": 1 * U, "_losses": tuple(float(v) * U for v in walk)})
    return cases


def _record(rows) -> dict:
    stop, best, best_epoch, counter = zip(*rows)
    return {
        "stop": np.array(stop, dtype=np.int64),
        "best": np.array(best, dtype=np.float64),
        "best_epoch": np.array(best_epoch, dtype=np.int64),
        "counter": np.array(counter, dtype=np.int64),
    }


def _run(learner, c) -> dict:
    es = learner.EarlyStopping(c["_patience"], c["_min_delta"])
    rows = []
    for loss in c["_losses"]:
        flag = es.step(loss)
        rows.append((int(bool(flag)), float(es.best), int(es.best_epoch), int(es.counter)))
    return _record(rows)


def _ref(
    c,
    *,
    stop_at=0,
    reset=True,
    against="best",
    delta_sign=1,
    strict=True,
    track_min=False,
    first_epoch=0,
    latched=False,
):
    patience, delta = c["_patience"], c["_min_delta"] * delta_sign
    best, best_epoch, counter, prev, stopped = np.inf, -1, 0, np.inf, False
    rows = []
    for epoch, loss in enumerate(c["_losses"], start=first_epoch):
        better = loss < best - delta if strict else loss <= best - delta
        if better:
            best, best_epoch = loss, epoch
        elif track_min and loss < best:
            best, best_epoch = loss, epoch
        if against == "previous":
            counter = 0 if loss < prev - delta else counter + 1
        elif better and reset:
            counter = 0
        else:
            counter += 1
        prev = loss
        flag = counter >= patience + stop_at
        stopped = (stopped or flag) if latched else flag
        rows.append((int(stopped), best, best_epoch, counter))
    return _record(rows)


def V_(name, ja, en, **kw):
    return Variant(name, lambda c: _ref(c, **kw), ja=ja, en=en)


VARIANTS = (
    V_(
        "stops_late",
        stop_at=1,
        ja="止めるのが 1 エポック遅れています（counter > patience）。改善のないエポックが patience 回続いた時点、"
        "counter >= patience で True を返します。",
        en="it stops one epoch late (counter > patience): return True as soon as patience epochs in a row have not "
        "improved, counter >= patience.",
    ),
    V_(
        "stops_early",
        stop_at=-1,
        ja="止めるのが 1 エポック早すぎます（counter >= patience − 1 など）。counter >= patience で True を返します。",
        en="it stops one epoch early (counter >= patience − 1 or the like): return True when counter >= patience.",
    ),
    V_(
        "no_reset",
        reset=False,
        ja="改善したときに counter を 0 に戻していません。counter は「改善のないエポックが続いた数」なので、改善したら 0 にします。",
        en="counter is not reset to 0 on an improvement; it counts epochs in a row without improvement, so an "
        "improvement sets it back to 0.",
    ),
    V_(
        "vs_previous",
        against="previous",
        ja="counter を、前のエポックの損失と比べて下がったかどうかで戻しています。比べる相手はこれまでの最良の損失 best です"
        "（val_loss < best − min_delta のときだけ counter = 0）。",
        en="counter is reset whenever the loss fell below the previous epoch's; compare with the best loss so far: "
        "counter = 0 only when val_loss < best − min_delta.",
    ),
    V_(
        "min_delta_ignored",
        delta_sign=0,
        ja="min_delta を使っていません（val_loss < best で改善としています）。改善は val_loss < best − min_delta です。",
        en="min_delta is ignored (val_loss < best counts as an improvement); an improvement is val_loss < best − "
        "min_delta.",
    ),
    V_(
        "min_delta_sign",
        delta_sign=-1,
        ja="min_delta の符号が逆です（val_loss < best + min_delta）。min_delta より大きく下がったときだけ改善なので、"
        "val_loss < best − min_delta です。",
        en="min_delta has the wrong sign (val_loss < best + min_delta); only a fall by more than min_delta is an "
        "improvement: val_loss < best − min_delta.",
    ),
    V_(
        "tie_improves",
        strict=False,
        ja="val_loss がちょうど best − min_delta（min_delta = 0 なら best と同じ値）のときも改善としています（<=）。"
        "改善は厳密に val_loss < best − min_delta です。",
        en="a loss equal to best − min_delta (with min_delta = 0, equal to best) counts as an improvement (<=); "
        "an improvement is strictly val_loss < best − min_delta.",
    ),
    V_(
        "best_tracks_min",
        track_min=True,
        ja="改善とみなさない小さな下がり幅でも best を更新しています。best と best_epoch を更新するのは、"
        "val_loss < best − min_delta で改善したときだけです。",
        en="best is updated even by a fall too small to count as an improvement; update best and best_epoch only "
        "on an improvement, val_loss < best − min_delta.",
    ),
    V_(
        "one_based_epoch",
        first_epoch=1,
        ja="best_epoch を 1 から数えています。問題文どおり、最初の step の呼び出しをエポック 0 とします。",
        en="best_epoch counts from 1; as the statement says, the first call of step is epoch 0.",
    ),
    V_(
        "latched",
        latched=True,
        ja="一度 True を返すと、その後に改善しても True を返し続けています。step は毎回 counter >= patience を返し、"
        "改善して counter が 0 に戻れば False です。",
        en="once step has returned True it keeps returning True, even after an improvement; step returns counter "
        ">= patience every time, which is False again once an improvement resets counter to 0.",
    ),
)

CHECKS = {"run": Cases(inputs=_inputs, run=_run, expected=lambda c: _ref(c), variants=VARIANTS)}
