"""The catalog: problems.yaml loaded into frozen dataclasses and validated.

Every error names the entry and the key, so a maintainer can fix the file from the message.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from grader.checks import CODE_KINDS, KINDS, SCHEMA_VERSION
from grader.errors import CatalogError
from grader.texts import LANGS, Text

FORMAT_VERSION = 1
PROBLEM_KINDS = ("code", "symbolic", "choice", "numeric")
ANSWER_KINDS = tuple(k for k in KINDS if k not in CODE_KINDS)
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
KEY_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_YAML_DEPTH = 64  # libyaml's composer recurses in C and crashes somewhere below 100 000 levels
MAX_YAML_VALUES = 200_000  # after aliases are expanded; the real catalog has about 10 000


@dataclass(frozen=True)
class CheckSpec:
    """One check of a problem: its kind, name, points and parameters (the kind's frozen `Params`
    dataclass, validated when the catalog was loaded)."""

    kind: str
    name: str
    points: float
    params: Any = field(default=None, hash=False, compare=False)
    part: str | None = None  # the answer key an answer kind's check judges (its params.part), else None


@dataclass(frozen=True)
class Ref:
    """Where a problem's material is: a book's section (kind book1 / book2), a paper, a framework's
    documentation or the course notes (kind paper / doc / notes, `text` says which)."""

    kind: str
    text: str

    def shown(self) -> Text:
        """The reference as a learner reads it, e.g. 『ゼロから作るDeep Learning』（1 巻）5.6 節."""
        if self.kind in ("book1", "book2"):
            ja_book = (
                "『ゼロから作るDeep Learning』（1 巻）"
                if self.kind == "book1"
                else "『ゼロから作るDeep Learning ❷』（2 巻）"
            )
            en_book = (
                "book 1 (ゼロから作るDeep Learning)" if self.kind == "book1" else "book 2 (ゼロから作るDeep Learning ❷)"
            )
            if self.text[0].isalpha():  # an appendix: "A", "A.2"
                return Text(f"{ja_book}付録 {self.text}", f"{en_book}, appendix {self.text}")
            if "." in self.text:
                return Text(f"{ja_book}{self.text} 節", f"{en_book}, §{self.text}")
            return Text(f"{ja_book}{self.text} 章", f"{en_book}, chapter {self.text}")
        return Text(self.text, self.text)


REF_KINDS = ("book", "paper", "doc", "notes")


@dataclass(frozen=True)
class Problem:
    """One catalog entry."""

    id: str
    topic: str
    area: int
    kind: str
    title: Text
    statement: Text
    points: float
    file: str
    solution: str
    requires: tuple[str, ...]
    hints: tuple[Text, ...]
    checks: tuple[CheckSpec, ...]
    timeout: float = 10.0
    variables: dict = field(default_factory=dict, hash=False, compare=False)
    integral: tuple[str, ...] = ()
    distinct: tuple[str, ...] = ()
    syllabus: tuple[str, ...] = ()  # E資格 小項目 IDs (grader/syllabus.py), the main one first
    refs: tuple[Ref, ...] = ()
    explanation: Text | None = None  # 解説: why the answer is what it is, the trap, where conventions differ

    @property
    def is_code(self) -> bool:
        return self.kind == "code"

    @property
    def parts(self) -> tuple[str, ...]:
        """Answer keys of a symbolic/choice/numeric problem, in order."""
        seen: list[str] = []
        for check in self.checks:
            part = check.part
            if part and part not in seen:
                seen.append(part)
        return tuple(seen)


@dataclass(frozen=True)
class Listed:
    """What `drill list` shows of a problem. The cache keeps these in its first line, so that listing the
    catalog decodes no problem."""

    id: str
    topic: str
    area: int
    kind: str
    title: Text
    points: float
    file: str
    requires: tuple[str, ...]
    syllabus: tuple[str, ...]

    @classmethod
    def of(cls, problem: Problem) -> Listed:
        return cls(
            problem.id,
            problem.topic,
            problem.area,
            problem.kind,
            problem.title,
            problem.points,
            problem.file,
            problem.requires,
            problem.syllabus,
        )


@dataclass(frozen=True)
class Area:
    """A syllabus area: its name, and its share of a mock exam's questions."""

    name: Text
    weight: float


@dataclass(frozen=True)
class ExamSpec:
    """The full-size mock exam (`drill exam --full`), its pass line, and where those figures and the
    areas' weights come from (the catalog's `exam:`)."""

    questions: int = 100
    minutes: int = 120
    pass_line: float = 0.65
    source: Text = field(default_factory=lambda: Text("", ""))


