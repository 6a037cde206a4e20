# expect: pass
# Patches cut one by one with loops over the grid (row-major), each flattened in (C, p, p) order.
import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b = W, b
        self.cls_token, self.pos_embed = cls_token, pos_embed
        self.p = patch_size

    def forward(self, x):
        N, C, H, W = x.shape
        p = self.p
        rows = []
        for i in range(H // p):
            for j in range(W // p):
                rows.append(x[:, :, i * p : (i + 1) * p, j * p : (j + 1) * p].reshape(N, -1))
        self.patches = np.stack(rows, axis=1)
        tokens = self.patches @ self.W + self.b
        out = np.empty((N, tokens.shape[1] + 1, tokens.shape[2]))
        out[:, 0] = self.cls_token
        out[:, 1:] = tokens
        return out + self.pos_embed

    def backward(self, dout):
        self.dW = np.zeros_like(self.W)
        for n in range(dout.shape[0]):
            self.dW += self.patches[n].T @ dout[n, 1:]
        self.db = np.sum(dout[:, 1:], axis=(0, 1))
        self.dcls = np.sum(dout[:, 0], axis=0)
        self.dpos = np.sum(dout, axis=0)
