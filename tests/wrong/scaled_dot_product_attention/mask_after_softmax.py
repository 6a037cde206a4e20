# expect: fail
# diagnosis: the weights are zeroed after the softmax
# mistake: the mask zeroes the weights after the softmax (rows no longer sum to 1)
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    scores = np.matmul(Q, K.transpose(0, 2, 1)) / np.sqrt(d)
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    weights = np.exp(scores) / np.sum(np.exp(scores), axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * (~mask)
    return np.matmul(weights, V), weights
