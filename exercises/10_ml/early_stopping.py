"""早期終了 / Early stopping on the validation loss.

EarlyStopping(patience, min_delta) は、エポックごとに step(val_loss) で検証損失を受け取り、学習を止めるべきなら True を返します。
改善 = val_loss < best − min_delta。改善したら best・best_epoch を更新して counter = 0、しなければ counter += 1。
step は counter >= patience のとき True を返します（True を返した後も呼ばれれば同じ規則で続けます）。

EarlyStopping(patience, min_delta) takes each epoch's validation loss in step(val_loss) and returns True when
training should stop. Improvement means val_loss < best − min_delta: then best and best_epoch are updated and
counter = 0; otherwise counter += 1. step returns counter >= patience (and goes on by the same rule if it is
called again after returning True).
"""
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = np.inf  # これまでの最良の検証損失 / the best validation loss so far
        self.best_epoch = -1  # その損失のエポック（step の呼び出しの 0 から数えた番号） / its epoch (0-based count of step calls)
        self.counter = 0  # 改善のないエポックが続いた数 / epochs in a row without improvement
        # TODO: エポックの番号を数えるための属性を用意する / keep what you need to count the epochs

    def step(self, val_loss):
        # TODO: val_loss が best − min_delta より小さければ改善（best・best_epoch を更新、counter = 0）、そうでなければ counter += 1
        #       improvement if val_loss < best − min_delta (update best and best_epoch, counter = 0), else counter += 1
        # TODO: counter >= patience なら True を返す / return True when counter >= patience
        raise NotImplementedError("step: TODO を埋めてください / fill in the TODO")
