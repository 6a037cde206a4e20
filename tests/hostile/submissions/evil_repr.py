# An object whose __repr__, __eq__ and __array__ all misbehave.
class Sneaky:
    def __repr__(self):
        raise RuntimeError("no repr for you")

    def __eq__(self, other):
        return True

    def __array__(self, *a, **k):
        raise RuntimeError("no array either")

    def __len__(self):
        return 10 ** 30


def double(x):
    return Sneaky()


class Double:
    def forward(self, x):
        return Sneaky()

    def backward(self, dout):
        return Sneaky()
