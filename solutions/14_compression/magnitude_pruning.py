"""大きさに基づく枝刈り（グローバル）/ Global magnitude pruning."""
import numpy as np


def magnitude_prune(W, p):
    k = int(round(p * W.size))                       # how many weights to zero
    order = np.argsort(np.abs(W), axis=None)         # flat indices, smallest |w| first
    mask = np.ones(W.size, dtype=bool)
    mask[order[:k]] = False                          # False = pruned
    mask = mask.reshape(W.shape)
    return W * mask, mask                            # a new array; W itself is unchanged
