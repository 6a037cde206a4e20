# expect: pass
# The PyTorch view: W as a convolution weight (D, C, p, p) with kernel = stride = p, applied patch by patch
# with einsum; the output (N, D, H/p, W/p) is flattened over the grid and transposed to (N, L, D).
import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b = W, b
        self.cls_token, self.pos_embed = cls_token, pos_embed
        self.p = patch_size

    def forward(self, x):
        N, C, H, W = x.shape
        p, D = self.p, self.W.shape[1]
        weight = self.W.T.reshape(D, C, p, p)
        self.blocks = x.reshape(N, C, H // p, p, W // p, p)
        conv = np.einsum("ncipjq,dcpq->ndij", self.blocks, weight) + self.b[:, None, None]
        tokens = conv.reshape(N, D, -1).transpose(0, 2, 1)
        cls = np.repeat(self.cls_token[None, None, :], N, axis=0)
        return np.concatenate([cls, tokens], axis=1) + self.pos_embed

    def backward(self, dout):
        N, C, gh, p, gw, _ = self.blocks.shape
        D = self.W.shape[1]
        dconv = dout[:, 1:].transpose(0, 2, 1).reshape(N, D, gh, gw)
        dweight = np.einsum("ncipjq,ndij->dcpq", self.blocks, dconv)
        self.dW = dweight.reshape(D, -1).T
        self.db = dconv.sum(axis=(0, 2, 3))
        self.dcls = dout[:, 0].sum(axis=0)
        self.dpos = dout.sum(axis=0)
