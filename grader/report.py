"""Rendering for the terminal: the only module that imports tabulate."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from grader import terminal
from grader.texts import Text

if TYPE_CHECKING:
    from pathlib import Path

    from grader.catalog import Catalog
    from grader.exam import ExamPrompt, ExamRecord
    from grader.exam import Sitting as ExamSitting
    from grader.schedule import Pick, ReviewDecision
    from grader.session import ExplanationView, HintView, NextView, ProblemView, ResetOutcome
    from grader.stats import Stats

if TYPE_CHECKING:
    from grader.results import ProblemResult

PASS = "pass"  # grader.results.PASS, without importing the results module where nothing was graded

LABELS = {
    "ja": {
        "check": "チェック",
        "result": "結果",
        "points": "点",
        "message": "メッセージ",
        "pass": "合格",
        "fail": "不合格",
        "error": "エラー",
        "PASS": "合格",
        "FAIL": "不合格",
        "ERROR": "エラー",
        "points_word": "点",
        "diagnosis": "診断",
        "output": "出力",
        "topic": "トピック",
        "problem": "問題",
        "score": "得点",
        "total": "合計",
        "id": "ID",
        "kind": "種類",
        "title": "タイトル",
        "status": "状態",
        "file": "ファイル",
        "new": "未着手",
        "failed": "不合格",
        "passed": "合格",
        "failing": "再び不合格",
        "edited": "合格後に編集",
    },
    "en": {
        "check": "check",
        "result": "result",
        "points": "points",
        "message": "message",
        "pass": "pass",
        "fail": "fail",
        "error": "error",
        "PASS": "PASS",
        "FAIL": "FAIL",
        "ERROR": "ERROR",
        "points_word": "points",
        "diagnosis": "diagnosis",
        "output": "output",
        "topic": "topic",
        "problem": "problem",
        "score": "score",
        "total": "total",
        "id": "id",
        "kind": "kind",
        "title": "title",
        "status": "status",
        "file": "file",
        "new": "new",
        "failed": "failed",
        "passed": "passed",
        "failing": "failing again",
        "edited": "edited since pass",
    },
}
KINDS = {
    "code": Text("コード", "code"),
    "symbolic": Text("数式", "symbolic"),
    "choice": Text("選択", "choice"),
    "numeric": Text("数値", "numeric"),
}
COLORS = {"pass": "\x1b[32m", "fail": "\x1b[31m", "error": "\x1b[33m"}


def warning(message: str, lang: str) -> str:
    """A warning line for stderr: `Warning: …`."""
    return f"{'警告' if lang == 'ja' else 'Warning'}: {message}"


def use_color(stream: Any) -> bool:
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
    headers = [L["check"], L["result"], L["points"], L["message"]]
    plain = [
        [check.name, L[check.status], f"{_num(check.points)}/{_num(check.max_points)}", _message(check, L)]
        for check in result.checks
    ]
    room = _room_for_last(_column_widths(headers, plain), terminal.width())
    rows = [
        [name, _status(check.status, lang, color), points, _wrap_lines(message, room)]
        for check, (name, _, points, message) in zip(result.checks, plain, strict=True)
    ]
    table = tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
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


def _message(check: Any, L: dict) -> str:
    message = check.message
    if check.diagnosis:
        message += f"\n→ {L['diagnosis']}: {check.diagnosis}"
    return message


def _indented(text: str, columns: int, indent: str = "    ") -> str:
    """`text` wrapped to the room left after `indent`, each line indented (wrapping the indented text
    itself would read it as code, which is never wrapped)."""
    return "\n".join(indent + line for line in terminal.wrap(text, columns - len(indent)).split("\n"))


def _wrap_lines(message: str, room: int) -> str:
    """A message's lines (the finding, then '→ diagnosis: …') each wrapped on its own, never joined."""
    return "\n".join(terminal.wrap(line, room) for line in message.split("\n"))


GAP = 2  # tabulate's "simple" format puts two spaces between columns
HEADER_PADDING = 2  # and makes each column at least its header plus two (tabulate's MIN_PADDING)
MIN_LAST_COLUMN = 24


def _column_widths(headers: list[str], rows: list[list[str]]) -> list[int]:
    """Each column's width as tabulate's "simple" format lays it out."""
    return [
        max(
            [terminal.display_width(header) + HEADER_PADDING]
            + [terminal.display_width(line) for row in rows for line in str(row[i]).split("\n")]
        )
        for i, header in enumerate(headers)
    ]


def _before_last(widths: list[int]) -> int:
    """The columns a table's rows take before its last column starts."""
    return sum(widths[:-1]) + GAP * (len(widths) - 1)


def _room_for_last(widths: list[int], columns: int) -> int:
    """The width the last of these columns may take so that the table fits `columns` (at least 24)."""
    return max(columns - _before_last(widths), MIN_LAST_COLUMN)


