# expect: pass
# plain loops over images and channels, normalisation with an if per image
import numpy as np


def grad_cam(A, dY, normalize=False):
    N, K, H, W = A.shape
    cam = np.zeros((N, H, W))
    for n in range(N):
        for k in range(K):
            cam[n] += dY[n, k].sum() / (H * W) * A[n, k]
        cam[n] = np.maximum(cam[n], 0)
        if normalize and cam[n].max() > 0:
            cam[n] /= cam[n].max()
    return cam
