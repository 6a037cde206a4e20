"""隠れ層の活性化の分布（ゼロから作るDeep Learning 1, 6.2 節）/ Hidden-layer activation distributions (book 1, 6.2).

activation_distribution(x, node_num, hidden_layer_size, weight_init, activation, rng)
  x: (N, D) の入力。隠れ層は hidden_layer_size 層、各層 node_num ノード、バイアスなし。
  weight_init: 数値（標準偏差そのもの）、"xavier"（√(1/n)）、"he"（√(2/n)）。n は fan-in
               （その層への入力のノード数: 1 層目は D、2 層目からは node_num）。
  activation: "sigmoid" | "relu" | "tanh"。rng: np.random.Generator。
  1 層目から順に、各層で 1 回だけ W = rng.standard_normal((n, node_num)) * スケール を引き、
  a = z @ W、z = 活性化(a)（1 層目の z は x）。rng からはそれ以外に何も引きません。
  戻り値: 各隠れ層の z（それぞれ (N, node_num)）を並べたリスト（長さ hidden_layer_size）。
layer_stats(activations): 各層の全要素の [平均, 標準偏差（np.std, ddof=0）] を並べた (L, 2) の ndarray。

  x: (N, D) input. hidden_layer_size hidden layers of node_num nodes each, no bias.
  weight_init: a number (the std itself), "xavier" (√(1/n)) or "he" (√(2/n)); n is the fan-in (the nodes
               feeding the layer: D for the first layer, node_num from the second on).
  activation: "sigmoid" | "relu" | "tanh". rng: a np.random.Generator.
  From the first layer on, each layer draws exactly once W = rng.standard_normal((n, node_num)) * scale,
  then a = z @ W, z = activation(a) (z is x for the first layer). Draw nothing else from rng.
  Return: the list of every hidden layer's z (each (N, node_num)), hidden_layer_size long.
layer_stats(activations): an (L, 2) ndarray, row i = [mean, std (np.std, ddof=0)] of all of layer i's values.
"""
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def relu(a):
    return np.maximum(0.0, a)


def activation_distribution(x, node_num, hidden_layer_size, weight_init, activation, rng):
    # TODO: 層ごとにスケールを決め、W を 1 回引いて a = z @ W、z = 活性化(a) をリストに加える
    #       per layer: find the scale, draw W once, a = z @ W, append z = activation(a)
    raise NotImplementedError("activation_distribution: TODO を埋めてください / fill in the TODO")


def layer_stats(activations):
    # TODO: 各層の [平均, 標準偏差] を (L, 2) の ndarray で / each layer's [mean, std] as an (L, 2) ndarray
    raise NotImplementedError("layer_stats: TODO を埋めてください / fill in the TODO")