def scorecard_html(result: ProblemResult, lang: str, recorded: bool = True) -> str:
    """The scorecard as an HTML table, for Jupyter; says so when the attempt was not recorded."""
    import html

    L = LABELS[lang]
    colours = {"pass": "#1a7f37", "fail": "#cf222e", "error": "#9a6700"}
    rows = []
    for check in result.checks:
        message = html.escape(check.message).replace("\n", "<br>")
        if check.diagnosis:
            message += f"<br><b>→ {html.escape(L['diagnosis'])}: {html.escape(check.diagnosis)}</b>"
        if check.output and check.status != PASS:
            message += f"<pre>{html.escape(check.output)}</pre>"
        rows.append(
            f"<tr><td>{html.escape(check.name)}</td>"
            f"<td style='color:{colours[check.status]}'>{L[check.status]}</td>"
            f"<td>{_num(check.points)}/{_num(check.max_points)}</td>"
            f"<td style='text-align:left'>{message}</td></tr>"
        )
    summary = (
        f"<b>{html.escape(result.problem)}: {_num(result.score)}/{_num(result.max_score)} "
        f"{L['points_word']} — <span style='color:{colours[result.status]}'>{L[result.status.upper()]}</span></b>"
    )
    note = "" if recorded else f"<p><i>{html.escape(NOT_RECORDED.get(lang))}</i></p>"
    head = "".join(f"<th>{L[k]}</th>" for k in ("check", "result", "points", "message"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table><p>{summary}</p>{note}"


NOT_RECORDED = Text(
    "作業フォルダの外なので、この結果は記録されていません（drill init で作業フォルダを作れます）。",
    "outside a workspace: this result was not recorded (drill init creates one).",
)


def summary_table(results: list, catalog: Catalog, lang: str, color: bool = False) -> str:
    """`drill grade --all`: one table by topic, with totals."""
    from tabulate import tabulate

    L = LABELS[lang]
    rows = []
    total = max_total = 0.0
    for result in results:
        problem = catalog.get(result.problem)
        assert problem is not None  # graded from this catalog
        rows.append(
            [
                problem.topic,
                result.problem,
                _status(result.status, lang, color),
                f"{_num(result.score)}/{_num(result.max_score)}",
            ]
        )
        total += result.score
        max_total += result.max_score
    rows.sort(key=lambda r: r[0])
    rows.append([L["total"], "", "", f"{_num(total)}/{_num(max_total)}"])
    return tabulate(
        rows, headers=[L["topic"], L["problem"], L["result"], L["score"]], tablefmt="simple", disable_numparse=True
    )


def problem_list(rows: list[dict], lang: str) -> str:
    """`drill list`: id, topic, kind, title, points, status, file."""
    L = LABELS[lang]
    names = ["id", "topic", "kind", "status", "points", "file", "title"]  # the title last: it wraps
    body = [
        {
            "id": r["id"],
            "topic": r["topic"],
            "kind": KINDS[r["kind"]].get(lang),
            "status": L[r.get("since_pass") or r["status"]],
            "points": _num(r["points"]),
            "file": r["file"],
            "title": r["title"],
        }
        for r in rows
    ]
    columns = terminal.width()
    widths = dict(zip(names, _column_widths([L[n] for n in names], [[row[n] for n in names] for row in body])))
    for dropped in ("file", "topic", "points"):  # what a narrow terminal loses first (drill show has it)
        if columns - _before_last([widths[n] for n in names]) >= min(widths["title"], MIN_LAST_COLUMN):
            break  # the title fits, wrapped into what is left if need be
        names.remove(dropped)
    headers = [L[n] for n in names]
    cells = [[row[n] for n in names] for row in body]
    room = _room_for_last([widths[n] for n in names], columns)
    for row in cells:
        row[-1] = terminal.wrap(row[-1], room)
    return simple_table(headers, cells)


def simple_table(headers: list[str], rows: list[list[str]]) -> str:
    """The table tabulate's "simple" format prints for these plain left-aligned text cells (a cell may hold
    several lines), laid out here: `drill list` is timed against Click's own start-up, and importing
    tabulate 0.10 alone (it reads its version through importlib.metadata) costs most of that budget.
    tests/test_report.py holds the output equal to tabulate's."""
    width = terminal.display_width
    # each line of each cell with its width, measured once
    head = [(h, width(h)) for h in headers]
    body = [[[(part, width(part)) for part in str(cell).split("\n")] for cell in row] for row in rows]
    widths = [w + HEADER_PADDING for _, w in head]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], max(w for _, w in cell))

    def line(cells: list[tuple[str, int]]) -> str:
        return "  ".join(text + " " * (widths[i] - w) for i, (text, w) in enumerate(cells)).rstrip(" ")

    out = [line(head), "  ".join("-" * w for w in widths)]
    for row in body:
        for i in range(max(map(len, row))):
            out.append(line([cell[i] if i < len(cell) else ("", 0) for cell in row]))
    return "\n".join(out)


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


