"""Rendering for the terminal: the only module that imports tabulate."""
from __future__ import annotations

import os

from grader.results import PASS, ProblemResult

LABELS = {
    "ja": {"check": "チェック", "result": "結果", "points": "点", "message": "メッセージ",
           "pass": "合格", "fail": "不合格", "error": "エラー", "PASS": "合格", "FAIL": "不合格",
           "ERROR": "エラー", "points_word": "点", "diagnosis": "診断", "output": "出力",
           "topic": "トピック", "problem": "問題", "score": "得点", "total": "合計",
           "id": "ID", "kind": "種類", "title": "タイトル", "status": "状態", "file": "ファイル",
           "new": "未着手", "failed": "不合格", "passed": "合格"},
    "en": {"check": "check", "result": "result", "points": "points", "message": "message",
           "pass": "pass", "fail": "fail", "error": "error", "PASS": "PASS", "FAIL": "FAIL",
           "ERROR": "ERROR", "points_word": "points", "diagnosis": "diagnosis", "output": "output",
           "topic": "topic", "problem": "problem", "score": "score", "total": "total",
           "id": "id", "kind": "kind", "title": "title", "status": "status", "file": "file",
           "new": "new", "failed": "failed", "passed": "passed"},
}
COLORS = {"pass": "\x1b[32m", "fail": "\x1b[31m", "error": "\x1b[33m"}


def use_color(stream) -> bool:
    """Colour only on a TTY and only when NO_COLOR is unset."""
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _status(status: str, lang: str, color: bool) -> str:
    text = LABELS[lang][status]
    return f"{COLORS[status]}{text}\x1b[0m" if color else text


def _num(x: float) -> str:
    return f"{x:g}"


def scorecard(result: ProblemResult, lang: str, color: bool = False, verbose: bool = False) -> str:
    """The table of checks plus the summary line `id: 7/10 points — FAIL`."""
    from tabulate import tabulate

    L = LABELS[lang]
    rows = []
    for check in result.checks:
        message = check.message
        if check.diagnosis:
            message += f"\n→ {L['diagnosis']}: {check.diagnosis}"
        rows.append([check.name, _status(check.status, lang, color),
                     f"{_num(check.points)}/{_num(check.max_points)}", message])
    table = tabulate(rows, headers=[L["check"], L["result"], L["points"], L["message"]],
                     tablefmt="simple", disable_numparse=True)
    lines = [table, ""]
    if result.status == "error":
        lines.append(result.message)
    shown = set()
    for check in result.checks:
        if check.output and (verbose or check.status != PASS) and check.output not in shown:
            shown.add(check.output)
            lines.append(f"--- {L['output']} ({check.name}) ---")
            lines.append(check.output.rstrip())
    status = L[result.status.upper()]
    if color:
        status = f"{COLORS[result.status]}{status}\x1b[0m"
    lines.append(f"{result.problem}: {_num(result.score)}/{_num(result.max_score)} {L['points_word']} — {status}")
    return "\n".join(lines)


def summary_table(results: list, catalog, lang: str, color: bool = False) -> str:
    """`drill grade --all`: one table by topic, with totals."""
    from tabulate import tabulate

    L = LABELS[lang]
    rows = []
    total = max_total = 0.0
    for result in results:
        problem = catalog.get(result.problem)
        rows.append([problem.topic, result.problem, _status(result.status, lang, color),
                     f"{_num(result.score)}/{_num(result.max_score)}"])
        total += result.score
        max_total += result.max_score
    rows.sort(key=lambda r: r[0])
    rows.append([L["total"], "", "", f"{_num(total)}/{_num(max_total)}"])
    return tabulate(rows, headers=[L["topic"], L["problem"], L["result"], L["score"]],
                    tablefmt="simple", disable_numparse=True)


def problem_list(rows: list[dict], lang: str) -> str:
    """`drill list`: id, topic, kind, title, points, status, file."""
    from tabulate import tabulate

    L = LABELS[lang]
    body = [[r["id"], r["topic"], r["kind"], r["title"], _num(r["points"]), L[r["status"]], r["file"]]
            for r in rows]
    return tabulate(body, headers=[L["id"], L["topic"], L["kind"], L["title"], L["points"],
                                   L["status"], L["file"]], tablefmt="simple", disable_numparse=True)


def bar(passed: int, total: int, width: int, fancy: bool) -> str:
    """A progress bar: unicode eighth blocks on a terminal, plain '#' and '.' otherwise."""
    share = passed / total if total else 0.0
    if not fancy:
        filled = round(share * width)
        return "#" * filled + "." * (width - filled)
    eighths = round(share * width * 8)
    full, rest = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[rest] if rest else ""
    return ("█" * full + partial).ljust(width)


def stats_view(stats, lang: str, fancy: bool) -> str:
    """`drill stats`: bars by syllabus area and topic, then the counts."""
    ja = lang == "ja"
    lines = ["試験範囲（シラバス）" if ja else "By syllabus area"]
    width = max([len(p.name) for p in stats.areas + stats.topics] + [10])
    for group, title in ((stats.areas, None), (stats.topics, "トピック" if ja else "By topic")):
        if title:
            lines += ["", title]
        for p in group:
            lines.append(f"  {p.name.ljust(width)}  {bar(p.passed, p.total, 20, fancy)}  {p.passed}/{p.total}")
    rate = f"{stats.pass_rate * 100:.0f}%"
    rows = [("合格した問題" if ja else "problems passed", f"{stats.passed}/{stats.total}"),
            ("採点回数・合格率" if ja else "grades, pass rate", f"{stats.attempts}, {rate}"),
            ("表示したヒント" if ja else "hints shown", str(stats.hints_used)),
            ("見た解答" if ja else "solutions viewed", str(stats.solutions_viewed)),
            ("今日の復習" if ja else "reviews due today", str(stats.due_today)),
            ("今週の復習" if ja else "reviews due this week", str(stats.due_this_week)),
            ("連続学習日数" if ja else "streak (days)", str(stats.streak_days))]
    lines.append("")
    lines += [f"{k}: {v}" for k, v in rows]
    return "\n".join(lines)
