"""How much of the syllabus the catalog drills, 小項目 by 小項目 (issues 16 and 17).

A problem counts for its MAIN syllabus item (the first of `syllabus:`, the one that decides its area).
An item the exam asks (scope in, mixed or unsure) needs at least 4 problems in area 4 (issue 16) and at
least 3 elsewhere (issue 17), at least 3 resp. 2 of them usable by the mock exam (answer problems:
choice, numeric, symbolic); an out-of-scope item needs one mock-exam problem (in area 4 a choice problem). SHORT lists the items
still below that, with the counts they have now: it may only shrink. The test fails when an item not
listed falls short, and when a listed item has reached its target (take it off the list) or has lost
problems.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from grader import catalog as catalog_mod
from grader.syllabus import ITEMS

REPO = Path(__file__).resolve().parent.parent
CATALOG = catalog_mod.load(REPO / "problems.yaml")

ASKED_TARGET = {4: (4, 3)}  # area -> (problems, of which usable by the mock exam); the others:
ASKED_ELSEWHERE = (3, 2)
OUT_TARGET = (1, 1)

# item -> (problems, exam-usable problems) of an item below its target (empty since issue 17)
SHORT: dict[str, tuple[int, int]] = {}

# the issues' whole-catalog figures, and what stands today while they are not reached
FIGURES = {"catalog": 260, "area4": 70, "area4_parts": 150, "exam_parts": 500}
FIGURES_NOW: dict[str, int] = {}


def _by_item() -> dict[str, list]:
    found = defaultdict(list)
    for problem in CATALOG.problems:
        found[problem.syllabus[0]].append(problem)
    return found


def _counts(problems: list) -> tuple[int, int]:
    return len(problems), sum(not p.is_code for p in problems)


def _target(item_id: str) -> tuple[int, int]:
    if not ITEMS[item_id].asked:
        return OUT_TARGET
    return ASKED_TARGET.get(int(item_id.split("-")[0]), ASKED_ELSEWHERE)


def test_the_syllabus_has_its_five_areas():
    assert sorted({int(i.split("-")[0]) for i in ITEMS}) == [1, 2, 3, 4, 5]
    assert len([i for i in ITEMS if i.startswith("4-")]) == 26


@pytest.mark.parametrize("area", [1, 2, 3, 4, 5])
def test_every_item_has_its_problems(area):
    by_item = _by_item()
    for item_id in [i for i in ITEMS if i.startswith(f"{area}-")]:
        have, target = _counts(by_item[item_id]), _target(item_id)
        reached = have[0] >= target[0] and have[1] >= target[1]
        if item_id in SHORT:
            assert not reached, f"{item_id} has {have}, its target {target}: take it off SHORT"
            assert have >= SHORT[item_id], f"{item_id} lost problems: {have} < {SHORT[item_id]}"
        else:
            assert reached, f"{item_id}: {have[0]} problems ({have[1]} for the mock exam), {target} needed"


def test_short_names_real_items():
    assert set(SHORT) <= set(ITEMS)


def test_out_of_scope_area_4_items_are_asked_by_choice():
    # elsewhere an out-of-scope item's one mock-exam problem may be numeric (1-1-1's matrix shapes)
    for item_id, problems in _by_item().items():
        if item_id.startswith("4-") and not ITEMS[item_id].asked:
            assert any(p.kind == "choice" for p in problems), f"{item_id}: no choice problem"


def test_the_catalog_figures():
    area4 = [p for p in CATALOG.problems if p.area == 4]
    now = {
        "catalog": len(CATALOG.problems),
        "area4": len(area4),
        "area4_parts": sum(len(p.parts) for p in area4 if not p.is_code),
        "exam_parts": sum(len(p.parts) for p in CATALOG.problems if not p.is_code),
    }
    for name, target in FIGURES.items():
        if name in FIGURES_NOW:
            assert now[name] < target, f"{name} reached {target}: take it off FIGURES_NOW"
            assert now[name] >= FIGURES_NOW[name], f"{name} went down: {now[name]} < {FIGURES_NOW[name]}"
        else:
            assert now[name] >= target, f"{name}: {now[name]} < {target}"


def test_drill_list_shows_an_area_4_item_s_problems(cli, tmp_path):
    ws = tmp_path / "ws"
    assert cli("init", ws).exit_code == 0
    result = cli("--workspace", ws, "list", "--syllabus", "4-2-2")
    assert result.exit_code == 0, result.output
    shown = {line.split()[0] for line in result.stdout.splitlines()[2:] if line and not line.startswith(" ")}
    assert shown == {p.id for p in CATALOG.problems if "4-2-2" in p.syllabus}
    ja = cli("--workspace", ws, "--lang", "ja", "list", "--syllabus", "4")
    assert ja.exit_code == 0
    assert len([line for line in ja.stdout.splitlines()[2:] if line and not line.startswith(" ")]) == len(
        [p for p in CATALOG.problems if any(item.startswith("4-") for item in p.syllabus)]
    )
