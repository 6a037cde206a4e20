"""The `drill` command: options, one call into the session core, render, exit code.

Exit codes: 0 everything passed, 1 a check failed or errored, 2 usage, catalog or workspace error.
A DrillError from the core becomes one `Error: …` line (exit 2), once, at the group.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from grader import report
from grader.errors import DrillError
from grader.options import LANGS, confirm_or_refuse, default_lang, json_option, seed_option, verbose_option, yes_option
from grader.resultformats import FORMATS
from grader.session import Session, init_workspace


class DrillClickError(click.ClickException):
    """A DrillError as Click shows it: one `Error: …` line, exit 2."""

    exit_code = 2


class DrillGroup(click.Group):
    """The group that maps the core's DrillError to `Error: …` and exit 2, for every command, in the
    chosen language; Click's own messages and every command's help are in that language too."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        from grader import clitexts, terminal

        terminal.degrade_unencodable(sys.stdout, sys.stderr)  # cp932 has no em dash: degrade, never crash
        words = list(sys.argv[1:] if args is None else args)
        clitexts.use(self, _lang_in(words) or default_lang())
        return super().main(words, *rest, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DrillError as exc:
            lang = ctx.obj.lang if isinstance(ctx.obj, Session) else default_lang()
            raise DrillClickError(exc.text(lang)) from None


def _lang_in(words: list[str]) -> str | None:
    """The value of the group's --lang among the command-line words, before Click parses them."""
    for i, word in enumerate(words):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(words) and words[i + 1] in LANGS:
            return words[i + 1]
        if word.startswith("--lang=") and word[7:] in LANGS:
            return word[7:]
    return None


JSON_VERSION = 1  # in every --json object; raised only when a key changes meaning or goes


def _echo_json(data: dict | list) -> None:
    """`data` as JSON, each object (the top one, or each of a top list) with "version": JSON_VERSION."""
    versioned = (
        [{"version": JSON_VERSION, **item} for item in data]
        if isinstance(data, list)
        else {"version": JSON_VERSION, **data}
    )
    click.echo(json.dumps(versioned, ensure_ascii=False, indent=2))


def _color() -> bool:
    return report.use_color(sys.stdout)


pass_session = click.make_pass_decorator(Session)


@click.group(cls=DrillGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="Language of texts and messages (default: DRILL_LANG, else LC_ALL / LANG, else Windows' display language).",
)
@click.option(
    "--workspace",
    "workspace_opt",
    metavar="DIR",
    default=None,
    help="The workspace to use (default: DRILL_WORKSPACE, else the nearest parent with problems.yaml).",
)
@click.version_option(package_name="drill", message="drill %(version)s")
@click.pass_context
def main(ctx: click.Context, lang: str | None, workspace_opt: str | None) -> None:
    """E資格 drill: solve problems, get graded at once.

    Example: drill next
    """
    chosen = lang or default_lang()
    ctx.obj = Session(chosen, workspace_opt, warn=lambda message: click.echo(report.warning(message, chosen), err=True))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--notebooks", is_flag=True, help="Also write a Jupyter notebook per problem into notebooks/.")
@pass_session
def init(session: Session, directory: Path, notebooks: bool) -> None:
    """Create a fresh workspace in DIRECTORY from the installed course.

    Example: drill init ~/e-shikaku
    """
    workspace = init_workspace(directory)
    click.echo(report.workspace_created(workspace.root, directory, session.lang))
    if notebooks:
        there = Session(session.lang, str(workspace.root))
        written = there.notebooks(list(there.catalog.ids))
        click.echo(report.notebooks_written(len(written), "notebooks/", session.lang))


@main.command()
@click.argument("problem_ids", metavar="ID...", nargs=-1, required=True)
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=None, help="Where (default: notebooks/)."
)
@pass_session
def notebook(session: Session, problem_ids: tuple[str, ...], out: Path | None) -> None:
    """Write a Jupyter notebook per problem: its statement, the cell to fill in, graded by %%drill.

    Example: drill notebook affine_backward softmax_with_loss
    """
    for path in session.notebooks(list(problem_ids), out):
        click.echo(report.notebook_written(session.workspace_relative(path), session.lang))