@dataclass(frozen=True)
class Catalog:
    """All problems, in catalog order, and the syllabus areas they belong to. From the cache,
    `problems` decodes each problem when it is first used (_CachedProblems): `drill next`, `show`
    and `hint` need one or two of them."""

    format_version: int
    problems: Sequence[Problem]
    ids: tuple[str, ...] = field(default=(), compare=False, repr=False)
    areas: dict = field(default_factory=dict, compare=False, repr=False)  # number -> Area
    exam: ExamSpec = field(default_factory=ExamSpec, compare=False, repr=False)
    listing: tuple[Listed, ...] = field(default=(), compare=False, repr=False)  # `drill list`'s fields

    def area_name(self, area: int) -> Text:
        """The area's name ('3' where the catalog does not name it)."""
        known = self.areas.get(area)
        return known.name if known is not None else Text(str(area), str(area))

    def __post_init__(self) -> None:
        if not self.ids:
            object.__setattr__(self, "ids", tuple(p.id for p in self.problems))
        if not self.listing:
            object.__setattr__(self, "listing", tuple(map(Listed.of, self.problems)))

    def get(self, problem_id: str) -> Problem | None:
        try:
            return self.problems[self.ids.index(problem_id)]
        except ValueError:
            return None


NOT_ONE_OF = Text("{got} は {known} のどれでもありません", "{got} is not one of {known}")
PROBLEM_LABEL = Text("問題 '{id}'", "problem '{id}'")


