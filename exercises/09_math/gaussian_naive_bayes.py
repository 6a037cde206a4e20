"""ガウス型ナイーブベイズ（最尤推定と log-sum-exp）/ Gaussian naive Bayes (maximum likelihood and log-sum-exp).

GaussianNB.fit(X, y): X (N, D)、y (N,) のラベル 0〜C−1。クラスごとの平均 theta_ (C, D)、分散 var_ (C, D)
（最尤推定、N_c で割る）、事前確率 class_prior_ (C,) を求めて self を返します。
predict_log_proba(X): (M, C) の対数事後確率 log p(c | x)（log-sum-exp で正規化）。predict(X): (M,) の整数ラベル。

GaussianNB.fit(X, y): X is (N, D), y (N,) holds labels 0 to C−1. Store the per-class means theta_ (C, D), the
variances var_ (C, D) (maximum likelihood: divide by N_c) and the priors class_prior_ (C,), and return self.
predict_log_proba(X): the (M, C) log posteriors log p(c | x), normalised with log-sum-exp. predict(X): (M,)
integer labels.
"""
import numpy as np


class GaussianNB:
    def fit(self, X, y):
        # TODO: クラス c ごとに X[y == c] の平均・分散（ddof=0）と、事前確率 N_c / N
        #       / for each class c: the mean and variance (ddof=0) of X[y == c], and the prior N_c / N
        raise NotImplementedError("fit: TODO を埋めてください / fill in the TODO")

    def predict_log_proba(self, X):
        # TODO: log π_c + Σ_d log N(x_d; theta_[c, d], var_[c, d]) を (M, C) で求め、行ごとに log-sum-exp を引く
        #       / log π_c + Σ_d log N(x_d; theta_[c, d], var_[c, d]) as (M, C), minus each row's log-sum-exp
        raise NotImplementedError("predict_log_proba: TODO を埋めてください / fill in the TODO")

    def predict(self, X):
        # TODO: 事後確率が最大のクラス（(M,) の整数ラベル）/ the class with the largest posterior ((M,) integer labels)
        raise NotImplementedError("predict: TODO を埋めてください / fill in the TODO")
