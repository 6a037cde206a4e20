"""表形式の Q 学習の 1 回の更新を実装してください（Q を in place で更新し、TD 誤差を返す）。

Q: (状態数, 行動数) の float 配列。遷移 (s, a, r, s_next) のあと
  done が False:  target = r + γ max_a' Q[s_next, a']
  done が True :  target = r（s_next は終端状態。Q[s_next] は使わない）
  δ = target − Q[s, a]、Q[s, a] += α δ。δ を float で返す。
a_next は行動方策（ε-greedy）が s_next で実際に選んだ行動です（ログに残っていますが、Q 学習では使いません）。

Implement one tabular Q-learning update (update Q in place, return the TD error).
Q: float array (number of states, number of actions). After the transition (s, a, r, s_next):
  done False: target = r + γ max_a' Q[s_next, a'];  done True: target = r (s_next is terminal; Q[s_next] unused)
  δ = target − Q[s, a], Q[s, a] += α δ; return δ as a float.
a_next is the action the behaviour policy (ε-greedy) actually took in s_next (it is in the log; Q-learning
does not use it).
"""
import numpy as np


def q_learning_update(Q, s, a, r, s_next, a_next, done, alpha, gamma):
    # TODO: target（done のときは r だけ）、δ、Q[s, a] を in place で更新して δ を返す
    #       target (just r when done), δ, update Q[s, a] in place and return δ
    raise NotImplementedError("q_learning_update: TODO を埋めてください / fill in the TODO")