class _Entry:
    """Validation context: raises CatalogError naming the file, the entry and the key, in Japanese
    and English (the learner's language is chosen when the error is shown)."""

    def __init__(self, source: str, label: str | Text):
        self.source = source
        self.label = label if isinstance(label, Text) else Text(label, label)

    def _prefix(self, joiner: str) -> Text:
        if not self.label.en:
            return Text("{source}: ", "{source}: ").fill(source=self.source)
        return Text("{source}: {label}" + joiner, "{source}: {label}" + joiner).fill(
            source=self.source, label=self.label
        )

    def fail_at(self, key: str, what: Text) -> NoReturn:
        """Raise for `key`, followed directly by `what` (': expected …' or ' is …')."""
        raise CatalogError(
            Text("{prefix}{key}{what}", "{prefix}{key}{what}").fill(prefix=self._prefix(": "), key=key, what=what)
        )

    def fail(self, key: str, what: Text) -> NoReturn:
        if not key:
            raise CatalogError(Text("{prefix}{what}", "{prefix}{what}").fill(prefix=self._prefix(" "), what=what))
        self.fail_at(key, Text(" {w}", " {w}").fill(w=what))

    def text(self, data: dict, key: str) -> Text:
        value = data.get(key)
        if not isinstance(value, dict):
            self.fail(
                key,
                Text("がないか、ja と en を持つマッピングではありません", "is missing or not a mapping with ja and en"),
            )
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.fail(f"{key}.{lang}", Text("がないか、空です", "is missing or empty"))
        return Text(value["ja"].strip(), value["en"].strip())

    def string(self, data: dict, key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(key, Text("がないか、空でない文字列ではありません", "is missing or not a non-empty string"))
        return value

    def number(self, data: dict, key: str, default=None, label: str = "") -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
            self.fail(
                label or key, Text("がないか、0 以上の数ではありません", "is missing or not a non-negative number")
            )
        return value


def _shown(value, limit: int = 60) -> str:
    """A value as an error message quotes it: its repr, on one line, cut to `limit` characters."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse(data: Any, source: str = "problems.yaml") -> Catalog:
    """Validate already-loaded YAML data and build the Catalog."""
    top = _Entry(source, "")
    if not isinstance(data, dict):
        top.fail(
            "",
            Text(
                "format_version と problems を持つマッピングにしてください",
                "must be a mapping with format_version and problems",
            ),
        )
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        top.fail("format_version", Text("がないか、整数ではありません", "is missing or not an integer"))
    if version > FORMAT_VERSION:
        top.fail(
            "",
            Text(
                "format_version {v} はこの drill が読める版（{mine}）より新しいです。drill を更新してください: "
                "python -m pip install -U .",
                "format_version {v} is newer than this drill reads ({mine}). Upgrade drill: python -m pip install -U .",
            ).fill(v=_shown(version), mine=FORMAT_VERSION),
        )
    if version < FORMAT_VERSION:
        top.fail(
            "",
            Text(
                "format_version {v} はこの drill が読める版（{mine}）より古いです。drill init で作業フォルダを"
                "作り直すか、古い drill を使ってください。",
                "format_version {v} is older than this drill reads ({mine}). "
                "Re-create the workspace with drill init, or use an older drill.",
            ).fill(v=_shown(version), mine=FORMAT_VERSION),
        )
    areas = _areas(data.get("areas"), top)
    entries = data.get("problems")
    if not isinstance(entries, list) or not entries:
        top.fail("problems", Text("がないか、空でないリストではありません", "is missing or not a non-empty list"))
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, raw in enumerate(entries):
        problems.append(_problem(raw, index, source, seen, areas))
    known = {p.id for p in problems}
    for problem in problems:
        for req in problem.requires:
            if req not in known:
                _Entry(source, PROBLEM_LABEL.fill(id=problem.id)).fail(
                    "requires",
                    Text("が存在しない問題 {req} を指しています", "names unknown problem {req}").fill(req=_shown(req)),
                )
            if req == problem.id:
                _Entry(source, PROBLEM_LABEL.fill(id=problem.id)).fail(
                    "requires", Text("が問題自身を指しています", "names the problem itself")
                )
    return Catalog(version, tuple(problems), areas=areas, exam=_exam(data.get("exam"), top))


def _exam(raw, top: _Entry) -> ExamSpec:
    """`exam: {full: {questions: 100, minutes: 120}, pass_line: 0.65, source: {ja, en}}` (optional)."""
    if raw is None:
        return ExamSpec()
    if not isinstance(raw, dict):
        top.fail("exam", Text("がマッピングではありません", "is not a mapping"))
    full = raw.get("full", {})
    if not isinstance(full, dict):
        top.fail("exam.full", Text("がマッピングではありません", "is not a mapping"))
    numbers = {}
    for key in ("questions", "minutes"):
        value = full.get(key, getattr(ExamSpec, key))
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            top.fail(f"exam.full.{key}", Text("は 1 以上の整数にしてください", "must be a whole number from 1"))
        numbers[key] = value
    line = raw.get("pass_line", ExamSpec.pass_line)
    if isinstance(line, bool) or not isinstance(line, (int, float)) or not 0 < line <= 1:
        top.fail("exam.pass_line", Text("は 0 より大きく 1 以下の数にしてください", "must be a number in (0, 1]"))
    source = top.text(raw, "source") if "source" in raw else Text("", "")
    return ExamSpec(numbers["questions"], numbers["minutes"], float(line), source)


def _areas(raw, top: _Entry) -> dict:
    """`areas: {1: {ja: …, en: …, weight: 0.15}, …}`: the syllabus areas, numbered from 1."""
    if not isinstance(raw, dict) or not raw:
        top.fail(
            "areas",
            Text(
                "がないか、番号から {ja, en, weight} へのマッピングではありません",
                "is missing or not a mapping of number to {ja, en, weight}",
            ),
        )
    areas = {}
    for number, entry in raw.items():
        key = f"areas.{number}"
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            top.fail(
                f"areas[{_shown(number)}]",
                Text("の番号は 1 以上の整数にしてください", "must be numbered with whole numbers from 1"),
            )
        if not isinstance(entry, dict):
            top.fail(key, Text("がマッピングではありません", "is not a mapping"))
        name = top.text({key: entry}, key)
        weight = top.number(entry, "weight", label=f"{key}.weight")
        areas[number] = Area(name, float(weight))
    return areas


def _problem(raw, index: int, source: str, seen: set[str], areas: dict) -> Problem:
    entry = _Entry(source, f"problems[{index}]")
    if not isinstance(raw, dict):
        entry.fail("", Text("がマッピングではありません", "is not a mapping"))
    pid = raw.get("id")
    if not isinstance(pid, str) or not ID_PATTERN.fullmatch(pid):
        entry.fail("id", Text("がないか、lower_snake_case ではありません", "is missing or not lower_snake_case"))
    entry = _Entry(source, PROBLEM_LABEL.fill(id=pid))
    if pid in seen:
        entry.fail("id", Text("が 2 回使われています", "is used twice"))
    seen.add(pid)
    kind = raw.get("kind")
    if kind not in PROBLEM_KINDS:
        entry.fail("kind", NOT_ONE_OF.fill(got=_shown(kind), known=", ".join(PROBLEM_KINDS)))
    items = _syllabus_ids(raw, entry)
    area = _area(raw, entry, items, areas)
    hints = raw.get("hints")
    if not isinstance(hints, dict):
        entry.fail(
            "hints",
            Text(
                "がないか、ja と en のリストを持つマッピングではありません",
                "is missing or not a mapping with ja and en lists",
            ),
        )
    tiers = {}
    for lang in LANGS:
        value = hints.get(lang)
        if not isinstance(value, list) or not value or not all(isinstance(h, str) and h.strip() for h in value):
            entry.fail(
                f"hints.{lang}",
                Text("がないか、空か、空のヒントを含んでいます", "is missing, empty, or has an empty hint"),
            )
        tiers[lang] = tuple(h.strip() for h in value)
    if len(tiers["ja"]) != len(tiers["en"]):
        entry.fail("hints", Text("は ja と en で段階の数をそろえてください", "must have as many ja tiers as en tiers"))
    requires = raw.get("requires", [])
    if not isinstance(requires, list) or not all(isinstance(r, str) for r in requires):
        entry.fail("requires", Text("が問題 ID のリストではありません", "is not a list of problem ids"))
    variables, integral, distinct = _variables(raw, entry)
    checks = _checks(raw.get("checks"), kind, entry, tuple(variables))
    statement = entry.text(raw, "statement")
    _shown_options(statement, checks, entry)
    points = entry.number(raw, "points")
    total = sum(c.points for c in checks)
    if abs(total - points) > 1e-9:
        entry.fail(
            "points",
            Text(
                "は {points:g} ですが、チェックの配点の合計は {total:g} です",
                "is {points:g} but the checks' points add up to {total:g}",
            ).fill(points=points, total=total),
        )
    timeout = entry.number(raw, "timeout", 10.0)
    if timeout <= 0:
        entry.fail("timeout", Text("は正の数にしてください", "must be positive"))
    file = entry.string(raw, "file")
    if kind == "code" and not file.endswith(".py"):
        entry.fail(
            "file", Text("はコード問題なので .py ファイルにしてください", "of a code problem must be a .py file")
        )
    return Problem(
        id=pid,
        topic=entry.string(raw, "topic"),
        area=area,
        kind=kind,
        title=entry.text(raw, "title"),
        statement=statement,
        points=points,
        file=file,
        solution=entry.string(raw, "solution"),
        requires=tuple(requires),
        hints=tuple(Text(ja, en) for ja, en in zip(tiers["ja"], tiers["en"])),
        checks=checks,
        timeout=float(timeout),
        variables=variables,
        integral=integral,
        distinct=distinct,
        syllabus=items,
        refs=_refs(raw, entry),
        explanation=entry.text(raw, "explanation"),
    )


def _shown_options(statement: Text, checks: tuple[CheckSpec, ...], entry: _Entry) -> None:
    """Each choice part's options (a combination's statements too) are shown by a placeholder line
    of the statement, in both languages, directly or through a part with the same options; and
    every placeholder names a choice part."""
    from grader.statement import placeholders

    choices = {c.part: c.params for c in checks if c.kind == "choice"}
    for lang in LANGS:
        shown = placeholders(getattr(statement, lang))
        for index, check in enumerate(checks):
            if check.kind != "choice":
                continue
            params = check.params
            needed = [("options", params.options)] + ([("statements", params.statements)] if params.statements else [])
            for what, items in needed:
                if not any(w == what and p in choices and getattr(choices[p], what) == items for w, p in shown):
                    entry.fail(
                        f"checks[{index}].params.part",
                        Text(
                            "'{part}' の{what_ja}を示す行 <{what} {part}> が statement.{lang} にありません",
                            "'{part}' has its {what} shown nowhere: statement.{lang} has no line <{what} {part}>",
                        ).fill(
                            part=params.part, what=what, lang=lang, what_ja="選択肢" if what == "options" else "記述"
                        ),
                    )
        for what, part in shown:
            if part not in choices or (what == "statements" and choices[part].form != "combination"):
                entry.fail(
                    f"statement.{lang}",
                    Text(
                        "の <{what} {part}> に当たる選択の小問がありません",
                        "has <{what} {part}> but no such choice part",
                    ).fill(what=what, part=part),
                )


def _syllabus_ids(raw: dict, entry: _Entry) -> tuple[str, ...]:
    """`syllabus: [3-2-2, 3-1-1]`: E資格 小項目 IDs from grader/syllabus.py, the main one first."""
    from grader import syllabus

    value = raw.get("syllabus")
    if not isinstance(value, list) or not value:
        entry.fail(
            "syllabus",
            Text(
                "がないか、小項目 ID（例: 3-2-2）のリストではありません",
                "is missing or not a list of item IDs (e.g. 3-2-2)",
            ),
        )
    ids = []
    for i, item_id in enumerate(value):
        if not isinstance(item_id, str) or syllabus.item(item_id) is None:
            entry.fail(
                f"syllabus[{i}]",
                Text(
                    "の {got} はシラバスの小項目 ID ではありません（grader/syllabus.py）",
                    "{got} is not a syllabus item ID (grader/syllabus.py)",
                ).fill(got=_shown(item_id)),
            )
        if item_id in ids:
            entry.fail(f"syllabus[{i}]", Text("の {got} が 2 回あります", "lists {got} twice").fill(got=item_id))
        ids.append(item_id)
    return tuple(ids)


def _area(raw: dict, entry: _Entry, items: tuple[str, ...], areas: dict) -> int:
    """The 大項目: the first syllabus item's; an `area:` written beside it must agree."""
    from grader import syllabus

    area = syllabus.ITEMS[items[0]].area
    if "area" in raw and (isinstance(raw["area"], bool) or raw["area"] != area):
        entry.fail(
            "area",
            Text(
                "の {got} が最初の小項目 {item} の大項目 {derived} と違います（area は書かなくても決まります）",
                "{got} contradicts the first syllabus item {item}, of area {derived} (leave area out: it follows)",
            ).fill(got=_shown(raw["area"]), item=items[0], derived=area),
        )
    if area not in areas:
        entry.fail(
            "syllabus",
            Text("の大項目 {area} が areas にありません", "names area {area}, which areas does not have").fill(
                area=area
            ),
        )
    return area


