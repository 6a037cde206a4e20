"""A2C（A3C の同期版）の n ステップ収益と、方策・価値・エントロピーの損失とその勾配を実装してください。

n_step_returns(rewards, dones, bootstrap_value, gamma) -> returns（形状 (T, B)）:
  R_T = bootstrap_value、後ろから R_t = r_t + γ (1 − done_t) R_{t+1}。
a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef)
  -> (loss, dlogits, dvalues):
  adv = R − V（方策の損失では定数）、loss = −mean(log π(a|s) · adv) + c_v · mean((R − V)²) − β · mean(H(π))。

Implement A2C's (synchronous A3C's) n-step returns, and the policy, value and entropy losses with their gradients.
n_step_returns(rewards, dones, bootstrap_value, gamma) -> returns (shape (T, B)):
  R_T = bootstrap_value, then backwards R_t = r_t + γ (1 − done_t) R_{t+1}.
a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef)
  -> (loss, dlogits, dvalues):
  adv = R − V (a constant in the policy loss), loss = −mean(log π(a|s) · adv) + c_v · mean((R − V)²) − β · mean(H(π)).
"""
import numpy as np


def n_step_returns(rewards, dones, bootstrap_value, gamma):
    # TODO: 最後の時刻から逆向きに R_t = r_t + γ (1 − done_t) R_{t+1}（R_T = bootstrap_value）
    #       backwards from the last step: R_t = r_t + γ (1 − done_t) R_{t+1} (R_T = bootstrap_value)
    raise NotImplementedError("n_step_returns: TODO を埋めてください / fill in the TODO")


def a2c_loss(logits, actions, rewards, dones, values, bootstrap_value, gamma, value_coef, entropy_coef):
    # TODO: 収益、アドバンテージ、3 つの損失の和 loss、dlogits、dvalues を求めて (loss, dlogits, dvalues) を返す
    #       returns, advantages, the summed loss, dlogits and dvalues; return (loss, dlogits, dvalues)
    raise NotImplementedError("a2c_loss: TODO を埋めてください / fill in the TODO")
