"""Hidden tests for `dqn_target`: a ring-buffer ReplayBuffer and the DQN loss with a target network.

buffer: one ReplayBuffer per case gets a script of pushes and samples (the buffer fills, wraps once or
twice, and one case never fills); the run records len() after every push and every sample's arrays.
Indices are storage slots (push k goes to slot k % capacity), drawn to include overwritten slots, so
appending past the capacity, overwriting the newest slot, dropping new pushes when full and a deque's
age order all show.

loss / gradient: Q(s) = s @ W with S != A, y = r + γ (1 − done) max_a' (s_next @ W_target). Every case
has terminal and non-terminal rows, and s_next of terminal rows is random, so a bootstrap at a terminal
state shows; W_target differs from W_online, so targets from the online weights show; the actions are
not all equal, so Q over all actions shows.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# capacity, state size, script: ("push", n) or ("sample", batch size)
BUFFER_SETTINGS = (
    (8, 3, (("push", 5), ("sample", 4), ("push", 2), ("sample", 3))),  # never full
    (5, 4, (("push", 3), ("sample", 2), ("push", 4), ("sample", 5), ("push", 6), ("sample", 4))),
    (4, 2, (("push", 4), ("sample", 3), ("push", 1), ("sample", 4), ("push", 9), ("sample", 6))),
)


def _buffer_inputs(rng) -> list[dict]:
    cases = []
    for capacity, S, script in BUFFER_SETTINGS:
        steps = []
        stored = 0
        for op, n in script:
            if op == "push":
                for _ in range(n):
                    steps.append(
                        (
                            "push",
                            rng.normal(size=S),
                            int(rng.integers(3)),
                            float(np.round(rng.normal(), 3)),
                            rng.normal(size=S),
                            bool(rng.random() < 0.3),
                        )
                    )
                stored += n
            else:
                size = min(stored, capacity)
                # every slot once where possible (overwritten ones included), then repeats
                order = rng.permutation(size)
                indices = np.concatenate([order, rng.integers(size, size=max(n - size, 0))])[:n]
                steps.append(("sample", indices.astype(np.int64)))
        cases.append({"_capacity": capacity, "_steps": tuple(steps)})
    return cases


def _as_batch(out) -> tuple:
    """The learner's sample() as a tuple of arrays; done may be bool or 0/1 floats."""
    if not isinstance(out, (tuple, list)) or len(out) != 5:
        return out
    arrays = [np.asarray(x) for x in out]
    if arrays[4].dtype.kind == "b":
        arrays[4] = arrays[4].astype(np.float64)
    return tuple(arrays)


def _buffer_run(learner, case) -> dict:
    buf = learner.ReplayBuffer(case["_capacity"])
    lens = []
    result: dict = {}
    k = 0
    for step in case["_steps"]:
        if step[0] == "push":
            buf.push(*step[1:])
            lens.append(len(buf))
        else:
            k += 1
            result[f"sample{k}"] = _as_batch(buf.sample(step[1].copy()))
    return {"lens": tuple(lens), **result}


def _buffer_expected(case, mode="ring") -> dict:
    """mode: ring (right), append (grows past capacity), newest (overwrites the last slot), drop (ignores
    pushes when full), age (deque(maxlen): index 0 is the oldest)."""
    capacity = case["_capacity"]
    data: list = []
    pos = 0
    lens = []
    result: dict = {}
    k = 0
    for step in case["_steps"]:
        if step[0] == "push":
            item = step[1:]
            if len(data) < capacity or mode == "append":
                data.append(item)
            elif mode == "ring":
                data[pos] = item
            elif mode == "newest":
                data[-1] = item
            elif mode == "age":
                data = data[1:] + [item]
            pos = (pos + 1) % capacity
            lens.append(len(data))
        else:
            k += 1
            rows = [data[i] for i in step[1]]
            result[f"sample{k}"] = (
                np.stack([t[0] for t in rows]),
                np.array([t[1] for t in rows], dtype=np.int64),
                np.array([t[2] for t in rows]),
                np.stack([t[3] for t in rows]),
                np.array([t[4] for t in rows], dtype=np.float64),
            )
    return {"lens": tuple(lens), **result}


