"""The `drill` command: parse options, call the core, render, map errors to exit codes.

Exit codes: 0 everything passed, 1 a check failed or errored, 2 usage, catalog or workspace error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from grader.errors import DrillError, UnknownProblem
from grader.options import LANGS, default_lang, json_option, yes_option


class DrillClickError(click.ClickException):
    """A DrillError as Click shows it: one `Error: …` line, exit 2."""

    exit_code = 2


class State:
    """Per-invocation state: language, and the workspace / catalog / history loaded on demand."""

    def __init__(self, lang: str, workspace_opt: str | None):
        self.lang = lang
        self.workspace_opt = workspace_opt
        self._workspace = None
        self._catalog = None
        self._history = None

    @property
    def workspace(self):
        if self._workspace is None:
            from grader import workspace

            self._workspace = workspace.find(self.workspace_opt)
        return self._workspace

    @property
    def catalog(self):
        if self._catalog is None:
            from grader import catalog

            self._catalog = catalog.load(self.workspace.catalog_path, self.workspace.state_dir / "cache")
        return self._catalog

    @property
    def history(self):
        if self._history is None:
            from grader.history import History

            self._history = History.open(self.workspace.history_path)
            self.warn_history()
        return self._history

    def warn_history(self) -> None:
        if self._history is not None and self._history.warning:
            click.echo(f"Warning: {self._history.warning}", err=True)
            self._history.warning = None

    def seed_for(self, problem, explicit: int | None = None) -> int | None:
        """The seed of a parametric problem's numbers: --seed, else the one in the history."""
        if explicit is not None:
            return explicit
        if not problem.variables:
            return None
        from grader.params import default_seed

        return self.history.current_seed(problem.id, default_seed(problem.id))

    def problem(self, problem_id: str):
        found = self.catalog.get(problem_id)
        if found is None:
            import difflib

            close = difflib.get_close_matches(problem_id, self.catalog.ids, n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise UnknownProblem(f"unknown problem '{problem_id}'.{hint} (drill list)")
        return found


def _run(fn):
    """Call the core; turn DrillError into one `Error:` line with exit code 2."""
    try:
        return fn()
    except DrillError as exc:
        raise DrillClickError(str(exc)) from None


pass_state = click.make_pass_decorator(State)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of texts and messages (default: DRILL_LANG, else from LANG).")
@click.option("--workspace", "workspace_opt", metavar="DIR", default=None,
              help="The workspace to use (default: DRILL_WORKSPACE, else the nearest parent with problems.yaml).")
@click.version_option(package_name="drill", message="drill %(version)s")
@click.pass_context
def main(ctx, lang, workspace_opt):
    """E資格 drill: solve problems, get graded at once.

    Example: drill next
    """
    ctx.obj = State(lang or default_lang(), workspace_opt)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@pass_state
def init(state, directory):
    """Create a fresh workspace in DIRECTORY from the installed course.

    Example: drill init ~/e-shikaku
    """
    from grader import workspace

    ws = _run(lambda: workspace.init(directory))
    if state.lang == "ja":
        click.echo(f"ワークスペースを作成しました: {ws.root}\n次: cd {directory} && drill next")
    else:
        click.echo(f"Created a workspace at {ws.root}\nNext: cd {directory} && drill next")


def _list_rows(state, topic: str | None) -> list[dict]:
    statuses = state.history.statuses()
    rows = []
    for p in state.catalog.problems:
        if topic and p.topic != topic:
            continue
        rows.append({"id": p.id, "topic": p.topic, "kind": p.kind, "title": p.title.get(state.lang),
                     "points": p.points, "status": statuses.get(p.id, "new"), "file": p.file,
                     "requires": list(p.requires)})
    return rows


@main.command(name="list")
@click.option("--topic", default=None, help="Only problems of this topic (e.g. 02_backprop).")
@json_option
@pass_state
def list_cmd(state, topic, as_json):
    """List the problems with their status.

    Example: drill list --topic 02_backprop
    """
    rows = _run(lambda: _list_rows(state, topic))
    if topic and not rows:
        topics = sorted({p.topic for p in state.catalog.problems})
        raise DrillClickError(f"no problems with topic '{topic}'. Topics: {', '.join(topics)}")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from grader import report

    click.echo(report.problem_list(rows, state.lang))


def _describe(state, problem, seed: int | None = None) -> str:
    ja = state.lang == "ja"
    statement = problem.statement.get(state.lang)
    if problem.variables:
        from grader.params import draw, render

        statement = render(statement, draw(problem, state.seed_for(problem, seed)))
    lines = [f"{problem.id} — {problem.title.get(state.lang)} ({problem.points:g} {'点' if ja else 'points'})", "",
             statement, ""]
    if problem.is_code:
        lines.append(("編集するファイル: " if ja else "File to edit: ") + problem.file)
        lines.append(("採点: " if ja else "Grade with: ") + f"drill grade {problem.id}")
    else:
        parts = ", ".join(problem.parts)
        lines.append(("解答ファイル: " if ja else "Answer file: ") + problem.file
                     + (f"（解答キー: {parts}）" if ja else f" (answer keys: {parts})"))
        example = f"drill grade {problem.id} --answer '{problem.parts[0]}=…'"
        lines.append(("採点: " if ja else "Grade with: ") + f"drill grade {problem.id}  /  {example}")
    if problem.requires:
        lines.append(("前提: " if ja else "Requires: ") + ", ".join(problem.requires))
    lines.append(("ヒント: " if ja else "Hints: ") + f"drill hint {problem.id}")
    return "\n".join(lines)


seed_option = click.option("--seed", type=int, default=None,
                           help="Numbers of a parametric problem from this seed (default: the current draw).")


@main.command()
@click.argument("problem_id", metavar="ID")
@seed_option
@pass_state
def show(state, problem_id, seed):
    """Show a problem's statement, the file to edit and how to grade it.

    Example: drill show affine_backward
    """
    from grader.schedule import now_from

    problem = _run(lambda: state.problem(problem_id))
    click.echo(_describe(state, problem, seed))
    state.history.record_view(problem.id, _run(lambda: now_from(None)))


def _explain(state, pick) -> str:
    from datetime import datetime, timezone

    ja = state.lang == "ja"
    if pick.reason == "due":
        when = datetime.fromtimestamp(pick.due, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        return (f"理由: 復習の期限（{when}）が来ています（前回の評価: {pick.rating}）" if ja
                else f"Why: a review due since {when} (last rated {pick.rating})")
    reqs = ", ".join(pick.problem.requires)
    if reqs:
        return (f"理由: 未着手の問題で、前提（{reqs}）に合格済みです" if ja
                else f"Why: new, and its prerequisites ({reqs}) are passed")
    return "理由: 未着手の問題です（前提なし）" if ja else "Why: new, with no prerequisites"


@main.command(name="next")
@click.option("--explain", is_flag=True, help="Say why this problem comes next.")
@click.option("--today", metavar="DATE", default=None,
              help="Schedule as of this date, YYYY-MM-DD (default: now, or DRILL_TODAY).")
@pass_state
def next_cmd(state, explain, today):
    """Show what to do next: due reviews first (spaced repetition), then new problems in order.

    Example: drill next --explain
    """
    from grader.schedule import next_problem, now_from

    now = _run(lambda: now_from(today))
    pick = _run(lambda: next_problem(state.catalog, state.history.statuses(), state.history, now))
    if pick is None:
        click.echo("すべての問題に合格しました。今日の復習はありません。" if state.lang == "ja"
                   else "All problems are passed, and no review is due.")
        return
    state.history.record_view(pick.problem.id, now)
    label = ("復習: " if pick.reason == "due" else "次の問題: ") if state.lang == "ja" else (
        "Review: " if pick.reason == "due" else "Next: ")
    click.echo(label + _describe(state, pick.problem))
    if explain:
        click.echo(_explain(state, pick))


def _import_for_report() -> None:
    """Import what the end of `drill grade` needs (tabulate for the scorecard, fsrs for the review);
    called while a second process (the learner's code, or sympy) works, to take them off the wait."""
    import importlib

    for name in ("tabulate", "fsrs"):
        importlib.import_module(name)


def _grade_one(state, problem, answers=(), seed: int | None = None, once: bool = False):
    """Grade, schedule the review, record the attempt. `once`: this process grades nothing else
    (`drill grade ID`); see grading.grade."""
    from grader.grading import grade

    from grader.schedule import now_from, rating_for, review

    used = state.seed_for(problem, seed)
    result = _run(lambda: grade(state.workspace, problem, state.lang, tuple(answers), used,
                                while_waiting=_import_for_report, once=once))
    if state.history.usable and result.status != "error":
        now = _run(lambda: now_from(None))
        review(state.history, problem.id, rating_for(result, state.history, problem.id, now), now)
    state.history.record_attempt(result, state.workspace.exercise_path(problem), used)
    if result.status == "pass" and problem.variables and seed is None:
        state.history.new_seed(problem.id)  # next time, fresh numbers
    state.warn_history()
    return result


@main.command()
@click.argument("problem_id", metavar="ID", required=False)
@click.option("--all", "all_", is_flag=True, help="Grade every problem; one table by topic.")
@click.option("--answer", "answers", multiple=True, metavar="[KEY=]EXPR",
              help="An answer to a symbolic/choice/numeric problem (repeat for several parts).")
@click.option("--verbose", "-v", is_flag=True, help="Also show the output of passing checks.")
@seed_option
@json_option
@pass_state
def grade(state, problem_id, all_, answers, verbose, seed, as_json):
    """Grade a problem: run its checks and print a scorecard.

    Exit 0 when every check passes, 1 otherwise.

    Example: drill grade chain_rule_dzdx --answer 'dzdx=2(x+y)'
    """
    from grader import report

    if all_ == bool(problem_id):
        raise click.UsageError("give one problem ID, or --all")
    if all_:
        if answers:
            raise click.UsageError("--answer goes with one problem ID, not --all")
        results = [_grade_one(state, p) for p in _run(lambda: state.catalog.problems)]
        if as_json:
            click.echo(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=2))
        else:
            click.echo(report.summary_table(results, state.catalog, state.lang, report.use_color(sys.stdout)))
        sys.exit(0 if all(r.status == "pass" for r in results) else 1)
    problem = _run(lambda: state.problem(problem_id))
    result = _grade_one(state, problem, answers, seed, once=True)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.scorecard(result, state.lang, report.use_color(sys.stdout), verbose))
    sys.exit(0 if result.status == "pass" else 1)


