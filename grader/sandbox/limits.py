"""Every limit the learner's process runs under, in one place."""

from __future__ import annotations

ADDRESS_SPACE_LIMIT = 1 << 30  # 1 GiB on top of nothing: the learner's whole process
OUTPUT_FILE_LIMIT = 64 << 20  # what the learner may print before writes fail
RESULT_LIMIT = 64 << 20  # what the child may send back
OUTPUT_KEEP = 64 << 10  # how much printed output the grader reads back
RESERVE = 4 << 20  # memory the learner's process holds back to report a MemoryError
PROCESS_LIMIT = 100  # processes the learner's code may start before the run is stopped
SPAWN_STARTUP_LIMIT = 60.0  # seconds a spawned process may take to start, before the timeout
EXIT_RUNNER_FAILED = 3  # the learner's process could not run the grader's side of the run
EXIT_PIPE_LOST = 4  # ... because the learner's code closed or replaced the result pipe
