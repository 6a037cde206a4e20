# expect: fail
# diagnosis: the advantage is built on the 1-step TD target
# mistake: a2c_loss builds adv on r_t + γ (1 − done_t) V(s_{t+1}) (the next value, not the next return)
import numpy as np


def n_step_returns(rewards, dones, bootstrap_value, gamma):
    out, R = np.zeros_like(rewards), bootstrap_value
    for t in reversed(range(len(rewards))):
        R = rewards[t] + gamma * (1 - dones[t]) * R
        out[t] = R
    return out


def _one_step(rewards, dones, values, bootstrap_value, gamma):
    v_next = np.concatenate([values[1:], bootstrap_value[None, :]], axis=0)
    return rewards + gamma * (1 - dones) * v_next


def a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef):
    N = actions.size
    adv = _one_step(rewards, dones, values, bootstrap_value, gamma) - values
    z = logits - logits.max(axis=-1, keepdims=True)
    log_pi = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    pi = np.exp(log_pi)
    onehot = np.eye(logits.shape[-1])[actions]
    H = -(pi * log_pi).sum(axis=-1)
    loss = -((log_pi * onehot).sum(axis=-1) * adv).mean() + value_coef * (adv**2).mean() - entropy_coef * H.mean()
    dlogits = (-adv[..., None] * (onehot - pi) + entropy_coef * pi * (log_pi + H[..., None])) / N
    return float(loss), dlogits, -2 * value_coef * adv / N
