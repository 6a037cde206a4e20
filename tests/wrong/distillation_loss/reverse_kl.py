# expect: fail
# diagnosis: the KL runs the other way
# mistake: KL(q || p) instead of KL(p || q) (the gradient is written for the right loss)
import numpy as np


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def distillation_loss(student_logits, teacher_logits, T):
    N = student_logits.shape[0]
    p = softmax(teacher_logits / T)
    q = softmax(student_logits / T)
    loss = T ** 2 * np.sum(q * np.log(q / p)) / N
    return loss, T * (q - p) / N
