"""Mutate the mini course's problems.yaml and run `drill list` on it: every broken catalog gives exit 2
and exactly one `Error:` line (naming the entry and the key, where one entry's key was broken), never a
traceback; a YAML bomb or deep nesting is refused fast, in bounded memory.

Examples (derandomized): 150 + 120 + 100 + 60 + 150 + 80 + 30, and for check parameters 150 + 60 + 100,
plus every answer-kind parameter set to each of 39 fixed values.
"""

from __future__ import annotations

import copy
import math
import tempfile
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from grader.catalog import MAX_YAML_DEPTH, MAX_YAML_VALUES, PROBLEM_KINDS
from grader.checks import CODE_KINDS, KINDS
from grader.cli import main
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "fixtures" / "mini_course" / "problems.yaml"
TEXT = SOURCE.read_text(encoding="utf-8")
RAW = yaml.safe_load(TEXT)
PROBLEMS = RAW["problems"]
REQUIRED = (
    "id",
    "topic",
    "syllabus",
    "refs",
    "explanation",
    "kind",
    "title",
    "statement",
    "points",
    "file",
    "solution",
    "hints",
    "checks",
)
NAN, INF = math.nan, math.inf
TEXTS = [None, 0, 1.5, True, "", "t", [], ["t"], {}, {"ja": "t"}, {"ja": "", "en": "t"}, {"ja": ["t"], "en": "t"}]
WRONG = {  # per key: values of a wrong type, or of the right type but invalid
    "id": [None, 0, 1.5, True, [], ["mc_x"], {}, {"a": 1}, "", "Bad Id", "mc_pass\n", "1abc", "mc-x"],
    "topic": [None, 0, 1.5, True, [], ["mc"], {}, {"a": 1}, "", "  "],
    "area": [None, 0, 6, 1.5, True, "3", [], [3], {}, {"a": 1}],  # none is its first syllabus item's
    "syllabus": [None, 0, "3-1-1", [], [3], ["9-9-9"], ["3-1-1", "3-1-1"], {}, [None], [["3-1-1"]], ["3-1"]],
    "refs": [
        None,
        0,
        "r",
        [],
        [None],
        [{}],
        [{"book": 3, "section": "1"}],
        [{"book": True, "section": "1"}],
        [{"book": 1}],
        [{"book": 1, "section": 5}],
        [{"book": 1, "section": "x"}],
        [{"book": 1, "section": "1", "page": 3}],
        [{"paper": ""}],
        [{"paper": 1}],
        [{"paper": "a", "doc": "b"}],
    ],
    "explanation": TEXTS,
    "kind": [None, 0, 1.5, True, "", "essay", "Code", [], ["code"], {}, {"code": 1}],
    "title": TEXTS,
    "statement": TEXTS,
    "points": [None, -1, "3", True, [], [3], {}, {"a": 1}, NAN, INF, 1000],
    "file": [None, 0, 1.5, True, "", [], ["f"], {}, {"a": 1}],
    "solution": [None, 0, 1.5, True, "", [], ["f"], {}, {"a": 1}],
    "hints": [
        None,
        0,
        "h",
        [],
        ["h"],
        {},
        {"ja": ["h"]},
        {"ja": [], "en": []},
        {"ja": ["h"], "en": ["h", "i"]},
        {"ja": [""], "en": ["h"]},
        {"ja": "h", "en": "h"},
        {"ja": [1], "en": ["h"]},
    ],
    "checks": [None, 0, "c", [], {}, {"kind": "cases"}, ["c"], [None], [[]]],
    "requires": [None, "mc_pass", 0, {}, [1], [None], ["nope"], [["mc_pass"]]],
    "timeout": [None, "1", True, [], {}, 0, -1, NAN, INF, [1]],
}
CHECK_WRONG = {
    "kind": [None, 0, "", "gradchek", "Cases", [], {}, ["cases"]],
    "name": [None, 0, "", "  ", [], {}, ["n"]],
    "points": [None, -1, "1", True, [], {}, NAN, INF],
    "params": [None, "p", [], 3, True, ["part"]],
}
ANSWER_PARAMS_WRONG = [{}, {"part": "1x"}, {"part": "a\n"}, {"part": None}, {"part": ["d"]}, {"part": ""}]


