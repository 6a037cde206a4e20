"""Hidden tests for `activation_distribution` (book 1, 6.2: the histograms of hidden-layer activations).

The statement pins the random draws: layer by layer, exactly one W = rng.standard_normal((n, node_num))
* scale, with n the layer's fan-in (x.shape[1] = D for the first layer, node_num after). x is (N, D) with
N, D and node_num all different, so a fan-in taken from the wrong axis or a transposed draw shows.
rng.normal(0, scale, (n, node_num)) gives the same numbers bit for bit (numpy's Generator computes
normal as loc + scale * standard_normal), so it is a right answer.

Checks:
- activations: exact values against the reference, on small cases (every weight_init and activation).
- layer_stats: per-layer [mean, std] (population std) of given activation lists.
- experiment: the learner's own activation_distribution in the book's setting (x (1000, 100),
  node_num 100, 5 layers; one case, to keep grading well under a second). Each layer's spread is
  measured here with np.std and the experiment's findings are asserted as booleans. The thresholds
  hold with a wide margin for any draws (checked over 1000 random streams, and with x (400, 60) and
  node_num 80), so a learner whose draws differ from the statement's but whose method is right still
  earns this check.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (N, D, node_num, weight_init, activation): N, D and node_num all different. Every case has the same
# number of layers, so each output name (activations[i]) exists in every case, as diagnosis needs.
LAYERS = 4
SPECS = (
    (7, 5, 11, "he", "relu"),
    (6, 9, 4, "xavier", "sigmoid"),
    (3, 8, 6, 0.5, "tanh"),
    (5, 3, 7, "xavier", "tanh"),
    (4, 10, 6, "he", "relu"),
    (8, 6, 5, 1.0, "sigmoid"),
)


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


ACTS = {"sigmoid": _sigmoid, "relu": lambda a: np.maximum(0.0, a), "tanh": np.tanh}


def _scale(weight_init, n, he=2.0, xavier=1.0, he_root=True, xavier_root=True):
    """The weights' std for fan-in n; the options let a variant change the formula."""
    if weight_init == "he":
        return np.sqrt(he / n) if he_root else he / n
    if weight_init == "xavier":
        return np.sqrt(xavier / n) if xavier_root else xavier / n
    return float(weight_init)


def _forward(
    case, fan_in=None, scale=_scale, draw="standard", feed="previous", order="product_first", last_linear=False
):
    """The reference experiment, and (by its options) the known wrong ways to run it."""
    x, node_num, size = case["x"], case["node_num"], case["hidden_layer_size"]
    act = ACTS[case["activation"]]
    rng = np.random.default_rng(case["_seed"])
    legacy = np.random.RandomState(case["_seed"])
    z, out, drawn = x, [], {}
    for i in range(size):
        inp = z if feed == "previous" else x
        n = inp.shape[1]
        s = scale(case["weight_init"], fan_in(case, inp) if fan_in else n)
        if draw == "standard":
            W = rng.standard_normal((n, node_num)) * s
        elif draw == "reuse":  # one matrix per shape: a new draw only where the old one does not fit
            if (n, node_num) not in drawn:
                drawn[(n, node_num)] = rng.standard_normal((n, node_num)) * s
            W = drawn[(n, node_num)]
        elif draw == "transposed":
            W = (rng.standard_normal((node_num, n)) * s).T
        else:  # numpy's global generator, as book 1 writes it
            W = legacy.randn(n, node_num) * s
        if order == "act_first":
            z = act(inp) @ W
        else:
            a = inp @ W
            z = a if (last_linear and i == size - 1) else act(a)
        out.append(z)
    return out


def _outputs(layers) -> dict:
    out = {"len(activations)": len(layers)}
    out.update({f"activations[{i}]": z for i, z in enumerate(layers)})
    return out


def _inputs(rng) -> list[dict]:
    cases = []
    for k, (n, d, node_num, weight_init, activation) in enumerate(SPECS):
        cases.append(
            {
                "x": rng.standard_normal((n, d)),
                "node_num": node_num,
                "hidden_layer_size": LAYERS,
                "weight_init": weight_init,
                "activation": activation,
                "_seed": 1000 + k,
            }
        )
    return cases


def _as_layers(result, size: int) -> dict:
    """The learner's layers by index: a list as asked, or book 1's dict {0: z1, 1: z2, ...}."""
    if isinstance(result, dict):
        seq = [result.get(i) for i in range(len(result))]
    else:
        seq = [result[i] for i in range(len(result))]
    out = {"len(activations)": len(seq)}
    out.update({f"activations[{i}]": seq[i] if i < len(seq) else None for i in range(size)})
    return out


