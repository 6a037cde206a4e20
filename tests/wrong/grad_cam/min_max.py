# expect: fail
# diagnosis: that is min-max scaling
# mistake: the usual visualisation code's (cam - min) / (max - min) instead of dividing by the max
import numpy as np


def grad_cam(A, dY, normalize=False):
    alpha = dY.mean(axis=(2, 3))
    cam = np.maximum(np.einsum("nk,nkhw->nhw", alpha, A), 0.0)
    if normalize:
        for n in range(len(cam)):
            low, high = cam[n].min(), cam[n].max()
            if high > low:
                cam[n] = (cam[n] - low) / (high - low)
    return cam
