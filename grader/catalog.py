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

from grader.checks import CODE_KINDS, KINDS, SCHEMA_VERSION
from grader.checks.schema import Context, ParamError
from grader.errors import CatalogError

FORMAT_VERSION = 1
PROBLEM_KINDS = ("code", "symbolic", "choice", "numeric")
ANSWER_KINDS = tuple(k for k in KINDS if k not in CODE_KINDS)
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
KEY_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_YAML_DEPTH = 64         # libyaml's composer recurses in C and crashes somewhere below 100 000 levels
MAX_YAML_VALUES = 200_000   # after aliases are expanded; the real catalog has about 10 000
LANGS = ("ja", "en")


@dataclass(frozen=True)
class Text:
    """A text in Japanese and English."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class CheckSpec:
    """One check of a problem: its kind, name, points and parameters (the kind's frozen `Params`
    dataclass, validated when the catalog was loaded)."""

    kind: str
    name: str
    points: float
    params: object = field(default=None, hash=False, compare=False)


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
    hints_ja: tuple[str, ...]
    hints_en: tuple[str, ...]
    checks: tuple[CheckSpec, ...]
    timeout: float = 10.0
    variables: dict = field(default_factory=dict, hash=False, compare=False)
    integral: tuple[str, ...] = ()
    distinct: tuple[str, ...] = ()

    def hints(self, lang: str) -> tuple[str, ...]:
        return self.hints_ja if lang == "ja" else self.hints_en

    @property
    def is_code(self) -> bool:
        return self.kind == "code"

    @property
    def parts(self) -> tuple[str, ...]:
        """Answer keys of a symbolic/choice/numeric problem, in order."""
        seen: list[str] = []
        for check in self.checks:
            part = getattr(check.params, "part", None)
            if part and part not in seen:
                seen.append(part)
        return tuple(seen)


@dataclass(frozen=True)
class Catalog:
    """All problems, in catalog order. From the cache, `problems` decodes each problem when it is first
    used (_CachedProblems): `drill next`, `show` and `hint` need one or two of them."""

    format_version: int
    problems: Sequence[Problem]
    ids: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self):
        if not self.ids:
            object.__setattr__(self, "ids", tuple(p.id for p in self.problems))

    def get(self, problem_id: str) -> Problem | None:
        try:
            return self.problems[self.ids.index(problem_id)]
        except ValueError:
            return None


class _Entry:
    """Validation context: raises CatalogError naming the file, the entry and the key."""

    def __init__(self, source: str, label: str):
        self.source = source
        self.label = label

    def fail_at(self, key_and_what: str):
        """Raise with a message that already joins the key and what is wrong ('x.y: expected …')."""
        prefix = f"{self.source}: {self.label}: " if self.label else f"{self.source}: "
        raise CatalogError(f"{prefix}{key_and_what}")

    def fail(self, key: str, what: str):
        if not key:
            raise CatalogError(f"{self.source}: {self.label} {what}" if self.label else f"{self.source}: {what}")
        prefix = f"{self.source}: {self.label}: " if self.label else f"{self.source}: "
        raise CatalogError(f"{prefix}{key} {what}")

    def text(self, data: dict, key: str) -> Text:
        value = data.get(key)
        if not isinstance(value, dict):
            self.fail(key, "is missing or not a mapping with ja and en")
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.fail(f"{key}.{lang}", "is missing or empty")
        return Text(value["ja"].strip(), value["en"].strip())

    def string(self, data: dict, key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "is missing or not a non-empty string")
        return value

    def number(self, data: dict, key: str, default=None, label: str = "") -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
            self.fail(label or key, "is missing or not a non-negative number")
        return value


def _shown(value, limit: int = 60) -> str:
    """A value as an error message quotes it: its repr, on one line, cut to `limit` characters."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def parse(data, source: str = "problems.yaml") -> Catalog:
    """Validate already-loaded YAML data and build the Catalog."""
    top = _Entry(source, "")
    if not isinstance(data, dict):
        top.fail("", "must be a mapping with format_version and problems")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        top.fail("format_version", "is missing or not an integer")
    if version > FORMAT_VERSION:
        top.fail("", f"format_version {_shown(version)} is newer than this drill reads ({FORMAT_VERSION}). "
                     f"Upgrade drill: python -m pip install -U .")
    if version < FORMAT_VERSION:
        top.fail("", f"format_version {_shown(version)} is older than this drill reads ({FORMAT_VERSION}). "
                     f"Re-create the workspace with drill init, or use an older drill.")
    entries = data.get("problems")
    if not isinstance(entries, list) or not entries:
        top.fail("problems", "is missing or not a non-empty list")
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, raw in enumerate(entries):
        problems.append(_problem(raw, index, source, seen))
    known = {p.id for p in problems}
    for problem in problems:
        for req in problem.requires:
            if req not in known:
                _Entry(source, f"problem '{problem.id}'").fail("requires", f"names unknown problem {_shown(req)}")
            if req == problem.id:
                _Entry(source, f"problem '{problem.id}'").fail("requires", "names the problem itself")
    return Catalog(version, tuple(problems))


