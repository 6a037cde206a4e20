# expect: fail
# mistake: log π as np.log(softmax + 1e-7): far off for an action of almost zero probability (the stable check)
import numpy as np


def n_step_returns(rewards, dones, bootstrap_value, gamma):
    out, R = np.zeros_like(rewards), bootstrap_value
    for t in reversed(range(len(rewards))):
        R = rewards[t] + gamma * (1 - dones[t]) * R
        out[t] = R
    return out


def a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef):
    N = actions.size
    adv = n_step_returns(rewards, dones, bootstrap_value, gamma) - values
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    pi = e / e.sum(axis=-1, keepdims=True)
    log_pi = np.log(pi + 1e-7)
    onehot = np.eye(logits.shape[-1])[actions]
    H = -(pi * log_pi).sum(axis=-1)
    loss = -((log_pi * onehot).sum(axis=-1) * adv).mean() + value_coef * (adv**2).mean() - entropy_coef * H.mean()
    dlogits = (-adv[..., None] * (onehot - pi) + entropy_coef * pi * (log_pi + H[..., None])) / N
    return float(loss), dlogits, -2 * value_coef * adv / N
