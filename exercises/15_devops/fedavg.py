"""FedAvg の集約 / FedAvg's aggregation step.

client_params: K 台のクライアントが返したパラメータの辞書のリスト（同じキーと形）、n_samples: 各クライアントの
学習データの数 n_k（K 個の正の整数）。fedavg は、キーごとに重みつき平均 Σ_k (n_k / n) θ_k（n = Σ_k n_k）を入れた
新しい辞書を返します。渡された辞書や配列は書き換えません。

client_params: a list of the K clients' parameter dicts (the same keys and shapes), n_samples: each client's
number of training samples n_k (K positive ints). fedavg returns a new dict holding, for every key, the weighted
average Σ_k (n_k / n) θ_k (n = Σ_k n_k). The dicts and arrays passed in are not modified.
"""
import numpy as np


def fedavg(client_params, n_samples):
    # TODO: 重み n_k / n を求める（和が 1 になる） / compute the weights n_k / n (they sum to 1)
    # TODO: キーごとに Σ_k (n_k / n) θ_k を新しい配列で求め、辞書にして返す
    #       for every key, compute Σ_k (n_k / n) θ_k as a new array and return them in a dict
    raise NotImplementedError("fedavg: TODO を埋めてください / fill in the TODO")
