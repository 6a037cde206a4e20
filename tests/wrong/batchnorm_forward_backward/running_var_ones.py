# expect: fail
# diagnosis: running_var starts at 1
# mistake: running_var is initialised to ones, as PyTorch's BatchNorm does, instead of book 1's zeros
import numpy as np

EPS = 10e-7   # as book 1 writes it: 10e-7 == 1e-6


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma                  # (D,)
        self.beta = beta                    # (D,)
        self.momentum = momentum
        self.running_mean = running_mean    # (D,) for test mode; zeros when None
        self.running_var = running_var
        self.xn = None                      # normalised x of the last training forward (N, D)
        self.std = None                     # sqrt(var + eps) of that batch (D,)
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1])
            self.running_var = np.ones(x.shape[1])
        if not train_flg:
            return self.gamma * (x - self.running_mean) / np.sqrt(self.running_var + EPS) + self.beta
        mu = x.mean(axis=0)
        var = ((x - mu) ** 2).mean(axis=0)               # biased: divide by N
        self.std = np.sqrt(var + EPS)
        self.xn = (x - mu) / self.std
        m = self.momentum
        self.running_mean = m * self.running_mean + (1 - m) * mu
        self.running_var = m * self.running_var + (1 - m) * var
        return self.gamma * self.xn + self.beta

    def backward(self, dout):
        self.dbeta = dout.sum(axis=0)
        self.dgamma = (dout * self.xn).sum(axis=0)
        g = dout * self.gamma                             # ∂L/∂xn
        # mu and var depend on every row: subtract the mean of g and g's component along xn
        return (g - g.mean(axis=0) - self.xn * (g * self.xn).mean(axis=0)) / self.std