@main.command()
@click.argument("problem_id", metavar="ID")
@pass_state
def hint(state, problem_id):
    """Show the next hint tier of a problem (each call goes one tier further).

    Example: drill hint affine_backward
    """
    problem = _run(lambda: state.problem(problem_id))
    tiers = problem.hints(state.lang)
    if problem.variables:
        from grader.params import draw, render

        values = draw(problem, state.seed_for(problem))
        tiers = tuple(render(t, values) for t in tiers)
    shown = state.history.hints_shown(problem.id)
    tier = min(shown + 1, len(tiers))
    state.history.record_hint(problem.id, tier)
    state.warn_history()
    label = "ヒント" if state.lang == "ja" else "Hint"
    click.echo(f"{label} {tier}/{len(tiers)}: {tiers[tier - 1]}")
    if tier == len(tiers) and shown >= len(tiers):
        click.echo("（これが最後のヒントです）" if state.lang == "ja" else "(that was the last hint)")


@main.command()
@click.argument("problem_id", metavar="ID")
@yes_option
@pass_state
def solution(state, problem_id, yes):
    """Show the reference solution: freely after a pass, with --yes (or a confirmation) before.

    Example: drill solution affine_backward --yes
    """
    problem = _run(lambda: state.problem(problem_id))
    passed = state.history.statuses().get(problem.id) == "passed"
    if not passed and not yes:
        question = (f"'{problem.id}' にはまだ合格していません。解答を表示しますか？" if state.lang == "ja"
                    else f"You have not passed '{problem.id}' yet. Show the solution anyway?")
        if not sys.stdin.isatty():
            raise DrillClickError(f"you have not passed '{problem.id}' yet. Run 'drill solution "
                                  f"{problem.id} --yes' to see it anyway.")
        if not click.confirm(question, default=False):
            return
    path = state.workspace.solution_path(problem)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise DrillClickError(f"the solution of '{problem.id}' is missing ({path}).") from None
    state.history.record_solution(problem.id, passed)
    state.warn_history()
    click.echo(text.rstrip("\n"))


