"""知識蒸留（Hinton ら 2015）のソフトターゲット損失と、生徒の logits についての勾配を実装してください。

distillation_loss(student_logits, teacher_logits, T) -> (loss, dstudent)
  student_logits, teacher_logits: (N, C)、T: 温度（float > 0）
  p = softmax(teacher_logits / T)、q = softmax(student_logits / T)（どちらもクラスの軸、最大値を引く）
  loss = T² · (1/N) Σ_n Σ_c p log(p / q)   （KL(p || q) のバッチ平均に T² を掛けたもの、float）
  dstudent = ∂loss / ∂student_logits: (N, C)

Implement the soft-target loss of knowledge distillation (Hinton et al. 2015) and its gradient with
respect to the student's logits.
  student_logits, teacher_logits: (N, C); T: the temperature (a float > 0)
  p = softmax(teacher_logits / T), q = softmax(student_logits / T) (over the class axis, subtracting the max)
  loss = T² · (1/N) Σ_n Σ_c p log(p / q)   (the batch mean of KL(p || q), times T²; a float)
  dstudent = ∂loss / ∂student_logits, shape (N, C)
"""
import numpy as np


def distillation_loss(student_logits, teacher_logits, T):
    # TODO: 温度つき softmax、KL のバッチ平均 × T²、生徒の logits についての勾配
    #       softmax with temperature, batch-mean KL times T², gradient with respect to the student's logits
    raise NotImplementedError("distillation_loss: TODO を埋めてください / fill in the TODO")