def _problem(raw, index: int, source: str, seen: set[str]) -> Problem:
    entry = _Entry(source, f"problems[{index}]")
    if not isinstance(raw, dict):
        entry.fail("", "is not a mapping")
    pid = raw.get("id")
    if not isinstance(pid, str) or not ID_PATTERN.fullmatch(pid):
        entry.fail("id", "is missing or not lower_snake_case")
    entry = _Entry(source, f"problem '{pid}'")
    if pid in seen:
        entry.fail("id", "is used twice")
    seen.add(pid)
    kind = raw.get("kind")
    if kind not in PROBLEM_KINDS:
        entry.fail("kind", f"{_shown(kind)} is not one of {', '.join(PROBLEM_KINDS)}")
    area = raw.get("area")
    if isinstance(area, bool) or area not in (1, 2, 3, 4, 5):
        entry.fail("area", "must be a syllabus area 1 to 5")
    hints = raw.get("hints")
    if not isinstance(hints, dict):
        entry.fail("hints", "is missing or not a mapping with ja and en lists")
    tiers = {}
    for lang in LANGS:
        value = hints.get(lang)
        if not isinstance(value, list) or not value or not all(isinstance(h, str) and h.strip() for h in value):
            entry.fail(f"hints.{lang}", "is missing, empty, or has an empty hint")
        tiers[lang] = tuple(h.strip() for h in value)
    if len(tiers["ja"]) != len(tiers["en"]):
        entry.fail("hints", "must have as many ja tiers as en tiers")
    requires = raw.get("requires", [])
    if not isinstance(requires, list) or not all(isinstance(r, str) for r in requires):
        entry.fail("requires", "is not a list of problem ids")
    variables, integral, distinct = _variables(raw, entry)
    checks = _checks(raw.get("checks"), kind, entry, tuple(variables))
    points = entry.number(raw, "points")
    total = sum(c.points for c in checks)
    if abs(total - points) > 1e-9:
        entry.fail("points", f"is {points:g} but the checks' points add up to {total:g}")
    timeout = entry.number(raw, "timeout", 10.0)
    if timeout <= 0:
        entry.fail("timeout", "must be positive")
    file = entry.string(raw, "file")
    if kind == "code" and not file.endswith(".py"):
        entry.fail("file", "of a code problem must be a .py file")
    return Problem(
        id=pid, topic=entry.string(raw, "topic"), area=area, kind=kind,
        title=entry.text(raw, "title"), statement=entry.text(raw, "statement"),
        points=points, file=file, solution=entry.string(raw, "solution"),
        requires=tuple(requires), hints_ja=tiers["ja"], hints_en=tiers["en"],
        checks=checks, timeout=float(timeout), variables=variables, integral=integral,
        distinct=distinct,
    )