@main.command()
@click.argument("problem_id", metavar="ID", required=False)
@click.option("--all", "all_", is_flag=True, help="Restore every stub.")
@yes_option
@pass_state
def reset(state, problem_id, all_, yes):
    """Restore a problem's stub; your file is first copied to .drill/backup/.

    Example: drill reset affine_backward --yes
    """
    from grader import workspace

    if all_ == bool(problem_id):
        raise click.UsageError("give one problem ID, or --all")
    problems = _run(lambda: state.catalog.problems) if all_ else [_run(lambda: state.problem(problem_id))]
    if not yes:
        what = "すべての問題" if all_ and state.lang == "ja" else ("every problem" if all_ else problem_id)
        question = (f"{what} のファイルをスタブに戻しますか？" if state.lang == "ja"
                    else f"Restore the stub of {what}?")
        if not sys.stdin.isatty():
            raise DrillClickError(f"resetting needs confirmation: run 'drill reset "
                                  f"{'--all' if all_ else problem_id} --yes'.")
        if not click.confirm(question, default=False):
            return
    for problem in problems:
        backup = _run(lambda: workspace.reset(state.workspace, problem))
        rel = state.workspace.relative(state.workspace.exercise_path(problem))
        if backup:
            saved = state.workspace.relative(backup)
            click.echo(f"{rel}: リセットしました（元のファイル: {saved}）" if state.lang == "ja"
                       else f"{rel}: reset (your file was saved as {saved})")
        elif not all_:
            click.echo(f"{rel}: 変更はありません" if state.lang == "ja" else f"{rel}: already the stub")