def stats_view(stats: Stats, lang: str, fancy: bool) -> str:
    """`drill stats`: bars by syllabus area, score-report category, syllabus item and topic, then
    the counts; names cut (…) to fit the terminal."""
    ja = lang == "ja"
    lines: list[str] = []
    groups = (
        (stats.areas, "試験範囲（シラバスの大項目）" if ja else "By syllabus area"),
        (stats.categories, "スコアレポートの分野" if ja else "By score-report category"),
        (stats.items, "小項目" if ja else "By syllabus item"),
        (stats.topics, "トピック" if ja else "By topic"),
    )
    everything = [p for group, _ in groups for p in group]
    counts = max([len(f"{p.passed}/{p.total}") for p in everything] + [3])
    room = max(terminal.width() - 2 - 2 - 20 - 2 - counts, 10)  # indent, gap, bar, gap, count
    names = {id(p): terminal.clip(p.name, room) for p in everything}
    width = max([terminal.display_width(name) for name in names.values()] + [10])
    for n, (group, title) in enumerate(groups):
        if not group:
            continue
        lines += [""] * (n > 0) + [title]
        for p in group:
            name = names[id(p)]
            name += " " * (width - terminal.display_width(name))  # a Japanese name: 2 columns a character
            lines.append(f"  {name}  {bar(p.passed, p.total, 20, fancy)}  {p.passed}/{p.total}")
    rate = f"{stats.pass_rate * 100:.0f}%"
    rows = [
        ("合格した問題" if ja else "problems passed", f"{stats.passed}/{stats.total}"),
        ("採点回数・合格率" if ja else "grades, pass rate", f"{stats.attempts}, {rate}"),
        ("表示したヒント" if ja else "hints shown", str(stats.hints_used)),
        ("見た解答" if ja else "solutions viewed", str(stats.solutions_viewed)),
        ("読んだ解説" if ja else "explanations read", str(stats.explanations_viewed)),
        ("今日の復習" if ja else "reviews due today", str(stats.due_today)),
        ("今週の復習" if ja else "reviews due this week", str(stats.due_this_week)),
        ("連続学習日数" if ja else "streak (days)", str(stats.streak_days)),
    ]
    lines.append("")
    lines += [f"{k}: {v}" for k, v in rows]
    return "\n".join(lines)


# -- the lines of each command (only this module and cli.py print)


def workspace_created(root: Path, directory: Path, lang: str) -> str:
    """`drill init`: where the workspace is and what to do next."""
    where = shell_quote(str(directory))
    if lang == "ja":
        return f"ワークスペースを作成しました: {root}\n次: cd {where} && drill next"
    return f"Created a workspace at {root}\nNext: cd {where} && drill next"


def notebook_written(path: str, lang: str) -> str:
    """`drill notebook`: one line per notebook written."""
    return f"{path} を書きました（Jupyter で開いてください）" if lang == "ja" else f"wrote {path} (open it in Jupyter)"


def notebooks_written(count: int, folder: str, lang: str) -> str:
    """`drill init --notebooks`: how many notebooks, and where."""
    if lang == "ja":
        return f"{folder} にノートブックを {count} 冊書きました（Jupyter で開いてください）"
    return f"wrote {count} notebooks in {folder} (open them in Jupyter)"


def shell_quote(word: str, windows: bool | None = None) -> str:
    """`word` as the learner's shell takes it as one word: 'my drill' (POSIX), "my drill" (Windows)."""
    import os

    if windows if windows is not None else os.name == "nt":
        return f'"{word}"' if any(c in word for c in " &()[]{}^=;!%+,`~") else word
    import shlex

    return shlex.quote(word)


def describe(view: ProblemView, lang: str, label: str = "") -> str:
    """`drill show` / `drill next`: title (after `label`), statement, the file to edit and how to
    grade it; fitted to the terminal's width."""
    ja = lang == "ja"
    problem = view.problem
    lines = [
        terminal.wrap(
            f"{label}{problem.id} — {problem.title.get(lang)} ({problem.points:g} {'点' if ja else 'points'})",
            terminal.width(),
        ),
        "",
    ]
    if view.new_numbers:
        lines += ["（合格したので、数値が新しくなりました）" if ja else "(new numbers, since you passed it)", ""]
    lines += [terminal.wrap(view.statement, terminal.width()), ""]
    if problem.is_code:
        lines.append(("編集するファイル: " if ja else "File to edit: ") + problem.file)
        lines.append(("採点: " if ja else "Grade with: ") + f"drill grade {problem.id}")
    else:
        parts = ", ".join(problem.parts)
        lines.append(
            ("解答ファイル: " if ja else "Answer file: ")
            + problem.file
            + (f"（解答キー: {parts}）" if ja else f" (answer keys: {parts})")
        )
        example = f"drill grade {problem.id} --answer '{problem.parts[0]}=…'"
        lines.append(("採点: " if ja else "Grade with: ") + f"drill grade {problem.id}  /  {example}")
    if problem.requires:
        lines.append(("前提: " if ja else "Requires: ") + ", ".join(problem.requires))
    lines.append(("ヒント: " if ja else "Hints: ") + f"drill hint {problem.id}")
    if problem.syllabus:
        lines.append(terminal.wrap(syllabus_line(problem.syllabus, lang), terminal.width()))
    return "\n".join(lines)


