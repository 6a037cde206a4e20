# expect: pass
# the same masks with np.select over the three replacement choices
import numpy as np


def bert_mlm_mask(ids, special, u_select, u_replace, random_ids, mask_id):
    chosen = np.logical_and(np.logical_not(special), u_select < 0.15)
    replaced = np.select([u_replace < 0.8, u_replace < 0.9], [np.full_like(ids, mask_id), random_ids], ids)
    inputs = np.where(chosen, replaced, ids)
    labels = np.full_like(ids, -100)
    labels[chosen] = ids[chosen]
    return inputs, labels