@main.command(name="list")
@click.option("--topic", default=None, help="Only problems of this topic (e.g. 02_backprop).")
@click.option(
    "--syllabus",
    "syllabus_id",
    metavar="ID",
    default=None,
    help="Only problems of this syllabus item (4-2-1, 4-2 or 4).",
)
@json_option
@pass_session
def list_cmd(session: Session, topic: str | None, syllabus_id: str | None, as_json: bool) -> None:
    """List the problems with their status.

    Example: drill list --syllabus 3-5
    """
    rows = session.rows(topic, syllabus_id)
    if as_json:
        _echo_json(rows)
        return
    click.echo(report.problem_list(rows, session.lang))


@main.command()
@click.argument("problem_id", metavar="ID")
@seed_option
@pass_session
def show(session: Session, problem_id: str, seed: int | None) -> None:
    """Show a problem's statement, the file to edit and how to grade it.

    Example: drill show affine_backward
    """
    click.echo(report.describe(session.show(problem_id, seed), session.lang))


@main.command(name="next")
@click.option("--explain", is_flag=True, help="Say why this problem comes next.")
@click.option(
    "--today", metavar="DATE", default=None, help="Schedule as of this date, YYYY-MM-DD (default: now, or DRILL_TODAY)."
)
@pass_session
def next_cmd(session: Session, explain: bool, today: str | None) -> None:
    """Show what to do next: due reviews first (spaced repetition), then new problems in order.

    Example: drill next --explain
    """
    click.echo(report.next_view(session.next(today), session.lang, explain))


@main.command()
@click.argument("problem_id", metavar="ID", required=False)
@click.option("--all", "all_", is_flag=True, help="Grade every problem; one table by topic.")
@click.option(
    "--answer",
    "answers",
    multiple=True,
    metavar="[KEY=]EXPR",
    help="An answer to a symbolic/choice/numeric problem (repeat for several parts).",
)
@verbose_option
@seed_option
@json_option
@pass_session
def grade(
    session: Session,
    problem_id: str | None,
    all_: bool,
    answers: tuple[str, ...],
    verbose: bool,
    seed: int | None,
    as_json: bool,
) -> None:
    """Grade a problem: run its checks and print a scorecard.

    Exit 0 when every check passes, 1 otherwise.

    Example: drill grade chain_rule_dzdx --answer 'dzdx=2(x+y)'
    """
    if all_ == bool(problem_id):
        raise click.UsageError(report.usage("one_id", session.lang))
    if all_:
        if answers:
            raise click.UsageError(report.usage("answer_with_all", session.lang))
        results = session.attempt_all()
        if as_json:
            _echo_json([r.to_json() for r in results])
        else:
            click.echo(report.summary_table(results, session.catalog, session.lang, _color()))
        sys.exit(0 if all(r.status == "pass" for r in results) else 1)
    assert problem_id is not None  # checked above: one ID or --all
    problem = session.problem(problem_id)
    spinner = report.grading_spinner(sys.stderr, session.lang)  # on a terminal, from 1 s on
    try:
        result = session.attempt(problem, answers, seed, once=True, waiting=None if as_json else spinner.start)
    finally:
        spinner.stop()
    if as_json:
        _echo_json(result.to_json())
    else:
        click.echo(report.scorecard(result, session.lang, _color(), verbose))
        note = report.review_note(session.last_review, problem.id, session.lang)
        if note:
            click.echo(note)
        if result.status == "pass" and session.numbers_will_change(problem):
            click.echo(report.numbers_note(problem.id, session.lang))
        if result.status == "pass":
            click.echo("\n" + report.explanation_view(session.explanation(problem), session.lang))
        elif result.status != "error":
            click.echo(report.explanation_pointer(problem.id, session.lang))
    sys.exit(0 if result.status == "pass" else 1)


@main.command()
@click.argument("problem_id", metavar="ID")
@pass_session
def hint(session: Session, problem_id: str) -> None:
    """Show the next hint tier of a problem (each call goes one tier further).

    Example: drill hint affine_backward
    """
    click.echo(report.hint_view(session.hint(problem_id), session.lang))


@main.command()
@click.argument("problem_id", metavar="ID")
@pass_session
def explain(session: Session, problem_id: str) -> None:
    """Show a problem's explanation: why the answer is what it is, the trap, the references.

    Read before a pass, it counts as help: the next pass is rated hard.

    Example: drill explain affine_backward
    """
    click.echo(report.explanation_view(session.explain(problem_id), session.lang))


