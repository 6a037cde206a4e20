# expect: fail
# diagnosis: sin fills the first half and cos the second
# mistake: the tensor2tensor layout [sin | cos] instead of alternating columns
import numpy as np


def positional_encoding(T, d):
    pos = np.arange(T)[:, None]
    freq = 1.0 / 10000 ** (np.arange(0, d, 2) / d)
    angle = pos * freq
    return np.concatenate([np.sin(angle), np.cos(angle)], axis=1)