@main.command()
@click.option("--today", metavar="DATE", default=None, help="As of this date, YYYY-MM-DD (default: now).")
@json_option
@pass_state
def stats(state, today, as_json):
    """Show progress by syllabus area and topic, help used, reviews due and the streak.

    Example: drill stats
    """
    from grader import report
    from grader import stats as stats_mod
    from grader.schedule import now_from

    now = _run(lambda: now_from(today))
    figures = _run(lambda: stats_mod.compute(state.catalog, state.history, now, state.lang))
    if as_json:
        click.echo(json.dumps(figures.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(report.stats_view(figures, state.lang, report.use_color(sys.stdout)))


def _exam_review(state) -> None:
    from grader.stats import AREAS

    ja = state.lang == "ja"
    last = state.history.last_exam()
    if last is None:
        raise DrillClickError("no mock exam in the history yet. Run 'drill exam' first.")
    mistakes = [q for q in last["details"] if q["status"] != "pass"]
    head = (f"前回の模擬試験: {last['score']:g}/{last['max_score']:g} 点、間違い {len(mistakes)} 問" if ja
            else f"Last mock exam: {last['score']:g}/{last['max_score']:g} points, {len(mistakes)} question(s) to review")
    click.echo(head)
    for q in mistakes:
        problem = state.catalog.get(q["problem"])
        if problem is None:
            continue
        area = AREAS[problem.area][0 if ja else 1]
        click.echo(f"\n== {problem.id} — {problem.title.get(state.lang)} ({area})")
        for part in q["parts"]:
            if part["status"] == "pass":
                continue
            mine = part["answer"] if part["answer"] else ("（無回答）" if ja else "(no answer)")
            click.echo(f"  {part['part']}: {'あなたの答え' if ja else 'your answer'} {mine}; "
                       f"{'正解' if ja else 'right answer'} {part['expected']}")
            click.echo(f"    {part['message']}")
            if part.get("diagnosis"):
                click.echo(f"    → {part['diagnosis']}")
        hints = problem.hints(state.lang)
        click.echo(("  解説: " if ja else "  Explanation: ") + hints[-1])


@main.command()
@click.option("--minutes", type=click.IntRange(1, 600), default=30, show_default=True, help="Time limit.")
@click.option("--questions", "count", type=click.IntRange(1, 200), default=20, show_default=True,
              help="Number of questions.")
@click.option("--area", type=click.IntRange(1, 5), default=None, help="Only this syllabus area (1-5).")
@click.option("--seed", type=int, default=None, help="Draw the same exam again (default: a new one).")
@click.option("--answers", "answers_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read answers from FILE (lines 'problem_id.part = answer') instead of asking.")
@click.option("--review", is_flag=True, help="Walk through the mistakes of the last mock exam.")
@pass_state
def exam(state, minutes, count, area, seed, answers_file, review):
    """A timed mock exam of choice, numeric and symbolic questions, scored per syllabus area.

    Example: drill exam --minutes 30 --questions 20
    """
    import secrets
    import time as time_mod

    from grader import exam as exam_mod
    from grader.params import draw as draw_values
    from grader.params import render
    from grader.stats import AREAS

    if review:
        _exam_review(state)
        return
    ja = state.lang == "ja"
    seed = secrets.randbelow(2**31) if seed is None else seed
    questions = _run(lambda: exam_mod.draw(state.catalog, seed, count, area))
    if not questions:
        raise DrillClickError("no choice, numeric or symbolic problems to draw from" + (f" in area {area}" if area else ""))
    given = None
    if answers_file is not None:
        try:
            given = exam_mod.parse_answers(answers_file.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise DrillClickError(f"cannot read {answers_file}: {exc}") from None
    click.echo(f"模擬試験: {len(questions)} 問、{minutes} 分、合格ライン {exam_mod.PASS_LINE:.0%}（seed {seed}）" if ja
               else f"Mock exam: {len(questions)} questions, {minutes} minutes, pass line "
                    f"{exam_mod.PASS_LINE:.0%} (seed {seed})")
    deadline = time_mod.monotonic() + minutes * 60
    result = exam_mod.ExamResult(seed)
    for number, question in enumerate(questions, start=1):
        problem = question.problem
        answers: dict[str, str] = {}
        left = deadline - time_mod.monotonic()
        if given is not None:
            answers = dict(given.get(problem.id, {}))
        elif left > 0:
            values = draw_values(problem, question.seed)
            clock = f"{int(left) // 60:02d}:{int(left) % 60:02d}"
            click.echo(f"\n[{number}/{len(questions)}] {'残り' if ja else 'time left'} {clock} — "
                       f"{problem.title.get(state.lang)} ({AREAS[problem.area][0 if ja else 1]})")
            click.echo(render(problem.statement.get(state.lang), values))
            for part in problem.parts:
                if time_mod.monotonic() >= deadline:
                    break
                answers[part] = click.prompt(f"  {part}", default="", show_default=False)
        if not answers:
            result.unanswered += 1
        result.questions.append((question, exam_mod.grade_question(question, answers, state.lang), answers))
    if given is None and time_mod.monotonic() >= deadline:
        click.echo("\n時間切れです。" if ja else "\nTime is up.")
    rows = []
    for area_no, (score, max_score) in result.by_area().items():
        share = score / max_score if max_score else 0.0
        rows.append((f"{area_no} {AREAS[area_no][0 if ja else 1]}", f"{score:g}/{max_score:g}", f"{share:.0%}"))
    from tabulate import tabulate

    click.echo("")
    click.echo(tabulate(rows, headers=["分野" if ja else "area", "得点" if ja else "score", "%"],
                        tablefmt="simple", disable_numparse=True))
    total = result.score / result.max_score if result.max_score else 0.0
    verdict = ("合格ライン到達" if result.passed else "合格ライン未満") if ja else ("PASS" if result.passed else "BELOW the pass line")
    click.echo(f"{'合計' if ja else 'total'}: {result.score:g}/{result.max_score:g} ({total:.0%}) — {verdict}"
               f" ({exam_mod.PASS_LINE:.0%})")
    details = []
    for question, graded, answers in result.questions:
        values = draw_values(question.problem, question.seed)
        parts = []
        for spec, check in zip(question.problem.checks, graded.checks):
            part = spec.params["part"]
            parts.append({"part": part, "answer": answers.get(part, ""), "status": check.status,
                          "expected": exam_mod.expected_answer(question.problem, spec, values),
                          "message": check.message, "diagnosis": check.diagnosis})
        details.append({"problem": question.problem.id, "seed": question.seed, "status": graded.status,
                        "score": graded.score, "max_score": graded.max_score, "parts": parts})
    state.history.record_exam(seed, result.score, result.max_score, details)
    state.warn_history()
    if any(q["status"] != "pass" for q in details):
        click.echo("間違いの解説: drill exam --review" if ja else "Review the mistakes: drill exam --review")
    sys.exit(0 if result.passed else 1)


@main.command()
@click.argument("problem_id", metavar="ID", required=False)
@click.option("--poll", is_flag=True, help="Poll for changes (WSL mounts, network drives) instead of events.")
@pass_state
def watch(state, problem_id, poll):
    """Re-grade a problem each time its file is saved; after a pass, move on to the next one.

    Type q and Enter (or Ctrl-C) to stop.

    Example: drill watch affine_backward
    """
    import threading

    from grader import report
    from grader import watch as watch_mod
    from grader.schedule import next_problem, now_from

    ja = state.lang == "ja"

    def pick_next():
        pick = next_problem(state.catalog, state.history.statuses(), state.history, now_from(None))
        return pick.problem if pick else None

    problem = _run(lambda: state.problem(problem_id)) if problem_id else _run(pick_next)
    stop = threading.Event()
    watch_mod.quit_on_q(stop, sys.stdin)
    try:
        while problem is not None and not stop.is_set():
            path = state.workspace.exercise_path(problem)
            rel = state.workspace.relative(path)
            click.echo((f"監視中: {rel}（保存すると採点します。終了: q + Enter または Ctrl-C）" if ja
                        else f"Watching {rel} (save to grade; q + Enter or Ctrl-C to stop)"))
            result = _grade_one(state, problem)
            click.echo(report.scorecard(result, state.lang, report.use_color(sys.stdout)))
            passed = result.status == "pass"
            for how in ([] if passed else watch_mod.changes(path, stop, poll)):
                if how == "missed" and not poll:
                    click.echo("（変更通知が届かないため、ポーリングに切り替えました）" if ja
                               else "(no change events arrive here: switched to polling)")
                result = _grade_one(state, problem)
                click.echo(report.scorecard(result, state.lang, report.use_color(sys.stdout)))
                if result.status == "pass":
                    passed = True
                    break
            if not passed:
                break
            following = pick_next()
            if following is None or following.id == problem.id:
                click.echo("すべて合格です。" if ja else "Everything is passed.")
                break
            click.echo((f"合格！ 次の問題: {following.id}" if ja else f"Passed! Next: {following.id}"))
            problem = following
    except KeyboardInterrupt:
        pass
    click.echo("監視を終了しました。" if ja else "Stopped watching.")


@main.group()
def dev():
    """Maintainer commands.

    Example: drill dev check
    """


@dev.command()
@pass_state
def check(state):
    """Check the catalog: schema, files, hints, every stub fails and every solution passes.

    Example: drill dev check
    """
    from grader import devcheck

    offenders = _run(lambda: devcheck.run(state.workspace, state.catalog))
    if offenders:
        click.echo(f"{len(offenders)} problem(s) found:")
        for line in offenders:
            click.echo(f"  - {line}")
        sys.exit(1)
    click.echo(f"catalog OK: {len(state.catalog.problems)} problems; every stub fails, every solution passes")


if __name__ == "__main__":  # pragma: no cover
    main()