def syllabus_line(item_ids: tuple[str, ...], lang: str) -> str:
    """'Syllabus: 3-5-1 Recurrent neural networks; 4-5-2 WaveNet (out of scope: …)'."""
    from grader import syllabus

    shown = []
    for item_id in item_ids:
        item = syllabus.ITEMS[item_id]
        text = f"{item_id} {item.name.get(lang)}"
        if not item.asked:
            text += (
                ("（" + syllabus.SCOPE_NAMES["out"].ja + "）")
                if lang == "ja"
                else f" ({syllabus.SCOPE_NAMES['out'].en})"
            )
        shown.append(text)
    return ("シラバス: " + "、".join(shown)) if lang == "ja" else ("Syllabus: " + "; ".join(shown))


def next_view(shown: NextView | None, lang: str, explain: bool) -> str:
    """`drill next`: the picked problem (a review or a new one), and with --explain why."""
    ja = lang == "ja"
    if shown is None:
        return (
            "すべての問題に合格しました。今日の復習はありません。"
            if ja
            else "All problems are passed, and no review is due."
        )
    review = shown.pick.reason == "due"
    label = ("復習: " if review else "次の問題: ") if ja else ("Review: " if review else "Next: ")
    text = describe(shown.view, lang, label)
    return text + "\n" + why_next(shown.pick, lang) if explain else text


def review_note(decision: ReviewDecision | None, problem_id: str, lang: str) -> str | None:
    """The line under a scorecard when a due review was graded without being redone, else None."""
    if decision is None or decision.why != "unchanged_due":
        return None
    text = Text(
        "（前回の採点から何も変わっていないので、復習には数えません。解き直すには drill reset {id}）",
        "(unchanged since its last grade, so not counted as a review; to do it again: drill reset {id})",
    ).fill(id=problem_id)
    return terminal.wrap(text.get(lang), terminal.width())


def explanation_view(view: ExplanationView, lang: str) -> str:
    """`drill explain` and the end of a passing `drill grade`: 解説, each choice part's right option
    and why, the references; wrapped to the terminal."""
    ja = lang == "ja"
    columns = terminal.width()
    lines = [f"解説（{view.problem.id}）" if ja else f"Explanation ({view.problem.id})"]
    lines.append(_wrap_lines(view.text, columns))  # each line of an explanation is a paragraph
    for part, letter, why in view.parts:
        lines.append(terminal.wrap(f"- {part}（{letter}）: {why}" if ja else f"- {part} ({letter}): {why}", columns))
    if view.refs:
        lines.append(
            terminal.wrap(("参考: " if ja else "References: ") + ("、" if ja else "; ").join(view.refs), columns)
        )
    return "\n".join(lines)


def numbers_note(problem_id: str, lang: str) -> str:
    """Under a passing scorecard of a parametric problem: when its numbers change."""
    text = Text(
        "次に drill show {id}（または drill next）で開くと、数値が新しくなります。それまでは今の数値で採点します。",
        "The numbers change the next time you open it (drill show {id} or drill next); until then it is graded "
        "on these.",
    ).fill(id=problem_id)
    return terminal.wrap(text.get(lang), terminal.width())


def explanation_pointer(problem_id: str, lang: str) -> str:
    """The line under a failing scorecard: where the explanation is, and what reading it costs."""
    text = Text(
        "解説: drill explain {id}（合格前に読むと、次の合格の評価は「難しい」になります）",
        "Explanation: drill explain {id} (read before a pass, it rates the next pass hard)",
    ).fill(id=problem_id)
    return terminal.wrap(text.get(lang), terminal.width())


GRADING = Text("採点中…", "grading…")


def grading_spinner(stream: Any, lang: str) -> terminal.Spinner:
    """`| 採点中… 2.3 s` on stderr while a grade takes over a second (a terminal only)."""
    return terminal.Spinner(stream, GRADING.get(lang))


def local_time(ts: float) -> str:
    """A moment as the learner's clock shows it: 2026-12-03 17:30 JST."""
    from datetime import datetime

    return datetime.fromtimestamp(ts).astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


