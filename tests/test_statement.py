"""A statement as the learner reads it: `<options PART>` and `<statements PART>` spelled out, the
catalog refusing options no line shows, and the mock exam's shuffled order (answer, explanations
and shared option lists follow it)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from grader import catalog, statement
from grader.errors import CatalogError

REPO = Path(__file__).resolve().parent.parent
RAW = yaml.safe_load((REPO / "tests/fixtures/mini_course/problems.yaml").read_text(encoding="utf-8"))


def with_choice(statement_text: dict, checks: list[dict]) -> dict:
    data = copy.deepcopy(RAW)
    problem = next(p for p in data["problems"] if p["id"] == "mc_choice")
    problem.update(statement=statement_text, checks=checks, points=sum(c["points"] for c in checks))
    return data


def part(name: str, answer: str, options: dict, **more) -> dict:
    letters = options if more.get("form") != "combination" else more["statements"]
    explain = {k: {"ja": f"{k} の理由。", "en": f"why {k}."} for k in letters}  # says which option it was written for
    params = {"part": name, "answer": answer, "options": options, "explain": explain, **more}
    return {"kind": "choice", "name": name, "points": 1, "params": params}


LONG = {
    "A": {
        "ja": "各ワーカーがモデル全体の複製を持ち、ミニバッチを分けて処理する",
        "en": "each worker holds a full copy and takes a share of the batch",
    },
    "B": {"ja": "各ワーカーが層の一部を持つ", "en": "each worker holds some of the layers"},
    "C": {"ja": "予測を平均する", "en": "the predictions are averaged"},
}
SHORT = {"A": "(16, 3, 3, 3)", "B": "(3, 16, 3, 3)", "C": "(16,)", "D": "448"}
PROBLEM = catalog.parse(
    with_choice(
        {
            "ja": "次に答えてください。\n  data  = データ並列\n  model = モデル並列\n    <options data>\n  shape =\n    <options shape>",
            "en": "Answer.\n  data  = data parallelism\n  model = model parallelism\n    <options data>\n  shape =\n    <options shape>",
        },
        [part("data", "A", LONG), part("model", "B", LONG), part("shape", "A", SHORT)],
    )
).get("mc_choice")


def test_options_are_spelled_out_one_per_line_or_on_one_line_when_short():
    assert statement.render(PROBLEM, "en").split("\n") == [
        "Answer.",
        "  data  = data parallelism",
        "  model = model parallelism",
        "    A) each worker holds a full copy and takes a share of the batch",
        "    B) each worker holds some of the layers",
        "    C) the predictions are averaged",
        "  shape =",
        "    A) (16, 3, 3, 3)   B) (3, 16, 3, 3)   C) (16,)   D) 448",
    ]
    assert "    A) 各ワーカーがモデル全体の複製を持ち、ミニバッチを分けて処理する" in statement.render(PROBLEM, "ja")


def test_a_combinations_statements_and_picks_read_in_each_language():
    statements = {
        "あ": {"ja": "正しい。", "en": "right."},
        "い": {"ja": "誤り。", "en": "wrong."},
        "う": {"ja": "正しい。", "en": "right."},
    }
    problem = catalog.parse(
        with_choice(
            {
                "ja": "正しいものの組み合わせは？\n<statements pick>\n<options pick>",
                "en": "Which are right?\n<statements pick>\n<options pick>",
            },
            [
                part(
                    "pick",
                    "B",
                    {"A": ["あ", "い"], "B": ["あ", "う"], "C": ["い", "う"]},
                    form="combination",
                    statements=statements,
                    correct=["あ", "う"],
                )
            ],
        )
    ).get("mc_choice")
    assert statement.render(problem, "ja").split("\n") == [
        "正しいものの組み合わせは？",
        "（あ） 正しい。",
        "（い） 誤り。",
        "（う） 正しい。",
        "A) （あ）・（い）   B) （あ）・（う）   C) （い）・（う）",
    ]
    assert statement.render(problem, "en").split("\n")[1:] == [
        "(a) right.",
        "(b) wrong.",
        "(c) right.",
        "A) (a), (b)   B) (a), (c)   C) (b), (c)",
    ]


def test_numbers_are_drawn_into_the_options_too():
    data = with_choice(
        {"ja": "{n} は？\n<options v>", "en": "{n}?\n<options v>"}, [part("v", "A", {"A": "{n} + 1", "B": "{2*n}"})]
    )
    problem_raw = next(p for p in data["problems"] if p["id"] == "mc_choice")
    problem_raw["variables"] = {"n": [3, 3]}
    problem = catalog.parse(data).get("mc_choice")
    assert statement.render(problem, "en", {"n": 3}) == "3?\nA) 3 + 1   B) 6"


@pytest.mark.parametrize(
    "text, message",
    [
        (
            {"ja": "問い", "en": "Question\n<options data>"},
            "problems.yaml: problem 'mc_choice': checks[0].params.part 'data' has its options shown nowhere: "
            "statement.ja has no line <options data>",
        ),
        (
            {"ja": "<options data>\n<options nope>", "en": "<options data>"},
            "problems.yaml: problem 'mc_choice': statement.ja has <options nope> but no such choice part",
        ),
        (
            {"ja": "<options data>\n<statements data>", "en": "<options data>"},
            "problems.yaml: problem 'mc_choice': statement.ja has <statements data> but no such choice part",
        ),
    ],
)
def test_options_no_line_shows_are_refused(text, message):
    with pytest.raises(CatalogError) as info:
        catalog.parse(with_choice(text, [part("data", "A", LONG)]))
    assert str(info.value) == message


def test_a_shuffle_moves_the_answer_and_explanations_with_their_options():
    orders = set()
    for seed in range(40):
        shown = statement.shuffled(PROBLEM, seed)
        data, model, shape = (c.params for c in shown.checks)
        assert statement.shuffled(PROBLEM, seed) == shown  # the seed decides it
        assert data.options[data.answer].en == LONG["A"]["en"] and model.options[model.answer].en == LONG["B"]["en"]
        assert data.why(data.answer).en == "why A." and model.why(model.answer).en == "why B."
        for letter, option in data.options.items():  # each explanation went with its option
            written_for = next(k for k, v in LONG.items() if v["en"] == option.en)
            assert data.why(letter).en == f"why {written_for}."
        assert data.options == model.options  # one list shown once: one order for both parts
        assert sorted(map(str, shape.options.values())) == sorted(SHORT.values())
        assert shape.options[shape.answer] == SHORT["A"]
        orders.add(tuple(data.options[k].en for k in "ABC"))
    assert len(orders) == 6  # every order of three options comes up


def test_a_shuffled_problem_shows_and_grades_its_own_letters():
    from grader.grading import grade
    from grader.submission import Answers

    for seed in range(10):
        shown = statement.shuffled(PROBLEM, seed)
        data = shown.checks[0].params
        text = statement.render(shown, "en")
        line = next(x for x in text.split("\n") if "full copy" in x)
        assert line.strip().startswith(f"{data.answer})")
        right = {"data": data.answer, "model": shown.checks[1].params.answer, "shape": shown.checks[2].params.answer}
        assert grade(shown, Answers(right, None), lang="en").status == "pass"
        wrong = next(k for k in "ABC" if k != data.answer)
        result = grade(shown, Answers({**right, "data": wrong}, None), lang="en")
        assert result.checks[0].message == f"not correct (you chose {wrong})"
