"""What a run of the learner's code gives back: typed outcomes, matched on by grading.

Per probe: `Returned` (its value, decoded), `Raised` (the learner's exception, cut to their
frames), or `Missing` (no record came back: see `RunOutcome.ended_early` and `timed_out`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grader.texts import Text

# how the learner's process ended early, as "your code's process ended early: …" goes on
TOO_MANY_PROCESSES = Text(
    "プロセスを {n} 個より多く起動したため、採点側が止めました",
    "it started more than {n} processes, so the grader stopped it",
)
TOO_MUCH_DATA = Text(
    "採点側が受け取れる量より多くのデータを送り返しました", "sent back more data than the grader accepts"
)
TOO_MANY_PARTS = Text(
    "要素が {n} 個を超える値を送り返しました（採点側が読む上限を超えています）",
    "it sent back a value of more than {n} parts, more than the grader reads",
)
PIPE_CLOSED = Text("採点側が結果を読むパイプを閉じました", "it closed the pipe the grader reads results from")
ENDED_EARLY = Text("プロセスが最後まで終わりませんでした", "the process ended before finishing")
EXITED = Text("プロセスが終了コード {code} で途中終了しました", "the process exited with code {code} before finishing")
KILLED = Text("プロセスがシグナル {signal} で強制終了されました", "the process was killed by {signal}")
CANNOT_SEND = Text(
    "このプラットフォームではチェックを別プロセスに渡せません（{why}）",
    "the checks cannot be sent to a separate process on this platform ({why})",
)
DID_NOT_START = Text(
    "学習者のプロセスが {n:g} 秒以内に起動しませんでした", "the learner's process did not start within {n:g} s"
)
CANNOT_COMPILE = Text("{name}: コンパイルできません: {why}", "{name}: cannot compile: {why}")


@dataclass(frozen=True)
class LoadFailure:
    """The learner's source could not be loaded: nothing could be checked."""

    kind: str  # syntax | exception
    message: str | Text  # one line (plus a caret line for syntax errors); Python's own words stay as they are
    output: str = ""  # what the learner's code printed before it failed


@dataclass(frozen=True)
class Returned:
    """A probe that returned: its value (decoded from the wire), and what it printed."""

    value: list  # one output per case (dicts of values; Foreign where unexpected)
    output: str = ""


@dataclass(frozen=True)
class Raised:
    """A probe that raised: the exception cut to the learner's frames ('ValueError: … (f.py:3: …)'),
    or, for NotImplementedError, just where ('f.py:3'); and what it printed."""

    message: str
    not_implemented: bool = False
    output: str = ""


@dataclass(frozen=True)
class Missing:
    """A probe whose record never came back: the run timed out or ended early before it."""

    output: str = ""


ProbeOutcome = Returned | Raised | Missing


@dataclass(frozen=True)
class RunOutcome:
    """What came back from one run: per-probe outcomes, or why the run ended early."""

    probes: dict = field(default_factory=dict)  # probe name -> Returned | Raised
    load_failure: LoadFailure | None = None
    ended_early: Text | None = None  # how the process ended early, if it did
    timed_out: bool = False
    duration_s: float = 0.0

    def probe(self, name: str) -> ProbeOutcome:
        """The outcome of the probe `name` (Missing when its record never came back)."""
        return self.probes.get(name, Missing())
