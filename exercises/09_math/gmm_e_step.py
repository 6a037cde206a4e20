"""混合ガウス分布の E ステップ（負担率と対数尤度、log-sum-exp）/ The E step of a Gaussian mixture
(responsibilities and log-likelihood, with log-sum-exp).

gmm_e_step(x, weights, means, variances): x (N, D)、混合係数 weights (K,)、平均 means (K, D)、
対角共分散の分散 variances (K, D)（σ²、標準偏差ではありません）。
負担率 resp (N, K)（各行の和が 1）と、データ全体の対数尤度 Σ_n log Σ_k π_k N(x_n; μ_k, diag σ²_k)（float）を
タプル (resp, loglik) で返します。自然対数を使います。

gmm_e_step(x, weights, means, variances): x is (N, D), the mixing weights (K,), the means (K, D) and the
diagonal variances (K, D) (σ², not standard deviations). Return the tuple (resp, loglik): the (N, K)
responsibilities (each row sums to 1) and the data's log-likelihood Σ_n log Σ_k π_k N(x_n; μ_k, diag σ²_k)
as a float, with natural logs.
"""
import numpy as np


def gmm_e_step(x, weights, means, variances):
    # TODO: log π_k + log N(x_n; μ_k, diag σ²_k) を (N, K) で求め、行ごとの log-sum-exp で負担率と対数尤度を出す
    #       / log π_k + log N(x_n; μ_k, diag σ²_k) as (N, K), then each row's log-sum-exp gives the
    #       responsibilities and the log-likelihood
    raise NotImplementedError("gmm_e_step: TODO を埋めてください / fill in the TODO")
