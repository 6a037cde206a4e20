# expect: fail
# diagnosis: it gets the sum of their douts
# mistake: loops, and assigns dx at the maximum with = : where one position is the maximum of two
#          overlapping windows, only the last window's gradient is kept
import numpy as np


class Pooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h, self.pool_w, self.stride, self.pad = pool_h, pool_w, stride, pad

    def forward(self, x):
        N, C, H, W = x.shape
        oh = (H - self.pool_h) // self.stride + 1
        ow = (W - self.pool_w) // self.stride + 1
        self.x = x
        out = np.zeros((N, C, oh, ow))
        for y in range(oh):
            for x_ in range(ow):
                t, l = y * self.stride, x_ * self.stride
                out[:, :, y, x_] = x[:, :, t:t + self.pool_h, l:l + self.pool_w].max(axis=(2, 3))
        return out

    def backward(self, dout):
        N, C, oh, ow = dout.shape
        dx = np.zeros_like(self.x)
        for n in range(N):
            for c in range(C):
                for y in range(oh):
                    for x_ in range(ow):
                        t, l = y * self.stride, x_ * self.stride
                        win = self.x[n, c, t:t + self.pool_h, l:l + self.pool_w]
                        i, j = np.unravel_index(win.argmax(), win.shape)
                        dx[n, c, t + i, l + j] = dout[n, c, y, x_]
        return dx
