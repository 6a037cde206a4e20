"""Grad-CAM（Selvaraju ら 2017）のヒートマップを実装してください。

grad_cam(A, dY, normalize=False) -> cam
  A:  最後の畳み込み層の出力（特徴マップ）(N, K, H, W)
  dY: クラス c のスコア y^c の A についての勾配 ∂y^c/∂A (N, K, H, W)
  α = dY の空間方向（H, W）の平均 (N, K)、cam = ReLU(Σ_k α_k A^k) (N, H, W)
  normalize=True なら画像ごとに最大値で割る（最大値が 0 の画像はすべて 0 のまま）

Implement the Grad-CAM heat map (Selvaraju et al. 2017).
  A:  the last convolutional layer's output (feature maps), (N, K, H, W)
  dY: the gradient ∂y^c/∂A of the class-c score y^c with respect to A, (N, K, H, W)
  α = the mean of dY over space (H, W), (N, K); cam = ReLU(Σ_k α_k A^k), (N, H, W)
  with normalize=True, divide each image by its maximum (an image whose maximum is 0 stays all zeros)
"""
import numpy as np


def grad_cam(A, dY, normalize=False):
    # TODO: α = 勾配の空間平均、cam = ReLU(Σ_k α_k A^k)、必要なら画像ごとに最大値で割る
    #       α = spatial mean of the gradients, cam = ReLU(Σ_k α_k A^k), then per-image max normalisation if asked
    raise NotImplementedError("grad_cam: TODO を埋めてください / fill in the TODO")
