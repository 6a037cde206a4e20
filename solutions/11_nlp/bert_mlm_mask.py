"""BERT の Masked LM の入力とラベル / BERT's masked-LM inputs and labels."""

import numpy as np


def bert_mlm_mask(ids, special, u_select, u_replace, random_ids, mask_id):
    chosen = ~special & (u_select < 0.15)  # 15% of the ordinary tokens
    to_mask = chosen & (u_replace < 0.8)  # 80%: [MASK]
    to_random = chosen & ~to_mask & (u_replace < 0.9)  # 10%: a random token; the last 10% kept
    inputs = ids.copy()  # never write into ids
    inputs[to_mask] = mask_id
    inputs[to_random] = random_ids[to_random]
    labels = np.where(chosen, ids, -100)  # -100: PyTorch's ignore_index
    return inputs, labels
