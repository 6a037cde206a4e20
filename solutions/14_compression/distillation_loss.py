"""知識蒸留のソフトターゲット損失とその勾配 / Knowledge-distillation soft-target loss and its gradient."""
import numpy as np


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))


def distillation_loss(student_logits, teacher_logits, T):
    N = student_logits.shape[0]
    log_p = log_softmax(teacher_logits / T)          # teacher soft targets
    log_q = log_softmax(student_logits / T)          # student, same temperature
    p, q = np.exp(log_p), np.exp(log_q)
    kl = np.sum(p * (log_p - log_q)) / N             # KL(p || q), mean over the batch
    loss = T * T * kl
    dstudent = T * (q - p) / N                       # T² · (q − p) / N · (1/T)
    return float(loss), dstudent