@main.command()
@click.argument("problem_id", metavar="ID")
@yes_option
@pass_session
def solution(session: Session, problem_id: str, yes: bool) -> None:
    """Show the reference solution: freely after a pass, with --yes (or a confirmation) before.

    Example: drill solution affine_backward --yes
    """

    def confirm() -> bool:
        return yes or confirm_or_refuse(
            report.solution_question(problem_id, session.lang), report.solution_refusal(problem_id)
        )

    text = session.solution(problem_id, confirm)
    if text is not None:
        click.echo(text)


@main.command()
@click.argument("problem_id", metavar="ID", required=False)
@click.option("--all", "all_", is_flag=True, help="Restore every stub.")
@yes_option
@pass_session
def reset(session: Session, problem_id: str | None, all_: bool, yes: bool) -> None:
    """Restore a problem's stub; your file is first copied to .drill/backup/.

    Example: drill reset affine_backward --yes
    """
    if all_ == bool(problem_id):
        raise click.UsageError(report.usage("one_id", session.lang))
    problems = session.problems_to_reset(None if all_ else problem_id)
    if not yes and not confirm_or_refuse(
        report.reset_question(None if all_ else problem_id, session.lang),
        report.reset_refusal("--all" if all_ or problem_id is None else problem_id),
    ):
        return
    lines = report.reset_outcomes(session.reset(problems), session.lang, quiet_when_unchanged=all_)
    if lines:
        click.echo(lines)


@main.command()
@click.option("--today", metavar="DATE", default=None, help="As of this date, YYYY-MM-DD (default: now).")
@json_option
@pass_session
def stats(session: Session, today: str | None, as_json: bool) -> None:
    """Show progress by syllabus area and topic, help used, reviews due and the streak.

    Example: drill stats
    """
    figures = session.stats(today)
    if as_json:
        _echo_json(figures.to_json())
        return
    click.echo(report.stats_view(figures, session.lang, _color()))


@main.command()
@click.option("--minutes", type=click.IntRange(1, 600), default=None, help="Time limit (default: 30).")
@click.option(
    "--questions", "count", type=click.IntRange(1, 200), default=None, help="Number of questions (default: 20)."
)
@click.option("--full", is_flag=True, help="The full-size exam: 100 questions in 120 minutes.")
@click.option("--area", type=click.IntRange(1, 5), default=None, help="Only this syllabus area (1-5).")
@click.option("--seed", type=int, default=None, help="Draw the same exam again (default: a new one).")
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Read answers from FILE (lines 'problem_id.part = answer', options by the catalog's letters "
    "as drill show prints them) instead of asking.",
)
@click.option("--resume", is_flag=True, help="Go on with the exam Ctrl-C interrupted, with its remaining time.")
@click.option("--review", is_flag=True, help="Walk through the mistakes of the last mock exam.")
@pass_session
def exam(
    session: Session,
    minutes: int | None,
    count: int | None,
    full: bool,
    area: int | None,
    seed: int | None,
    answers_file: Path | None,
    resume: bool,
    review: bool,
) -> None:
    """A timed mock exam of choice, numeric and symbolic questions, scored per syllabus area and
    score-report category; exit 1 below the pass line. Ctrl-C saves it for --resume.

    Example: drill exam --full
    """
    if review:
        click.echo(report.exam_review(session.last_exam(), session.catalog, session.lang))
        return
    if resume and (full or minutes or count or area or seed is not None):
        raise click.UsageError(report.usage("resume_alone", session.lang))
    spec = session.catalog.exam
    minutes = minutes or (spec.minutes if full else 30)
    count = count or (spec.questions if full else 20)

    def started(sitting) -> None:
        click.echo(report.exam_start(sitting, session.lang, spec.pass_line, resume))

    def ask(prompt) -> str:
        if prompt.again:
            click.echo(report.exam_again(prompt.again, session.lang))
        elif prompt.first:
            click.echo(report.exam_question(prompt, session.lang, session.catalog))
        return click.prompt(f"  [{prompt.number}] {prompt.part}", default="", show_default=False)

    try:
        record = session.exam(count, minutes, area, seed, ask, answers_file, started=started, resume=resume)
    except (click.Abort, KeyboardInterrupt):
        interrupted = session.interrupted_exam()
        click.echo(report.exam_interrupted(interrupted, session.lang))
        sys.exit(130)
    click.echo(report.exam_result(record, session.lang, session.catalog))
    sys.exit(0 if record.passed else 1)