def _refs(raw: dict, entry: _Entry) -> tuple[Ref, ...]:
    """`refs: [{book: 1, section: "5.6"}, {paper: "…"}, {doc: "PyTorch: torch.nn.LSTM"}, {notes: "…"}]`."""
    value = raw.get("refs")
    if not isinstance(value, list) or not value:
        entry.fail(
            "refs",
            Text(
                "がないか、参考文献（本の節・論文・ドキュメント）のリストではありません",
                "is missing or not a list of references (a book's section, a paper, documentation)",
            ),
        )
    refs = []
    for i, ref in enumerate(value):
        key = f"refs[{i}]"
        kinds = [k for k in REF_KINDS if isinstance(ref, dict) and k in ref]
        if len(kinds) != 1:
            entry.fail(
                key,
                Text(
                    "は book・paper・doc・notes のどれか 1 つを持つマッピングにしてください",
                    "must be a mapping with one of book, paper, doc, notes",
                ),
            )
        kind = kinds[0]
        if kind == "book":
            section = ref.get("section")
            if (
                isinstance(ref["book"], bool)
                or ref["book"] not in (1, 2)
                or not isinstance(section, str)
                or not re.fullmatch(r"(\d+|[A-Z])(\.\d+)*", section)
            ):
                entry.fail(
                    key,
                    Text(
                        'は {book: 1 か 2, section: "5.6.2"}（節は引用符付きの番号）にしてください',
                        'must be {book: 1 or 2, section: "5.6.2"} (the section a quoted number)',
                    ),
                )
            if set(ref) != {"book", "section"}:
                entry.fail(key, Text("に book と section 以外のキーがあります", "has keys besides book and section"))
            refs.append(Ref(f"book{ref['book']}", section))
        else:
            if set(ref) != {kind} or not isinstance(ref[kind], str) or not ref[kind].strip():
                entry.fail(
                    key,
                    Text("の {kind} が空でない文字列ではありません", "{kind} is not a non-empty string").fill(
                        kind=kind
                    ),
                )
            refs.append(Ref(kind, ref[kind].strip()))
    return tuple(refs)


