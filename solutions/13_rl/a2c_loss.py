"""A2C（同期版の A3C）の n ステップ収益と損失・勾配 / A2C (synchronous A3C): n-step returns, the loss and its gradients."""
import numpy as np


def log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))


def n_step_returns(rewards, dones, bootstrap_value, gamma):
    returns = np.zeros_like(rewards)
    R = bootstrap_value
    for t in reversed(range(rewards.shape[0])):
        R = rewards[t] + gamma * (1 - dones[t]) * R      # an episode's end stops the bootstrap
        returns[t] = R
    return returns


def a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef):
    N = actions.size                                     # T * B
    adv = n_step_returns(rewards, dones, bootstrap_value, gamma) - values   # a constant for the policy
    log_pi = log_softmax(logits)
    pi = np.exp(log_pi)
    onehot = np.eye(logits.shape[-1])[actions]
    log_pi_a = np.sum(log_pi * onehot, axis=-1)
    entropy = -np.sum(pi * log_pi, axis=-1)
    loss = -np.mean(log_pi_a * adv) + value_coef * np.mean(adv**2) - entropy_coef * np.mean(entropy)
    dlogits = (-adv[..., None] * (onehot - pi) + entropy_coef * pi * (log_pi + entropy[..., None])) / N
    dvalues = -2 * value_coef * adv / N
    return float(loss), dlogits, dvalues
