"""Adam（ゼロから作るDeep Learning 1, 6 章の形）/ Adam (book 1's form, chapter 6).

update(params, grads) を完成させてください。
  params, grads: 同じキー（'W1', 'b1', ...）を持つ、float64 配列の辞書（形状はキーごとに違います）。
  1 巻の形。t は update を呼んだ回数（1, 2, 3, ...。キーの数ではありません）:
    lr_t = lr · √(1 − beta2^t) / (1 − beta1^t)          （バイアス補正を学習率にまとめた形）
    キーごと（要素ごと）に:
      m ← m + (1 − beta1)·(∂L/∂W − m)
      v ← v + (1 − beta2)·(∂L/∂W ⊙ ∂L/∂W − v)
      W ← W − lr_t · m / (√v + 1e-7)
  m, v は最初の update で params と同じ形状の 0 で作り、self.m、self.v（辞書）と self.iter に保持します。
  params の配列はその場で（in place）書き換え、何も返しません。

Complete update(params, grads).
  params, grads: dicts of float64 arrays with the same keys ('W1', 'b1', ...); shapes differ by key.
  Book 1's form. t counts the calls of update (1, 2, 3, ...; not the keys):
    lr_t = lr · √(1 − beta2^t) / (1 − beta1^t)          (the bias correction folded into the step size)
    for every key, elementwise:
      m ← m + (1 − beta1)·(∂L/∂W − m)
      v ← v + (1 − beta2)·(∂L/∂W ⊙ ∂L/∂W − v)
      W ← W − lr_t · m / (√v + 1e-7)
  Create m and v as zeros shaped like params on the first update; keep them in self.m, self.v (dicts) and
  self.iter. Change the arrays in params IN PLACE and return nothing.
"""
import numpy as np


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0   # update を呼んだ回数 / number of update calls so far
        self.m = None   # 勾配の移動平均（辞書）/ moving averages of the gradient (a dict)
        self.v = None   # 勾配の二乗の移動平均（辞書）/ moving averages of the squared gradient (a dict)

    def update(self, params, grads):
        # TODO: 最初の呼び出しで self.m, self.v を作り、self.iter を 1 増やして lr_t を計算し、
        #       m, v, params を更新（in place）
        #       create self.m, self.v on the first call, increment self.iter, compute lr_t,
        #       then update m, v and params (in place)
        raise NotImplementedError("Adam.update: TODO を埋めてください / fill in the TODO")
