"""表形式 Q 学習の 1 回の更新 / One tabular Q-learning update."""
import numpy as np


def q_learning_update(Q, s, a, r, s_next, a_next, done, alpha, gamma):
    # Q-learning is off-policy: the target uses the greedy value of s_next, not a_next
    if done:
        target = r                                   # terminal: nothing to bootstrap from
    else:
        target = r + gamma * np.max(Q[s_next])
    delta = target - Q[s, a]                         # TD error
    Q[s, a] += alpha * delta                         # in place
    return float(delta)
