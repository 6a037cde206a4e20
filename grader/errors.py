"""Domain errors. The core raises these; only the CLI turns them into `Error: …` lines."""

from __future__ import annotations

from grader.texts import Text, text_of


class DrillError(Exception):
    """Base class: a problem the user can fix (bad id, bad catalog, no workspace...). Its message is
    a Text (or, where it reads the same in every language, a str), shown in the user's language."""

    exit_code = 2

    def __init__(self, message: str | Text):
        super().__init__(text_of(message, "en"))
        self.message = message

    def text(self, lang: str) -> str:
        return text_of(self.message, lang)

    def __reduce__(self) -> tuple:  # crosses from the forked grading process as itself
        return type(self), (self.message,)


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
        msg = Text(self.ja, self.en).get(lang)
        return f"{msg}\n{self.caret}" if self.caret else msg