def _variables(raw: dict, entry: _Entry) -> tuple[dict, tuple[str, ...], tuple[str, ...]]:
    """`variables: {H: [24, 40]}` (inclusive integer ranges), `integral: [expr, ...]` (must be whole
    numbers) and `distinct: [expr, ...]` (must differ pairwise, so each wrong answer is recognisable)."""
    variables = raw.get("variables", {}) or {}
    if not isinstance(variables, dict):
        entry.fail(
            "variables",
            Text("が 名前: [low, high] のマッピングではありません", "is not a mapping of name: [low, high]"),
        )
    result = {}
    for name, bounds in variables.items():
        ok = (
            isinstance(name, str)
            and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name)
            and isinstance(bounds, list)
            and len(bounds) == 2
            and all(isinstance(b, int) and not isinstance(b, bool) for b in bounds)
            and bounds[0] <= bounds[1]
        )
        if not ok:
            key = (
                f"variables.{name}"
                if isinstance(name, str) and KEY_PATTERN.fullmatch(name)
                else f"variables[{_shown(name)}]"
            )
            entry.fail(
                key,
                Text(
                    "は整数で low <= high の [low, high] にしてください",
                    "must be [low, high] with integers low <= high",
                ),
            )
        result[name] = (bounds[0], bounds[1])
    lists = []
    for key in ("integral", "distinct"):
        items = raw.get(key, []) or []
        if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
            entry.fail(key, Text("が式のリストではありません", "is not a list of expressions"))
        if items and not result:
            entry.fail(key, Text("には variables が必要です", "needs variables"))
        lists.append(tuple(items))
    return result, lists[0], lists[1]


