"""Hidden tests for `bert_mlm_mask`: chosen = ~special & (u_select < 0.15); of the chosen, u_replace < 0.8 ->
mask_id, 0.8 <= u_replace < 0.9 -> random_ids, else kept; labels = ids where chosen, -100 elsewhere.

Every row starts with [CLS] (1) and has a [SEP] (2); all but the first row end with padding (0). Special
positions get small u_select so a mask that forgets `special` shows. Row 0 holds the boundary draws
u_select = 0.15 (not chosen), u_replace = 0.8 (random token) and 0.9 (kept); row 1 holds one position of
each of the three replacements, so every branch is reached in every case. Token ids are 5..39, mask_id and
random_ids differ from every original id, so a kept token, a random one and [MASK] tell apart.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SETTINGS = ((3, 12, 103), (2, 16, 4), (4, 9, 50))  # N, T, mask_id


def _case(rng, N, T, mask_id) -> dict:
    ids = rng.integers(5, 40, size=(N, T))
    special = np.zeros((N, T), dtype=bool)
    u_select = rng.uniform(0.0, 0.35, size=(N, T))
    u_replace = rng.uniform(0.0, 1.0, size=(N, T))
    for n in range(N):
        L = T if n == 0 else (T - 3 if n == 1 else int(rng.integers(5, T)))
        ids[n, 0], ids[n, L - 1], ids[n, L:] = 1, 2, 0
        special[n, 0] = special[n, L - 1] = True
        special[n, L:] = True
        u_select[n, 0] = 0.05  # [CLS] would be chosen if special were ignored
    u_select[0, 1] = 0.15  # exactly the threshold: not chosen
    u_select[0, 2:4] = 0.01
    u_replace[0, 2:4] = 0.8, 0.9  # exactly the thresholds: a random token, then kept
    u_select[1, 1:4] = 0.02
    u_replace[1, 1:4] = 0.3, 0.85, 0.95  # [MASK], random, kept
    random_ids = rng.integers(5, 40, size=(N, T))
    random_ids = np.where(random_ids == ids, random_ids % 34 + 6, random_ids)
    return {
        "ids": ids,
        "special": special,
        "u_select": u_select,
        "u_replace": u_replace,
        "random_ids": random_ids,
        "mask_id": mask_id,
    }


def _inputs(rng) -> list[dict]:
    return [_case(rng, *s) for s in SETTINGS]


def _run(learner, c) -> dict:
    ids = c["ids"]
    ids0 = ids.copy()
    res = learner.bert_mlm_mask(ids, c["special"], c["u_select"], c["u_replace"], c["random_ids"], c["mask_id"])
    inputs, labels = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    return {"inputs": inputs, "labels": labels, "ids_unchanged": bool(np.array_equal(ids, ids0))}


def _ref(
    c,
    *,
    use_special=True,
    select="lt",
    mask_at=0.8,
    mask_le=False,
    random_le=False,
    replace="801010",
    labels="right",
) -> dict:
    ids, u, v = c["ids"], c["u_select"], c["u_replace"]
    picked = {"lt": u < 0.15, "le": u <= 0.15, "inverted": u >= 0.15}[select]
    chosen = picked & ~c["special"] if use_special else picked
    is_mask = v <= mask_at if mask_le else v < mask_at
    is_random = ~is_mask & ((v <= 0.9) if random_le else (v < 0.9))
    if replace == "all_mask":
        is_mask, is_random = np.ones_like(chosen), np.zeros_like(chosen)
    elif replace == "no_keep":
        is_random = ~is_mask
    elif replace == "swapped":
        is_random = v >= 0.9
    inputs = ids.copy()
    inputs[chosen & is_mask] = c["mask_id"]
    inputs[chosen & is_random] = c["random_ids"][chosen & is_random]
    lab = {
        "right": np.where(chosen, ids, -100),
        "everywhere": ids.copy(),
        "zero": np.where(chosen, ids, 0),
        "masked_only": np.where(chosen & is_mask, ids, -100),
        "from_inputs": np.where(chosen, inputs, -100),
    }[labels]
    return {"inputs": inputs, "labels": lab}


def V_(name, ja, en, **kw):
    return Variant(name, lambda c: _ref(c, **kw), ja=ja, en=en)


def L_(name, ja, en, labels):
    return Variant(name, lambda c: {"labels": _ref(c, labels=labels)["labels"]}, ja=ja, en=en)


VARIANTS = (
    V_(
        "special_chosen",
        use_special=False,
        ja="[CLS]・[SEP]・パディングの位置も選んでいます。特殊トークンは予測の対象にしないので、"
        "chosen = ~special & (u_select < 0.15) のように special を除きます。",
        en="the [CLS], [SEP] and padding positions are chosen too: special tokens are never prediction targets, "
        "so exclude them, chosen = ~special & (u_select < 0.15).",
    ),
    V_(
        "select_le",
        select="le",
        ja="u_select がちょうど 0.15 の位置も選んでいます。選ぶのは u_select < 0.15（等号なし）の位置です。",
        en="a position with u_select exactly 0.15 is chosen: choose u_select < 0.15 (strict).",
    ),
    V_(
        "select_inverted",
        select="inverted",
        ja="残りの 85% を選んでいます。選ぶのは u_select < 0.15 の 15% の位置です。",
        en="the other 85% are chosen: choose the 15% of positions with u_select < 0.15.",
    ),
    V_(
        "all_masked",
        replace="all_mask",
        ja="選んだ位置をすべて [MASK] にしています。BERT は選んだ位置の 80% を [MASK]、10% をランダムなトークン、"
        "10% を元のままにします（ファインチューニングの入力には [MASK] が現れないため）。",
        en="every chosen position becomes [MASK]: BERT replaces 80% of the chosen positions with [MASK], 10% with a "
        "random token and keeps 10% unchanged (fine-tuning inputs never contain [MASK]).",
    ),
    V_(
        "no_keep",
        replace="no_keep",
        ja="0.9 ≤ u_replace の位置もランダムなトークンにしています。最後の 10% は元のトークンのまま残します。",
        en="positions with 0.9 <= u_replace get a random token too: the last 10% keep their original token.",
    ),
    V_(
        "keep_random_swapped",
        replace="swapped",
        ja="ランダムと元のままが入れ替わっています。0.8 ≤ u_replace < 0.9 がランダムなトークン（random_ids）、"
        "0.9 ≤ u_replace が元のままです。",
        en="the random and the kept cases are swapped: 0.8 <= u_replace < 0.9 takes the random token (random_ids), "
        "0.9 <= u_replace keeps the original.",
    ),
    V_(
        "mask_le",
        mask_le=True,
        ja="u_replace がちょうど 0.8 の位置を [MASK] にしています。[MASK] は u_replace < 0.8、"
        "ランダムなトークンは 0.8 ≤ u_replace < 0.9 です。",
        en="a position with u_replace exactly 0.8 becomes [MASK]: [MASK] for u_replace < 0.8, a random token for "
        "0.8 <= u_replace < 0.9.",
    ),
    V_(
        "random_le",
        random_le=True,
        ja="u_replace がちょうど 0.9 の位置をランダムなトークンにしています。ランダムは 0.8 ≤ u_replace < 0.9、"
        "0.9 以上は元のままです。",
        en="a position with u_replace exactly 0.9 gets a random token: random for 0.8 <= u_replace < 0.9, kept from "
        "0.9 on.",
    ),
    L_(
        "labels_everywhere",
        ja="すべての位置にラベルを付けています。損失を計算するのは選んだ位置だけなので、それ以外は −100"
        "（PyTorch の CrossEntropyLoss の ignore_index）にします。",
        en="every position has a label: the loss is computed on the chosen positions only, so put -100 (PyTorch "
        "CrossEntropyLoss's ignore_index) everywhere else.",
        labels="everywhere",
    ),
    L_(
        "labels_zero",
        ja="選ばない位置のラベルが 0 です。0 は普通のトークン ID（ここではパディング）と区別できないので、"
        "無視される値 −100（ignore_index）にします。",
        en="the positions not chosen have label 0, which is an ordinary token id (the padding here): use -100, the "
        "value the loss ignores (ignore_index).",
        labels="zero",
    ),
    L_(
        "labels_masked_only",
        ja="[MASK] にした位置だけにラベルを付けています。ランダムなトークンにした位置と元のままの位置も"
        "選んだ位置なので、元の ID を予測させます。",
        en="only the positions replaced by [MASK] have labels: the randomly replaced and the kept positions were "
        "chosen too, and the model must predict their original ids.",
        labels="masked_only",
    ),
    L_(
        "labels_from_inputs",
        ja="ラベルが置き換えたあとのトークンです（[MASK] の ID など）。ラベルは元の ids です。inputs = ids として"
        "書き換えると ids も変わるので、ids.copy() を書き換えます。",
        en="the labels are the tokens after replacement (such as the [MASK] id): the labels are the original ids. "
        "Writing into inputs = ids changes ids as well, so write into ids.copy().",
        labels="from_inputs",
    ),
)

MODIFIED = Variant(
    "modified_ids",
    lambda c: {"ids_unchanged": False},
    ja="inputs と labels は合っていますが、渡された ids を書き換えています。ids.copy() を作ってから書き換えます。",
    en="inputs and labels are right, but the ids passed in were modified: write into ids.copy() instead.",
)

CHECKS = {
    "inputs": Cases(inputs=_inputs, run=_run, expected=lambda c: {"inputs": _ref(c)["inputs"]}, variants=VARIANTS),
    "labels": Cases(inputs=_inputs, run=_run, expected=lambda c: {"labels": _ref(c)["labels"]}, variants=VARIANTS),
    "ids_unchanged": Cases(inputs=_inputs, run=_run, expected=lambda c: {"ids_unchanged": True}, variants=(MODIFIED,)),
}