RATINGS = {  # FSRS's four ratings: the name (Anki's Japanese labels), and what earns it in drill
    "again": (Text("もう一度", "again"), Text("不合格", "failed")),
    "hard": (
        Text("難しい", "hard"),
        Text(
            "失敗やヒント、解答例・解説を見たあとの合格", "passed after a fail, a hint, the solution or the explanation"
        ),
    ),
    "good": (Text("正解", "good"), Text("その日の最初の採点で合格", "passed at the day's first try")),
    "easy": (Text("簡単", "easy"), Text("ヒントなしですぐに合格", "passed fast, with no help")),
}


def rating_shown(rating: str | None, lang: str) -> str:
    """'hard: passed after a fail, a hint, …' / '「難しい」（…のあとの合格）'."""
    if rating not in RATINGS:
        return str(rating)
    name, meaning = RATINGS[rating]
    return f"「{name.ja}」（{meaning.ja}）" if lang == "ja" else f"{name.en}: {meaning.en}"


def why_next(pick: Pick, lang: str) -> str:
    """The reason line of `drill next --explain`."""
    ja = lang == "ja"
    if pick.reason == "due":
        when = local_time(pick.due or 0.0)
        rated = rating_shown(pick.rating, lang)
        return (
            f"理由: 復習の期限（{when}）が来ています。前回の評価は{rated}"
            if ja
            else f"Why: a review due since {when} (last rated {rated})"
        )
    if pick.reason == "new_out_of_scope":
        return (
            "理由: 試験に出る小項目の問題はすべて済みました。これは出題範囲外（認定講座で学ぶ内容）の問題です"
            if ja
            else "Why: every problem the exam asks is done; this one is out of the exam's scope (the courses teach it)"
        )
    reqs = ", ".join(pick.problem.requires)
    if reqs:
        return (
            f"理由: 未着手の問題で、前提（{reqs}）に合格済みです"
            if ja
            else f"Why: new, and its prerequisites ({reqs}) are passed"
        )
    return "理由: 未着手の問題です（前提なし）" if ja else "Why: new, with no prerequisites"


def hint_view(hint: HintView, lang: str) -> str:
    """`drill hint`: 'Hint 1/3: …', and a note when the last tier is shown again."""
    ja = lang == "ja"
    text = terminal.wrap(f"{'ヒント' if ja else 'Hint'} {hint.tier}/{hint.tiers}: {hint.text}", terminal.width())
    if hint.again:
        text += "\n" + ("（これが最後のヒントです）" if ja else "(that was the last hint)")
    return text


USAGE = {
    "one_id": Text("問題 ID を 1 つ指定するか、--all を付けてください", "give one problem ID, or --all"),
    "answer_with_all": Text(
        "--answer は問題 ID 1 つと一緒に使います。--all とは使えません", "--answer goes with one problem ID, not --all"
    ),
    "resume_alone": Text(
        "--resume は中断した試験をそのまま続けます。--full・--minutes・--questions・--area・--seed とは使えません",
        "--resume goes on with the interrupted exam as it was drawn: not with --full, --minutes, --questions, "
        "--area or --seed",
    ),
    "csv_or_json": Text("--csv と --json のどちらか一方を指定してください", "give --csv or --json, not both"),
}


def usage(key: str, lang: str) -> str:
    """A usage error of the CLI's own (Click prints `Usage:` and `Error:` around it)."""
    return USAGE[key].get(lang)


def solution_refusal(problem_id: str) -> Text:
    """Why `drill solution` without a terminal to confirm on shows nothing, and what to type."""
    return Text(
        "'{id}' にはまだ合格していません。それでも見るには 'drill solution {id} --yes' を実行してください。",
        "you have not passed '{id}' yet. Run 'drill solution {id} --yes' to see it anyway.",
    ).fill(id=problem_id)


def reset_refusal(what: str) -> Text:
    """Why `drill reset` without a terminal to confirm on restores nothing, and what to type."""
    return Text(
        "元に戻すには確認が必要です: 'drill reset {what} --yes' を実行してください。",
        "resetting needs confirmation: run 'drill reset {what} --yes'.",
    ).fill(what=what)


def solution_question(problem_id: str, lang: str) -> str:
    """The confirmation `drill solution` asks before a pass."""
    return (
        f"'{problem_id}' にはまだ合格していません。解答を表示しますか？"
        if lang == "ja"
        else f"You have not passed '{problem_id}' yet. Show the solution anyway?"
    )


def reset_question(what: str | None, lang: str) -> str:
    """The confirmation `drill reset` asks (`what` None: every problem)."""
    if lang == "ja":
        return f"{'すべての問題' if what is None else what} のファイルをスタブに戻しますか？"
    return f"Restore the stub of {'every problem' if what is None else what}?"


