"""Grad-CAM のヒートマップ / The Grad-CAM heat map."""
import numpy as np


def grad_cam(A, dY, normalize=False):
    alpha = dY.mean(axis=(2, 3))                     # (N, K): global average of ∂y^c/∂A^k
    cam = np.einsum("nk,nkhw->nhw", alpha, A)        # Σ_k α_k A^k
    cam = np.maximum(cam, 0.0)                       # keep what raises y^c
    if normalize:
        peak = cam.max(axis=(1, 2), keepdims=True)   # (N, 1, 1)
        cam = cam / np.where(peak > 0, peak, 1.0)    # an all-zero map stays zero
    return cam
