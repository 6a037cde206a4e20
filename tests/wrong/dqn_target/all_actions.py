# expect: fail
# diagnosis: the Q of every action is pulled towards y
# mistake: every action's Q is regressed on y (the taken action a is not picked out)
import numpy as np


class ReplayBuffer:
    def __init__(self, capacity):
        self.capacity, self.data, self.pos = capacity, [None] * capacity, 0
        self.size = 0

    def push(self, s, a, r, s_next, done):
        self.data[self.pos] = (s, a, r, s_next, float(done))
        self.pos = (self.pos + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def __len__(self):
        return self.size

    def sample(self, indices):
        rows = [self.data[i] for i in indices]
        return tuple(np.array([row[k] for row in rows]) for k in range(5))


def dqn_loss(W_online, W_target, batch, gamma):
    s, a, r, s_next, done = batch
    y = r + gamma * (1 - done) * (s_next @ W_target).max(axis=1)
    diff = s @ W_online - y[:, None]
    return float(np.mean(0.5 * diff**2)), s.T @ diff / diff.size
