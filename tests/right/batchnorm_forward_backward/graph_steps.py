# expect: pass
# backward walked node by node through the computational graph (xc, std, var, mu)
import numpy as np


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma, self.beta, self.momentum = gamma, beta, momentum
        self.running_mean, self.running_var = running_mean, running_var

    def forward(self, x, train_flg=True):
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1])
            self.running_var = np.zeros(x.shape[1])
        if train_flg:
            mu = np.mean(x, axis=0)
            self.xc = x - mu
            var = np.var(x, axis=0)
            self.std = np.sqrt(var + 10e-7)
            self.xn = self.xc / self.std
            self.n = x.shape[0]
            self.running_mean = self.momentum * self.running_mean + (1.0 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1.0 - self.momentum) * var
            xn = self.xn
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + 10e-7)
        return self.gamma * xn + self.beta

    def backward(self, dout):
        self.dbeta = np.sum(dout, axis=0)
        self.dgamma = np.sum(self.xn * dout, axis=0)
        d_xn = self.gamma * dout
        d_xc = d_xn / self.std
        d_std = -np.sum(d_xn * self.xc / self.std ** 2, axis=0)
        d_var = d_std / (2.0 * self.std)
        d_xc = d_xc + 2.0 * self.xc * d_var / self.n
        d_mu = np.sum(d_xc, axis=0)
        return d_xc - d_mu / self.n