def _drill_list(text: str | bytes, root: Path):
    """`drill list` in a fresh workspace holding `text` as problems.yaml (a fresh path: no stale cache)."""
    ws = Path(tempfile.mkdtemp(dir=root))
    (ws / "problems.yaml").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return CliRunner().invoke(main, ["--workspace", str(ws), "list"], catch_exceptions=False)


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _one_error_line(result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stdout == ""
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    line = result.stderr.rstrip("\n")
    assert line.startswith("Error: problems.yaml") and "Traceback" not in line, line
    return line


def _named(index: int, key: str) -> str:
    """How the error line starts when problems[index]'s `key` is what is broken."""
    if key == "id":
        return f"Error: problems.yaml: problems[{index}]: id "
    return f"Error: problems.yaml: problem '{PROBLEMS[index]['id']}': {key}"


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("catalogs")


FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
problem_index = st.integers(min_value=0, max_value=len(PROBLEMS) - 1)


def test_the_unmutated_catalog_lists(root):
    result = _drill_list(TEXT, root)
    assert result.exit_code == 0 and result.stderr == ""
    assert [line.split()[0] for line in result.stdout.splitlines()[2 : 2 + len(PROBLEMS)]] == [
        p["id"] for p in PROBLEMS
    ]


@settings(FUZZ, max_examples=150)
@given(index=problem_index, data=st.data())
def test_a_wrong_value_names_entry_and_key(root, index, data):
    key = data.draw(st.sampled_from(sorted(WRONG)), label="key")
    value = data.draw(st.sampled_from(WRONG[key]), label="value")
    broken = copy.deepcopy(RAW)
    broken["problems"][index][key] = value
    line = _one_error_line(_drill_list(_dump(broken), root))
    assert line.startswith(_named(index, key)), line


@settings(FUZZ, max_examples=120)
@given(index=problem_index, data=st.data())
def test_a_missing_key_names_entry_and_key(root, index, data):
    broken = copy.deepcopy(RAW)
    entry = broken["problems"][index]
    path = data.draw(
        st.sampled_from(
            [(k,) for k in REQUIRED] + [(k, lang) for k in ("title", "statement", "hints") for lang in ("ja", "en")]
        ),
        label="key",
    )
    if len(path) == 1:
        del entry[path[0]]
    else:
        del entry[path[0]][path[1]]
    line = _one_error_line(_drill_list(_dump(broken), root))
    assert line.startswith(_named(index, ".".join(path))), line


@settings(FUZZ, max_examples=100)
@given(index=problem_index, data=st.data())
def test_a_broken_check_names_entry_and_check(root, index, data):
    broken = copy.deepcopy(RAW)
    entry = broken["problems"][index]
    position = data.draw(st.integers(min_value=0, max_value=len(entry["checks"]) - 1), label="check")
    check = entry["checks"][position]
    key = data.draw(st.sampled_from(sorted(CHECK_WRONG)), label="key")
    answer_kind = check["kind"] not in CODE_KINDS
    if data.draw(st.booleans(), label="delete"):
        assume(key != "params" or answer_kind)  # a code check may leave params out
        del check[key]
    else:
        wrong = CHECK_WRONG[key] + (ANSWER_PARAMS_WRONG if key == "params" and answer_kind else [])
        wrong += ["cases" if answer_kind else "symbolic"] if key == "kind" else []  # real, but not for this problem
        check[key] = data.draw(st.sampled_from(wrong), label="value")
    line = _one_error_line(_drill_list(_dump(broken), root))
    assert line.startswith(_named(index, f"checks[{position}].{key}")), line


@settings(FUZZ, max_examples=60)
@given(first=problem_index, second=problem_index, kind=st.text(min_size=1, max_size=12))
def test_duplicate_ids_and_unknown_kinds_are_named(root, first, second, kind):
    assume(first != second)
    broken = copy.deepcopy(RAW)
    broken["problems"][second]["id"] = PROBLEMS[first]["id"]
    line = _one_error_line(_drill_list(_dump(broken), root))
    assert line == f"Error: problems.yaml: problem '{PROBLEMS[first]['id']}': id is used twice"
    assume(kind not in PROBLEM_KINDS and kind not in KINDS)
    broken = copy.deepcopy(RAW)
    broken["problems"][first]["kind"] = kind
    broken["problems"][second]["checks"][0]["kind"] = kind
    line = _one_error_line(_drill_list(_dump(broken), root))
    assert line.startswith(_named(min(first, second), "kind" if first < second else "checks[0].kind")), line


corruption = st.one_of(
    st.tuples(st.just("truncate"), st.integers(min_value=0, max_value=len(TEXT)), st.just("")),
    st.tuples(
        st.just("insert"),
        st.integers(min_value=0, max_value=len(TEXT)),
        st.one_of(
            st.text(max_size=8),
            st.sampled_from(
                [
                    "\t",
                    ":",
                    "- ",
                    "[",
                    "{",
                    "&a",
                    "*a",
                    "*zz",
                    "!!int x",
                    "!!python/object:os.system",
                    "\x00",
                    "\ufeff",
                    "\n  ",
                ]
            ),
        ),
    ),
    st.tuples(st.just("drop_line"), st.integers(min_value=0, max_value=TEXT.count("\n")), st.just("")),
    st.tuples(st.just("bytes"), st.integers(min_value=0, max_value=len(TEXT)), st.binary(min_size=1, max_size=4)),
)


def _corrupt(how: str, at: int, what) -> str | bytes:
    if how == "truncate":
        return TEXT[:at]
    if how == "insert":
        return TEXT[:at] + what + TEXT[at:]
    if how == "drop_line":
        lines = TEXT.split("\n")
        return "\n".join(lines[:at] + lines[at + 1 :])
    data = TEXT.encode("utf-8")
    return data[:at] + what + data[at:]


@settings(FUZZ, max_examples=150)
@given(change=corruption)
def test_corrupt_text_lists_or_gives_one_error_line(root, change):
    result = _drill_list(_corrupt(*change), root)
    if result.exit_code == 0:  # a cut or an insert may leave a valid catalog
        assert result.stderr == "" and result.stdout
    else:
        _one_error_line(result)


shapes = st.one_of(
    st.sampled_from(
        [
            "[1, 2]",
            "hello",
            "42",
            "null",
            "~",
            "",
            "---\n...",
            "[]",
            "{}",
            "!!set {a, b}",
            "- a\n- b",
            "format_version: 1",
            "problems: []",
            "format_version: 1\nproblems: {}",
            "format_version: 1\nproblems: [[]]",
            "format_version: 1\nproblems: [null]",
            "format_version: !!float x\nproblems: []",
            "format_version: 2001-13-45\nproblems: []",
            "format_version: " + "9" * 5000 + "\nproblems: []",
            "format_version: &a [*a]\nproblems: []",
            "format_version: 1\nproblems: *missing",
        ]
    ),
    st.integers(min_value=MAX_YAML_DEPTH, max_value=200_000).map(
        lambda n: "format_version: 1\nproblems: " + "[" * n + "]" * n
    ),
    st.integers(min_value=MAX_YAML_DEPTH, max_value=50_000).map(
        lambda n: "format_version: 1\nproblems: " + "{a: " * n + "1" + "}" * n
    ),
)


@settings(FUZZ, max_examples=80)
@given(text=shapes)
def test_wrong_shapes_give_one_error_line(root, text):
    _one_error_line(_drill_list(text, root))


def _bomb(width: int, levels: int, where: str) -> str:
    anchors = (
        "x-lol:\n  - &l0 ["
        + ", ".join(["lol"] * width)
        + "]\n"
        + "".join(f"  - &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]\n" for i in range(1, levels))
    )
    text = TEXT.replace("format_version: 1\n", "format_version: 1\n" + anchors, 1)
    if where == "params":  # inside a check that is otherwise valid, where only the JSON cache would walk it
        return text.replace(
            "        params:\n          part: d\n",
            f"        params:\n          lol: *l{levels - 1}\n          part: d\n",
            1,
        )
    return text


@settings(FUZZ, max_examples=30)
@given(
    width=st.integers(min_value=2, max_value=12),
    levels=st.integers(min_value=2, max_value=12),
    where=st.sampled_from(["top", "params"]),
)
def test_an_alias_bomb_is_refused_fast_in_bounded_memory(root, width, levels, where):
    expanded = sum(width**k for k in range(1, levels + 1))  # the values the aliases stand for
    if where == "params":
        expanded += width**levels  # the check's alias to the deepest anchor stands for all of it once more
    text = _bomb(width, levels, where)
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = _drill_list(text, root)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5.0
    assert peak < 50_000_000
    if expanded > 2 * MAX_YAML_VALUES:
        line = _one_error_line(result)
        assert line.startswith("Error: problems.yaml: refused at line ")
        assert line.endswith(
            f"more than {MAX_YAML_VALUES} values once aliases are expanded (a YAML bomb?); use fewer aliases"
        ), line
    elif expanded < MAX_YAML_VALUES // 2 and where == "top":
        assert result.exit_code == 0, result.output
    elif expanded < MAX_YAML_VALUES // 2:  # read in full, then refused as a parameter the kind does not have
        assert _one_error_line(result).startswith(
            "Error: problems.yaml: problem 'mc_symbolic': checks[0].params.lol is not a parameter here"
        ), result.output


def test_a_bomb_that_would_expand_to_a_billion_is_refused(root):
    started = time.monotonic()
    line = _one_error_line(_drill_list(_bomb(10, 9, "params"), root))
    assert time.monotonic() - started < 2.0
    assert line == (
        "Error: problems.yaml: refused at line 9, column 15: more than 200000 values once aliases "
        "are expanded (a YAML bomb?); use fewer aliases"
    )


# --- check parameters: each kind's own, validated at load (grader/checks/schema.py) ---

PARAMS_WRONG = {  # kind -> key -> values its parameters must refuse
    "symbolic": {
        "part": [None, 0, "", "1d", ["d"]],
        "expected": [None, [], {}, True, "2*(x +", "2*z", "x.y"],
        "symbols": [None, [], "x", {"x": [2, -2]}, {"x": [1]}, {"x": ["a", "b"]}, {"1x": [0, 1]}],
        "matrices": [[], {"A": []}, {"A": [0, 2]}, {"A": 3}, {"A": [1.5]}],
        "define": [[], {"t": None}, {"t": "x +"}],
        "uses": ["d", [1], ["zz"]],
        "functions": ["exp", [1], ["nope"]],
        "forbid": [[], {"t": "no"}, {"t": {"ja": "a"}}],
        "wrong": [
            {},
            "x",
            [1],
            [{"expr": "x"}],
            [{"expr": "x +", "ja": "a", "en": "b"}],
            [{"expr": "x", "ja": "a", "en": "b", "shapes": 3}],
        ],
    },
    "choice": {
        "part": [None, 1, "a b"],
        "answer": [None, 1, [], "Z"],
        "options": [None, [], {}, {"A": "only one"}, "AB", {"A": ["x"], "B": "y"}],
        "explain": [[], {"B": "x"}, {"Z": {"ja": "a", "en": "b"}}, {"B": {"en": "b"}}],
    },
    "numeric": {
        "part": [None, "-"],
        "answer": [None, [], True, "a +", "q + 1", {"v": 1}],
        "rtol": ["tight", -1.0, NAN, INF, True, []],
        "tol": ["0", -1e-9],
        "wrong": [{}, "x", [1], [{"value": 1}], [{"value": "a +", "ja": "a", "en": "b"}]],
    },
    "cases": {"rtol": ["tight", True, [], NAN], "atol": ["0", {}]},
}
KIND_AT = {
    kind: next((i, j) for i, p in enumerate(PROBLEMS) for j, c in enumerate(p["checks"]) if c["kind"] == kind)
    for kind in PARAMS_WRONG
}
ANSWER = {"symbolic": "2*(x + y)", "choice": "A", "numeric": "40"}


@settings(FUZZ, max_examples=150)
@given(data=st.data())
def test_a_wrong_parameter_names_entry_check_and_key(root, data):
    kind = data.draw(st.sampled_from(sorted(PARAMS_WRONG)), label="kind")
    key = data.draw(st.sampled_from(sorted(PARAMS_WRONG[kind])), label="key")
    value = data.draw(st.sampled_from(PARAMS_WRONG[kind][key]), label="value")
    index, position = KIND_AT[kind]
    broken = copy.deepcopy(RAW)
    broken["problems"][index]["checks"][position].setdefault("params", {})[key] = value
    line = _one_error_line(_drill_list(_dump(broken), root))
    assert line.startswith(_named(index, f"checks[{position}].params.{key}")), line


@settings(FUZZ, max_examples=60)
@given(data=st.data(), key=st.from_regex(r"[a-z_][a-z0-9_]{0,11}", fullmatch=True))
def test_a_misspelt_parameter_is_named_with_the_known_ones(root, data, key):
    kind = data.draw(st.sampled_from(sorted(PARAMS_WRONG)), label="kind")
    index, position = KIND_AT[kind]
    import dataclasses

    from grader.checks import kind as kind_of

    known = [f.name for f in dataclasses.fields(kind_of(kind).params)]
    assume(key not in known)
    broken = copy.deepcopy(RAW)
    broken["problems"][index]["checks"][position].setdefault("params", {})[key] = 1
    line = _one_error_line(_drill_list(_dump(broken), root))
    assert line == (
        f"{_named(index, f'checks[{position}].params.{key}')} is not a parameter here (known: {', '.join(known)})"
    ), line


FORMULAS = [
    "",
    "x",
    "2*(x + y)",
    "a + b",
    "A",
    "B",
    "1e999",
    "x^x^x",
    "tight",
    "ja",
    "en",
    "q",
    "2*(x +",
    "exec(x)",
    "x y",
    "10^10^10",
    "-1",
]
SHAPES = [
    None,
    True,
    0,
    -1,
    1.5,
    math.nan,
    [],
    [1],
    ["x"],
    ["x", "y"],
    [1, 2],
    [2, 1],
    [[1]],
    {},
    {"x": 1},
    {"x": [1, 2]},
    {"A": "x"},
    {"A": {"ja": "a", "en": "b"}},
    {"B": {"ja": "a", "en": "b"}},
    [{"expr": "x", "ja": "a", "en": "b"}],
    [{"value": "a", "ja": "a", "en": "b"}],
    [{"expr": "x"}],
]
ANSWER_KEYS = [
    (kind, f.name)
    for kind in sorted(ANSWER)
    for f in __import__("dataclasses").fields(__import__("grader.checks", fromlist=["kind"]).kind(kind).params)
]


def _load_then_grade(root: Path, kind: str, key: str, value) -> None:
    """`drill list` with one parameter set to `value`: refused in one line naming the check's params,
    or, when accepted, `drill grade` with an answer ends in a verdict (exit 0 or 1), never a traceback."""
    index, position = KIND_AT[kind]
    broken = copy.deepcopy(RAW)
    broken["problems"][index]["checks"][position]["params"][key] = value
    text = _dump(broken)
    listed = _drill_list(text, root)
    if listed.exit_code != 0:
        assert _one_error_line(listed).startswith(_named(index, f"checks[{position}].params")), listed.output
        return
    ws = Path(tempfile.mkdtemp(dir=root))
    (ws / "problems.yaml").write_text(text, encoding="utf-8")
    part = broken["problems"][index]["checks"][position]["params"]["part"]
    graded = CliRunner().invoke(
        main,
        ["--workspace", str(ws), "grade", PROBLEMS[index]["id"], "--answer", f"{part}={ANSWER[kind]}"],
        catch_exceptions=False,
    )
    assert graded.exit_code in (0, 1), graded.output
    assert "Traceback" not in graded.output


@pytest.mark.parametrize("kind, key", ANSWER_KEYS, ids=[f"{k}.{p}" for k, p in ANSWER_KEYS])
def test_every_parameter_with_every_shape_of_value_is_refused_or_grades(root, kind, key):
    """What the catalog accepts, the judge can use: each parameter of each answer kind, set to each
    of a fixed list of formulas and shapes of value."""
    for value in FORMULAS + SHAPES:
        _load_then_grade(root, kind, key, value)


any_value = st.recursive(
    st.one_of(
        st.sampled_from(FORMULAS), st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.floats(allow_nan=True)
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["ja", "en", "expr", "value", "A", "B", "x", "y"]), inner, max_size=3),
    ),
    max_leaves=6,
)


@settings(FUZZ, max_examples=100)
@given(data=st.data(), value=any_value)
def test_any_parameter_value_is_refused_at_load_or_grades_without_a_traceback(root, data, value):
    kind, key = data.draw(st.sampled_from(ANSWER_KEYS), label="kind.key")
    _load_then_grade(root, kind, key, value)
