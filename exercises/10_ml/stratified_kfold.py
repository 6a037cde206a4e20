"""層化 k-分割交差検証の分割 / The splits of stratified k-fold cross-validation.

y: (N,) の整数のクラスラベル、k: フォールドの数、rng: np.random.Generator。stratified_kfold は k 個の
(train, val) の組のリストを返します。各サンプルはちょうど 1 つのフォールドの val に入り、train はそれ以外のすべてです。
どのフォールドでも、各クラスの件数は「そのクラスの件数 / k」の切り捨てか切り上げです。

y: (N,) integer class labels, k: the number of folds, rng: an np.random.Generator. stratified_kfold returns a list
of k (train, val) pairs: every sample is in the val of exactly one fold, and train is everything else. In every
fold, each class's count is its total count / k rounded down or up.
"""
import numpy as np


def stratified_kfold(y, k, rng):
    # TODO: クラスごとにサンプルの添字を集め（rng で並べ替えてもよい）、k 個のフォールドに順に配る
    #       collect each class's sample indices (shuffled with rng if you like) and deal them round the k folds
    # TODO: フォールド i の val と、それ以外の train を添字の配列にして、k 個の組のリストを返す
    #       return the list of k pairs: fold i's val indices and the train indices of all the others
    raise NotImplementedError("stratified_kfold: TODO を埋めてください / fill in the TODO")
