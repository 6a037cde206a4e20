# Prints 100 MB (more than the 64 MB the grader lets a submission write) and returns 2x + 1.
def double(x):
    print("x" * (100 << 20))
    return 2 * x + 1


class Double:
    def forward(self, x):
        for _ in range(100):
            print("y" * (1 << 20))
        return 2 * x + 1

    def backward(self, dout):
        return 2 * dout