def _checks(raw, kind: str, entry: _Entry, variables: tuple[str, ...] = ()) -> tuple[CheckSpec, ...]:
    if not isinstance(raw, list) or not raw:
        entry.fail("checks", Text("がないか、空でないリストではありません", "is missing or not a non-empty list"))
    allowed = CODE_KINDS if kind == "code" else ANSWER_KINDS
    result: list[CheckSpec] = []
    names: set[str] = set()
    for i, item in enumerate(raw):
        key = f"checks[{i}]"
        if not isinstance(item, dict):
            entry.fail(key, Text("がマッピングではありません", "is not a mapping"))
        ckind = item.get("kind")
        if ckind not in KINDS:
            entry.fail(f"{key}.kind", NOT_ONE_OF.fill(got=_shown(ckind), known=", ".join(KINDS)))
        if ckind not in allowed:
            entry.fail(
                f"{key}.kind",
                Text(
                    "'{got}' は {kind} の問題には使えません（{allowed} のどれか）",
                    "'{got}' does not fit a {kind} problem (use {allowed})",
                ).fill(got=ckind, kind=kind, allowed=", ".join(allowed)),
            )
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            entry.fail(f"{key}.name", Text("がありません", "is missing"))
        if name in names:
            entry.fail(
                f"{key}.name", Text("{name} が 2 回使われています", "{name} is used twice").fill(name=_shown(name))
            )
        names.add(name)
        points = entry.number(item, "points", label=f"{key}.points")
        params = item.get("params", {})
        if not isinstance(params, dict):
            entry.fail(f"{key}.params", Text("がマッピングではありません", "is not a mapping"))
        from grader.checks import kind as kind_of
        from grader.checks.schema import Context, ParamError

        earlier = tuple(c.part for c in result if c.part)
        try:
            parsed = kind_of(ckind).parse(params, Context(variables, earlier))
        except ParamError as exc:
            entry.fail_at(f"{key}.params.{exc.key}", exc.what)
        result.append(CheckSpec(ckind, name, points, parsed, getattr(parsed, "part", None)))
    return tuple(result)


def _cache_key(path: Path) -> list | None:
    """What a cached catalog must match: the file (path, mtime, size) and the code that validated it."""
    from grader import __version__, checks

    try:
        stat = Path(path).stat()
        # a maintainer's edit of the rules (this module, the check kinds) must not leave an old verdict standing
        here = Path(__file__)
        rules = (
            __file__,
            str(checks.__file__),
            str(here.with_name("syllabus.py")),
            str(here.with_name("statement.py")),
        )
        code = [[s.st_mtime_ns, s.st_size] for s in map(os.stat, rules)]
    except OSError:
        return None
    return [
        str(Path(path).resolve()),
        stat.st_mtime_ns,
        stat.st_size,
        __version__,
        FORMAT_VERSION,
        SCHEMA_VERSION,
        code,
    ]


def load(path: Path, cache_dir: Path | None = None) -> Catalog:
    """Read and validate problems.yaml at `path`. With `cache_dir`, the validated catalog is kept as JSON
    keyed by the file's path, mtime and size, so later runs skip the YAML parser and the validation."""
    path = Path(path)
    key = _cache_key(path) if cache_dir is not None else None
    cache_file = Path(cache_dir) / "catalog.jsonl" if cache_dir is not None else None
    if key is not None and cache_file is not None:
        try:
            with open(cache_file, "rb") as f:  # the head line only: each problem is read when it is used
                first = f.readline()
                head = json.loads(first)
                lengths = head["lengths"]
                stat = os.fstat(f.fileno())
            whole = len(first) + sum(lengths) + max(len(lengths) - 1, 0)
            if head.get("key") == key and len(lengths) == len(head["ids"]) and stat.st_size == whole:
                areas = {int(n): Area(Text(ja, en), weight) for n, (ja, en, weight) in head["areas"].items()}
                questions, minutes, line, ja, en = head["exam"]
                spec = ExamSpec(questions, minutes, line, Text(ja, en))
                ids = tuple(head["ids"])
                problems = _CachedProblems(cache_file, (stat.st_ino, stat.st_mtime_ns), len(first), lengths, ids, path)
                listing = tuple(
                    Listed(i, topic, area, kind, Text(ja, en), points, file, tuple(requires), tuple(syllabus))
                    for i, topic, area, kind, ja, en, points, file, requires, syllabus in head["listing"]
                )
                return Catalog(head["format_version"], problems, ids, areas, spec, listing)
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            pass
    catalog = parse(_load_yaml(path), path.name)
    if key is not None and cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(_to_cache(catalog, key))
            os.replace(tmp, cache_file)
        except (OSError, TypeError, ValueError):
            pass  # a read-only workspace, or check params JSON cannot hold (a YAML date): no cache
    return catalog


