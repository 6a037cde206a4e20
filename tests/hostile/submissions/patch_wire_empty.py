# Makes the grader's encoder send back no cases at all: nothing to compare must not mean "pass".
import grader.wire

grader.wire.encode_cases = lambda outputs: {"t": "cases", "items": []}


def double(x):
    return 3 * x


class Double:
    def forward(self, x):
        return x

    def backward(self, dout):
        return dout