@main.command()
@click.argument("problem_id", metavar="ID", required=False)
@click.option("--poll", is_flag=True, help="Poll for changes (WSL mounts, network drives) instead of events.")
@pass_session
def watch(session: Session, problem_id: str | None, poll: bool) -> None:
    """Re-grade a problem each time its file is saved (a save during a grade starts it again).

    After a pass it stays on the problem: n and Enter go on to the next. q and Enter (or Ctrl-C) stop.

    Example: drill watch affine_backward
    """
    import queue
    import threading

    from grader.watch import read_commands

    stop = threading.Event()
    inbox: queue.Queue = queue.Queue()
    events = session.watch(problem_id, poll, stop, inbox)
    read_commands(stop, inbox, sys.stdin)
    try:
        for event in events:
            click.echo(report.watch_event(event, session.lang, _color()))
    except KeyboardInterrupt:  # Ctrl-C: stopped as asked, and says so with the shell's code for it
        stop.set()
        click.echo(report.watch_stopped(session.lang))
        sys.exit(130)
    click.echo(report.watch_stopped(session.lang))


_user_options = [
    click.option(
        "--user",
        default=None,
        metavar="NAME|UID",
        help="Run the learners' code as this user (default: nobody; drill must run as root).",
    ),
    click.option(
        "--allow-same-user",
        is_flag=True,
        help="Without root: run the learners' code as drill's own user (it can then read what drill can).",
    ),
]


_submitted_problems_option = click.option(  # autograde and grade-batch: a submission holds some of them
    "--problems",
    "problem_ids",
    multiple=True,
    metavar="ID…",
    help="The problems to grade, in order (repeat, or separate by commas; default: those whose files are there).",
)

_config_option = click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The course config (YAML: problems, files: ID -> path in a submission, after_due).",
)


def _user_option(f):
    for option in reversed(_user_options):
        f = option(f)
    return _config_option(f)


@main.command()
@click.argument("submission_dir", metavar="SUBMISSION_DIR", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="drill", show_default=True, help="The results file's format."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The results file.")
@_submitted_problems_option
@click.option(
    "--submission-id",
    default=None,
    help="Seeds the numbers of parametric problems (default: DRILL_SUBMISSION_ID, else the folder's name).",
)
@click.option(
    "--after-due",
    multiple=True,
    metavar="ID[/CHECK]",
    help="Gradescope: show these checks to the learner only after the due date (repeat).",
)
@_user_option
@pass_session
def autograde(
    session: Session,
    submission_dir: Path,
    fmt: str,
    out: Path,
    problem_ids: tuple[str, ...],
    submission_id: str | None,
    after_due: tuple[str, ...],
    user: str | None,
    allow_same_user: bool,
    config: Path | None,
) -> None:
    """Grade one learner's submission for a course's autograder and write its results file.

    Writes no history. Exits 0 once the results file is written, whatever the grades (drill's own
    failure is a result with status error); 2 when it cannot be written.

    Example: drill autograde /autograder/submission --format gradescope --out /autograder/results/results.json
    """
    result = session.autograde(
        submission_dir, fmt, out, problem_ids, submission_id, after_due, user, allow_same_user, config
    )
    click.echo(report.autograde_done(result, out, session.lang))


@main.command(name="grade-batch")
@click.argument("batch_dir", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Where the results files go."
)
@_submitted_problems_option
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="drill", show_default=True, help="The results files' format."
)
@click.option("--jobs", type=click.IntRange(1, 256), default=2, show_default=True, help="Submissions graded at once.")
@click.option(
    "--shard",
    metavar="I/N",
    default=None,
    help="Only share I of N (0 <= I < N); I may be auto: the job array's index (JOB_COMPLETION_INDEX, "
    "AWS_BATCH_JOB_ARRAY_INDEX, SLURM_ARRAY_TASK_ID, DRILL_SHARD_INDEX).",
)
@_user_option
@pass_session
def grade_batch(
    session: Session,
    batch_dir: Path,
    out: Path,
    problem_ids: tuple[str, ...],
    fmt: str,
    jobs: int,
    shard: str | None,
    user: str | None,
    allow_same_user: bool,
    config: Path | None,
) -> None:
    """Grade a folder of submissions (one sub-folder each) into one results file each.

    A rerun skips the submissions whose results file exists. Exit 0 once every file is written.

    Example: drill grade-batch submissions/ --out results/ --jobs 2 --shard auto/4
    """
    summary = session.grade_batch(batch_dir, out, problem_ids, fmt, jobs, shard, user, allow_same_user, config)
    click.echo(report.batch_done(summary, out, session.lang))


