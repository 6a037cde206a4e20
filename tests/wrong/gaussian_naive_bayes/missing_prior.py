# expect: fail
# diagnosis: the log prior log π_c is missing
# mistake: the class prior is left out of the joint log-likelihood
import numpy as np


class GaussianNB:
    def fit(self, X, y):
        classes = range(int(y.max()) + 1)
        self.theta_ = np.array([X[y == c].mean(axis=0) for c in classes])  # (C, D)
        self.var_ = np.array([X[y == c].var(axis=0) for c in classes])  # (C, D), divided by N_c (MLE)
        self.class_prior_ = np.bincount(y) / len(y)  # (C,)
        return self

    def predict_log_proba(self, X):
        jll = self._joint_log_likelihood(X)  # (M, C)
        top = jll.max(axis=1, keepdims=True)  # log-sum-exp: no exp overflow
        return jll - top - np.log(np.exp(jll - top).sum(axis=1, keepdims=True))

    def predict(self, X):
        return np.argmax(self._joint_log_likelihood(X), axis=1)

    def _joint_log_likelihood(self, X):
        # log π_c + Σ_d log N(x_d; θ_cd, σ²_cd): the features are independent given the class
        diff = X[:, None, :] - self.theta_[None, :, :]  # (M, C, D)
        log_gauss = -0.5 * (np.log(2 * np.pi * self.var_) + diff**2 / self.var_)
        return log_gauss.sum(axis=2)