def _call(learner, case, rng_seed):
    np.random.seed(rng_seed)  # a learner who draws from np.random (the book's way) is then diagnosable
    return learner.activation_distribution(
        case["x"],
        case["node_num"],
        case["hidden_layer_size"],
        case["weight_init"],
        case["activation"],
        np.random.default_rng(rng_seed),
    )


def _run(learner, case) -> dict:
    result = _call(learner, case, case["_seed"])
    if result is None or not hasattr(result, "__len__"):
        return {"len(activations)": result}
    return _as_layers(result, case["hidden_layer_size"])


def _expected(case) -> dict:
    return _outputs(_forward(case))


def _variant(name, ja, en, **options):
    return Variant(name, lambda c: _outputs(_forward(c, **options)), ja=ja, en=en)


VARIANTS = (
    Variant(
        "input_included",
        lambda c: {"len(activations)": c["hidden_layer_size"] + 1},
        ja="hidden_layer_size 個より 1 個多く返しています。返すのは隠れ層それぞれの活性化だけで、入力 x は含めません。",
        en="you returned one array more than hidden_layer_size: return the hidden layers' activations only, "
        "not the input x.",
    ),
    Variant(
        "one_short",
        lambda c: {"len(activations)": c["hidden_layer_size"] - 1},
        ja="hidden_layer_size 個より 1 個少なく返しています。for i in range(hidden_layer_size) の各層で活性化を"
        "1 つずつリストに加えます。",
        en="you returned one array fewer than hidden_layer_size: append one activation per layer, for i in "
        "range(hidden_layer_size).",
    ),
    _variant(
        "fan_in_node_num",
        ja="1 層目の重みのスケールに node_num を使っています。n は fan-in（その層への入力のノード数）で、"
        "1 層目では x.shape[1]（= D）、2 層目からは node_num です。",
        en="the first layer's scale uses node_num. n is the fan-in (the number of nodes feeding the layer): "
        "x.shape[1] (= D) for the first layer, node_num from the second on.",
        fan_in=lambda c, inp: c["node_num"],
    ),
    _variant(
        "fan_in_batch",
        ja="スケールの n にバッチサイズ N（x.shape[0]）を使っています。n は fan-in（前の層のノード数）: "
        "z.shape[1] です。",
        en="the scale's n is the batch size N (x.shape[0]); n is the fan-in, the previous layer's node "
        "count: z.shape[1].",
        fan_in=lambda c, inp: inp.shape[0],
    ),
    _variant(
        "he_sqrt_1_n",
        ja='"he" に √(1/n) を使っています。√(1/n) は Xavier、He は √(2/n) です（ReLU が半分を 0 にする分、'
        "分散を 2 倍にします）。",
        en='"he" uses √(1/n), which is Xavier; He is √(2/n) (twice the variance, because ReLU zeroes half the inputs).',
        scale=lambda w, n: _scale(w, n, he=1.0),
    ),
    _variant(
        "xavier_sqrt_2_n",
        ja='"xavier" に √(2/n) を使っています。√(2/n) は He（ReLU 用）、Xavier は √(1/n) です。',
        en='"xavier" uses √(2/n), which is He (for ReLU); Xavier is √(1/n).',
        scale=lambda w, n: _scale(w, n, xavier=2.0),
    ),
    _variant(
        "he_variance",
        ja='"he" で分散 2/n をそのまま標準偏差として掛けています。standard_normal に掛けるのは標準偏差なので、'
        "np.sqrt(2.0 / n) と平方根をとります。",
        en='"he" multiplies by the variance 2/n where the standard deviation belongs: standard_normal is '
        "scaled by the std, np.sqrt(2.0 / n).",
        scale=lambda w, n: _scale(w, n, he_root=False),
    ),
    _variant(
        "xavier_variance",
        ja='"xavier" で分散 1/n をそのまま標準偏差として掛けています。standard_normal に掛けるのは標準偏差なので、'
        "np.sqrt(1.0 / n) と平方根をとります。",
        en='"xavier" multiplies by the variance 1/n where the standard deviation belongs: standard_normal is '
        "scaled by the std, np.sqrt(1.0 / n).",
        scale=lambda w, n: _scale(w, n, xavier_root=False),
    ),
    _variant(
        "fed_original_x",
        ja="どの層にも元の入力 x を入れています。2 層目からは前の層の活性化 z を入力にします"
        "（本書の x = activations[i-1]）。",
        en="every layer is fed the original input x; from the second layer on, the input is the previous "
        "layer's activation z (book 1's x = activations[i-1]).",
        feed="original",
    ),
    _variant(
        "act_first",
        ja="活性化関数を積の前に適用しています。各層は a = z @ W を先に計算し、その後 z = 活性化(a) です。",
        en="the activation is applied before the product: each layer computes a = z @ W first, then z = activation(a).",
        order="act_first",
    ),
    _variant(
        "last_layer_linear",
        ja="最後の層に活性化関数を適用していません。すべての隠れ層で z = 活性化(a) を保存します。",
        en="the last layer's activation is missing: every hidden layer stores z = activation(a).",
        last_linear=True,
    ),
    _variant(
        "transposed_draw",
        ja="重みを (node_num, n) の形で引いて転置しています（列ベクトル流の W）。問題文どおり "
        "rng.standard_normal((n, node_num)) の形で引いてください（同じ乱数でも並びが変わります）。",
        en="the weights are drawn as (node_num, n) and transposed (the column-vector layout); draw "
        "rng.standard_normal((n, node_num)) as the statement says (the same numbers land in other places).",
        draw="transposed",
    ),
    _variant(
        "reused_weights",
        ja="同じ重み行列を複数の層で使い回しています。各層で新しく W = rng.standard_normal((n, node_num)) * "
        "スケール を 1 回ずつ引きます（層の数だけ引きます）。",
        en="the same weight matrix is used in more than one layer; every layer draws its own W = "
        "rng.standard_normal((n, node_num)) * scale (one draw per layer).",
        draw="reuse",
    ),
    _variant(
        "global_rng",
        ja="numpy のグローバルな乱数（np.random.randn など）で重みを引いています。引数の rng から "
        "rng.standard_normal((n, node_num)) で引いてください。",
        en="the weights come from numpy's global generator (np.random.randn or similar); draw them from the "
        "rng argument: rng.standard_normal((n, node_num)).",
        draw="global",
    ),
)


