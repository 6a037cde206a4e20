# expect: fail
# diagnosis: the gradients are not averaged over space
# mistake: gradient × activation position by position, summed over channels (no global average pooling)
import numpy as np


def grad_cam(A, dY, normalize=False):
    cam = np.maximum(np.sum(dY * A, axis=1), 0.0)
    if normalize:
        peak = cam.max(axis=(1, 2), keepdims=True)
        cam = cam / np.where(peak > 0, peak, 1.0)
    return cam
