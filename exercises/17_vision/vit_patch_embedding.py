"""Vision Transformer の入力: パッチ分割、線形射影、CLS トークン、位置埋め込み / ViT's patch embedding.

PatchEmbedding(W, b, cls_token, pos_embed, patch_size)
  W (C·p·p, D)、b (D,)、cls_token (D,)、pos_embed (L+1, D)、patch_size = p（int）
forward(x): x (N, C, H, W)（H と W は p で割り切れる）-> (N, L+1, D)、L = (H/p)(W/p)
  1. パッチ (N, L, C·p·p): パッチは格子の行優先（左上から右へ、次の行へ）、各パッチは (C, p, p) の順に平らに
  2. パッチ @ W + b -> (N, L, D)
  3. 先頭（トークン 0）に cls_token を置いて (N, L+1, D)
  4. pos_embed を足す
backward(dout): dout (N, L+1, D)。self.dW, self.db, self.dcls, self.dpos をセットします（返り値なし）。

forward(x): x (N, C, H, W) (H and W divisible by p) -> (N, L+1, D), L = (H/p)(W/p)
  1. patches (N, L, C·p·p): patches in row-major grid order (left to right, then the next row), each
     flattened in (C, p, p) order
  2. patches @ W + b -> (N, L, D)
  3. cls_token put first (token 0) -> (N, L+1, D)
  4. add pos_embed
backward(dout): dout (N, L+1, D). Set self.dW, self.db, self.dcls, self.dpos (no return value).
"""

import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b = W, b
        self.cls_token, self.pos_embed = cls_token, pos_embed
        self.p = patch_size
        # forward で backward に必要な値を保存してください（名前は自由）
        # keep what backward needs in forward (any attribute names)
        self.dW = self.db = self.dcls = self.dpos = None

    def forward(self, x):
        # TODO: パッチに分けて射影し、CLS トークンを先頭に置き、位置埋め込みを足す
        #       split into patches, project, put the CLS token first, add the position embeddings
        raise NotImplementedError("PatchEmbedding.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: self.dW, self.db, self.dcls, self.dpos をセットする / set self.dW, self.db, self.dcls, self.dpos
        raise NotImplementedError("PatchEmbedding.backward: TODO を埋めてください / fill in the TODO")
