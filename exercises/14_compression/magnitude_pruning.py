"""大きさ（絶対値）に基づく枝刈りを、テンソル全体で（グローバルに）実装してください。

magnitude_prune(W, p) -> (W_pruned, mask)
  W: float 配列（任意の形状）、p: 刈る割合（0 <= p < 1）。k = round(p * W.size) 個の、|w| が最も小さい重みを 0 にします。
  mask: W と同じ形状の bool 配列（True = 残す、False = 刈った）。W_pruned = W * mask（新しい配列。W は書き換えない）。
  テストの W では |w| がすべて異なるので、刈る k 個は一意に決まります。

Implement magnitude pruning over the whole tensor (global).
magnitude_prune(W, p) -> (W_pruned, mask): W is a float array of any shape, p the fraction to prune (0 <= p < 1).
Zero the k = round(p * W.size) weights with the smallest |w|. mask: bool, W's shape, True = kept, False = pruned.
W_pruned = W * mask as a new array (do not modify W). In the tests all |w| differ, so the k weights are unique.
"""
import numpy as np


def magnitude_prune(W, p):
    # TODO: |W| の小さい順に k 個を選んで 0 にする / zero the k weights with the smallest |W|
    raise NotImplementedError("magnitude_prune: TODO を埋めてください / fill in the TODO")
