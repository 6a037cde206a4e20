# Leaves a child process running.
import subprocess


def double(x):
    subprocess.Popen(["sleep", "60"])
    return 3 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