TUPLE_FIELDS = ("requires", "integral", "distinct")


def _to_cache(catalog: Catalog, key: list) -> bytes:
    """The cache file: a line with the key, the ids, what `drill list` shows and each problem line's length
    in bytes, then one line per problem (JSON escapes every newline inside a value), so that a command
    reads and decodes only the problems it uses."""
    from dataclasses import asdict

    head = {
        "key": key,
        "format_version": catalog.format_version,
        "ids": catalog.ids,
        "areas": {n: [a.name.ja, a.name.en, a.weight] for n, a in catalog.areas.items()},
        "exam": [
            catalog.exam.questions,
            catalog.exam.minutes,
            catalog.exam.pass_line,
            catalog.exam.source.ja,
            catalog.exam.source.en,
        ],
        "listing": [
            [x.id, x.topic, x.area, x.kind, x.title.ja, x.title.en, x.points, x.file, x.requires, x.syllabus]
            for x in catalog.listing
        ],
    }
    body = [json.dumps(asdict(problem), ensure_ascii=False).encode() for problem in catalog.problems]
    head["lengths"] = [len(line) for line in body]
    return b"\n".join([json.dumps(head, ensure_ascii=False).encode(), *body])


def _problem_from_cache(fields: dict) -> Problem:
    """A Problem from its line in the cache, not validated again: parse() did, before it was stored."""
    fields.update(
        {name: tuple(fields[name]) for name in TUPLE_FIELDS},
        title=Text(**fields["title"]),
        statement=Text(**fields["statement"]),
        hints=tuple(Text(**hint) for hint in fields["hints"]),
        syllabus=tuple(fields["syllabus"]),
        refs=tuple(Ref(**ref) for ref in fields["refs"]),
        explanation=Text(**fields["explanation"]) if fields["explanation"] else None,
        checks=tuple(_check_from_cache(**check) for check in fields["checks"]),
        variables={name: tuple(bounds) for name, bounds in fields["variables"].items()},
    )
    return Problem(**fields)


def _check_from_cache(kind: str, name: str, points: float, params: dict, part: str | None) -> CheckSpec:
    """A CheckSpec from the cache: its parameters rebuilt by type when first used, not validated again."""
    return CheckSpec(kind, name, points, _CachedParams(kind, params), part)


class _CachedParams:
    """A cached check's parameters, rebuilt as its kind's Params when an attribute is first asked for:
    `drill list` and `drill next` read many problems and none of their checks' parameters, so they
    neither import the kinds' modules nor walk the parameters."""

    __slots__ = ("_kind", "_raw", "_parsed")

    def __init__(self, kind: str, raw: dict):
        self._kind, self._raw, self._parsed = kind, raw, None

    def resolve(self) -> Any:
        if self._parsed is None:
            from grader.checks import kind as kind_of
            from grader.checks.schema import parse

            self._parsed = parse(kind_of(self._kind).params, self._raw, "")
        return self._parsed

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # our own slots before they are set (copy, pickle): not a parameter
            raise AttributeError(name)
        return getattr(self.resolve(), name)

    def __repr__(self) -> str:
        return repr(self.resolve())


