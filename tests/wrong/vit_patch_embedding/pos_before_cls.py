# expect: fail
# diagnosis: the position embeddings are added before the CLS token is prepended
# mistake: pos_embed[:L] is added to the patch tokens, then the CLS token is put first without position
import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b = W, b
        self.cls_token, self.pos_embed = cls_token, pos_embed
        self.p = patch_size

    def forward(self, x):
        N, C, H, W = x.shape
        p = self.p
        g = x.reshape(N, C, H // p, p, W // p, p).transpose(0, 2, 4, 1, 3, 5)
        self.patches = g.reshape(N, -1, C * p * p)
        L = self.patches.shape[1]
        tokens = self.patches @ self.W + self.b + self.pos_embed[:L]
        cls = np.tile(self.cls_token, (N, 1, 1))
        return np.concatenate([cls, tokens], axis=1)

    def backward(self, dout):
        d = dout[:, 1:]
        self.dW = np.einsum("nlk,nld->kd", self.patches, d)
        self.db = d.sum(axis=(0, 1))
        self.dcls = dout[:, 0].sum(axis=0)
        self.dpos = np.zeros_like(self.pos_embed)
        self.dpos[:-1] = d.sum(axis=0)
