# expect: pass
# form: preallocated arrays (made at the first push) with a size counter, bool done
import numpy as np


class ReplayBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.size = 0
        self.pos = 0
        self.s = None

    def push(self, s, a, r, s_next, done):
        if self.s is None:
            n = self.capacity
            self.s, self.s_next = np.zeros((n, len(s))), np.zeros((n, len(s)))
            self.a, self.r, self.done = np.zeros(n, dtype=np.int64), np.zeros(n), np.zeros(n, dtype=bool)
        i = self.pos
        self.s[i], self.a[i], self.r[i], self.s_next[i], self.done[i] = s, a, r, s_next, done
        self.pos = (self.pos + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def __len__(self):
        return self.size

    def sample(self, indices):
        return self.s[indices], self.a[indices], self.r[indices], self.s_next[indices], self.done[indices]


def dqn_loss(W_online, W_target, batch, gamma):
    s, a, r, s_next, done = batch
    B = s.shape[0]
    y = r + np.where(done > 0.5, 0.0, gamma * np.max(s_next @ W_target, axis=1))
    q = s @ W_online
    q_sa = np.take_along_axis(q, a[:, None], axis=1)[:, 0]
    err = q_sa - y
    grad_q = np.zeros_like(q)
    np.put_along_axis(grad_q, a[:, None], err[:, None] / B, axis=1)
    return float(0.5 * np.dot(err, err) / B), np.dot(s.T, grad_q)
