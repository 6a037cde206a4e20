"""エントロピー（行ごと、nat）/ Entropy of each row, in nats."""
import numpy as np


def entropy(p):
    # -p log p with the convention 0 log 0 = 0; log(p) is only taken where p > 0
    log_p = np.log(p, out=np.zeros_like(p), where=p > 0)   # 0 where p = 0, never log(0)
    return -np.sum(p * log_p, axis=1)
