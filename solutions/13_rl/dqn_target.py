"""DQN の経験再生バッファと、ターゲットネットワークを使う損失 / DQN's replay buffer and its loss with a target network."""
import numpy as np


class ReplayBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = []     # 格納位置（スロット）ごとの遷移 / one transition per slot
        self.pos = 0       # 次の push が書くスロット / the slot the next push writes

    def push(self, s, a, r, s_next, done):
        item = (s, a, r, s_next, done)
        if len(self.data) < self.capacity:
            self.data.append(item)
        else:
            self.data[self.pos] = item                   # full: overwrite the oldest
        self.pos = (self.pos + 1) % self.capacity

    def __len__(self):
        return len(self.data)

    def sample(self, indices):
        s, a, r, s_next, done = zip(*[self.data[i] for i in indices])
        return np.stack(s), np.array(a), np.array(r), np.stack(s_next), np.array(done, dtype=np.float64)


def dqn_loss(W_online, W_target, batch, gamma):
    s, a, r, s_next, done = batch
    B = s.shape[0]
    rows = np.arange(B)
    q_sa = (s @ W_online)[rows, a]                       # Q_online(s, a) of the actions taken
    y = r + gamma * (1 - done) * np.max(s_next @ W_target, axis=1)   # target weights, a constant
    diff = q_sa - y
    loss = np.mean(0.5 * diff**2)
    dQ = np.zeros((B, W_online.shape[1]))
    dQ[rows, a] = diff / B                               # only the taken action's Q gets a gradient
    return float(loss), s.T @ dQ