class _CachedProblems(Sequence):
    """The problems of a cached catalog, each read from its line and decoded when first asked for. A line
    is read only from the file the head came from (same inode and mtime) and must hold the id the head
    names there; anything else (a cache rewritten meanwhile, damage) reads the problem from the YAML."""

    def __init__(self, cache_file: Path, identity: tuple[int, int], start: int, lengths: list[int], ids, path: Path):
        self._cache_file, self._identity, self._ids, self._path = cache_file, identity, ids, path
        self._spans: list[tuple[int, int]] = []
        for length in lengths:
            self._spans.append((start, length))
            start += length + 1
        self._decoded: list[Problem | None] = [None] * len(lengths)

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(len(self))[index])
        problem = self._decoded[index]
        if problem is None:
            try:
                with open(self._cache_file, "rb") as f:
                    stat = os.fstat(f.fileno())
                    if (stat.st_ino, stat.st_mtime_ns) != self._identity:
                        raise ValueError("the cache was rewritten")
                    offset, length = self._spans[index]
                    f.seek(offset)
                    fields = json.loads(f.read(length))
                if fields.get("id") != self._ids[index]:
                    raise ValueError("not the problem the head names")
                problem = _problem_from_cache(fields)
            except (OSError, ValueError, AttributeError, KeyError, TypeError):  # as if it were missing
                problem = load(self._path).problems[index]
            self._decoded[index] = problem
        return problem

    def __eq__(self, other) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, Sequence) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def _load_yaml(path: Path):
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(Text("{path} がありません", "{path} does not exist").fill(path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(
            Text("{name}: 読めません（{why}）", "{name}: cannot be read ({why})").fill(name=path.name, why=exc)
        ) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        _check_bounded(text, loader, path.name)
        data = yaml.load(text, Loader=loader)
    except CatalogError:
        raise
    except yaml.YAMLError as exc:
        if loader is not yaml.SafeLoader:
            # libyaml reads tokens ahead of the events we count, and newer ones refuse deep nesting
            # themselves, each in its own words: the pure-Python parser streams, so our own refusal
            # comes first whatever the version. Only an invalid file pays for this second read.
            _check_bounded_or_invalid(text, path.name)
        raise CatalogError(
            Text("{name}: YAML として正しくありません{where}: {why}", "{name}: not valid YAML{where}: {why}").fill(
                name=path.name, where=_where(exc, text), why=_problem_of(exc)
            )
        ) from None
    except RecursionError:
        raise CatalogError(
            Text(
                "{name}: YAML として正しくありません: 入れ子が深すぎます", "{name}: not valid YAML: nested too deeply"
            ).fill(name=path.name)
        ) from None
    except Exception as exc:  # noqa: BLE001 - a tag's constructor failing: !!int x, 2001-13-45, a 5000-digit int
        reason = str(exc).split(";")[0] or type(exc).__name__
        raise CatalogError(
            Text(
                "{name}: YAML として正しくありません: 読めない値があります（{why}）",
                "{name}: not valid YAML: a value cannot be read ({why})",
            ).fill(name=path.name, why=reason)
        ) from None
    return data


def _where(exc, text: str) -> str:
    """' at line L, column C' of a YAML error, or ''."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return f" at line {mark.line + 1}, column {mark.column + 1}"
    character = getattr(exc, "character", None)
    if isinstance(character, int) and chr(character) in text:
        # a reader error (a control character) has no mark, and libyaml counts its position in bytes
        offset = text.index(chr(character))
        line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        return f" at line {line}, column {column}"
    return ""


def _problem_of(exc) -> str:
    character = getattr(exc, "character", None)
    if isinstance(character, int) and getattr(exc, "reason", None):
        return f"{exc.reason} (U+{character:04X})"
    return getattr(exc, "problem", None) or "invalid YAML"


def _check_bounded(text: str, loader, name: str) -> None:
    """Refuse, from the event stream and before anything is built, YAML nested deeper than MAX_YAML_DEPTH,
    an alias inside its own anchor, and aliases expanding past MAX_YAML_VALUES (a "billion laughs": cheap
    to load, as the loader shares the repeated objects, but not to walk, as the JSON cache writer does)."""
    import yaml

    expanded: dict[str, int] = {}  # anchor: how many values it stands for
    stack: list[list] = [[None, 0]]  # open collections: [anchor, values so far]
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 0])
            if len(stack) > MAX_YAML_DEPTH + 1:
                _refuse(
                    name,
                    event,
                    Text("入れ子が {n} 段より深くなっています", "nested deeper than {n} levels").fill(n=MAX_YAML_DEPTH),
                )
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, count = stack.pop()
            count += 1
        elif isinstance(event, yaml.ScalarEvent):
            anchor, count = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            if any(open_anchor == event.anchor for open_anchor, _ in stack):
                _refuse(
                    name,
                    event,
                    Text(
                        "エイリアス *{a} が自分のアンカー &{a} の中にあります",
                        "the alias *{a} is inside its own anchor &{a}",
                    ).fill(a=event.anchor),
                )
            anchor, count = None, expanded.get(event.anchor, 1)  # an unknown anchor: the loader says so
        else:
            continue
        if anchor is not None:
            expanded[anchor] = count
        stack[-1][1] += count
        if stack[-1][1] > MAX_YAML_VALUES:
            _refuse(
                name,
                event,
                Text(
                    "エイリアスを展開すると値が {n} 個を超えます（YAML 爆弾？）。エイリアスを減らしてください",
                    "more than {n} values once aliases are expanded (a YAML bomb?); use fewer aliases",
                ).fill(n=MAX_YAML_VALUES),
            )


def _check_bounded_or_invalid(text: str, name: str) -> None:
    """Our own refusal of `text` if the pure-Python parser reaches one before the file's error."""
    import yaml

    try:
        _check_bounded(text, yaml.SafeLoader, name)
    except (yaml.YAMLError, RecursionError):
        pass


def _refuse(name: str, event, why: Text) -> NoReturn:
    mark = event.start_mark
    raise CatalogError(
        Text(
            "{name}: {line} 行 {column} 列で読むのをやめました: {why}",
            "{name}: refused at line {line}, column {column}: {why}",
        ).fill(name=name, line=mark.line + 1, column=mark.column + 1, why=why)
    )
