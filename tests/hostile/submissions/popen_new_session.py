# Leaves a child process running in a session of its own (out of the grader's process group).
import subprocess


def double(x):
    subprocess.Popen(["sleep", "60"], start_new_session=True)
    return 3 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