def reset_outcomes(outcomes: list[ResetOutcome], lang: str, quiet_when_unchanged: bool) -> str:
    """`drill reset`: one line per file restored (and, for one problem, when it was already the stub)."""
    lines = []
    for outcome in outcomes:
        if outcome.backup:
            lines.append(
                f"{outcome.file}: リセットしました（元のファイル: {outcome.backup}）"
                if lang == "ja"
                else f"{outcome.file}: reset (your file was saved as {outcome.backup})"
            )
        elif outcome.changed:  # there was no file: the stub is back
            lines.append(
                f"{outcome.file}: ファイルがなかったので、ひな形を置きました"
                if lang == "ja"
                else f"{outcome.file}: restored (there was no file)"
            )
        elif not quiet_when_unchanged:
            lines.append(f"{outcome.file}: 変更はありません" if lang == "ja" else f"{outcome.file}: already the stub")
    return "\n".join(lines)


def _area_name(area: int, lang: str, catalog) -> str:
    return catalog.area_name(area).get(lang)


def _clock(seconds: float) -> str:
    left = int(seconds)
    return f"{left // 60:02d}:{left % 60:02d}"


def exam_start(sitting: ExamSitting, lang: str, pass_line: float, resumed: bool = False) -> str:
    """The first line of `drill exam` (or of `drill exam --resume`)."""
    ja = lang == "ja"
    if resumed:
        left = sitting.parts - sitting.answered
        return (
            f"模擬試験の続き: 残り {left} 問、残り時間 {_clock(sitting.seconds_left())}（seed {sitting.seed}）"
            if ja
            else f"Mock exam, resumed: {left} questions, {_clock(sitting.seconds_left())} left (seed {sitting.seed})"
        )
    minutes = f"{sitting.minutes:g}"
    return (
        f"模擬試験: {sitting.parts} 問、{minutes} 分、合格ライン {pass_line:.0%}（seed {sitting.seed}）"
        if ja
        else f"Mock exam: {sitting.parts} questions, {minutes} minutes, pass line {pass_line:.0%} (seed {sitting.seed})"
    )


def exam_question(prompt: ExamPrompt, lang: str, catalog: Catalog) -> str:
    """A set's header and statement, shown before its first part is asked."""
    ja = lang == "ja"
    return (
        f"\n[{prompt.number}/{prompt.total}] {'残り' if ja else 'time left'} {_clock(prompt.seconds_left)} — "
        f"{prompt.problem.title.get(lang)} ({_area_name(prompt.problem.area, lang, catalog)})\n"
        + terminal.wrap(prompt.statement, terminal.width())
    )


def exam_again(reason: str, lang: str) -> str:
    """When an answer cannot be read: why, and that it is asked again (not scored wrong)."""
    return terminal.wrap(
        (f"  読み取れません: {reason}。もう一度答えてください（空のまま Enter で飛ばします）")
        if lang == "ja"
        else f"  Cannot read that: {reason}. Answer again (Enter alone skips it).",
        terminal.width(),
    )


def exam_interrupted(sitting: ExamSitting | None, lang: str) -> str:
    """After Ctrl-C: what was kept, and how to go on."""
    ja = lang == "ja"
    if sitting is None:
        return (
            "\n中断しました（この試験は保存できませんでした）。"
            if ja
            else "\nInterrupted (this exam could not be saved)."
        )
    left = _clock(sitting.seconds_left())
    return (
        f"\n中断しました。ここまでの {sitting.answered} 問の解答を保存しました。"
        f"drill exam --resume で残り時間 {left} から続けられます。"
        if ja
        else f"\nInterrupted. Answers so far are kept ({sitting.answered}): drill exam --resume goes on, {left} left."
    )


def exam_result(record: ExamRecord, lang: str, catalog: Catalog) -> str:
    """After the exam: time-up (and answers that came too late), the score per area and per
    score-report category, the total against the pass line (and what it is), what next."""
    from tabulate import tabulate

    ja = lang == "ja"
    lines = []
    if record.timed_out:
        lines.append("\n時間切れです。" if ja else "\nTime is up.")
    if record.late:
        late = ", ".join(record.late)
        lines.append(
            f"時間切れの後に入力された解答は数えていません: {late}"
            if ja
            else f"Answers typed after time-up do not count: {late}"
        )

    def share(score: float, max_score: float) -> str:
        return f"{score / max_score if max_score else 0.0:.0%}"

    rows = [
        (f"{area} {_area_name(area, lang, catalog)}", f"{score:g}/{max_score:g}", share(score, max_score))
        for area, (score, max_score) in record.by_area().items()
    ]
    lines += [
        "",
        tabulate(
            rows,
            headers=["分野" if ja else "area", "得点" if ja else "score", "%"],
            tablefmt="simple",
            disable_numparse=True,
        ),
    ]
    categories = [
        (c.name.get(lang), f"{score:g}/{max_score:g}", share(score, max_score))
        for c, score, max_score in record.by_category()
    ]
    header = "スコアレポートの分野" if ja else "score-report category"
    lines += [
        "",
        tabulate(
            categories, headers=[header, "得点" if ja else "score", "%"], tablefmt="simple", disable_numparse=True
        ),
    ]
    verdict = (
        ("合格ライン到達" if record.passed else "合格ライン未満")
        if ja
        else ("PASS" if record.passed else "BELOW the pass line")
    )
    lines.append("")
    lines.append(
        f"{'合計' if ja else 'total'}: {record.score:g}/{record.max_score:g} ({share(record.score, record.max_score)})"
        f" — {verdict} ({record.pass_line:.0%})"
    )
    lines.append(
        f"（合格ライン {record.pass_line:.0%} はよく言われる目安で、JDLA は合格点を公表していません）"
        if ja
        else f"(the {record.pass_line:.0%} pass line is the commonly cited mark; JDLA does not publish one)"
    )
    if any(q.status != "pass" for q in record.questions):
        lines.append("間違いの解説: drill exam --review" if ja else "Review the mistakes: drill exam --review")
    return "\n".join(lines)


