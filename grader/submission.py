"""What is graded: a learner's source text, a set of answers, or why the learner's file could not be read.

`grading.grade(problem, submission)` takes one of these and never reads a file itself. They are
NamedTuples, not dataclasses: `drill grade` reads the file before it forks, so their import is
on the critical path (a frozen dataclass costs about half a millisecond to create). Reading the
learner's file (with its encoding diagnosis) happens once, in `read_learner_file`, for every caller.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import Problem

READ_LIMIT = 4 << 20  # a learner's file is read up to this size; more is not a program we grade


class Code(NamedTuple):
    """A code problem's submission: the source text, and the path that names it in tracebacks (its
    folder is where the learner's own sibling modules are imported from)."""

    source: str
    path: Path

    def digest(self) -> str:
        return _sha256(self.source)


class Answers(NamedTuple):
    """The answers to a symbolic / choice / numeric problem, part -> text. `label` names where they
    came from (the answer file, to say where a missing part goes), None in an exam or a notebook."""

    parts: dict[str, str]
    label: str | None = None

    def digest(self) -> str:
        import json

        return _sha256(json.dumps(self.parts, sort_keys=True, ensure_ascii=False))


class Unreadable(NamedTuple):
    """The learner's file could not be read: `message` (in the learner's language) says why and how
    to fix it; `kind` is missing, directory, unreadable, encoding, too_large, or in course mode
    not_submitted or outside."""

    kind: str
    message: str

    def digest(self) -> None:
        return None


Submission = Code | Answers | Unreadable


def _sha256(text: str) -> str:
    import hashlib  # loads OpenSSL: only once something was graded (drill grade imports it while waiting)

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_UNREADABLE = {
    "missing": Text(
        "{label} がありません（drill reset {id} で元に戻せます{or_answer}）",
        "{label} does not exist (restore it with: drill reset {id}{or_answer})",
    ),
    "directory": Text("{label} はフォルダです。ファイルではありません", "{label} is a directory, not a file"),
    "unreadable": Text("{label} を読めません: {why}", "{label} cannot be read: {why}"),
    "encoding": Text(
        "{label} は {enc} で保存されています。UTF-8 で保存し直してから採点してください",
        "{label} is saved in {enc}, not UTF-8: save it as UTF-8 and grade again",
    ),
    "too_large": Text(
        "{label} は {mb} MB を超えています。採点するのはそれより小さいファイルだけです",
        "{label} is larger than {mb} MB, more than a file drill grades",
    ),
    "not_submitted": Text(
        "提出に {label} がありません（提出フォルダの一番上に {name} を置いても構いません）",
        "the submission has no {label} ({name} at the top of the submission will do too)",
    ),
    "outside": Text(
        "{label} は提出フォルダの外を指すリンクです。ファイルそのものを提出してください",
        "{label} is a link to a place outside the submission: submit the file itself",
    ),
}
_OR_ANSWER = Text("、または --answer KEY=EXPR で解答を渡してください", ", or give --answer KEY=EXPR")
_NO_TEXT = Text("", "")
_ENCODINGS = {
    "cp932": Text("Shift_JIS (cp932)", "Shift_JIS (cp932)"),
    "utf-16": Text("UTF-16", "UTF-16"),
    None: Text("不明な文字コード", "an unknown encoding"),
}


def not_read(kind: str, label: str, lang: str, **fmt: object) -> Unreadable:
    """A course submission's file drill does not read: `not_submitted` (`name`: the bare file name),
    `outside` (a link out of the submission), or `unreadable` (`why`: e.g. not a regular file, which
    could block the read)."""
    return _unreadable(kind, lang, label=label, **fmt)


def _unreadable(kind: str, lang: str, **fmt) -> Unreadable:
    return Unreadable(kind, _UNREADABLE[kind].format(lang, **fmt))


def read_learner_file(
    path: Path, label: str, problem_id: str, lang: str, answers_too: bool = False
) -> str | Unreadable:
    """The learner's file as text (UTF-8, a BOM dropped), or an Unreadable saying why not and how to
    fix it. `label` is the path as the learner knows it; `answers_too`: the advice names --answer."""
    path = Path(path)
    if path.is_dir():
        return _unreadable("directory", lang, label=label)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(READ_LIMIT + 1)
    except FileNotFoundError:
        or_answer = _OR_ANSWER if answers_too else _NO_TEXT
        return _unreadable("missing", lang, label=label, id=problem_id, or_answer=or_answer)
    except OSError as exc:
        return _unreadable("unreadable", lang, label=label, why=exc.strerror or exc)
    if len(raw) > READ_LIMIT:
        return _unreadable("too_large", lang, label=label, mb=READ_LIMIT >> 20)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _unreadable("encoding", lang, label=label, enc=_ENCODINGS[_guess_encoding(raw)])


def _guess_encoding(raw: bytes) -> str | None:
    """'utf-16' (Notepad's "Unicode", by its byte-order mark), 'cp932' (Shift_JIS text that decodes to
    printable characters), or None when we cannot tell."""
    import codecs
    import unicodedata

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return None
    printable = all(ch in "\t\r\n" or unicodedata.category(ch) not in ("Cc", "Co", "Cn") for ch in text)
    return "cp932" if printable else None


def submission_from_file(
    problem: Problem, path: Path, label: str, lang: str, given_answers: tuple[str, ...] = ()
) -> Submission:
    """What the learner's file at `path` (and, for an answer problem, each --answer) submits."""
    from grader.errors import UsageError

    path = Path(path)
    if problem.is_code:
        if given_answers:
            raise UsageError(
                Text(
                    "'{id}' はコード問題です。{label} を編集して、--answer を付けずに "
                    "'drill grade {id}' を実行してください。",
                    "'{id}' is a code problem: edit {label} and run 'drill grade {id}' without --answer.",
                ).fill(id=problem.id, label=label)
            )
        text = read_learner_file(path, label, problem.id, lang)
        return text if isinstance(text, Unreadable) else Code(text, path)
    from grader.answers import merge, parse_file

    text = read_learner_file(path, label, problem.id, lang, answers_too=True)
    if isinstance(text, Unreadable):
        if not given_answers:
            return text
        text = ""  # every part given on the command line, say
    return Answers(merge(problem, parse_file(text), given_answers), label)
