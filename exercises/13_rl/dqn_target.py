"""DQN の経験再生バッファ（リングバッファ）と、ターゲットネットワークを使う損失・勾配を実装してください。

ReplayBuffer(capacity): push(s, a, r, s_next, done) は遷移を 1 つ格納し、満杯なら最も古い遷移を上書きします
  （k 回目（0 から数える）の push はスロット k % capacity へ）。len(buf) は格納数、sample(indices) は
  スロット indices の遷移を (s, a, r, s_next, done) の配列にまとめて返します。
dqn_loss(W_online, W_target, batch, gamma) -> (loss, dW_online):
  Q(s) = s @ W、y = r + γ (1 − done) max_a' (s_next @ W_target)（定数）、
  loss = mean_b ½ (y − Q_online(s)[a])²、dW_online = ∂loss/∂W_online。

Implement DQN's experience-replay buffer (a ring buffer) and the loss with a target network, with its gradient.
ReplayBuffer(capacity): push(s, a, r, s_next, done) stores one transition, overwriting the oldest when full
  (push number k, counting from 0, goes to slot k % capacity); len(buf) is the number stored; sample(indices)
  returns the transitions in slots `indices` stacked into arrays (s, a, r, s_next, done).
dqn_loss(W_online, W_target, batch, gamma) -> (loss, dW_online):
  Q(s) = s @ W, y = r + γ (1 − done) max_a' (s_next @ W_target) (a constant),
  loss = mean_b ½ (y − Q_online(s)[a])², dW_online = ∂loss/∂W_online.
"""
import numpy as np


class ReplayBuffer:
    def __init__(self, capacity):
        # TODO: 容量、遷移の格納場所、次に書くスロットを用意する
        #       keep the capacity, the storage for transitions and the slot the next push writes
        raise NotImplementedError("ReplayBuffer.__init__: TODO を埋めてください / fill in the TODO")

    def push(self, s, a, r, s_next, done):
        # TODO: 満杯でなければ追加、満杯なら最も古い遷移を上書き
        #       append while not full; when full, overwrite the oldest transition
        raise NotImplementedError("ReplayBuffer.push: TODO を埋めてください / fill in the TODO")

    def __len__(self):
        # TODO: 格納している遷移の数 / the number of transitions stored
        raise NotImplementedError("ReplayBuffer.__len__: TODO を埋めてください / fill in the TODO")

    def sample(self, indices):
        # TODO: スロット indices の遷移を (s, a, r, s_next, done) の配列にまとめて返す
        #       return the transitions in slots `indices` as stacked arrays (s, a, r, s_next, done)
        raise NotImplementedError("ReplayBuffer.sample: TODO を埋めてください / fill in the TODO")


def dqn_loss(W_online, W_target, batch, gamma):
    s, a, r, s_next, done = batch
    # TODO: ターゲット y（W_target で計算し定数として扱う）、loss、dW_online を求めて (loss, dW_online) を返す
    #       the targets y (from W_target, treated as constants), the loss and dW_online; return (loss, dW_online)
    raise NotImplementedError("dqn_loss: TODO を埋めてください / fill in the TODO")