def BV(mode, ja, en):
    return Variant(mode, lambda c: _buffer_expected(c, mode), ja=ja, en=en)


BUFFER_VARIANTS = (
    BV(
        "append",
        ja="容量を超えても追加し続けています（len(buf) が capacity より大きくなります）。満杯になったら追加をやめ、"
        "次に書くスロット self.pos の遷移（最も古いもの）を上書きして、self.pos = (self.pos + 1) % capacity と進めます。",
        en="transitions are appended beyond the capacity (len(buf) grows past capacity): once full, stop appending "
        "and overwrite the transition in the next slot self.pos (the oldest), then advance self.pos = (self.pos + 1) "
        "% capacity.",
    ),
    BV(
        "newest",
        ja="満杯のとき、最後のスロット（いちばん新しい遷移）を上書きしています。上書きするのは最も古い遷移で、"
        "書く位置 self.pos を push のたびに (self.pos + 1) % capacity と進めます。",
        en="when full, the last slot (the newest transition) is overwritten: overwrite the oldest one, advancing "
        "the write position self.pos = (self.pos + 1) % capacity at every push.",
    ),
    BV(
        "drop",
        ja="満杯になると新しい遷移を捨てています。リングバッファは最も古い遷移を上書きして、新しい経験を取り込み続けます。",
        en="new transitions are dropped once the buffer is full: a ring buffer overwrites the oldest transition "
        "and keeps taking in new experience.",
    ),
    BV(
        "age",
        ja="インデックスを古い順の番号として扱っています（collections.deque(maxlen=capacity) の並び）。この問題の "
        "indices は格納位置（スロット）です: k 回目の push はスロット k % capacity に入り、上書きされるまでそこにあります。",
        en="the indices are treated as positions in age order (as in collections.deque(maxlen=capacity)); here they "
        "are storage slots: push number k goes to slot k % capacity and stays there until it is overwritten.",
    ),
)


# ---- the loss and its gradient --------------------------------------------------------------------
LOSS_SETTINGS = ((5, 4, 3, 0.9), (8, 3, 2, 0.99), (6, 5, 4, 0.8))  # B, S, A, gamma


def _loss_inputs(rng) -> list[dict]:
    cases = []
    for B, S, A, gamma in LOSS_SETTINGS:
        a = rng.integers(A, size=B)
        a[:2] = (0, A - 1)  # not all equal
        done = (rng.random(B) < 0.4).astype(np.float64)
        done[:2] = (1.0, 0.0)  # both kinds in every case
        cases.append(
            {
                "W_online": rng.normal(size=(S, A)) * 0.5,
                "W_target": rng.normal(size=(S, A)) * 0.5,
                "s": rng.normal(size=(B, S)),
                "a": a,
                "r": np.round(rng.normal(size=B), 3),
                "s_next": rng.normal(size=(B, S)),
                "done": done,
                "gamma": gamma,
            }
        )
    return cases


def _parts(c, *, target="target", bootstrap="right", double=False):
    """Q_online(s), the targets y and the taken action's Q, with the mistakes as switches."""
    W = c["W_online"]
    q = c["s"] @ W
    q_next_t = c["s_next"] @ (W if target == "online" else c["W_target"])
    if double:
        pick = np.argmax(c["s_next"] @ W, axis=1)
        best = q_next_t[np.arange(len(pick)), pick]
    else:
        best = np.max(q_next_t, axis=1)
    mask = {"right": 1 - c["done"], "always": 1.0, "inverted": c["done"]}[bootstrap]
    y = c["r"] + c["gamma"] * mask * best
    q_sa = q[np.arange(q.shape[0]), c["a"]]
    return q, y, q_sa


def _loss(c, **kw) -> float:
    _, y, q_sa = _parts(c, **kw)
    return float(np.mean(0.5 * (y - q_sa) ** 2))


def _grad(c, **kw):
    q, y, q_sa = _parts(c, **kw)
    B = q.shape[0]
    dQ = np.zeros_like(q)
    dQ[np.arange(B), c["a"]] = (q_sa - y) / B
    return c["s"].T @ dQ


