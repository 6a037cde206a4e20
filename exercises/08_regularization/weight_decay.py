"""荷重減衰（L2 正則化、ゼロから作るDeep Learning 1, 6 章）/ Weight decay (L2, book 1, chapter 6).

params: 'W1', 'b1', 'W2', 'b2', ... をキーとする float64 配列の辞書（重み W は 'W' で始まるキー、バイアスは 'b'）。
λ = weight_decay_lambda。1 巻（MultiLayerNet）の約束: 減衰させるのは重みだけで、バイアスには何もしません。

weight_decay_loss(params, weight_decay_lambda):
    損失に足す項 λ/2 · Σ_W Σ W²（'W' で始まるすべてのキーの、すべての要素の二乗和）を float で返します。
add_weight_decay(grads, params, weight_decay_lambda):
    grads（params と同じキーと形状の、データの損失の勾配）に荷重減衰の勾配を足した新しい辞書を返します:
    'W' のキーは grads[key] + λ·params[key]、それ以外のキーは grads[key] のまま。

params: a dict of float64 arrays keyed 'W1', 'b1', 'W2', 'b2', ... (weights: keys starting with 'W'; biases: 'b').
λ = weight_decay_lambda. Book 1's convention (MultiLayerNet): only the weights decay, never the biases.

weight_decay_loss(params, weight_decay_lambda):
    return, as a float, the term added to the loss: λ/2 · Σ_W Σ W² (the squares of all elements of every 'W' key).
add_weight_decay(grads, params, weight_decay_lambda):
    grads holds the data loss's gradients (same keys and shapes as params). Return a new dict with the weight
    decay's gradient added: grads[key] + λ·params[key] for 'W' keys, grads[key] unchanged for the other keys.
"""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    # TODO: λ/2 · Σ_W ΣW² を返す / return λ/2 · Σ_W ΣW²
    raise NotImplementedError("weight_decay_loss: TODO を埋めてください / fill in the TODO")


def add_weight_decay(grads, params, weight_decay_lambda):
    # TODO: 重みの勾配に λW を足した新しい辞書を返す / return a new dict with λW added to the weights' gradients
    raise NotImplementedError("add_weight_decay: TODO を埋めてください / fill in the TODO")
