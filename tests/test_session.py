"""The session core: the learner-facing operations return data (nothing printed) and raise DrillErrors."""

from __future__ import annotations

import ast
import sqlite3
import threading
from pathlib import Path

import pytest
from grader import exam, watch
from grader.errors import DrillError, UnknownProblem
from grader.session import Session, UnknownTopic

REPO = Path(__file__).resolve().parent.parent


def session_of(mini, lang="en"):
    warnings: list[str] = []
    return Session(lang, str(mini), warn=warnings.append), warnings


def test_unknown_problem_suggests_the_closest_id(mini):
    session, _ = session_of(mini)
    with pytest.raises(UnknownProblem, match=r"^unknown problem 'mc_pas'\. Did you mean 'mc_pass'\? \(drill list\)$"):
        session.problem("mc_pas")


def test_rows_of_an_unknown_topic_name_the_topics(mini):
    session, _ = session_of(mini)
    assert [r["id"] for r in session.rows("mc")][:2] == ["mc_pass", "mc_fail"]
    with pytest.raises(UnknownTopic, match=r"^no problems with topic 'zz'\. Topics: mc$"):
        session.rows("zz")


def test_attempt_grades_rates_and_records(mini):
    session, warnings = session_of(mini)
    failed = session.attempt(session.problem("mc_fail"))
    passed = session.attempt(session.problem("mc_pass"))
    assert (failed.status, passed.status) == ("fail", "pass")
    db = sqlite3.connect(mini / ".drill" / "history.sqlite")
    assert db.execute("SELECT problem, status FROM attempts ORDER BY id").fetchall() == [
        ("mc_fail", "fail"),
        ("mc_pass", "pass"),
    ]
    assert {r[0] for r in db.execute("SELECT problem FROM cards")} == {"mc_fail", "mc_pass"}
    assert warnings == []


def test_hint_goes_one_tier_further_each_time_and_says_when_it_repeats(mini):
    session, _ = session_of(mini, "ja")
    views = [session.hint("mc_pass") for _ in range(3)]
    assert [(v.tier, v.tiers, v.again) for v in views] == [(1, 2, False), (2, 2, False), (2, 2, True)]


def test_solution_asks_before_a_pass_and_not_after(mini):
    session, _ = session_of(mini)
    asked: list[str] = []

    def refuse() -> bool:
        asked.append("mc_pass")
        return False

    assert session.solution("mc_pass", refuse) is None and asked == ["mc_pass"]
    session.attempt(session.problem("mc_pass"))
    assert "return 2 * x" in session.solution("mc_pass", refuse)
    assert asked == ["mc_pass"]  # not asked again after the pass


def test_exam_asks_through_the_callers_function_and_records(mini):
    session, _ = session_of(mini)
    prompts: list[exam.ExamPrompt] = []
    started: list[tuple[int, int]] = []

    def begin(sitting: exam.Sitting) -> None:
        started.append((sitting.parts, sitting.seed))

    def ask(prompt: exam.ExamPrompt) -> str:
        prompts.append(prompt)
        return "A"

    record = session.exam(1, 30, 5, 3, ask, started=begin)
    assert started == [(1, 3)]
    assert [(p.number, p.total, p.part, p.first) for p in prompts] == [(1, 1, "split", True)]
    assert (record.score, record.max_score, record.passed, record.timed_out) == (1, 1, True, False)
    again = session.last_exam()
    assert again.questions == record.questions and again.seed == 3


def test_exam_stops_asking_when_time_is_up(mini):
    session, _ = session_of(mini)
    now = [0.0]

    def slow(prompt: exam.ExamPrompt) -> str:
        now[0] += 31 * 60  # the first answer takes longer than the exam
        return "A"

    record = session.exam(3, 30, None, 3, slow, clock=lambda: now[0])
    assert record.timed_out and record.unanswered == 3  # the one answer came after time-up: not counted
    assert record.late == (f"{record.questions[0].problem}.{record.questions[0].parts[0].part}",)
    assert [q.status for q in record.questions].count("fail") == 3


def test_watch_events_after_a_pass_stay_and_go_to_the_next_problem_when_asked(mini):
    import queue

    session, _ = session_of(mini)
    stop = threading.Event()
    inbox: queue.Queue = queue.Queue()
    events = []
    for event in session.watch("mc_pass", poll=True, stop=stop, inbox=inbox):
        events.append(event)
        if isinstance(event, watch.Passed):
            inbox.put(("next", None))  # what n + Enter sends
        if isinstance(event, watch.Next):
            stop.set()  # mc_fail would then wait for a save
    assert isinstance(events[0], watch.Watching) and events[0].file == "exercises/mc/mc_pass.py"
    assert isinstance(events[1], watch.Graded) and events[1].result.status == "pass" and events[1].at > 0
    assert events[2:] == [watch.Passed("mc_fail"), watch.Next("mc_fail")]