# --- layer_stats -------------------------------------------------------------------------------


def _stats_inputs(rng) -> list[dict]:
    return [
        {"activations": [_sigmoid(rng.normal(0.0, s, size=(5, 7))) for s in (3.0, 1.0, 0.3)]},
        {"activations": [np.maximum(0.0, rng.normal(0.2, 1.0, size=(4, 3))) for _ in range(4)]},
        {"activations": [np.tanh(rng.normal(0.1, 0.8, size=(6, 2))) for _ in range(5)]},
    ]


def _stats(case, std=np.std) -> np.ndarray:
    return np.array([[np.mean(z), std(z)] for z in case["activations"]])


def _stats_run(learner, case) -> dict:
    return {"stats": learner.layer_stats(list(case["activations"]))}


STATS_VARIANTS = (
    Variant(
        "ddof1",
        lambda c: {"stats": _stats(c, lambda z: np.std(z, ddof=1))},
        ja="標本標準偏差（ddof=1）になっています。この問題は np.std の既定の ddof=0（要素数で割る）です。",
        en="this is the sample std (ddof=1); use np.std's default ddof=0 (divide by the number of elements).",
    ),
    Variant(
        "variance",
        lambda c: {"stats": _stats(c, np.var)},
        ja="2 列目が分散になっています。標準偏差 np.std を返します。",
        en="the second column is the variance; return the standard deviation, np.std.",
    ),
    Variant(
        "swapped",
        lambda c: {"stats": _stats(c)[:, ::-1]},
        ja="列の順が逆です。各行は [平均, 標準偏差] の順です。",
        en="the columns are swapped: each row is [mean, std].",
    ),
)


# --- experiment --------------------------------------------------------------------------------

SETTINGS = {  # fact -> (activation, weight_init)
    "sigmoid_std1_saturated": ("sigmoid", 1.0),
    "sigmoid_std001_near_half": ("sigmoid", 0.01),
    "sigmoid_xavier_spread": ("sigmoid", "xavier"),
    "relu_he_keeps_spread": ("relu", "he"),
    "relu_xavier_shrinks": ("relu", "xavier"),
    "relu_std001_vanishes": ("relu", 0.01),
}


def _experiment_inputs(rng) -> list[dict]:
    return [{"x": rng.standard_normal((1000, 100)), "node_num": 100, "hidden_layer_size": 5, "_seed": 61}]


def _ends(z) -> float:
    """The share of sigmoid outputs near 0 or 1."""
    return float(np.mean((z < 0.1) | (z > 0.9)))


