# expect: pass
# form: take_along_axis for log π(a|s), the entropy gradient written out as the softmax Jacobian
import numpy as np


def n_step_returns(rewards, dones, bootstrap_value, gamma):
    T = rewards.shape[0]
    out = np.zeros_like(rewards)
    nxt = bootstrap_value
    for t in range(T - 1, -1, -1):
        out[t] = rewards[t] + gamma * (1.0 - dones[t]) * nxt
        nxt = out[t]
    return out


def a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef):
    T, B, A = logits.shape
    n = T * B
    ret = n_step_returns(rewards, dones, bootstrap_value, gamma)
    adv = ret - values
    m = logits.max(axis=2, keepdims=True)
    lse = m + np.log(np.exp(logits - m).sum(axis=2, keepdims=True))
    log_pi = logits - lse
    pi = np.exp(log_pi)
    lp_a = np.take_along_axis(log_pi, actions[..., None], axis=2)[..., 0]
    ent = -(pi * log_pi).sum(axis=2)
    loss = -np.mean(lp_a * adv) + value_coef * np.mean((ret - values) ** 2) - entropy_coef * np.mean(ent)
    # dL/dlog_pi for the entropy term, through the softmax Jacobian diag(pi) - pi pi^T
    g = entropy_coef * (log_pi + 1.0) * pi / n
    d_ent = g - pi * g.sum(axis=2, keepdims=True) / pi.sum(axis=2, keepdims=True)
    d_pg = -adv[..., None] / n * ((np.arange(A) == actions[..., None]) - pi)
    return float(loss), d_pg + d_ent, 2.0 * value_coef * (values - ret) / n
