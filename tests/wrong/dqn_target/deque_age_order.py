# expect: fail
# diagnosis: the indices are treated as positions in age order
# mistake: a deque(maxlen=capacity) buffer, indexed oldest-first instead of by storage slot
from collections import deque

import numpy as np


class ReplayBuffer:
    def __init__(self, capacity):
        self.data = deque(maxlen=capacity)

    def push(self, s, a, r, s_next, done):
        self.data.append((s, a, r, s_next, done))

    def __len__(self):
        return len(self.data)

    def sample(self, indices):
        s, a, r, s_next, done = zip(*[self.data[i] for i in indices])
        return np.stack(s), np.array(a), np.array(r), np.stack(s_next), np.array(done, dtype=float)


def dqn_loss(W_online, W_target, batch, gamma):
    s, a, r, s_next, done = batch
    B = len(a)
    y = r + gamma * (1 - done) * (s_next @ W_target).max(axis=1)
    q_sa = (s @ W_online)[np.arange(B), a]
    dQ = np.zeros((B, W_online.shape[1]))
    dQ[np.arange(B), a] = (q_sa - y) / B
    return float(np.mean(0.5 * (q_sa - y) ** 2)), s.T @ dQ