def _variables(raw: dict, entry: _Entry) -> tuple[dict, tuple[str, ...], tuple[str, ...]]:
    """`variables: {H: [24, 40]}` (inclusive integer ranges), `integral: [expr, ...]` (must be whole
    numbers) and `distinct: [expr, ...]` (must differ pairwise, so each wrong answer is recognisable)."""
    variables = raw.get("variables", {}) or {}
    if not isinstance(variables, dict):
        entry.fail("variables", "is not a mapping of name: [low, high]")
    result = {}
    for name, bounds in variables.items():
        ok = (isinstance(name, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name) and isinstance(bounds, list)
              and len(bounds) == 2 and all(isinstance(b, int) and not isinstance(b, bool) for b in bounds)
              and bounds[0] <= bounds[1])
        if not ok:
            key = f"variables.{name}" if isinstance(name, str) and KEY_PATTERN.fullmatch(name) else \
                f"variables[{_shown(name)}]"
            entry.fail(key, "must be [low, high] with integers low <= high")
        result[name] = (bounds[0], bounds[1])
    lists = []
    for key in ("integral", "distinct"):
        items = raw.get(key, []) or []
        if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
            entry.fail(key, "is not a list of expressions")
        if items and not result:
            entry.fail(key, "needs variables")
        lists.append(tuple(items))
    return result, lists[0], lists[1]


def _checks(raw, kind: str, entry: _Entry, variables: tuple[str, ...] = ()) -> tuple[CheckSpec, ...]:
    if not isinstance(raw, list) or not raw:
        entry.fail("checks", "is missing or not a non-empty list")
    allowed = CODE_KINDS if kind == "code" else ANSWER_KINDS
    result: list[CheckSpec] = []
    names: set[str] = set()
    for i, item in enumerate(raw):
        key = f"checks[{i}]"
        if not isinstance(item, dict):
            entry.fail(key, "is not a mapping")
        ckind = item.get("kind")
        if ckind not in KINDS:
            entry.fail(f"{key}.kind", f"{_shown(ckind)} is not one of {', '.join(KINDS)}")
        if ckind not in allowed:
            entry.fail(f"{key}.kind", f"'{ckind}' does not fit a {kind} problem (use {', '.join(allowed)})")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            entry.fail(f"{key}.name", "is missing")
        if name in names:
            entry.fail(f"{key}.name", f"{_shown(name)} is used twice")
        names.add(name)
        points = entry.number(item, "points", label=f"{key}.points")
        params = item.get("params", {})
        if not isinstance(params, dict):
            entry.fail(f"{key}.params", "is not a mapping")
        from grader.checks import kind as kind_of

        earlier = tuple(p for c in result if (p := getattr(c.params, "part", None)))
        try:
            parsed = kind_of(ckind).parse(params, Context(variables, earlier))
        except ParamError as exc:
            entry.fail_at(f"{key}.params.{exc.key}{exc.what}")
        result.append(CheckSpec(ckind, name, points, parsed))
    return tuple(result)


def _cache_key(path: Path) -> list | None:
    """What a cached catalog must match: the file (path, mtime, size) and the code that validated it."""
    from grader import __version__
    from grader import checks

    try:
        stat = Path(path).stat()
        # a maintainer's edit of the rules (this module, the check kinds) must not leave an old verdict standing
        code = [[s.st_mtime_ns, s.st_size] for s in map(os.stat, (__file__, checks.__file__))]
    except OSError:
        return None
    return [str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size, __version__, FORMAT_VERSION,
            SCHEMA_VERSION, code]


def load(path: Path, cache_dir: Path | None = None) -> Catalog:
    """Read and validate problems.yaml at `path`. With `cache_dir`, the validated catalog is kept as JSON
    keyed by the file's path, mtime and size, so later runs skip the YAML parser and the validation."""
    path = Path(path)
    key = _cache_key(path) if cache_dir is not None else None
    cache_file = Path(cache_dir) / "catalog.jsonl" if cache_dir is not None else None
    if key is not None:
        try:
            lines = cache_file.read_bytes().split(b"\n")
            head = json.loads(lines[0])
            if head.get("key") == key and len(lines) == len(head["ids"]) + 1:
                return Catalog(head["format_version"], _CachedProblems(lines[1:], path), tuple(head["ids"]))
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            pass
    catalog = parse(_load_yaml(path), path.name)
    if key is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(_to_cache(catalog, key), encoding="utf-8")
            os.replace(tmp, cache_file)
        except (OSError, TypeError, ValueError):
            pass  # a read-only workspace, or check params JSON cannot hold (a YAML date): no cache
    return catalog