def test_watch_says_n_waits_for_a_pass(mini):
    import queue

    from grader import report

    session, _ = session_of(mini)
    stop = threading.Event()
    inbox: queue.Queue = queue.Queue()
    events = []
    for event in session.watch("mc_fail", poll=True, stop=stop, inbox=inbox):
        events.append(event)
        if isinstance(event, watch.Graded):
            inbox.put(("next", None))
        if isinstance(event, watch.NotPassedYet):
            stop.set()
    assert isinstance(events[1], watch.Graded) and events[1].result.status == "fail"
    assert events[2:] == [watch.NotPassedYet("mc_fail")]
    assert report.watch_event(events[2], "en", False) == (
        "mc_fail has not passed yet: n goes on after a pass (q + Enter stops)"
    )
    assert report.watch_event(events[2], "ja", False) == (
        "mc_fail はまだ合格していません。n で進めるのは合格してからです（終了: q + Enter）"
    )


def test_watch_of_an_unknown_problem_fails_before_watching(mini):
    session, _ = session_of(mini)
    with pytest.raises(DrillError):
        session.watch("nope", poll=True, stop=threading.Event())


def _imported_modules(path: Path) -> set[str]:
    """The modules `path` imports when it runs (imports for type checkers only, under
    `if TYPE_CHECKING:`, are not dependencies)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            node.body = []
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_cli_calls_the_core_and_nothing_below_it():
    below = (
        "grading",
        "runner",
        "checks",
        "history",
        "catalog",
        "forking",
        "sandbox",
        "devcheck",
        "schedule",
        "stats",
        "exam",
        "workspace",
    )
    imported = _imported_modules(REPO / "grader" / "cli.py")
    reached = sorted(
        name
        for name in imported
        for module in below
        if name == f"grader.{module}" or name.startswith(f"grader.{module}.")
    )
    assert reached == []


LEAVES = (
    "grader.checks",
    "grader.expr",
    "grader.errors",
    "grader.results",
    "grader.params",
    "grader.wire",
    "grader.texts",
)


@pytest.mark.parametrize("path", sorted((REPO / "grader" / "checks").glob("*.py")), ids=lambda p: p.name)
def test_check_kinds_import_nothing_above_them(path):
    """A check kind is judged wherever it is handed what it needs (the sympy prover included): it
    never reaches up into grading, the sandbox, the session or the forking helpers."""
    above = sorted(
        name
        for name in _imported_modules(path)
        if name.startswith("grader.") and not any(name == leaf or name.startswith(leaf + ".") for leaf in LEAVES)
    )
    assert above == []


def test_grading_reads_no_files_and_knows_no_workspace():
    imported = _imported_modules(REPO / "grader" / "grading.py")
    assert not [
        name
        for name in imported
        if name.startswith(("grader.workspace", "grader.session", "grader.history", "grader.forking"))
    ]
    source = (REPO / "grader" / "grading.py").read_text(encoding="utf-8")
    assert "read_text" not in source and "open(" not in source


def test_every_registered_kind_declares_its_params_and_how_it_is_judged_and_shown():
    import dataclasses

    from grader.checks import CODE_KINDS, KINDS, kind
    from grader.checks.base import CodeCheck

    for name in KINDS:
        declared = kind(name)
        assert declared.name == name and declared.is_code == (name in CODE_KINDS)
        assert dataclasses.is_dataclass(declared.params) and declared.params.__dataclass_params__.frozen
        if declared.is_code:
            assert issubclass(declared.check_class, CodeCheck) and declared.judge is None
        else:
            assert callable(declared.judge) and callable(declared.expected_text)
            assert "part" in [f.name for f in dataclasses.fields(declared.params)]
        assert (REPO / "tests" / f"test_checks_{name}.py").is_file(), f"kind {name} has no test file"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (REPO / "grader").rglob("*.py") if "hidden" not in p.parts),
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_no_module_imports_another_modules_private_names(path):
    """(The hidden tests share helper modules, grader/hidden/_cnn.py and the like: looser by design.)"""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("grader")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert private == []


def test_the_readme_module_map_names_every_module_of_the_engine():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    mapped = readme[readme.index("## Module map") :]
    modules = sorted(p for p in (REPO / "grader").rglob("*.py") if "hidden" not in p.parts)
    missing = [
        str(p.relative_to(REPO))
        for p in modules
        if f"`{p.name}`" not in mapped and f"`{p.parent.name}/{p.name}`" not in mapped
    ]
    assert missing == []


def _untyped_public_functions(path: Path) -> list[str]:
    """`name: what` for each public function or method of `path` missing a parameter or return hint."""
    found = []

    def visit(node: ast.AST, owner: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef) and not child.name.startswith("_"):
                visit(child, child.name)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = child.name
                if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                    continue
                args = child.args.posonlyargs + child.args.args + child.args.kwonlyargs
                if owner and args and args[0].arg in ("self", "cls"):
                    args = args[1:]
                missing = [a.arg for a in args if a.annotation is None]
                missing += [f"*{v.arg}" for v in (child.args.vararg, child.args.kwarg) if v and v.annotation is None]
                if child.returns is None and name != "__init__":
                    missing.append("return")
                if missing:
                    found.append(f"{owner + '.' if owner else ''}{name}: {', '.join(missing)}")

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (REPO / "grader").rglob("*.py") if "hidden" not in p.parts),
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_every_public_function_of_the_engine_has_type_hints(path):
    assert _untyped_public_functions(path) == []
