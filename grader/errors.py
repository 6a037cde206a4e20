"""Domain errors. The core raises these; only the CLI turns them into `Error: …` lines."""
from __future__ import annotations


class DrillError(Exception):
    """Base class: a problem the user can fix (bad id, bad catalog, no workspace...)."""

    exit_code = 2


class CatalogError(DrillError):
    """problems.yaml is missing, unreadable or invalid."""


class WorkspaceError(DrillError):
    """No workspace, or a workspace file that cannot be read or written."""


class UnknownProblem(DrillError):
    """An id that the catalog does not have."""


class UsageError(DrillError):
    """Options that do not fit the problem (e.g. --answer for a code problem)."""


class AnswerError(Exception):
    """A learner's answer text that cannot be read. Carries a one-line message per language."""

    def __init__(self, en: str, ja: str | None = None, caret: str | None = None):
        super().__init__(en)
        self.en = en
        self.ja = ja or en
        self.caret = caret

    def text(self, lang: str) -> str:
        msg = self.ja if lang == "ja" else self.en
        return f"{msg}\n{self.caret}" if self.caret else msg