TUPLE_FIELDS = ("requires", "hints_ja", "hints_en", "integral", "distinct")


def _to_cache(catalog: Catalog, key: list) -> str:
    """The cache file: a line with the key and the ids, then one line per problem (JSON escapes every
    newline inside a value), so that a command decodes only the problems it uses."""
    from dataclasses import asdict

    head = {"key": key, "format_version": catalog.format_version, "ids": catalog.ids}
    return "\n".join(json.dumps(item, ensure_ascii=False) for item in (head, *map(asdict, catalog.problems)))


def _problem_from_cache(fields: dict) -> Problem:
    """A Problem from its line in the cache, not validated again: parse() did, before it was stored."""
    fields.update({name: tuple(fields[name]) for name in TUPLE_FIELDS},
                  title=Text(**fields["title"]), statement=Text(**fields["statement"]),
                  checks=tuple(_check_from_cache(**check) for check in fields["checks"]),
                  variables={name: tuple(bounds) for name, bounds in fields["variables"].items()})
    return Problem(**fields)


def _check_from_cache(kind: str, name: str, points: float, params: dict) -> CheckSpec:
    """A CheckSpec from the cache: its parameters rebuilt by type, not validated again."""
    from grader.checks import kind as kind_of
    from grader.checks.schema import parse

    return CheckSpec(kind, name, points, parse(kind_of(kind).params, params, ""))


class _CachedProblems(Sequence):
    """The problems of a cached catalog, each decoded from its line when first asked for."""

    def __init__(self, lines: list[bytes], path: Path):
        self._lines = lines
        self._path = path
        self._decoded: list[Problem | None] = [None] * len(lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(len(self))[index])
        problem = self._decoded[index]
        if problem is None:
            try:
                problem = _problem_from_cache(json.loads(self._lines[index]))
            except (ValueError, AttributeError, KeyError, TypeError, ParamError):  # a damaged cache: as if missing
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
        raise CatalogError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path.name}: cannot be read ({exc})") from None
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
        raise CatalogError(f"{path.name}: not valid YAML{_where(exc, text)}: {_problem_of(exc)}") from None
    except RecursionError:
        raise CatalogError(f"{path.name}: not valid YAML: nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - a tag's constructor failing: !!int x, 2001-13-45, a 5000-digit int
        reason = str(exc).split(";")[0] or type(exc).__name__
        raise CatalogError(f"{path.name}: not valid YAML: a value cannot be read ({reason})") from None
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

    expanded: dict[str, int] = {}   # anchor: how many values it stands for
    stack = [[None, 0]]              # open collections: [anchor, values so far]
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 0])
            if len(stack) > MAX_YAML_DEPTH + 1:
                _refuse(name, event, f"nested deeper than {MAX_YAML_DEPTH} levels")
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, count = stack.pop()
            count += 1
        elif isinstance(event, yaml.ScalarEvent):
            anchor, count = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            if any(open_anchor == event.anchor for open_anchor, _ in stack):
                _refuse(name, event, f"the alias *{event.anchor} is inside its own anchor &{event.anchor}")
            anchor, count = None, expanded.get(event.anchor, 1)  # an unknown anchor: the loader says so
        else:
            continue
        if anchor is not None:
            expanded[anchor] = count
        stack[-1][1] += count
        if stack[-1][1] > MAX_YAML_VALUES:
            _refuse(name, event, f"more than {MAX_YAML_VALUES} values once aliases are expanded (a YAML bomb?); "
                                 f"use fewer aliases")


def _check_bounded_or_invalid(text: str, name: str) -> None:
    """Our own refusal of `text` if the pure-Python parser reaches one before the file's error."""
    import yaml

    try:
        _check_bounded(text, yaml.SafeLoader, name)
    except (yaml.YAMLError, RecursionError):
        pass


def _refuse(name: str, event, why: str):
    mark = event.start_mark
    raise CatalogError(f"{name}: refused at line {mark.line + 1}, column {mark.column + 1}: {why}")
