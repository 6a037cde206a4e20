"""Reference im2col / col2im / convolution / max pooling for the book-1 CNN problems (05_cnn).

Written as plain loops over output positions so that they are obviously right; the hidden modules
of im2col, col2im, convolution_layer and pooling_layer build their expected values from these.
Book 1's order: rows of the column matrix are (n, out_y, out_x), columns are (c, filter_y, filter_x).
"""

from __future__ import annotations

import numpy as np


def out_size(size: int, filt: int, stride: int, pad: int) -> int:
    return (size + 2 * pad - filt) // stride + 1


def im2col(x, fh, fw, stride=1, pad=0, order="cyx", out_hw=None, use_pad=True):
    """(N*oh*ow, C*fh*fw). order 'yxc' puts the channel last (a known wrong answer); out_hw overrides
    the output size (off-by-one wrong answers); use_pad=False forgets the padding."""
    N, C, H, W = x.shape
    p = pad if use_pad else 0
    oh, ow = out_hw or (out_size(H, fh, stride, p), out_size(W, fw, stride, p))
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    rows = []
    for n in range(N):
        for y in range(oh):
            for xx in range(ow):
                patch = xp[n, :, y * stride : y * stride + fh, xx * stride : xx * stride + fw]  # (C, fh, fw)
                if order == "yxc":
                    patch = patch.transpose(1, 2, 0)
                rows.append(patch.reshape(-1))
    return np.array(rows, dtype=np.float64).reshape(N * oh * ow, C * fh * fw)


def col2im(col, shape, fh, fw, stride=1, pad=0, overwrite=None, crop=True, order="cyx"):
    """(N, C, H, W): each row of col added back onto its window; padding cut off.
    overwrite='out' / 'filter': a known wrong answer that assigns instead of adding (looping over
    output positions, or over filter positions as book 1's loop does)."""
    N, C, H, W = shape
    oh, ow = out_size(H, fh, stride, pad), out_size(W, fw, stride, pad)
    if order == "yxc":
        patches = col.reshape(N, oh, ow, fh, fw, C).transpose(0, 1, 2, 5, 3, 4)
    else:
        patches = col.reshape(N, oh, ow, C, fh, fw)
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    if overwrite == "filter":
        for i in range(fh):
            for j in range(fw):
                img[:, :, i : i + stride * oh : stride, j : j + stride * ow : stride] = patches[
                    :, :, :, :, i, j
                ].transpose(0, 3, 1, 2)
    else:
        for y in range(oh):
            for xx in range(ow):
                window = (
                    slice(None),
                    slice(None),
                    slice(y * stride, y * stride + fh),
                    slice(xx * stride, xx * stride + fw),
                )
                if overwrite == "out":
                    img[window] = patches[:, y, xx]
                else:
                    img[window] += patches[:, y, xx]
    return img[:, :, pad : pad + H, pad : pad + W] if crop else img


def conv(x, W, b, stride=1, pad=0):
    """out[n, f, y, x] = Σ_{c,i,j} xpad[n, c, y*s+i, x*s+j] W[f, c, i, j] + b[f]."""
    N, C, H, Wd = x.shape
    FN, _, fh, fw = W.shape
    oh, ow = out_size(H, fh, stride, pad), out_size(Wd, fw, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.empty((N, FN, oh, ow))
    for y in range(oh):
        for xx in range(ow):
            patch = xp[:, :, y * stride : y * stride + fh, xx * stride : xx * stride + fw]
            out[:, :, y, xx] = np.einsum("ncij,fcij->nf", patch, W) + b
    return out


def maxpool(x, ph, pw, stride=1, pad=0, reduce=np.max):
    N, C, H, W = x.shape
    oh, ow = out_size(H, ph, stride, pad), out_size(W, pw, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.empty((N, C, oh, ow))
    for y in range(oh):
        for xx in range(ow):
            out[:, :, y, xx] = reduce(
                xp[:, :, y * stride : y * stride + ph, xx * stride : xx * stride + pw], axis=(2, 3)
            )
    return out


def maxpool_backward(x, dout, ph, pw, stride=1, spread=None):
    """dx of max pooling (pad 0): each dout goes to its window's maximum, added up where windows
    overlap. spread='all' / 'mean' / 'ones' / 'assign' (= instead of +=, loops in
    n, c, y, x order): known wrong answers."""
    N, C, H, W = x.shape
    oh, ow = dout.shape[2], dout.shape[3]
    dx = np.zeros_like(x, dtype=np.float64)
    for n in range(N):
        for c in range(C):
            for y in range(oh):
                for xx in range(ow):
                    ys, xs = y * stride, xx * stride
                    win = x[n, c, ys : ys + ph, xs : xs + pw]
                    g = dout[n, c, y, xx]
                    if spread == "all":
                        dx[n, c, ys : ys + ph, xs : xs + pw] += g
                    elif spread == "mean":
                        dx[n, c, ys : ys + ph, xs : xs + pw] += g / (ph * pw)
                    else:
                        i, j = np.unravel_index(np.argmax(win), win.shape)
                        if spread == "assign":
                            dx[n, c, ys + i, xs + j] = g
                        else:
                            dx[n, c, ys + i, xs + j] += 1.0 if spread == "ones" else g
    return dx
