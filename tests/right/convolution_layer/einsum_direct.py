# expect: pass
# no im2col at all: loops over output positions with einsum
import numpy as np


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad
        self.dW = None
        self.db = None

    def _windows(self, out_h, out_w):
        FN, C, FH, FW = self.W.shape
        for y in range(out_h):
            for x in range(out_w):
                t, l = y * self.stride, x * self.stride
                yield y, x, (slice(None), slice(None), slice(t, t + FH), slice(l, l + FW))

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = x.shape
        self.out_h = (H + 2 * self.pad - FH) // self.stride + 1
        self.out_w = (W + 2 * self.pad - FW) // self.stride + 1
        self.x_shape = x.shape
        self.xp = np.pad(x, [(0, 0), (0, 0), (self.pad, self.pad), (self.pad, self.pad)])
        out = np.zeros((N, FN, self.out_h, self.out_w))
        for y, x_, win in self._windows(self.out_h, self.out_w):
            out[:, :, y, x_] = np.einsum("ncij,fcij->nf", self.xp[win], self.W) + self.b
        return out

    def backward(self, dout):
        dxp = np.zeros_like(self.xp)
        self.dW = np.zeros_like(self.W)
        self.db = dout.sum(axis=(0, 2, 3))
        for y, x_, win in self._windows(self.out_h, self.out_w):
            g = dout[:, :, y, x_]                       # (N, FN)
            self.dW += np.einsum("nf,ncij->fcij", g, self.xp[win])
            dxp[win] += np.einsum("nf,fcij->ncij", g, self.W)
        H, W = self.x_shape[2], self.x_shape[3]
        return dxp[:, :, self.pad:self.pad + H, self.pad:self.pad + W]
