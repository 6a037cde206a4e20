"""Catalog loading: the real catalog is valid; each defect gets one message naming entry and key."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from grader import catalog
from grader.errors import CatalogError

REPO = Path(__file__).resolve().parent.parent
RAW = yaml.safe_load((REPO / "tests/fixtures/mini_course/problems.yaml").read_text(encoding="utf-8"))


def broken(change):
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(CatalogError) as info:
        catalog.parse(data)
    return str(info.value)


def test_real_catalog_loads_with_bilingual_texts():
    cat = catalog.load(REPO / "problems.yaml")
    assert len(cat.problems) >= 14
    for p in cat.problems:
        assert p.title.ja and p.title.en and p.statement.ja and p.statement.en
        assert len(p.hints) >= 2 and all(h.ja and h.en for h in p.hints)


def test_problems_are_frozen():
    problem = catalog.parse(RAW).problems[0]
    with pytest.raises(AttributeError):
        problem.id = "other"


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["problems"][4]["checks"][0].update(kind="gradchek"),
            "problems.yaml: problem 'mc_diagnosis': checks[0].kind 'gradchek' is not one of cases, gradcheck, training, "
            "symbolic, choice, numeric",
        ),
        (lambda d: d["problems"][1].update(id="mc_pass"), "problems.yaml: problem 'mc_pass': id is used twice"),
        (
            lambda d: d["problems"][0].pop("title"),
            "problems.yaml: problem 'mc_pass': title is missing or not a mapping with ja and en",
        ),
        (
            lambda d: d["problems"][0]["hints"].update(en=[]),
            "problems.yaml: problem 'mc_pass': hints.en is missing, empty, or has an empty hint",
        ),
        (
            lambda d: d["problems"][0].update(points=5),
            "problems.yaml: problem 'mc_pass': points is 5 but the checks' points add up to 3",
        ),
        (
            lambda d: d["problems"][0].update(kind="essay"),
            "problems.yaml: problem 'mc_pass': kind 'essay' is not one of code, symbolic, choice, numeric",
        ),
        (
            lambda d: d["problems"][0].update(requires=["nope"]),
            "problems.yaml: problem 'mc_pass': requires names unknown problem 'nope'",
        ),
        (
            lambda d: d["problems"][5]["checks"][0]["params"].pop("part"),
            "problems.yaml: problem 'mc_symbolic': checks[0].params.part is missing",
        ),
        (
            lambda d: d["problems"][5]["checks"][0]["params"].update(part="1d"),
            "problems.yaml: problem 'mc_symbolic': checks[0].params.part is not a valid answer key (letters, digits "
            "and _, not starting with a digit)",
        ),
        (
            lambda d: d["problems"][5]["checks"][0]["params"].update(expected=None),
            "problems.yaml: problem 'mc_symbolic': checks[0].params.expected: expected text or a number, got None",
        ),
        (
            lambda d: d["problems"][5]["checks"][0]["params"].update(expcted="2*x"),
            "problems.yaml: problem 'mc_symbolic': checks[0].params.expcted is not a parameter here (known: part, "
            "expected, symbols, matrices, define, uses, functions, forbid, wrong)",
        ),
        (
            lambda d: d["problems"][5]["checks"][0]["params"].update(expected="2*(x + z)"),
            "problems.yaml: problem 'mc_symbolic': checks[0].params.expected cannot be read: unknown name 'z' at "
            "position 8; allowed: x, y, sigmoid(), exp(), log(), ln(), tanh(), cosh(), sinh(), sech(), sqrt()",
        ),
        (
            lambda d: d["problems"][5]["checks"][0]["params"]["symbols"].update(x=[2, -2]),
            "problems.yaml: problem 'mc_symbolic': checks[0].params.symbols.x must be [low, high] with low < high, "
            "got [2.0, -2.0]",
        ),
        (
            lambda d: d["problems"][5]["checks"][0]["params"]["wrong"][0].pop("en"),
            "problems.yaml: problem 'mc_symbolic': checks[0].params.wrong[0].en is missing",
        ),
        (
            lambda d: d["problems"][6]["checks"][0]["params"].update(answer="C"),
            "problems.yaml: problem 'mc_choice': checks[0].params.answer is 'C', not one of the options (A, B)",
        ),
        (
            lambda d: d["problems"][6]["checks"][0]["params"]["explain"].update(B="layers"),
            "problems.yaml: problem 'mc_choice': checks[0].params.explain.B: expected a mapping, got 'layers'",
        ),
        (
            lambda d: d["problems"][7]["checks"][0]["params"].update(rtol="tight"),
            "problems.yaml: problem 'mc_numeric': checks[0].params.rtol: expected a number, got 'tight'",
        ),
        (
            lambda d: d["problems"][7]["checks"][0]["params"].update(answer="a + c"),
            "problems.yaml: problem 'mc_numeric': checks[0].params.answer cannot be read: unknown name 'c' at "
            "position 5; allowed: a, b, sigmoid(), exp(), log(), ln(), tanh(), cosh(), sinh(), sech(), sqrt()",
        ),
        (
            lambda d: d["problems"][0]["checks"][0].update(params={"rtol": "tight"}),
            "problems.yaml: problem 'mc_pass': checks[0].params.rtol: expected a number, got 'tight'",
        ),
        (
            lambda d: d["problems"][0]["checks"][0].update(params={"tolerance": 1e-6}),
            "problems.yaml: problem 'mc_pass': checks[0].params.tolerance is not a parameter here (known: rtol, atol)",
        ),
        (
            lambda d: d["problems"][0]["checks"][0].update(kind="symbolic"),
            "problems.yaml: problem 'mc_pass': checks[0].kind 'symbolic' does not fit a code problem (use cases, gradcheck, training)",
        ),
        (
            lambda d: d.update(format_version=2),
            "problems.yaml: format_version 2 is newer than this drill reads (1). Upgrade drill: python -m pip install -U .",
        ),
        (
            lambda d: d.update(format_version=0),
            "problems.yaml: format_version 0 is older than this drill reads (1). Re-create the workspace with drill init, "
            "or use an older drill.",
        ),
        (lambda d: d["problems"].append("junk"), "problems.yaml: problems[8] is not a mapping"),
    ],
)
def test_defects_are_named(change, message):
    assert broken(change) == message


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "problems.yaml"
    path.write_text("format_version: 1\nproblems:\n  - id: [\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^problems.yaml: not valid YAML at line 4, column 1:"):
        catalog.load(path)


def test_cache_skips_yaml_until_the_file_changes(tmp_path, monkeypatch):
    import sys

    path = tmp_path / "problems.yaml"
    path.write_text((REPO / "tests/fixtures/mini_course/problems.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    first = catalog.load(path, tmp_path / "cache")
    monkeypatch.setitem(sys.modules, "yaml", None)  # importing yaml now fails
    assert catalog.load(path, tmp_path / "cache").ids == first.ids
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    with pytest.raises(ImportError):
        catalog.load(path, tmp_path / "cache")


@pytest.mark.parametrize("source", ["problems.yaml", "tests/fixtures/mini_course/problems.yaml"])
def test_a_cached_catalog_equals_the_parsed_one(tmp_path, monkeypatch, source):
    import sys
    from dataclasses import asdict, replace

    path = tmp_path / "problems.yaml"
    path.write_text((REPO / source).read_text(encoding="utf-8"), encoding="utf-8")
    parsed = catalog.load(path, tmp_path / "cache")
    monkeypatch.setitem(sys.modules, "yaml", None)  # the second load can only come from the cache
    cached = catalog.load(path, tmp_path / "cache")
    assert cached.ids == parsed.ids
    last = parsed.problems[-1]
    assert cached.get(last.id) == last and cached.get("nope") is None
    assert cached == parsed and len(cached.problems) == len(parsed.problems)

    # also the fields left out of ==, and tuples stay tuples; a cached check's parameters are rebuilt
    # (as its kind's Params) when first used
    def plain(problem):
        fields = asdict(replace(problem, checks=()))
        fields["checks"] = [
            dict(
                asdict(replace(c, params=None)),
                params=asdict(c.params.resolve() if hasattr(c.params, "resolve") else c.params),
            )
            for c in problem.checks
        ]
        return fields

    assert [plain(p) for p in cached.problems] == [plain(p) for p in parsed.problems]
    assert all(not isinstance(c.params, dict) for p in cached.problems for c in p.checks)


def test_a_damaged_line_of_the_cache_is_read_from_yaml_again(tmp_path):
    path = tmp_path / "problems.yaml"
    path.write_text((REPO / "tests/fixtures/mini_course/problems.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    parsed = catalog.load(path, tmp_path / "cache")
    cache_file = tmp_path / "cache" / "catalog.jsonl"
    lines = cache_file.read_bytes().split(b"\n")
    lines[2] = lines[2][:40]
    cache_file.write_bytes(b"\n".join(lines))
    assert catalog.load(path, tmp_path / "cache").problems == parsed.problems


def test_a_cache_line_holding_another_problem_is_read_from_yaml_again(tmp_path):
    path = tmp_path / "problems.yaml"
    path.write_text((REPO / "tests/fixtures/mini_course/problems.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    parsed = catalog.load(path, tmp_path / "cache")
    cache_file = tmp_path / "cache" / "catalog.jsonl"
    first = parsed.problems[0].id
    data = cache_file.read_bytes()
    # the first problem's line names another id of the same length: the sizes still match the head
    other = first[:-1] + ("x" if first[-1] != "x" else "y")
    cache_file.write_bytes(data.replace(f'{{"id": "{first}"'.encode(), f'{{"id": "{other}"'.encode(), 1))
    cached = catalog.load(path, tmp_path / "cache")
    assert cached.ids == parsed.ids and cached.problems == parsed.problems


def test_a_cache_rewritten_after_its_head_was_read_is_not_mixed_in(tmp_path):
    import os

    path = tmp_path / "problems.yaml"
    path.write_text((REPO / "tests/fixtures/mini_course/problems.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    parsed = catalog.load(path, tmp_path / "cache")
    cached = catalog.load(path, tmp_path / "cache")  # the head is read; no problem line yet
    cache_file = tmp_path / "cache" / "catalog.jsonl"
    lines = cache_file.read_bytes().split(b"\n")
    lines[1], lines[2] = lines[2], lines[1]  # another writer's file: the lines sit elsewhere
    (tmp_path / "cache" / "other").write_bytes(b"\n".join(lines))
    os.replace(tmp_path / "cache" / "other", cache_file)
    assert cached.problems[0] == parsed.problems[0] and cached.problems[1] == parsed.problems[1]


def test_a_cache_written_under_other_validation_rules_is_not_used(tmp_path, monkeypatch):
    import sys

    path = tmp_path / "problems.yaml"
    path.write_text((REPO / "tests/fixtures/mini_course/problems.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    catalog.load(path, tmp_path / "cache")
    monkeypatch.setattr(catalog, "__file__", str(path))  # as if catalog.py had been edited since
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(ImportError):
        catalog.load(path, tmp_path / "cache")


# found by tests/hostile/test_catalog_fuzz.py
@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["problems"][0].update(points=float("nan")),
            "problems.yaml: problem 'mc_pass': points is missing or not a non-negative number",
        ),
        (
            lambda d: d["problems"][0].update(timeout=float("inf")),
            "problems.yaml: problem 'mc_pass': timeout is missing or not a non-negative number",
        ),
        (
            lambda d: d["problems"][0]["checks"][0].update(points="3"),
            "problems.yaml: problem 'mc_pass': checks[0].points is missing or not a non-negative number",
        ),
        (
            lambda d: d["problems"][0].update(id="mc_pass\n"),
            "problems.yaml: problems[0]: id is missing or not lower_snake_case",
        ),
        (
            lambda d: d["problems"][0].update(kind={"code": list(range(100))}),
            "problems.yaml: problem 'mc_pass': kind {'code': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,… "
            "is not one of code, symbolic, choice, numeric",
        ),
    ],
)
def test_fuzzed_defects_are_named(change, message):
    assert broken(change) == message


def _load_text(tmp_path, text: str) -> str:
    path = tmp_path / "problems.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        catalog.load(path, tmp_path / "cache")
    return str(info.value)


@pytest.mark.parametrize(
    "text, message",
    [
        # libyaml's composer recursed in C until the process died (SIGSEGV)
        (
            "format_version: 1\nproblems: " + "[" * 100_000 + "]" * 100_000,
            "problems.yaml: refused at line 2, column 74: nested deeper than 64 levels",
        ),
        (
            "format_version: 1\nproblems: &a [*a]\n",
            "problems.yaml: refused at line 2, column 15: the alias *a is inside its own anchor &a",
        ),
        # tag constructors raised ValueError and AttributeError, not YAMLError
        (
            "format_version: !!int x\n",
            "problems.yaml: not valid YAML: a value cannot be read (invalid literal for int() with base 10: 'x')",
        ),
        (
            "format_version: 2001-13-45\n",
            "problems.yaml: not valid YAML: a value cannot be read (month must be in 1..12)",
        ),
        (
            "format_version: " + "9" * 5000 + "\n",
            "problems.yaml: not valid YAML: a value cannot be read "
            "(Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits)",
        ),
        # a control character was 'invalid YAML', without a place
        (
            "format_version: 1\nproblems:\n  - id: a\x00\n",
            "problems.yaml: not valid YAML at line 3, column 10: control characters are not allowed (U+0000)",
        ),
    ],
)
def test_yaml_that_would_crash_the_loader_is_refused(tmp_path, text, message):
    assert _load_text(tmp_path, text) == message


def test_an_alias_bomb_is_refused_before_the_json_cache_expands_it(tmp_path):
    # 10^9 values once expanded: the loader shares them, but json.dumps for the cache walked them all
    lines = ["format_version: 1", "lol:", "  - &l0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"  - &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 9)]
    message = _load_text(tmp_path, "\n".join(lines) + "\n")
    assert message == (
        "problems.yaml: refused at line 8, column 15: more than 200000 values once aliases are "
        "expanded (a YAML bomb?); use fewer aliases"
    )
    assert not (tmp_path / "cache").exists()


def test_the_issues_example_is_one_error_line_with_exit_2(tmp_path):
    """A mistyped parameter of a real code problem's check: named by entry and key, no traceback."""
    from click.testing import CliRunner
    from grader.cli import main

    data = yaml.safe_load((REPO / "problems.yaml").read_text(encoding="utf-8"))
    entry = next(p for p in data["problems"] if p["id"] == "affine_backward")
    entry["checks"][1]["params"] = {"tolerance": "tight"}
    (tmp_path / "problems.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["--workspace", str(tmp_path), "list"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: problems.yaml: problem 'affine_backward': checks[1].params.tolerance: expected a number, got 'tight'\n"
    )
    entry["checks"][1]["params"] = {"tolerance": 1e-7}
    (tmp_path / "problems.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert CliRunner().invoke(main, ["--workspace", str(tmp_path), "list"]).exit_code == 0


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["problems"][0].update(syllabus=["3-9-9"]),
            "problems.yaml: problem 'mc_pass': syllabus[0] '3-9-9' is not a syllabus item ID (grader/syllabus.py)",
        ),
        (
            lambda d: d["problems"][0].update(syllabus=["3-1-1", "3-1-1"]),
            "problems.yaml: problem 'mc_pass': syllabus[1] lists 3-1-1 twice",
        ),
        (
            lambda d: d["problems"][0].update(syllabus=[]),
            "problems.yaml: problem 'mc_pass': syllabus is missing or not a list of item IDs (e.g. 3-2-2)",
        ),
        (
            lambda d: d["problems"][0].update(area=4),
            "problems.yaml: problem 'mc_pass': area 4 contradicts the first syllabus item 3-1-1, of area 3 "
            "(leave area out: it follows)",
        ),
        (
            lambda d: d["problems"][0].update(refs=[{"book": 3, "section": "5"}]),
            "problems.yaml: problem 'mc_pass': refs[0] must be {book: 1 or 2, section: \"5.6.2\"} "
            "(the section a quoted number)",
        ),
        (
            lambda d: d["problems"][0].update(refs=[{"book": 1, "section": 5.6}]),
            "problems.yaml: problem 'mc_pass': refs[0] must be {book: 1 or 2, section: \"5.6.2\"} "
            "(the section a quoted number)",
        ),
        (
            lambda d: d["problems"][0].update(refs=[{"paper": "A", "doc": "B"}]),
            "problems.yaml: problem 'mc_pass': refs[0] must be a mapping with one of book, paper, doc, notes",
        ),
        (
            lambda d: d["problems"][0].update(explanation={"ja": "説明", "en": " "}),
            "problems.yaml: problem 'mc_pass': explanation.en is missing or empty",
        ),
    ],
)
def test_syllabus_refs_and_explanation_defects_are_named(change, message):
    assert broken(change) == message


def test_the_area_follows_from_the_first_syllabus_item():
    data = copy.deepcopy(RAW)
    data["problems"][0]["syllabus"] = ["4-2-2", "3-4-1"]
    problem = catalog.parse(data).problems[0]
    assert problem.area == 4 and problem.syllabus == ("4-2-2", "3-4-1")


def test_a_reference_reads_as_the_book_and_section():
    shown = [r.shown() for r in catalog.parse(RAW).problems[0].refs]
    assert [(t.ja, t.en) for t in shown] == [
        ("『ゼロから作るDeep Learning』（1 巻）5 章", "book 1 (ゼロから作るDeep Learning), chapter 5")
    ]
    two = catalog.Ref("book2", "6.2").shown()
    assert (two.ja, two.en) == (
        "『ゼロから作るDeep Learning ❷』（2 巻）6.2 節",
        "book 2 (ゼロから作るDeep Learning ❷), §6.2",
    )
