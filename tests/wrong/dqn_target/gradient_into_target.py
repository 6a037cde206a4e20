# expect: fail
# diagnosis: the gradient also flows into the target y
# mistake: the target's max term is differentiated too (a residual gradient), as if y were not a constant
import numpy as np


class ReplayBuffer:
    def __init__(self, capacity):
        self.capacity, self.data, self.pos = capacity, [], 0

    def push(self, s, a, r, s_next, done):
        if len(self.data) < self.capacity:
            self.data.append(None)
        self.data[self.pos] = (s, a, r, s_next, done)
        self.pos = (self.pos + 1) % self.capacity

    def __len__(self):
        return len(self.data)

    def sample(self, indices):
        rows = [self.data[i] for i in indices]
        return tuple(np.array([row[k] for row in rows]) for k in range(5))


def dqn_loss(W_online, W_target, batch, gamma):
    s, a, r, s_next, done = batch
    B = s.shape[0]
    q_next = s_next @ W_target
    best = q_next.argmax(axis=1)
    y = r + gamma * (1 - done) * q_next[np.arange(B), best]
    q_sa = (s @ W_online)[np.arange(B), a]
    delta = (q_sa - y) / B
    dQ = np.zeros((B, W_online.shape[1]))
    dQ[np.arange(B), a] = delta
    dQ_next = np.zeros_like(dQ)
    dQ_next[np.arange(B), best] = gamma * (1 - done) * delta
    return float(np.mean(0.5 * (q_sa - y) ** 2)), s.T @ dQ - s_next.T @ dQ_next