def _grad_through_target(c, target="target"):
    """The target differentiated too: dW − γ s_nextᵀ dQ_next at the max action (the residual gradient)."""
    q, y, q_sa = _parts(c, target=target)
    B = q.shape[0]
    W = c["W_online"] if target == "online" else c["W_target"]
    pick = np.argmax(c["s_next"] @ W, axis=1)
    dQ_next = np.zeros_like(q)
    dQ_next[np.arange(B), pick] = c["gamma"] * (1 - c["done"]) * (q_sa - y) / B
    return _grad(c, target=target) - c["s_next"].T @ dQ_next


def _all_actions(c) -> dict:
    q, y, _ = _parts(c)
    diff = q - y[:, None]
    return {"loss": float(np.mean(0.5 * diff**2)), "dW": c["s"].T @ diff / diff.size}


def _run(learner, c) -> dict:
    batch = (c["s"], c["a"], c["r"], c["s_next"], c["done"])
    res = learner.dqn_loss(c["W_online"], c["W_target"], batch, c["gamma"])
    loss, dW = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    return {"loss": loss, "dW": dW}


def _run_loss(learner, c) -> dict:
    return {"loss": _run(learner, c)["loss"]}


def _run_grad(learner, c) -> dict:
    return {"dW": _run(learner, c)["dW"]}


def LV(name, fn, ja, en):
    return Variant(name, lambda c: {"loss": fn(c)}, ja=ja, en=en)


def GV(name, fn, ja, en):
    return Variant(name, lambda c: {"dW": fn(c)}, ja=ja, en=en)


ONLINE_JA = (
    "ターゲット y をオンラインの重み W_online で計算しています。y は固定したターゲットネットワークの重みで "
    "y = r + γ (1 − done) max_a' (s_next @ W_target) と計算し、定数として扱います。"
)
ONLINE_EN = (
    "the targets y are computed with the online weights W_online: compute them with the frozen target network, "
    "y = r + γ (1 − done) max_a' (s_next @ W_target), and treat them as constants."
)
DONE_JA = (
    "終端（done = 1）の遷移でも max_a' Q_target(s_next) からブートストラップしています。終端の後には何もないので "
    "y = r です: y = r + γ (1 − done) max_a' Q_target(s_next, a')。"
)
DONE_EN = (
    "you bootstrap from max_a' Q_target(s_next) even for terminal transitions (done = 1): nothing follows a terminal "
    "state, so y = r there: y = r + γ (1 − done) max_a' Q_target(s_next, a')."
)
INVERTED_JA = (
    "done のマスクが逆です（γ · done を掛けています）。ブートストラップするのは終端でない遷移なので γ (1 − done) です。"
)
INVERTED_EN = (
    "the done mask is inverted (γ · done): it is the non-terminal transitions that bootstrap, so use γ (1 − done)."
)
ALL_JA = (
    "すべての行動の Q を y に近づけています。損失に入るのは実際にとった行動の Q_online(s)[a] だけです: "
    "q_sa = (s @ W_online)[np.arange(B), a]。"
)
ALL_EN = (
    "the Q of every action is pulled towards y; only the action actually taken enters the loss: "
    "q_sa = (s @ W_online)[np.arange(B), a]."
)
DOUBLE_JA = (
    "それは Double DQN のターゲット（行動をオンラインの重みで選び、ターゲットの重みで評価）です。この問題は DQN の "
    "y = r + γ (1 − done) max_a' (s_next @ W_target) です。"
)
DOUBLE_EN = (
    "that is the Double DQN target (the action picked by the online weights, evaluated by the target weights); this "
    "problem asks for DQN's y = r + γ (1 − done) max_a' (s_next @ W_target)."
)