def exam_review(record: ExamRecord, catalog: Catalog, lang: str) -> str:
    """`drill exam --review`: each wrong part of the last exam, with the right answer, why the
    chosen option is wrong and the right one right (a choice part), or the problem's explanation."""
    from grader import exam
    from grader.params import draw, render

    ja = lang == "ja"
    columns = terminal.width()
    mistakes = [q for q in record.questions if q.status != "pass"]
    lines = [
        f"前回の模擬試験: {record.score:g}/{record.max_score:g} 点、間違い {len(mistakes)} 問"
        if ja
        else f"Last mock exam: {record.score:g}/{record.max_score:g} points, {len(mistakes)} question(s) to review"
    ]
    for question in mistakes:
        problem = catalog.get(question.problem)
        if problem is None:
            continue
        problem = exam.as_asked(problem, question.seed, question.shuffled)  # its letters as they were shown
        values = draw(problem, question.seed)
        lines.append(f"\n== {problem.id} — {problem.title.get(lang)} ({_area_name(problem.area, lang, catalog)})")
        choices = {c.params.part: c.params for c in problem.checks if c.kind == "choice"}
        needs_explanation = False
        for part in question.parts:
            if part.status == "pass":
                continue
            mine = part.answer if part.answer else ("（無回答）" if ja else "(no answer)")
            lines.append(
                f"  {part.part}: {'あなたの答え' if ja else 'your answer'} {mine}; "
                f"{'正解' if ja else 'right answer'} {part.expected}"
            )
            lines.append(_indented(part.message, columns))
            if part.diagnosis:
                lines.append(_indented(f"→ {part.diagnosis}", columns))
            params = choices.get(part.part)
            right = params.why_right(lang) if params is not None else None
            right = render(right, values) if right is not None else None
            if params is not None and right is not None:
                label = f"正解 {params.answer} の理由" if ja else f"why {params.answer}"
                lines.append(_indented(f"→ {label}: {right}", columns))
            else:
                needs_explanation = True
        if needs_explanation and problem.explanation is not None:
            lines.append("  解説:" if ja else "  Explanation:")
            wrapped = _wrap_lines(render(problem.explanation.get(lang), values), columns - 4)
            lines += ["    " + line if line else "" for line in wrapped.split("\n")]
    return "\n".join(lines)


def watch_event(event: object, lang: str, color: bool) -> str:
    """One event of `drill watch` as the lines it prints."""
    from grader import watch

    ja = lang == "ja"
    if isinstance(event, watch.Watching):
        return (
            f"監視中: {event.file}（保存すると採点します。終了: q + Enter または Ctrl-C）"
            if ja
            else f"Watching {event.file} (save to grade; q + Enter or Ctrl-C to stop)"
        )
    if isinstance(event, watch.Graded):
        from datetime import datetime

        clock = datetime.fromtimestamp(event.at).strftime("%H:%M:%S")  # local time
        rule = f"── {clock} {event.result.problem} ".ljust(48, "─")
        return f"{rule}\n{scorecard(event.result, lang, color)}"
    if isinstance(event, watch.Regrading):
        return (
            "（採点中に保存されたので、新しい内容で採点し直します）"
            if ja
            else "(saved during the grade: grading the new version)"
        )
    if isinstance(event, watch.SwitchedToPolling):
        return (
            "（変更通知が届かないため、ポーリングに切り替えました）"
            if ja
            else "(no change events arrive here: switched to polling)"
        )
    if isinstance(event, watch.Passed):
        if event.next_id is None:
            return "合格！ すべて合格です。" if ja else "Passed! Everything is passed."
        return (
            f"合格！ 次の問題: {event.next_id}（n + Enter で進みます。それまでこのファイルを監視します）"
            if ja
            else f"Passed! Next: {event.next_id} (n + Enter to go on; until then this file stays watched)"
        )
    if isinstance(event, watch.NotPassedYet):
        return (
            f"{event.problem_id} はまだ合格していません。n で進めるのは合格してからです（終了: q + Enter）"
            if ja
            else f"{event.problem_id} has not passed yet: n goes on after a pass (q + Enter stops)"
        )
    if isinstance(event, watch.Next):
        return f"次の問題へ: {event.problem_id}" if ja else f"On to {event.problem_id}"
    raise TypeError(f"not a watch event: {event!r}")


