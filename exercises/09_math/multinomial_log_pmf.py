"""多項分布の対数確率（行ごと）/ The multinomial log-probability of each row.

multinomial_log_pmf(x, pi): x は (N, K) の int64 の回数、pi は (N, K) で各行が確率分布（0 を含むことがある）。
各行の log P(x | n, π) = log n! − Σ_k log x_k! + Σ_k x_k log π_k（n = Σ_k x_k、自然対数）を (N,) で返します。
x_k = 0 の項は 0、π_k = 0 なのに x_k > 0 の行は −inf です。log m! は math.lgamma(m + 1) で求められます。

multinomial_log_pmf(x, pi): x holds (N, K) int64 counts, pi is (N, K) with a distribution in each row (zeros
allowed). Return, as an (N,) array, log P(x | n, π) = log n! − Σ_k log x_k! + Σ_k x_k log π_k for each row
(n = Σ_k x_k, natural log). A term with x_k = 0 is 0; a row with π_k = 0 but x_k > 0 gives −inf.
math.lgamma(m + 1) gives log m!.
"""
import math

import numpy as np


def multinomial_log_pmf(x, pi):
    # TODO: log n! − Σ_k log x_k!（math.lgamma で）+ Σ_k x_k log π_k（x_k = 0 の項は 0）
    #       / log n! − Σ_k log x_k! (with math.lgamma) + Σ_k x_k log π_k (terms with x_k = 0 are 0)
    raise NotImplementedError("multinomial_log_pmf: TODO を埋めてください / fill in the TODO")
