# expect: fail
# diagnosis: the ReLU is applied to the weights α
# mistake: ReLU on the channel weights instead of on the weighted sum
import numpy as np


def grad_cam(A, dY, normalize=False):
    alpha = np.maximum(dY.mean(axis=(2, 3)), 0.0)
    cam = np.sum(alpha[:, :, None, None] * A, axis=1)
    if normalize:
        for n in range(cam.shape[0]):
            if cam[n].max() > 0:
                cam[n] = cam[n] / cam[n].max()
    return cam
