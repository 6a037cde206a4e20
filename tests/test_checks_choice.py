"""The `choice` kind: an option letter however it is typed; why a wrong option is wrong; its parameters."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from grader.catalog import CheckSpec
from grader.checks import kind
from grader.checks.schema import ParamError

CHOICE = kind("choice")
RAW = {
    "part": "split",
    "answer": "B",
    "options": {"A": "layers", "B": "the batch", "C": "the loss"},
    "explain": {
        "A": {"ja": "層を分けるのはモデル並列です。", "en": "splitting the layers is model parallelism."},
        "B": {"ja": "データ並列はバッチを分けます。", "en": "data parallelism splits the batch."},
        "C": {"ja": "損失は分けません。", "en": "the loss is not what is split."},
    },
}


def judge(text: str, lang: str = "en", raw: dict = RAW, values: dict | None = None):
    spec = CheckSpec("choice", "split", 1, CHOICE.parse(raw))
    return CHOICE.judge(SimpleNamespace(id="p", checks=(spec,)), spec, text, lang, values)


@pytest.mark.parametrize("typed", ["B", "b", " (B) ", "（Ｂ）", "B."])
def test_the_right_letter_however_typed_passes(typed):
    verdict = judge(typed)
    assert (verdict.status, verdict.message, verdict.diagnosis) == ("pass", "correct (B)", None)
    assert judge(typed, "ja").message == "正解です（B）"


def test_a_wrong_option_says_which_and_why_when_the_catalog_knows():
    verdict = judge("A")
    assert (verdict.status, verdict.message) == ("fail", "not correct (you chose A)")
    assert verdict.diagnosis == "splitting the layers is model parallelism."
    ja = judge("a", "ja")
    assert (ja.message, ja.diagnosis) == ("不正解です（A を選びました）", "層を分けるのはモデル並列です。")
    assert judge("C").diagnosis == "the loss is not what is split."


@pytest.mark.parametrize(
    "lang, message",
    [
        ("en", "'E' is not an option; answer one of A, B, C"),
        ("ja", "'E' は選択肢にありません。A, B, C のどれかを答えてください"),
    ],
)
def test_a_letter_that_is_no_option_cannot_be_read(lang, message):
    verdict = judge("E", lang)
    assert (verdict.status, verdict.message) == ("error", message)


def test_an_explanation_is_rendered_with_the_drawn_numbers():
    raw = dict(RAW, explain={**RAW["explain"], "A": {"ja": "{n} 個です。", "en": "that is {n}."}})
    assert judge("A", raw=raw, values={"n": 7}).diagnosis == "that is 7."


@pytest.mark.parametrize(
    "change, key, what",
    [
        ({"answer": "D"}, "answer", " is 'D', not one of the options (A, B, C)"),
        ({"options": {"A": "only"}, "answer": "A", "explain": {}}, "options", " must offer at least two options"),
        (
            {"explain": {**RAW["explain"], "Z": {"ja": "a", "en": "b"}}},
            "explain.Z",
            " explains an option that does not exist",
        ),
        (
            {"explain": {k: v for k, v in RAW["explain"].items() if k != "B"}},
            "explain",
            " has no explanation of option B (every option needs one, the right one too)",
        ),
        ({"explain": {"A": {"ja": "a"}}}, "explain.A.en", " is missing"),
        ({"answer": 2}, "answer", ": expected text, got 2"),
        ({"options": ["A", "B"]}, "options", ": expected a mapping, got ['A', 'B']"),
        (
            {"part": "two words"},
            "part",
            " is not a valid answer key (letters, digits and _, not starting with a digit)",
        ),
        (
            {"anwser": "B"},
            "anwser",
            " is not a parameter here (known: part, answer, options, explain, form, statements, correct)",
        ),
        ({"options": {"A": "x", "C": "y"}, "answer": "A"}, "options", " must be lettered A, B, C, … in order"),
        ({"form": "best"}, "form", " is one of right, wrong, combination"),
        (
            {"options": {**RAW["options"], "C": ["あ"]}},
            "options.C",
            " must be a text ({ja: …, en: …}, or one string for code or a formula)",
        ),
        ({"correct": ["あ"]}, "statements", " belongs to form: combination only"),
    ],
)
def test_parameters_that_do_not_fit_are_refused_by_key(change, key, what):
    with pytest.raises(ParamError) as info:
        CHOICE.parse(dict(RAW, **change))
    assert (info.value.key, str(info.value.what)) == (key, what)


def test_the_right_answer_as_the_review_shows_it():
    assert CHOICE.expected_text(CHOICE.parse(RAW), {}) == "B"


WRONG_FORM = dict(RAW, form="wrong")


def test_picking_a_true_statement_where_the_false_one_is_asked_says_so():
    verdict = judge("A", raw=WRONG_FORM)
    assert (
        verdict.message == "not correct (you chose A, which is a true statement; the question asks for the false one)"
    )
    assert verdict.diagnosis == "splitting the layers is model parallelism."
    assert judge("A", "ja", raw=WRONG_FORM).message == (
        "不正解です（A を選びました。A は正しい記述です。この問題は誤っているものを選びます）"
    )
    assert judge("B", raw=WRONG_FORM).status == "pass"


COMBINATION = {
    "part": "pick",
    "form": "combination",
    "statements": {
        "あ": {"ja": "Adam はモーメンタムを使う。", "en": "Adam uses momentum."},
        "い": {"ja": "SGD は学習率を持たない。", "en": "SGD has no learning rate."},
        "う": {"ja": "AdaGrad の学習率は減っていく。", "en": "AdaGrad's rate decays."},
    },
    "correct": ["あ", "う"],
    "answer": "C",
    "options": {"A": ["あ", "い"], "B": ["い", "う"], "C": ["あ", "う"], "D": ["あ", "い", "う"]},
    "explain": {
        "あ": {"ja": "1 次モーメントの移動平均を使います。", "en": "it keeps a moving average of the gradient."},
        "い": {"ja": "SGD にも学習率 η があります。", "en": "SGD has a learning rate η too."},
        "う": {"ja": "勾配の二乗の和で割るので減ります。", "en": "dividing by the summed squares shrinks it."},
    },
}


def test_a_wrong_combination_names_each_statement_it_misjudges_and_why():
    verdict = judge("A", raw=COMBINATION)
    assert (verdict.status, verdict.message) == ("fail", "not correct (you chose A)")
    assert (
        verdict.diagnosis
        == "(b) is false: SGD has a learning rate η too. (c) is true: dividing by the summed squares shrinks it."
    )
    assert judge("A", "ja", raw=COMBINATION).diagnosis == (
        "（い）は誤った記述です。SGD にも学習率 η があります。（う）は正しい記述です。勾配の二乗の和で割るので減ります。"
    )
    assert judge("D", raw=COMBINATION).diagnosis == "(b) is false: SGD has a learning rate η too."
    assert judge("c", raw=COMBINATION).status == "pass"


@pytest.mark.parametrize(
    "change, key, what",
    [
        ({"correct": ["あ"]}, "answer", " does not pick exactly the statements listed in correct"),
        ({"correct": ["あ", "え"]}, "correct", " names a statement that does not exist"),
        ({"options": {**COMBINATION["options"], "D": ["う", "あ"]}}, "options.D", " repeats another option's picks"),
        (
            {"options": {**COMBINATION["options"], "D": ["か"]}},
            "options.D",
            " must be a list of statement labels (e.g. [あ, う])",
        ),
        (
            {"statements": {"い": {"ja": "a", "en": "b"}, "あ": {"ja": "c", "en": "d"}}},
            "statements",
            " must be two or more statements labelled あ, い, … in order",
        ),
        (
            {"explain": {k: v for k, v in COMBINATION["explain"].items() if k != "い"}},
            "explain",
            " needs why each statement (あ, い, う) is true or false, one per statement",
        ),
    ],
)
def test_a_combination_that_does_not_add_up_is_refused(change, key, what):
    with pytest.raises(ParamError) as info:
        CHOICE.parse(dict(COMBINATION, **change))
    assert (info.value.key, str(info.value.what)) == (key, what)


def test_why_a_combination_is_right_goes_through_every_statement():
    params = CHOICE.parse(COMBINATION)
    assert params.why_right("en") == (
        "(a) is true: it keeps a moving average of the gradient. (b) is false: SGD has a learning rate η too. "
        "(c) is true: dividing by the summed squares shrinks it."
    )
    assert params.why_right("ja") == (
        "（あ）は正しい記述です。1 次モーメントの移動平均を使います。（い）は誤った記述です。SGD にも学習率 η があります。"
        "（う）は正しい記述です。勾配の二乗の和で割るので減ります。"
    )
    assert CHOICE.parse(RAW).why_right("en") == "data parallelism splits the batch."