def _experiment_run(learner, case) -> dict:
    found = {}
    for k, (fact, (activation, weight_init)) in enumerate(SETTINGS.items()):
        setting = dict(case, activation=activation, weight_init=weight_init)
        layers = _call(learner, setting, case["_seed"] * 100 + k)
        layers = [np.asarray(layers[i], dtype=float) for i in range(5)]
        std = [float(np.std(z)) for z in layers]
        ratio = std[4] / std[0] if std[0] > 0 else float("nan")
        if fact == "sigmoid_std1_saturated":
            found[fact] = _ends(layers[4]) >= 0.4
        elif fact == "sigmoid_std001_near_half":
            found[fact] = std[4] < 0.03 and abs(float(np.mean(layers[4])) - 0.5) < 0.02
        elif fact == "sigmoid_xavier_spread":
            found[fact] = std[4] >= 0.05 and _ends(layers[4]) < 0.1
        elif fact == "relu_he_keeps_spread":
            found[fact] = 0.5 <= ratio <= 2.0
        elif fact == "relu_xavier_shrinks":
            found[fact] = ratio < 0.5
        else:
            found[fact] = ratio < 1e-3
    return found


def _experiment_expected(case) -> dict:
    return {fact: True for fact in SETTINGS}


def _fact(fact, ja, en):
    return Variant(f"not_{fact}", lambda c: {fact: False}, ja=ja, en=en)


EXPERIMENT_VARIANTS = (
    _fact(
        "sigmoid_std1_saturated",
        ja="sigmoid・標準偏差 1 では、5 層目の活性化の 4 割以上が 0.1 未満か 0.9 超（0 と 1 に偏る）はずですが、"
        "そうなっていません。weight_init が数値のときはその値をそのまま標準偏差として掛けます。",
        en="with sigmoid and std 1, at least 40% of layer 5's activations should lie below 0.1 or above 0.9 "
        "(piled up at 0 and 1), and yours do not. A numeric weight_init is the std itself: multiply by it.",
    ),
    _fact(
        "sigmoid_std001_near_half",
        ja="sigmoid・標準偏差 0.01 では、5 層目の活性化はほぼすべて 0.5 付近（標準偏差 0.03 未満）に集まるはず"
        "ですが、そうなっていません。",
        en="with sigmoid and std 0.01, layer 5's activations should all gather near 0.5 (std below 0.03), "
        "and yours do not.",
    ),
    _fact(
        "sigmoid_xavier_spread",
        ja="sigmoid・Xavier では、5 層目まで活性化に広がり（標準偏差 0.05 以上、0・1 付近は 1 割未満）が残るはず"
        "ですが、そうなっていません。Xavier のスケール √(1/n)（n は前の層のノード数）を確かめてください。",
        en="with sigmoid and Xavier, layer 5 should keep a spread (std at least 0.05, under 10% near 0 or 1), "
        "and yours does not. Check the Xavier scale √(1/n), n the previous layer's node count.",
    ),
    _fact(
        "relu_he_keeps_spread",
        ja="ReLU・He では、5 層目の標準偏差が 1 層目の 0.5〜2 倍に収まる（広がりが保たれる）はずですが、"
        "そうなっていません。He のスケール √(2/n)（n は前の層のノード数）を確かめてください。",
        en="with ReLU and He, layer 5's std should stay within 0.5 to 2 times layer 1's (the spread is kept), "
        "and yours does not. Check the He scale √(2/n), n the previous layer's node count.",
    ),
    _fact(
        "relu_xavier_shrinks",
        ja="ReLU・Xavier では、層ごとに活性化が 0 に寄り、5 層目の標準偏差は 1 層目の半分未満になるはずですが、"
        "そうなっていません。",
        en="with ReLU and Xavier, the activations should lean towards 0 layer by layer, layer 5's std below "
        "half of layer 1's, and yours do not.",
    ),
    _fact(
        "relu_std001_vanishes",
        ja="ReLU・標準偏差 0.01 では、層ごとに活性化が 1/10 以下に縮み、5 層目の標準偏差は 1 層目の 1/1000 未満に"
        "なるはずですが、そうなっていません。",
        en="with ReLU and std 0.01, the activations should shrink more than tenfold per layer, layer 5's std "
        "below 1/1000 of layer 1's, and yours do not.",
    ),
)

CHECKS = {
    "activations": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "layer_stats": Cases(
        inputs=_stats_inputs,
        run=_stats_run,
        expected=lambda c: {"stats": _stats(c)},
        variants=STATS_VARIANTS,
        rtol=1e-9,
        atol=1e-12,
    ),
    "experiment": Cases(
        inputs=_experiment_inputs, run=_experiment_run, expected=_experiment_expected, variants=EXPERIMENT_VARIANTS
    ),
}
