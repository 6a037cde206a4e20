# expect: fail
# diagnosis: x is reshaped straight to (N, L, C·p·p)
# mistake: the image is reshaped to (N, L, C·p·p) without splitting it into patches
import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b = W, b
        self.cls_token, self.pos_embed = cls_token, pos_embed
        self.p = patch_size

    def forward(self, x):
        N = x.shape[0]
        K, D = self.W.shape
        self.patches = x.reshape(N, -1, K)
        tokens = self.patches @ self.W + self.b
        cls = np.broadcast_to(self.cls_token, (N, 1, D))
        return np.concatenate([cls, tokens], axis=1) + self.pos_embed

    def backward(self, dout):
        K, D = self.W.shape
        d = dout[:, 1:]
        self.dW = self.patches.reshape(-1, K).T @ d.reshape(-1, D)
        self.db = d.sum(axis=(0, 1))
        self.dcls = dout[:, 0].sum(axis=0)
        self.dpos = dout.sum(axis=0)
