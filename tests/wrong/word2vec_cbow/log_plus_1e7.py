# expect: fail
# diagnosis: the loss was computed as log(softmax + 1e-7)
# mistake: book 2's cross_entropy_error, with 1e-7 inside the log
"""CBOW の損失と勾配（ゼロから作るDeep Learning 2, 3 章の SimpleCBOW を単語 ID で）— 参考解答。"""
import numpy as np


def cbow_loss_grad(contexts, target, W_in, W_out):
    N, C = contexts.shape
    h = W_in[contexts].mean(axis=1)                    # (N, H): average of the C context vectors
    s = h @ W_out                                      # (N, V)
    s = s - s.max(axis=1, keepdims=True)               # stable softmax
    log_y = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    y = np.exp(log_y)
    loss = -np.sum(np.log(y[np.arange(N), target] + 1e-7)) / N
    ds = np.exp(log_y)
    ds[np.arange(N), target] -= 1
    ds /= N                                            # (N, V)
    dW_out = h.T @ ds                                  # (H, V)
    dh = ds @ W_out.T                                  # (N, H)
    dW_in = np.zeros_like(W_in)
    np.add.at(dW_in, contexts, np.repeat(dh[:, None, :] / C, C, axis=1))   # repeated ids add up
    return loss, dW_in, dW_out
