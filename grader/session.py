"""The learner-facing operations, one place for the CLI, the notebook and watch.

(The views it returns are NamedTuples rather than dataclasses: a frozen dataclass costs about half a
millisecond to create at import, and `drill next` is measured against Click's own start-up.)

A `Session` is one workspace with its catalog and history, opened lazily (so `drill next` does not
pay for what it does not use). Its methods return views and raise `DrillError`s; they never
print. Where the learner must be asked something (a confirmation, an exam answer) the caller passes
the function that asks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from grader.errors import DrillError, UnknownProblem
from grader.texts import Text

if TYPE_CHECKING:
    import queue
    import threading

    from grader.autograde import SubmissionResult
    from grader.batch import BatchSummary, Gradebook
    from grader.catalog import Catalog, Listed, Problem
    from grader.exam import ExamPrompt, ExamRecord
    from grader.exam import Sitting as ExamSitting
    from grader.history import History
    from grader.results import ProblemResult
    from grader.schedule import Pick, ReviewDecision
    from grader.stats import Stats
    from grader.submission import Submission
    from grader.workspace import Workspace


UNKNOWN_PROBLEM = Text("問題 '{id}' はありません。{hint}（drill list）", "unknown problem '{id}'.{hint} (drill list)")
DID_YOU_MEAN = Text("'{id}' のことですか？", " Did you mean '{id}'?")


class UnknownTopic(DrillError):
    """A --topic that no problem has."""


class NoExam(DrillError):
    """`drill exam --review` before any mock exam."""


class ProblemView(NamedTuple):
    """A problem as `drill show` and `drill next` present it: its statement with the numbers drawn
    (`new_numbers`: drawn just now, after a pass)."""

    problem: Problem
    statement: str
    new_numbers: bool = False


class NextView(NamedTuple):
    """What `drill next` picked, and why."""

    pick: Pick
    view: ProblemView


class HintView(NamedTuple):
    """One hint tier; `again` when the last tier was already shown before."""

    tier: int
    tiers: int
    text: str
    again: bool


class ExplanationView(NamedTuple):
    """A problem's 解説 as `drill explain` and a passing `drill grade` show it: the explanation, each
    choice part's right option and why, the references; `before_pass` when it was asked for before
    the problem was passed (it then counts as help, like the solution)."""

    problem: Problem
    text: str
    parts: tuple[tuple[str, str, str], ...]  # (part, right letter, why it is right)
    refs: tuple[str, ...]
    before_pass: bool


class ResetOutcome(NamedTuple):
    """One problem's reset: the learner's file (relative), its backup (relative; None when there was
    no file or it was the stub), and whether the file changed (False: it was the stub already)."""

    file: str
    backup: str | None
    changed: bool = True


def closest_id(typed: str, ids: Sequence[str]) -> str | None:
    """The id a mistyped or partial one most likely means: the first that starts with it (affine ->
    affine_backward), else the first that contains it, else the closest spelling (difflib)."""
    import difflib

    typed = typed.strip().lower()
    for match in (lambda i: i.startswith(typed), lambda i: typed in i):
        hits = [i for i in ids if match(i)]
        if typed and hits:
            return min(hits, key=len)
    close = difflib.get_close_matches(typed, ids, n=1, cutoff=0.6)
    return close[0] if close else None


def init_workspace(directory: Path) -> Workspace:
    """Create a fresh workspace at `directory` from the installed course."""
    from grader import workspace

    return workspace.init(directory)


def unknown_problem(typed: str, ids: Sequence[str]) -> UnknownProblem:
    """The error for an id the catalog does not have, with the likeliest id as a suggestion."""
    close = closest_id(typed, ids)
    hint = DID_YOU_MEAN.fill(id=close) if close else Text("", "")
    return UnknownProblem(UNKNOWN_PROBLEM.fill(id=typed, hint=hint))


class Session:
    """One workspace, its catalog and its history; every learner-facing operation."""

    def __init__(
        self,
        lang: str,
        workspace_opt: str | None = None,
        warn: Callable[[str], None] | None = None,
        clock: Callable[[], float] | None = None,
    ):
        self.lang = lang
        self.workspace_opt = workspace_opt
        self._warn = warn or (lambda message: None)
        self._clock = clock
        self.last_review: ReviewDecision | None = None  # what the last attempt did to its review
        self._workspace: Workspace | None = None
        self._catalog: Catalog | None = None
        self._history: History | None = None

    @classmethod
    def for_notebook(cls, lang: str, workspace_opt: str | None = None) -> Session:
        """A session for grading from a notebook: the workspace found as for `drill`, else (none
        named, none found) the installed course with a history that records nothing."""
        from grader import workspace
        from grader.errors import WorkspaceError
        from grader.history import History

        session = cls(lang, workspace_opt)
        try:
            session._workspace = workspace.find(workspace_opt)
        except WorkspaceError:
            if workspace_opt:
                raise
            session._workspace = workspace.Workspace(workspace.course_dir())
            session._history = History(None)
        return session

    # -- what a session holds, loaded on first use

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            from grader import workspace

            self._workspace = workspace.find(self.workspace_opt)
        return self._workspace

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            from grader import catalog

            self._catalog = catalog.load(self.workspace.catalog_path, self.workspace.state_dir / "cache")
        return self._catalog

    @property
    def history(self) -> History:
        if self._history is None:
            from grader.history import History

            self._history = History.open(self.workspace.history_path)
            self._pass_on_warning()
        return self._history

    def _pass_on_warning(self) -> None:
        if self._history is not None and self._history.warning:
            self._warn(self._history.warning.get(self.lang))
            self._history.warning = None

    # -- finding problems

    def problem(self, problem_id: str) -> Problem:
        """The problem with this id, or whose file this is (what tab completion gives:
        exercises/02_backprop/affine_backward.py); UnknownProblem with the likeliest id as a suggestion."""
        found = self.catalog.get(problem_id) or self._by_file(problem_id)
        if found is None:
            raise unknown_problem(problem_id, self.catalog.ids)
        return found

    def _since_pass(self, problem: Listed, latest: tuple[str, float] | None) -> str | None:
        """For a passed problem: 'failing' when its latest grade failed, 'edited' when its file
        changed after its latest pass (not graded since), else None."""
        if latest is None:
            return None
        status, passed_at = latest
        if status != "pass":
            return "failing"
        try:
            edited = self.workspace.exercise_path(problem).stat().st_mtime > passed_at + 1.0
        except OSError:
            return "edited"  # deleted since
        return "edited" if edited else None

    def _by_file(self, given: str) -> Problem | None:
        if "/" not in given and "\\" not in given and "." not in given:
            return None
        wanted = given.replace("\\", "/").removeprefix("./")
        found = next((p for p in self.catalog.problems if p.file == wanted), None)
        path = Path(given).expanduser()
        if found is None and path.exists():  # from another folder, or an absolute path
            target, root = path.resolve(), self.workspace.root
            found = next((p for p in self.catalog.problems if (root / p.file).resolve() == target), None)
        return found

    def rows(self, topic: str | None = None, syllabus_id: str | None = None) -> list[dict]:
        """`drill list`: one dict per problem (its stable JSON shape), of one topic and of one
        syllabus item, 中項目 or 大項目 (`4-2-1`, `4-2`, `4`) if given."""
        from grader import syllabus

        statuses = self.history.statuses()
        since = self.history.since_pass()
        if syllabus_id:
            self._known_syllabus_id(syllabus_id)
        rows = [
            {
                "id": p.id,
                "topic": p.topic,
                "kind": p.kind,
                "title": p.title.get(self.lang),
                "points": p.points,
                "status": statuses.get(p.id, "new"),
                "since_pass": self._since_pass(p, since.get(p.id)),
                "file": p.file,
                "requires": list(p.requires),
                "area": p.area,
                "syllabus": list(p.syllabus),
            }
            for p in self.catalog.listing  # no problem decoded
            if (not topic or p.topic == topic)
            and (not syllabus_id or any(syllabus.within(i, syllabus_id) for i in p.syllabus))
        ]
        if topic and not rows:
            topics = sorted({p.topic for p in self.catalog.listing})
            raise UnknownTopic(
                Text(
                    "トピック '{topic}' の問題はありません。トピック: {topics}",
                    "no problems with topic '{topic}'. Topics: {topics}",
                ).fill(topic=topic, topics=", ".join(topics))
            )
        if syllabus_id and not rows:
            raise UnknownTopic(
                Text(
                    "シラバスの {id} を扱う問題はまだありません（drill stats に小項目ごとの数があります）",
                    "no problem drills syllabus {id} yet (drill stats counts them by item)",
                ).fill(id=syllabus_id)
            )
        return rows

    @staticmethod
    def _known_syllabus_id(syllabus_id: str) -> None:
        from grader import syllabus

        if not any(syllabus.within(i, syllabus_id) for i in syllabus.ITEMS):
            raise UnknownTopic(
                Text(
                    "'{id}' はシラバスの ID ではありません（例: 4、4-2、4-2-1）",
                    "'{id}' is not a syllabus ID (e.g. 4, 4-2, 4-2-1)",
                ).fill(id=syllabus_id)
            )

    def seed_for(self, problem: Problem, explicit: int | None = None) -> int | None:
        """The seed of a parametric problem's numbers: `explicit`, else the one in the history."""
        if explicit is not None:
            return explicit
        if not problem.variables:
            return None
        from grader.params import default_seed

        return self.history.current_seed(problem.id, default_seed(problem.id))

    def _values(self, problem: Problem, seed: int | None = None) -> dict | None:
        if not problem.variables:
            return None
        from grader.params import draw

        drawn_from = self.seed_for(problem, seed)
        assert drawn_from is not None  # a problem with variables always has a seed
        return draw(problem, drawn_from)

    def view(self, problem: Problem, seed: int | None = None) -> ProblemView:
        """The problem's statement in this session's language, with its numbers drawn."""
        from grader.statement import render

        return ProblemView(problem, render(problem, self.lang, self._values(problem, seed)))

    def now(self) -> float:
        """The session's clock: DRILL_TODAY when set (see schedule.now_from), else the time."""
        if self._clock is not None:
            return self._clock()
        from grader.schedule import now_from

        return now_from(None)

    def show(self, problem_id: str, seed: int | None = None) -> ProblemView:
        """`drill show`: the problem's view; the history notes that it was seen."""
        problem = self.problem(problem_id)
        renewed = seed is None and bool(problem.variables) and self.history.take_renewal(problem.id)
        view = self.view(problem, seed)._replace(new_numbers=renewed)
        self.history.record_view(problem.id, self.now())
        return view

    def next(self, today: str | None = None) -> NextView | None:
        """`drill next`: due reviews first, then new problems in order; None when all is done."""
        from grader.schedule import next_problem, now_from

        now = now_from(today) if today else self.now()
        pick = next_problem(self.catalog, self.history.statuses(), self.history, now)
        if pick is None:
            return None
        renewed = bool(pick.problem.variables) and self.history.take_renewal(pick.problem.id)
        self.history.record_view(pick.problem.id, now)
        return NextView(pick, self.view(pick.problem)._replace(new_numbers=renewed))

    # -- attempting

    def submission(self, problem: Problem, answers: tuple[str, ...] = ()) -> Submission:
        """What the learner submits for `problem`: their file in the workspace, plus any --answer."""
        return self.workspace.submission_for(problem, tuple(answers), self.lang)

    def attempt(
        self,
        problem: Problem,
        answers: tuple[str, ...] = (),
        seed: int | None = None,
        once: bool = False,
        submission: Submission | None = None,
        waiting: Callable[[], object] | None = None,
        run: Callable[[Callable[[], ProblemResult]], ProblemResult] | None = None,
    ) -> ProblemResult:
        """Grade `submission` (by default the learner's file plus `answers`), rate and schedule the
        review, record the attempt (with the hash of what was graded); after a pass a parametric
        problem draws new numbers. `once`: this process grades nothing else, so the slow import may
        overlap the rest (see `_grade_once`); then `waiting()` is called once the grade runs in another
        process (a thread may start there: this process forks nothing more), e.g. to show progress.
        `run(job)`: how to run the grade (`drill watch` forks it to stop it on a save); whatever it
        raises leaves nothing recorded."""
        from grader.schedule import decide, review

        if submission is None:
            submission = self.submission(problem, answers)
        used = self.seed_for(problem, seed)
        values = self._values(problem, used)
        if run is not None:
            result = run(lambda: _grade(problem, submission, self.lang, values))
        elif once:
            result = _grade_once(problem, submission, self.lang, values, waiting)
        else:
            result = _grade(problem, submission, self.lang, values)
        now = self.now()
        digest = submission.digest()
        unchanged = not answers and digest is not None and digest == self.history.last_digest(problem.id)
        decision = decide(result, self.history, problem.id, now, unchanged)
        if decision.counted and decision.rating is not None and self.history.usable:
            decision = decision._replace(due=review(self.history, problem.id, decision.rating, now))
        self.last_review = decision
        self.history.record_attempt(result, digest, used, now)
        if result.status == "pass" and problem.variables and seed is None:
            self.history.renew_later(problem.id)  # fresh numbers when next shown, not before
        self._pass_on_warning()
        return result

    def attempt_all(self) -> list[ProblemResult]:
        """`drill grade --all`: every problem, in catalog order."""
        return [self.attempt(problem) for problem in self.catalog.problems]

    # -- help

    def hint(self, problem_id: str) -> HintView:
        """The next hint tier (the last one again once all are shown); the history counts it."""
        problem = self.problem(problem_id)
        tiers = tuple(hint.get(self.lang) for hint in problem.hints)
        values = self._values(problem)
        if values is not None:
            from grader.params import render

            tiers = tuple(render(t, values) for t in tiers)
        shown = self.history.hints_shown(problem.id)
        tier = min(shown + 1, len(tiers))
        self.history.record_hint(problem.id, tier, self.now())
        self._pass_on_warning()
        return HintView(tier, len(tiers), tiers[tier - 1], again=tier == len(tiers) and shown >= len(tiers))

    def solution(self, problem_id: str, confirm: Callable[[], bool]) -> str | None:
        """The reference solution's text: free after a pass, else only if `confirm()` says yes
        (None when it says no)."""
        problem = self.problem(problem_id)
        passed = self.history.statuses().get(problem.id) == "passed"
        if not passed and not confirm():
            return None
        path = self.workspace.solution_path(problem)
        try:
            text = path.read_text(encoding="utf-8")
            values = self._values(problem)
            if values is not None:  # the answers for the numbers the learner has, not the templates
                from grader.params import render

                text = render(text, values)
        except OSError:
            raise DrillError(
                Text("'{id}' の解答例がありません（{path}）。", "the solution of '{id}' is missing ({path}).").fill(
                    id=problem.id, path=path
                )
            ) from None
        self.history.record_solution(problem.id, passed, self.now())
        self._pass_on_warning()
        return text.rstrip("\n")

    def numbers_will_change(self, problem: Problem) -> bool:
        """Whether a pass has promised `problem` new numbers for the next time it is shown."""
        return bool(problem.variables) and self.history.renewal_pending(problem.id)

    def explanation(self, problem: Problem) -> ExplanationView:
        """The problem's explanation (the catalog requires one) with its numbers filled in; records
        nothing (see `explain`)."""
        assert problem.explanation is not None  # catalog.parse refuses a problem without one
        values = self._values(problem)
        text = problem.explanation.get(self.lang)
        parts = []
        for check in problem.checks:
            if check.kind == "choice":
                why = check.params.why_right(self.lang)
                if why is not None:
                    parts.append((check.params.part, check.params.answer.upper(), why))
        if values is not None:
            from grader.params import render

            text = render(text, values)
            parts = [(part, letter, render(why, values)) for part, letter, why in parts]
        refs = tuple(ref.shown().get(self.lang) for ref in problem.refs)
        passed = self.history.statuses().get(problem.id) == "passed"
        return ExplanationView(problem, text, tuple(parts), refs, not passed)

    def explain(self, problem_id: str) -> ExplanationView:
        """`drill explain`: the explanation; before a pass the history counts it as help (the next
        pass then rates hard), as it does the solution."""
        problem = self.problem(problem_id)
        view = self.explanation(problem)
        self.history.record_solution(problem.id, not view.before_pass, self.now(), kind="explanation")
        self._pass_on_warning()
        return view

    def problems_to_reset(self, problem_id: str | None) -> list[Problem]:
        """The problem named, or every problem when `problem_id` is None."""
        return list(self.catalog.problems) if problem_id is None else [self.problem(problem_id)]

    def reset(self, problems: list[Problem]) -> list[ResetOutcome]:
        """Restore each problem's stub; a changed file is first copied to .drill/backup/."""
        from grader import workspace

        ws = self.workspace
        outcomes = []
        for problem in problems:
            changed, backup = workspace.reset(ws, problem)
            outcomes.append(
                ResetOutcome(ws.relative(ws.exercise_path(problem)), ws.relative(backup) if backup else None, changed)
            )
        return outcomes

    def workspace_relative(self, path: Path) -> str:
        """`path` as the learner sees it from the workspace (absolute when outside it)."""
        return self.workspace.relative(path)

    def notebooks(self, problem_ids: list[str], out: Path | None = None) -> list[Path]:
        """`drill notebook ID…`: one .ipynb per problem (statement, the cell to fill, grading by
        `%%drill`), in `out` (default: the workspace's notebooks/). A file there is replaced only
        after it was kept as .drill/backup/."""
        from grader import notebook
        from grader.errors import UsageError

        try:
            import nbformat  # noqa: F401 - only to say what is missing
        except ImportError:
            raise UsageError(
                Text(
                    "drill notebook には nbformat が必要です: python -m pip install 'drill[notebook]'",
                    "drill notebook needs nbformat: python -m pip install 'drill[notebook]'",
                )
            ) from None
        folder = out or self.workspace.root / "notebooks"
        written = []
        for problem_id in problem_ids:
            problem = self.problem(problem_id)
            view = self.show(problem.id, None)
            stub = self.workspace.stub_path(problem).read_text(encoding="utf-8")
            path = folder / f"{problem.id}.ipynb"
            if path.exists():
                from grader.workspace import back_up

                back_up(self.workspace, path)
            notebook.write(notebook.build(problem, view.statement, stub, self.lang), path)
            written.append(path)
        return written

    # -- progress, exams, watch, maintainers

    def stats(self, today: str | None = None) -> Stats:
        """`drill stats`: progress by area and topic, help used, reviews due, streak."""
        from grader import stats
        from grader.schedule import now_from

        return stats.compute(self.catalog, self.history, now_from(today) if today else self.now(), self.lang)

    def exam(
        self,
        count: int,
        minutes: int,
        area: int | None,
        seed: int | None,
        ask: Callable[[ExamPrompt], str],
        answers_file: Path | None = None,
        started: Callable[[ExamSitting], None] | None = None,
        clock: Callable[[], float] | None = None,
        resume: bool = False,
    ) -> ExamRecord:
        """A timed mock exam: sets of questions drawn by area weight (problems the last exams drew
        come last), each part asked through `ask` (or read from `answers_file`), graded, and
        recorded for `drill exam --review`. The sitting is saved after every answer, and by
        whatever stops it: `resume` goes on with what was left, and its remaining time.
        `started(sitting)` is called before the clock starts."""
        import time

        from grader import exam

        sitting = self._resumed_exam() if resume else self._new_exam(count, minutes, area, seed)
        given = None
        if answers_file is not None:
            try:
                given = exam.parse_answers(answers_file.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError) as exc:
                raise DrillError(
                    Text("{file} を読めません: {why}", "cannot read {file}: {why}").fill(file=answers_file, why=exc)
                ) from None
        if started is not None:
            started(sitting)
        record = exam.run(
            sitting,
            self.lang,
            ask,
            clock or time.monotonic,
            save=None if given is not None else self._save_exam,
            given=given,
            pass_line=self.catalog.exam.pass_line,
        )
        self.history.record_exam(record.seed, record.score, record.max_score, record.to_json())
        self._exam_state_path().unlink(missing_ok=True)
        self._pass_on_warning()
        return record

    def _new_exam(self, count: int, minutes: int, area: int | None, seed: int | None) -> ExamSitting:
        import secrets

        from grader import exam

        seed = secrets.randbelow(2**31) if seed is None else seed
        questions = exam.draw(self.catalog, seed, count, area, self.history.exam_problems())
        if not questions:
            raise DrillError(
                Text(
                    "分野 {area} には出題できる選択・数値・数式の問題がありません",
                    "no choice, numeric or symbolic problems to draw from in area {area}",
                ).fill(area=area)
                if area
                else Text(
                    "出題できる選択・数値・数式の問題がありません",
                    "no choice, numeric or symbolic problems to draw from",
                )
            )
        return exam.Sitting(seed, questions, float(minutes))

    def _exam_state_path(self) -> Path:
        return self.workspace.state_dir / "exam-in-progress.json"

    def _save_exam(self, sitting: ExamSitting) -> None:
        import json
        import os

        path = self._exam_state_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(sitting.to_json(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only workspace: the exam goes on, it just cannot be resumed

    def interrupted_exam(self) -> ExamSitting | None:
        """The mock exam left unfinished (Ctrl-C), if there is one."""
        import json

        from grader import exam

        try:
            data = json.loads(self._exam_state_path().read_text(encoding="utf-8"))
            sitting = exam.Sitting.from_json(data, self.catalog)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return sitting if sitting.questions else None

    def _resumed_exam(self) -> ExamSitting:
        sitting = self.interrupted_exam()
        if sitting is None:
            raise NoExam(
                Text(
                    "続ける模擬試験がありません（中断した試験だけを続けられます）。新しく始めるには drill exam",
                    "no mock exam to resume (only an interrupted one can be). To start one: drill exam",
                )
            )
        return sitting

    def last_exam(self) -> ExamRecord:
        """The last mock exam, for `drill exam --review`."""
        from grader import exam

        last = self.history.last_exam()
        if last is None:
            raise NoExam(
                Text(
                    "履歴に模擬試験がまだありません。先に 'drill exam' を実行してください。",
                    "no mock exam in the history yet. Run 'drill exam' first.",
                )
            )
        return exam.ExamRecord.from_json(last)

    def pick_next(self) -> Problem | None:
        """The problem `drill next` would show, without recording a view."""
        from grader.schedule import next_problem

        pick = next_problem(self.catalog, self.history.statuses(), self.history, self.now())
        return pick.problem if pick else None

    def watch(
        self, problem_id: str | None, poll: bool, stop: threading.Event, inbox: queue.Queue | None = None
    ) -> Iterator[object]:
        """`drill watch`: the events of re-grading on every save (see grader.watch.events); `inbox`
        carries the learner's commands (n: go on after a pass)."""
        from grader import watch

        problem = self.problem(problem_id) if problem_id else self.pick_next()
        return watch.events(self, problem, poll, stop, inbox)

    # -- course mode: no workspace, no history

    def autograde(
        self,
        root: Path,
        fmt: str,
        out: Path,
        problem_ids: Sequence[str] = (),
        submission_id: str | None = None,
        after_due: Sequence[str] = (),
        user: str | None = None,
        allow_same_user: bool = False,
        config: Path | None = None,
    ) -> SubmissionResult:
        """`drill autograde`: grade the submission at `root` with the installed course and write the
        results file `out` in format `fmt`, whatever happens to the grading (drill's own failure is
        status error with its message). The learner's code runs as `user` (default: nobody, when drill
        runs as root) from a zygote that never had a hidden module (grader/sandbox/zygote.py); without
        root only with `allow_same_user`, else the results file says why and this raises UsageError.
        Returns the SubmissionResult; an unwritable `out` raises too."""
        import os

        from grader import autograde, resultformats
        from grader.sandbox import zygote

        ids = [i for word in problem_ids for i in word.replace(",", " ").split()]
        sid = submission_id or os.environ.get("DRILL_SUBMISSION_ID") or Path(root).resolve().name
        refused: DrillError | None = None
        course = autograde.CourseConfig()
        try:
            course = autograde.load_config(config)
            ids = ids or list(course.problems)
            catalog = autograde.course_catalog()
            for problem_id in [*ids, *course.files]:
                if catalog.get(problem_id) is None:
                    raise unknown_problem(problem_id, catalog.ids)
            try:
                ident = zygote.identity(user, allow_same_user)
            except DrillError as exc:
                refused = exc
                raise
            with zygote.Zygote(ident) as running:
                zygote.activate(running)
                try:
                    result = autograde.grade_submission(Path(root), ids, sid, self.lang, catalog, course.files)
                finally:
                    zygote.activate(None)
        except DrillError as exc:
            result = autograde.failed(sid, exc.text(self.lang), self.lang)
        except Exception as exc:  # noqa: BLE001 - the results file must still be written
            result = autograde.failed(sid, autograde.INTERNAL.format(self.lang, err=repr(exc)), self.lang)
        data = resultformats.render(result, fmt, frozenset([*after_due, *course.after_due]))
        try:
            resultformats.write(out, data)
        except OSError as exc:
            raise DrillError(
                Text("{out} に結果を書けません: {why}", "cannot write the results to {out}: {why}").fill(
                    out=out, why=exc.strerror or exc
                )
            ) from None
        if refused is not None:
            raise refused
        return result

    def grade_batch(
        self,
        root: Path,
        out: Path,
        problem_ids: Sequence[str] = (),
        fmt: str = "drill",
        jobs: int = 2,
        shard: str | None = None,
        user: str | None = None,
        allow_same_user: bool = False,
        config: Path | None = None,
    ) -> BatchSummary:
        """`drill grade-batch`: every submission folder of `root` in this shard without a results file
        in `out`, graded `jobs` at a time; what was done (a BatchSummary)."""
        from grader import autograde, batch
        from grader.sandbox import zygote

        index_count = batch.parse_shard(shard)
        catalog = autograde.course_catalog()
        course = autograde.load_config(config)
        problem_ids = tuple(problem_ids) or course.problems
        ids = [p.id for p in self._course_problems(problem_ids)] if problem_ids else []
        self._course_problems(tuple(course.files))  # names an unknown id
        ident = zygote.identity(user, allow_same_user)
        with zygote.Zygote(ident) as running:
            zygote.activate(running)
            try:
                return batch.run(Path(root), Path(out), ids, fmt, self.lang, jobs, index_count, catalog, course.files)
            finally:
                zygote.activate(None)

    def collect(self, folder: Path) -> Gradebook:
        """`drill collect`: the gradebook of the drill results files in `folder`."""
        from grader import batch

        return batch.collect(Path(folder), self.lang)

    def _course_problems(self, problem_ids: Sequence[str]) -> list[Problem]:
        """The installed course's problems named (by id, or separated by commas), all when none."""
        from grader import autograde

        catalog = autograde.course_catalog()
        ids = [i for word in problem_ids for i in word.replace(",", " ").split()]
        for problem_id in ids:
            if catalog.get(problem_id) is None:
                raise unknown_problem(problem_id, catalog.ids)
        return [p for p in map(catalog.get, ids) if p is not None] if ids else list(catalog.problems)

    def export_gradescope(self, out: Path, problem_ids: Sequence[str] = ()) -> list[Problem]:
        """`drill export gradescope`: the autograder zip at `out`; the problems it grades."""
        from grader import export

        problems = self._course_problems(problem_ids)
        export.gradescope(problems, self.lang, Path(out))
        return problems

    def export_classroom(self, out_dir: Path, install: str, problem_ids: Sequence[str] = ()) -> list[Path]:
        """`drill export classroom`: the workflow and autograding.json under `out_dir`; the files."""
        from grader import export

        return export.classroom(self._course_problems(problem_ids), self.lang, Path(out_dir), install)

    def dev_check(self, jobs: int = 2) -> list[str]:
        """`drill dev check`: every offender as one line; empty when the catalog is sound."""
        from grader import devcheck

        return devcheck.run(self.workspace, self.catalog, jobs)

    def dev_coverage(self) -> list[str]:
        """`drill dev check --coverage`: each code solution's lines and branches no hidden case reaches."""
        from grader import devcheck

        return devcheck.coverage_gaps(self.workspace, self.catalog)

    def dev_mutants(self, ids: tuple[str, ...], jobs: int) -> list:
        """`drill dev mutants`: each code solution's mutants graded; survivors not listed as equivalent."""
        from grader import mutants

        unknown = [i for i in ids if not getattr(self.catalog.get(i), "is_code", False)]
        if unknown:
            raise DrillError(
                Text("コード問題ではありません: {ids}", "not code problems: {ids}").fill(ids=", ".join(unknown))
            )
        return mutants.run(self.workspace, self.catalog, ids, jobs)


def _grade(
    problem: Problem, submission: Submission, lang: str, values: dict | None, prover: object = None
) -> ProblemResult:
    from grader import grading

    return grading.grade(problem, submission, lang=lang, values=values, prover=prover)


def _grade_once(
    problem: Problem,
    submission: Submission,
    lang: str,
    values: dict | None,
    waiting: Callable[[], object] | None = None,
) -> ProblemResult:
    """Grade when this process grades nothing else (`drill grade ID`): on Linux the slow import goes
    to a forked process, numpy with the whole grade of a code problem, sympy with a formula's proofs,
    while this one imports what the scorecard and the review need. Elsewhere, just grade."""
    from grader import forking
    from grader.submission import Answers, Code

    def meanwhile() -> None:
        _import_for_report()
        if waiting is not None:
            waiting()

    if isinstance(submission, Code) and forking.fork_helps("numpy"):
        return forking.overlap(lambda: _grade(problem, submission, lang, values), meanwhile)
    if isinstance(submission, Answers):
        from grader.prover import Prover

        prover = Prover.start_if_it_helps(problem)
        if prover is not None:
            with prover:
                meanwhile()
                return _grade(problem, submission, lang, values, prover)
    if isinstance(submission, Code) and waiting is not None:
        from grader.sandbox.processes import start_method

        if start_method() == "spawn":  # the learner's code runs in a new interpreter: no fork after this
            waiting()
    return _grade(problem, submission, lang, values)


def _import_for_report() -> None:
    """Import what the end of `drill grade` needs (tabulate for the scorecard, fsrs for the review);
    called while a second process (the learner's code, or sympy) works, to take them off the wait."""
    import importlib

    for name in ("tabulate", "fsrs", "hashlib"):  # hashlib: the history records the graded text's digest
        importlib.import_module(name)
