"""エントロピー（行ごと、nat）/ Entropy of each row, in nats."""
import numpy as np


def entropy(p):
    # -p log p with the convention 0 log 0 = 0; log(p) is only taken where p > 0
    safe = np.where(p > 0, p, 1.0)
    terms = np.where(p > 0, p * np.log(safe), 0.0)
    return -np.sum(terms, axis=1)