LOSS_VARIANTS = (
    LV("online_target", lambda c: _loss(c, target="online"), ONLINE_JA, ONLINE_EN),
    LV("ignore_done", lambda c: _loss(c, bootstrap="always"), DONE_JA, DONE_EN),
    LV("done_inverted", lambda c: _loss(c, bootstrap="inverted"), INVERTED_JA, INVERTED_EN),
    LV("all_actions", lambda c: _all_actions(c)["loss"], ALL_JA, ALL_EN),
    LV("double_dqn", lambda c: _loss(c, double=True), DOUBLE_JA, DOUBLE_EN),
    LV(
        "batch_sum",
        lambda c: _loss(c) * c["s"].shape[0],
        "バッチで合計しています。バッチ数 B で割って平均にします: loss = mean_b ½ (y − q_sa)²。",
        "the loss is summed over the batch: divide by the batch size B to take the mean, loss = mean_b ½ (y − q_sa)².",
    ),
    LV(
        "no_half",
        lambda c: 2 * _loss(c),
        "½ が抜けています: loss = mean_b ½ (y − q_sa)²。",
        "the ½ is missing: loss = mean_b ½ (y − q_sa)².",
    ),
)

GRAD_VARIANTS = (
    GV(
        "grad_through_target",
        _grad_through_target,
        "勾配がターゲット y の中にも流れています（−γ s_nextᵀ … の項）。y はターゲットの重みで計算した定数なので、"
        "勾配は q_sa の側だけ: dW_online = sᵀ dQ（dQ はとった行動の列だけ (q_sa − y)/B）。",
        "the gradient also flows into the target y (a term −γ s_nextᵀ …): y is a constant computed with the target "
        "weights, so only q_sa is differentiated: dW_online = sᵀ dQ, with dQ = (q_sa − y)/B in the taken action's "
        "column only.",
    ),
    GV(
        "residual_gradient",
        lambda c: _grad_through_target(c, target="online"),
        "ターゲットをオンラインの重みで計算し、さらに y の中まで微分しています。y はターゲットの重みで計算した定数です。",
        "the targets come from the online weights and are differentiated too: y is a constant computed with the "
        "target weights.",
    ),
    GV("grad_online_target", lambda c: _grad(c, target="online"), ONLINE_JA, ONLINE_EN),
    GV("grad_ignore_done", lambda c: _grad(c, bootstrap="always"), DONE_JA, DONE_EN),
    GV("grad_done_inverted", lambda c: _grad(c, bootstrap="inverted"), INVERTED_JA, INVERTED_EN),
    GV("grad_all_actions", lambda c: _all_actions(c)["dW"], ALL_JA, ALL_EN),
    GV("grad_double_dqn", lambda c: _grad(c, double=True), DOUBLE_JA, DOUBLE_EN),
    GV(
        "grad_sign",
        lambda c: -_grad(c),
        "勾配の符号が逆です。∂loss/∂q_sa = (q_sa − y)/B です（y − q_sa ではありません）。",
        "the gradient has the wrong sign: ∂loss/∂q_sa = (q_sa − y)/B, not (y − q_sa)/B.",
    ),
    GV(
        "grad_no_mean",
        lambda c: _grad(c) * c["s"].shape[0],
        "勾配をバッチ数 B で割っていません: dQ = (q_sa − y)/B。",
        "the gradient is not divided by the batch size B: dQ = (q_sa − y)/B.",
    ),
    GV(
        "grad_no_half",
        lambda c: 2 * _grad(c),
        "勾配が 2 倍です。½ (y − q_sa)² の微分は (q_sa − y) です。",
        "the gradient is twice too large: the derivative of ½ (y − q_sa)² is (q_sa − y).",
    ),
)

CHECKS = {
    "buffer": Cases(inputs=_buffer_inputs, run=_buffer_run, expected=_buffer_expected, variants=BUFFER_VARIANTS),
    "loss": Cases(
        inputs=_loss_inputs, run=_run_loss, expected=lambda c: {"loss": _loss(c)}, variants=LOSS_VARIANTS, rtol=1e-6
    ),
    "gradient": Cases(inputs=_loss_inputs, run=_run_grad, expected=lambda c: {"dW": _grad(c)}, variants=GRAD_VARIANTS),
    "gradcheck": GradCheck(inputs=_loss_inputs, run=_run_grad, loss=_loss, wrt={"dW": "W_online"}),
}
