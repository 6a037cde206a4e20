# expect: fail
# diagnosis: the number kept is rounded up
# mistake: ceil(remaining / eta) kept
"""ハイパーパラメータ探索の Successive Halving を実装してください。

successive_halving(n_configs, r, eta, evaluate) -> best
  設定 0, 1, …, n_configs − 1 から始め、残りが 1 個になるまで次のラウンドを繰り返します:
    残っている設定をすべて予算 budget で評価し（evaluate(i, budget) が検証の損失を返す。小さいほど良い）、
    損失の小さい順に max(1, 残りの数 // eta) 個を残し、budget を eta 倍にする（最初の budget は r）。
  残った 1 個の設定の番号を返します。

Implement successive halving for hyperparameter search.
successive_halving(n_configs, r, eta, evaluate) -> best
  Start from the settings 0, 1, …, n_configs − 1 and repeat these rounds until one is left:
    evaluate every remaining setting with the budget budget (evaluate(i, budget) returns a validation loss;
    smaller is better), keep the max(1, remaining // eta) with the smallest losses, and multiply budget by eta
    (the first budget is r).
  Return the number of the setting that is left.
"""
import numpy as np


def successive_halving(n_configs, r, eta, evaluate):
    # TODO: 残りが 1 個になるまで、評価 → 上位 max(1, 残り // eta) 個を残す → 予算を eta 倍、を繰り返す
    #       until one is left: evaluate, keep the best max(1, remaining // eta), multiply the budget by eta
    alive = list(range(n_configs))
    budget = r
    while len(alive) > 1:
        losses = [evaluate(i, budget) for i in alive]
        keep = -(-len(alive) // eta)
        alive = [alive[j] for j in np.argsort(losses)[:keep]]
        budget *= eta
    return alive[0]