@main.command()
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--csv", "as_csv", is_flag=True, help="CSV: a row per learner, a column per problem (the default).")
@json_option
@click.option(
    "-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here, not to stdout."
)
@pass_session
def collect(session: Session, folder: Path, as_csv: bool, as_json: bool, out: Path | None) -> None:
    """Merge a folder of drill results files into one gradebook (learner × problem).

    Example: drill collect results/ --csv -o gradebook.csv
    """
    if as_csv and as_json:
        raise click.UsageError(report.usage("csv_or_json", session.lang))
    book = session.collect(folder)
    for line in book.skipped:
        click.echo(line, err=True)
    text = json.dumps(book.to_json(), ensure_ascii=False, indent=2) + "\n" if as_json else book.to_csv()
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


@main.group()
def export() -> None:
    """Write what a course's engine needs to run drill autograde.

    Example: drill export gradescope -o autograder.zip --problems relu_layer,affine_layer
    """


_problems_option = click.option(
    "--problems",
    "problem_ids",
    multiple=True,
    metavar="ID…",
    help="The problems to grade (repeat, or separate by commas; default: all).",
)


@export.command(name="gradescope")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The zip to write.")
@_problems_option
@pass_session
def export_gradescope(session: Session, out: Path, problem_ids: tuple[str, ...]) -> None:
    """Gradescope's autograder zip: setup.sh, run_autograder and drill with its course.

    Example: drill export gradescope -o autograder.zip --problems relu_layer
    """
    problems = session.export_gradescope(out, problem_ids)
    click.echo(report.exported(out, len(problems), session.lang))


@export.command(name="classroom")
@click.option(
    "-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help="The repository's root."
)
@_problems_option
@click.option(
    "--install",
    required=True,
    help="What pip installs drill from in the workflow (e.g. git+https://github.com/ORG/drill@v0.1.0).",
)
@pass_session
def export_classroom(session: Session, out: Path, problem_ids: tuple[str, ...], install: str) -> None:
    """GitHub Classroom: the workflow .github/workflows/classroom.yml and .github/classroom/autograding.json.

    Example: drill export classroom -o . --install git+https://github.com/ORG/drill
    """
    for path in session.export_classroom(out, install, problem_ids):
        click.echo(report.exported(path, None, session.lang))


@main.group()
def dev() -> None:
    """Maintainer commands.

    Example: drill dev check
    """


@dev.command()
@click.option("--coverage", is_flag=True, help="Also report solution lines and branches no hidden case reaches.")
@click.option("--jobs", type=click.IntRange(1, 64), default=2, show_default=True, help="Problems graded at once.")
@pass_session
def check(session: Session, coverage: bool, jobs: int) -> None:
    """Check the catalog: schema, files, hints, every stub fails and every solution passes.

    With --coverage, also run each code problem's solution on its hidden cases under coverage.py
    (branch coverage) and list the lines and branches no case reaches.

    Example: drill dev check --coverage
    """
    offenders = session.dev_check(jobs)
    click.echo(report.dev_check(offenders, len(session.catalog.problems)))
    gaps = session.dev_coverage() if coverage else []
    if coverage:
        click.echo(report.dev_coverage(gaps))
    sys.exit(1 if offenders or gaps else 0)


@dev.command()
@click.argument("ids", nargs=-1)
@click.option("--jobs", type=click.IntRange(1, 64), default=2, show_default=True, help="Mutants graded at once.")
@pass_session
def mutants(session: Session, ids: tuple[str, ...], jobs: int) -> None:
    """Mutate each code solution where the learner writes and grade every mutant: list the survivors.

    A survivor is a wrong answer the hidden tests accept, unless it is listed as equivalent (with
    its reason) in tests/mutants-equivalent.txt. An entry there that matches no survivor of its
    problem (the mutant is now killed, or the solution was edited) is stale and fails too.

    Example: drill dev mutants relu_layer affine_backward
    """
    outcomes = session.dev_mutants(ids, jobs)
    click.echo(report.dev_mutants(outcomes))
    sys.exit(1 if any(o.survivors or o.stale for o in outcomes) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
