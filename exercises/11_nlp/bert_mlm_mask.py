"""BERT の Masked LM の入力とラベルを、あらかじめ引いた乱数から作ってください。

bert_mlm_mask(ids, special, u_select, u_replace, random_ids, mask_id) -> (inputs, labels)
  ids: (N, T) 整数のトークン ID、special: (N, T) bool（[CLS]・[SEP]・パディング = True、選ばない）
  u_select, u_replace: (N, T) の一様乱数 [0, 1)、random_ids: (N, T) 整数、mask_id: [MASK] の ID
  chosen = ~special & (u_select < 0.15)
  chosen のうち u_replace < 0.8 → mask_id、0.8 ≤ u_replace < 0.9 → random_ids、それ以外 → 元のまま
  labels = chosen の位置は ids、それ以外は −100。ids は書き換えません。

Build BERT's masked-LM inputs and labels from draws made beforehand.
  ids: (N, T) integer token ids; special: (N, T) bool ([CLS], [SEP], padding = True, never chosen)
  u_select, u_replace: (N, T) uniform draws in [0, 1); random_ids: (N, T) ints; mask_id: the id of [MASK]
  chosen = ~special & (u_select < 0.15)
  of the chosen: u_replace < 0.8 -> mask_id, 0.8 <= u_replace < 0.9 -> random_ids, otherwise unchanged
  labels = ids where chosen, -100 elsewhere. Do not modify ids.
"""

import numpy as np


def bert_mlm_mask(ids, special, u_select, u_replace, random_ids, mask_id):
    # TODO: 選ぶ位置（15%、特殊トークンを除く）、80/10/10 の置き換え、ラベル（選ばない位置は −100）
    #       the chosen positions (15%, special tokens excluded), the 80/10/10 replacement, the labels (−100 elsewhere)
    raise NotImplementedError("bert_mlm_mask: TODO を埋めてください / fill in the TODO")
