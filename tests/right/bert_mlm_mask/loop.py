# expect: pass
# a loop over every position, as one might write it first
import numpy as np


def bert_mlm_mask(ids, special, u_select, u_replace, random_ids, mask_id):
    N, T = ids.shape
    inputs = np.array(ids)
    labels = np.full((N, T), -100, dtype=ids.dtype)
    for n in range(N):
        for t in range(T):
            if special[n, t] or not u_select[n, t] < 0.15:
                continue
            labels[n, t] = ids[n, t]
            if u_replace[n, t] < 0.8:
                inputs[n, t] = mask_id
            elif u_replace[n, t] < 0.9:
                inputs[n, t] = random_ids[n, t]
    return inputs, labels
