"""inverted dropout（PyTorch の nn.Dropout の方式） / inverted dropout, as PyTorch's nn.Dropout does it.

InvertedDropout(p=0.5) を完成させてください。p はユニットを消す確率（0 <= p < 1）、x は任意の形状です。
  学習時（train_flg=True）: mask（x と同じ形の bool 配列、True のユニットを残す）が渡されればそれを使い、
          mask=None なら np.random.rand(*x.shape) > p で新しく引きます（乱数はこの 1 回だけ）。
          mask を self.mask に保存し、x * mask / (1 - p) を返します。
  テスト時（train_flg=False）: x をそのまま返します（mask も倍率も使いません）。
  backward(dout): 直前の学習時の forward と同じ mask と倍率で dout * mask / (1 - p) を返します。
1 つのオブジェクトを、形の違う x で何度も続けて使います。

Complete InvertedDropout(p=0.5). p is the probability of dropping a unit (0 <= p < 1); x may have any shape.
  Training (train_flg=True): use the mask passed in (a bool array shaped like x, True = kept), or, with
          mask=None, draw a new one with np.random.rand(*x.shape) > p (the only random draw). Keep the mask
          in self.mask and return x * mask / (1 - p).
  Test (train_flg=False): return x unchanged (no mask, no factor).
  backward(dout): return dout * mask / (1 - p), with the mask and factor of the last training forward.
One object is used many times in a row, with x of different shapes.
"""
import numpy as np


class InvertedDropout:
    def __init__(self, p=0.5):
        self.p = p          # ユニットを消す確率（0 <= p < 1） / the drop probability (0 <= p < 1)
        self.mask = None    # 直前の学習時の forward の残す判断 / the keep decisions of the last training forward

    def forward(self, x, train_flg=True, mask=None):
        # TODO: テスト時は x をそのまま返す。学習時は mask（None なら新しく引く）を self.mask に保存し、
        #       x * mask / (1 - p) を返す
        #       test: return x; training: keep the mask (drawn anew when None) in self.mask, return x * mask / (1 - p)
        raise NotImplementedError("InvertedDropout.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: forward と同じ mask と倍率 1 / (1 - p) を dout に掛けて返す
        #       apply forward's mask and the factor 1 / (1 - p) to dout
        raise NotImplementedError("InvertedDropout.backward: TODO を埋めてください / fill in the TODO")
