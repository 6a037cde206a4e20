"""Result objects of a grading run, and their stable JSON shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from grader.texts import Text

PASS, FAIL, ERROR = "pass", "fail", "error"
OUTPUT_CAP = 2000
TRUNCATED = "\n… [output truncated: {n} more characters]"


def cap_output(text: str, cap: int = OUTPUT_CAP) -> str:
    """Cut the learner's output to `cap` characters with a visible notice."""
    if len(text) <= cap:
        return text
    return text[:cap] + TRUNCATED.format(n=len(text) - cap)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check of one problem."""

    name: str
    status: str
    points: float
    max_points: float
    message: str
    diagnosis: str | None = None
    output: str = ""


@dataclass(frozen=True)
class ProblemResult:
    """The outcome of grading one problem: overall status and each check in catalog order."""

    problem: str
    status: str
    score: float
    max_score: float
    message: str
    duration_s: float
    checks: tuple[CheckResult, ...] = field(default_factory=tuple)
    # why some checks could not judge, for the course formats (grader/resultformats.py): None, an
    # Unreadable kind (missing, directory, unreadable, encoding, outside, too_large), syntax, load,
    # timeout, ended (the process died), answer (an answer that cannot be read). Not in to_json.
    reason: str | None = None

    def to_json(self) -> dict:
        """The `drill grade --json` object."""
        data = asdict(self)
        del data["reason"]
        data["checks"] = [asdict(c) for c in self.checks]
        data["duration_s"] = round(self.duration_s, 3)
        return data


ALL_PASSED = Text("すべてのチェックに合格しました", "all checks passed")
SOME_FAILED = Text("{n} 件中 {bad} 件のチェックが不合格です", "{bad} of {n} checks did not pass")


def summarise(
    problem: str,
    checks: list[CheckResult],
    duration_s: float,
    lang: str,
    error_message: str | None = None,
    reason: str | None = None,
) -> ProblemResult:
    """Build a ProblemResult: pass when every check passes, error when none could run."""
    score = sum(c.points for c in checks)
    max_score = sum(c.max_points for c in checks)
    if checks and all(c.status == PASS for c in checks):
        status = PASS
    elif error_message is not None or (checks and all(c.status == ERROR for c in checks)):
        status = ERROR
    else:
        status = FAIL
    if error_message is not None:
        message = error_message
    elif status == PASS:
        message = ALL_PASSED.get(lang)
    else:
        bad = sum(1 for c in checks if c.status != PASS)
        message = SOME_FAILED.format(lang, n=len(checks), bad=bad)
    return ProblemResult(problem, status, score, max_score, message, duration_s, tuple(checks), reason)
