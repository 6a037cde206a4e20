# expect: fail
# diagnosis: the advantage adv = R − V inside the policy loss is differentiated by V too
# mistake: dvalues also takes the policy term −log π(a|s) · (R − V) into account (no stop-gradient on adv)
import numpy as np


def n_step_returns(rewards, dones, bootstrap_value, gamma):
    out = np.empty_like(rewards)
    R = bootstrap_value.copy()
    for t in range(rewards.shape[0] - 1, -1, -1):
        R = rewards[t] + gamma * (1.0 - dones[t]) * R
        out[t] = R
    return out


def a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef):
    T, B, A = logits.shape
    N = T * B
    R = n_step_returns(rewards, dones, bootstrap_value, gamma)
    adv = R - values
    z = logits - logits.max(axis=2, keepdims=True)
    log_pi = z - np.log(np.exp(z).sum(axis=2, keepdims=True))
    pi = np.exp(log_pi)
    onehot = np.eye(A)[actions]
    lp = (log_pi * onehot).sum(axis=2)
    H = -(pi * log_pi).sum(axis=2)
    loss = -(lp * adv).mean() + value_coef * (adv**2).mean() - entropy_coef * H.mean()
    dlogits = (-adv[:, :, None] * (onehot - pi) + entropy_coef * pi * (log_pi + H[:, :, None])) / N
    dvalues = (lp - 2 * value_coef * adv) / N
    return float(loss), dlogits, dvalues
