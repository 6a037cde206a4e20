"""`choice`: one option letter, with an explanation for each wrong option where the catalog has one."""
from __future__ import annotations

import unicodedata

from grader.checks.base import Msg, Verdict
from grader.results import ERROR, FAIL, PASS

RIGHT = Msg("正解です（{ans}）", "correct ({ans})")
WRONG = Msg("不正解です（{ans} を選びました）", "not correct (you chose {ans})")
NOT_AN_OPTION = Msg("'{ans}' は選択肢にありません。{opts} のどれかを答えてください",
                    "'{ans}' is not an option; answer one of {opts}")


def judge(problem, spec, text: str, lang: str, values: dict | None = None, prover=None):
    """(Verdict, status) for a chosen option letter."""
    params = spec.params
    options = [str(k).upper() for k in (params.get("options") or {})]
    answer = unicodedata.normalize("NFKC", text).strip().strip("()（）.").upper()
    if answer not in options:
        return Verdict(False, NOT_AN_OPTION(lang, ans=text.strip()[:20], opts=", ".join(options))), ERROR
    if answer == str(params["answer"]).upper():
        return Verdict(True, RIGHT(lang, ans=answer)), PASS
    explain = (params.get("explain") or {}).get(answer) or {}
    diagnosis = explain.get(lang) if isinstance(explain, dict) else None
    if diagnosis and values:
        from grader.params import render

        diagnosis = render(diagnosis, values)
    return Verdict(False, WRONG(lang, ans=answer), diagnosis), FAIL
