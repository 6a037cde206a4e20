"""tanh の導関数 / The derivative of tanh."""
import numpy as np


def d_tanh(x):
    """tanh'(x) = 1 − tanh²(x) at the input x; tanh saturates to ±1, so no overflow for large |x|."""
    y = np.tanh(x)
    return 1.0 - y * y
