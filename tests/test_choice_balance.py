"""The catalog's choice parts cannot be answered without the material: right letters spread evenly,
the right option seldom the longest, no explanation tied to a letter the mock exam reshuffles, and
every form the exam prints (wrong statement, combination, a listing with several blanks)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from grader import catalog, terminal
from grader.checks.choice import option_text

REPO = Path(__file__).resolve().parent.parent
CATALOG = catalog.load(REPO / "problems.yaml")
CHOICES = [(p, c.params) for p in CATALOG.problems for c in p.checks if c.kind == "choice"]
LETTER = re.compile(r"選択肢\s?[A-H](?![A-Za-z])|\b[Oo]ptions?\s[A-H]\b")


def test_right_letters_are_each_a_fifth_to_three_tenths_of_the_parts():
    letters = Counter(params.answer for _, params in CHOICES)
    shares = {letter: letters[letter] / len(CHOICES) for letter in "ABCD"}
    assert all(0.20 <= share <= 0.30 for share in shares.values()), shares


def test_the_right_option_is_the_longest_in_at_most_two_parts_of_five():
    """Longest or tied for longest, by display width, in Japanese or in English (a learner reads one)."""
    judged = [params for _, params in CHOICES if params.form != "combination"]  # picks all look alike

    def longest(params) -> bool:
        for lang in ("ja", "en"):
            widths = {k: terminal.display_width(option_text(params, k, lang)) for k in params.options}
            if widths[params.answer] >= max(widths.values()):
                return True
        return False

    share = sum(map(longest, judged)) / len(judged)
    assert share <= 0.40, f"{share:.0%}"


def test_no_explanation_names_an_option_by_a_letter_the_exam_reshuffles():
    found = []
    for problem, params in CHOICES:
        texts = [problem.explanation] if problem.explanation else []
        texts += list(params.explain.values())
        for text in texts:
            for lang in ("ja", "en"):
                if LETTER.search(text.get(lang)):
                    found.append(f"{problem.id}.{params.part} ({lang}): {LETTER.search(text.get(lang)).group(0)}")
    assert sorted(set(found)) == []


def test_the_catalog_asks_in_every_form_the_exam_prints():
    forms = Counter(params.form for _, params in CHOICES)
    assert forms["wrong"] >= 2 and forms["combination"] >= 2, forms
    listings = [
        p
        for p in CATALOG.problems
        if sum(c.kind == "choice" for c in p.checks) >= 3
        and all(m in p.statement.ja for m in ("（ア）", "（イ）", "（ウ）"))
    ]
    assert listings, "no code listing with three or more blanks"
