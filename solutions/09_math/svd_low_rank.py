"""特異値分解による低ランク近似 / Low-rank approximation by the SVD."""
import numpy as np


def low_rank(A, k):
    # A = U diag(s) Vt, with s in descending order; Vt's rows are the right singular vectors
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k]
