# expect: fail
# diagnosis: the Q passed in is not updated
# mistake: the update goes into a copy of Q (the caller's table never changes)
import numpy as np


def q_learning_update(Q, s, a, r, s_next, a_next, done, alpha, gamma):
    Q = Q.copy()
    target = r if done else r + gamma * Q[s_next].max()
    delta = target - Q[s, a]
    Q[s, a] = Q[s, a] + alpha * delta
    return delta
