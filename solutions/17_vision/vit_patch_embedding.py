"""Vision Transformer の入力: パッチ分割、線形射影、CLS トークン、位置埋め込み / ViT's patch embedding."""

import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b = W, b
        self.cls_token, self.pos_embed = cls_token, pos_embed
        self.p = patch_size
        self.dW = self.db = self.dcls = self.dpos = None

    def forward(self, x):
        N, C, H, W = x.shape
        p = self.p
        # (N, C, H/p, p, W/p, p) -> (N, H/p, W/p, C, p, p): grid row-major, each patch in (C, p, p) order
        grid = x.reshape(N, C, H // p, p, W // p, p).transpose(0, 2, 4, 1, 3, 5)
        self.patches = grid.reshape(N, (H // p) * (W // p), C * p * p)
        tokens = self.patches @ self.W + self.b  # (N, L, D)
        cls = np.tile(self.cls_token, (N, 1, 1))  # (N, 1, D)
        return np.concatenate([cls, tokens], axis=1) + self.pos_embed

    def backward(self, dout):
        dtokens = dout[:, 1:]  # the patch tokens' gradient (N, L, D)
        N, L, K = self.patches.shape
        self.dW = self.patches.reshape(N * L, K).T @ dtokens.reshape(N * L, self.W.shape[1])
        self.db = dtokens.sum(axis=(0, 1))
        self.dcls = dout[:, 0].sum(axis=0)  # token 0, summed over the batch
        self.dpos = dout.sum(axis=0)  # one table shared by the batch