def watch_stopped(lang: str) -> str:
    """The last line of `drill watch`."""
    return "監視を終了しました。" if lang == "ja" else "Stopped watching."


def dev_mutants(outcomes: list) -> str:
    """`drill dev mutants` (for maintainers, in English): per problem the mutants killed, then each
    survivor with the line to add to the equivalents file once it is reviewed as equivalent, and each
    listed entry of the problem that no longer matches a survivor."""
    lines = []
    total = killed = equivalent = stale = 0
    for outcome in outcomes:
        total, killed, equivalent = total + outcome.total, killed + outcome.killed, equivalent + outcome.equivalent
        lines.append(
            f"{outcome.problem}: {outcome.killed}/{outcome.total} killed"
            + (f", {outcome.equivalent} listed equivalent" if outcome.equivalent else "")
            + (f", {len(outcome.survivors)} survived" if outcome.survivors else "")
        )
        for mutant, fingerprint in outcome.survivors:
            lines.append(f"  line {mutant.line}: {mutant.operator}: {mutant.shown}  [{outcome.problem} {fingerprint}]")
        for fingerprint in outcome.stale:
            lines.append(f"  stale entry {outcome.problem} {fingerprint}: no surviving mutant has it (remove it)")
            stale += 1
    survived = total - killed - equivalent
    lines.append(
        f"total: {killed}/{total} killed, {equivalent} listed equivalent, {survived} survived"
        + (f", {stale} stale entries" if stale else "")
    )
    return "\n".join(lines)


def dev_coverage(gaps: list[str]) -> str:
    """`drill dev check --coverage`: the solutions' unreached lines and branches, or that there are none."""
    if gaps:
        return "\n".join([f"{len(gaps)} solution(s) with code no hidden case reaches:"] + [f"  - {g}" for g in gaps])
    return "coverage OK: every line and branch of every code solution is reached by its hidden cases"


def dev_check(offenders: list[str], problems: int) -> str:
    """`drill dev check` (for maintainers, in English): every offender, or that all is sound."""
    if offenders:
        return "\n".join([f"{len(offenders)} problem(s) found:"] + [f"  - {line}" for line in offenders])
    return f"catalog OK: {problems} problems; every stub fails, every solution passes"


AUTOGRADE_WRITTEN = Text("結果を {out} に書きました", "results written to {out}")


def autograde_done(result: Any, out: Any, lang: str) -> str:
    """`drill autograde`: the submission's problems, each with its score, then where the file went."""
    from grader.resultformats import summary

    return summary(result) + "\n" + AUTOGRADE_WRITTEN.format(lang, out=out)


EXPORTED = Text("{path} を書きました", "wrote {path}")
EXPORTED_PROBLEMS = Text("{path} を書きました（{n} 問を採点します）", "wrote {path} (it grades {n} problems)")
EXPORTED_PROBLEM = Text("{path} を書きました（{n} 問を採点します）", "wrote {path} (it grades {n} problem)")


def exported(path: Any, problems: int | None, lang: str) -> str:
    """`drill export`: what was written (and how many problems it grades)."""
    if problems is None:
        return EXPORTED.format(lang, path=path)
    return (EXPORTED_PROBLEM if problems == 1 else EXPORTED_PROBLEMS).format(lang, path=path, n=problems)


BATCH_DONE = Text(
    "{n} 件の提出（分担 {i}/{k}）: {graded} 件を採点、{skipped} 件は採点済みで省略、"
    "{failed} 件は採点の途中で失敗。結果: {out}",
    "{n} submissions (share {i}/{k}): {graded} graded, {skipped} skipped (already graded), {failed} failed while "
    "grading. Results: {out}",
)


def batch_done(summary: Any, out: Any, lang: str) -> str:
    """`drill grade-batch`: how many submissions its share had, and what it did with them."""
    lines = [
        BATCH_DONE.format(
            lang,
            n=len(summary.names),
            i=summary.shard[0],
            k=summary.shard[1],
            graded=len(summary.graded),
            skipped=len(summary.skipped),
            failed=len(summary.failed),
            out=out,
        )
    ]
    lines += [f"  {name}" for name in summary.failed]
    return "\n".join(lines)
