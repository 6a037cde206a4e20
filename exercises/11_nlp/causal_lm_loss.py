"""GPT 型の言語モデルの因果マスクと、次トークン予測の交差エントロピー・パープレキシティ・勾配を実装してください。

causal_mask(T) -> (T, T) の float 配列: 行 i（query）・列 j（key）で j ≤ i なら 0.0、j > i（未来）なら −inf
causal_lm_loss(logits, ids, pad) -> (loss, perplexity, dlogits)
  logits: (N, T, V)、ids: (N, T) 整数、pad: (N, T) bool（True = パディング、各行の末尾だけ）
  位置 t は ids[:, t+1] を予測する（最後の位置には目標がない）。pad[:, t+1] が True の目標は除く
  loss = 有効な目標についての交差エントロピーの平均（float）、perplexity = exp(loss)
  dlogits = ∂loss / ∂logits: (N, T, V)

Implement a GPT-style language model's causal mask and the next-token cross entropy, perplexity and gradient.
causal_mask(T) -> float array (T, T): row i (query), column j (key): 0.0 if j <= i, -inf if j > i (the future)
causal_lm_loss(logits, ids, pad) -> (loss, perplexity, dlogits)
  logits: (N, T, V); ids: (N, T) integers; pad: (N, T) bool (True = padding, only at the end of each row)
  position t predicts ids[:, t+1] (the last position has no target); targets with pad[:, t+1] True are left out
  loss = mean cross entropy over the valid targets (a float); perplexity = exp(loss)
  dlogits = ∂loss / ∂logits, shape (N, T, V)
"""

import numpy as np


def causal_mask(T):
    # TODO: 未来の位置（j > i）を −inf、それ以外を 0.0 にした (T, T) の加算マスク
    #       the (T, T) additive mask: −inf at future positions (j > i), 0.0 elsewhere
    raise NotImplementedError("causal_mask: TODO を埋めてください / fill in the TODO")


def causal_lm_loss(logits, ids, pad):
    # TODO: 1 つずらした目標、安定な log-softmax、パディングを除いた平均、exp(loss)、logits についての勾配
    #       targets shifted by one, a stable log-softmax, the mean without padding, exp(loss), the gradient
    raise NotImplementedError("causal_lm_loss: TODO を埋めてください / fill in the TODO")
