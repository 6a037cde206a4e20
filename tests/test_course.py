"""The real catalog: every stub fails, every solution passes, every kept wrong answer is rejected
(with its diagnosis), and every kept alternative right answer is accepted."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest
from grader import catalog as catalog_mod
from grader import devcheck, grading
from grader.submission import Code
from grader.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
CATALOG = catalog_mod.load(REPO / "problems.yaml")
WORKSPACE = Workspace(REPO)


def _kept(kind: str) -> list:
    files = sorted((REPO / "tests" / kind).glob("*/*.py"))
    return [pytest.param(f, id=f"{f.parent.name}/{f.stem}") for f in files]


def _mutations(kind: str) -> list:
    """(problem, name, mutated source, diagnosis) from tests/mutations/<id>.yaml, applied to the solution."""
    import yaml

    found = []
    for spec_path in sorted((REPO / "tests" / "mutations").glob("*.yaml")):
        problem = CATALOG.get(spec_path.stem)
        if problem is None:  # reported by test_every_kept_answer_names_a_problem
            continue
        data = yaml.safe_load(spec_path.read_text(encoding="utf-8")) or {}
        source = (REPO / problem.solution).read_text(encoding="utf-8")
        for item in data.get(kind, []) or []:
            text = source
            for old, new in item["replace"]:
                assert text.count(old) == 1, f"{spec_path.name} {item['name']}: {old!r} must occur once"
                text = text.replace(old, new)
            found.append(pytest.param(problem, text, item.get("diagnosis"), id=f"{problem.id}/{item['name']}"))
    return found


def _grade_text(problem, text: str, tmp_path, lang: str = "en"):
    return grading.grade(problem, Code(text, tmp_path / Path(problem.file).name), lang=lang)


def _grade_file(problem, path: Path, lang: str = "en"):
    return grading.grade(problem, Code(path.read_text(encoding="utf-8"), path), lang=lang)


@pytest.mark.parametrize("problem, text, diagnosis", _mutations("wrong"))
def test_mutated_wrong_answer_is_rejected(problem, text, diagnosis, tmp_path):
    result = _grade_text(problem, text, tmp_path)
    assert result.status == "fail", [(c.name, c.message) for c in result.checks]
    if diagnosis:
        assert any(diagnosis in (c.diagnosis or "") for c in result.checks), [c.diagnosis for c in result.checks]
        ja = _grade_text(problem, text, tmp_path, "ja")
        assert any(c.diagnosis for c in ja.checks), "diagnosis missing in Japanese"


@pytest.mark.parametrize("problem, text, diagnosis", _mutations("right"))
def test_mutated_right_answer_is_accepted(problem, text, diagnosis, tmp_path):
    result = _grade_text(problem, text, tmp_path)
    assert result.status == "pass", [(c.name, c.message) for c in result.checks]


def test_every_kept_answer_names_a_problem():
    for folder in ("mutations", "answers"):
        for path in (REPO / "tests" / folder).glob("*.yaml"):
            assert CATALOG.get(path.stem) is not None, f"tests/{folder}/{path.name} names no problem"
    for folder in ("wrong", "right"):
        for path in (REPO / "tests" / folder).iterdir():
            assert CATALOG.get(path.name) is not None, f"tests/{folder}/{path.name} names no problem"


def _headers(path: Path) -> dict:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines()[:8]:
        match = re.match(r"^#\s*(expect|diagnosis):\s*(.+?)\s*$", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_static_catalog_checks_pass():
    assert devcheck.static_offenders(WORKSPACE, CATALOG) == []


@pytest.mark.parametrize("problem", [pytest.param(p, id=p.id) for p in CATALOG.problems])
def test_stub_fails_and_solution_passes(problem):
    stub = devcheck.grade_file(WORKSPACE, problem, REPO / problem.file)
    assert stub.status != "pass"
    solution = devcheck.grade_file(WORKSPACE, problem, REPO / problem.solution)
    assert solution.status == "pass", [(c.name, c.message) for c in solution.checks]


@pytest.mark.parametrize("path", _kept("wrong"))
def test_wrong_answer_is_rejected(path):
    problem = CATALOG.get(path.parent.name)
    assert problem is not None, f"no problem '{path.parent.name}'"
    headers = _headers(path)
    assert headers.get("expect") == "fail", "a wrong file needs '# expect: fail'"
    result = _grade_file(problem, path)
    assert result.status == "fail", [(c.name, c.message) for c in result.checks]
    if "diagnosis" in headers:
        shown = [c.diagnosis or "" for c in result.checks]
        assert any(headers["diagnosis"] in d for d in shown), shown
    for lang in ("ja",):
        ja = _grade_file(problem, path, lang)
        if "diagnosis" in headers:
            assert any(c.diagnosis for c in ja.checks), "diagnosis missing in Japanese"


@pytest.mark.parametrize("path", _kept("right"))
def test_right_answer_is_accepted(path):
    problem = CATALOG.get(path.parent.name)
    assert _headers(path).get("expect") == "pass"
    result = _grade_file(problem, path)
    assert result.status == "pass", [(c.name, c.message) for c in result.checks]


def test_every_code_problem_keeps_three_wrong_answers():
    import yaml

    for problem in CATALOG.problems:
        if problem.is_code:
            kept = len(list((REPO / "tests" / "wrong" / problem.id).glob("*.py")))
            spec = REPO / "tests" / "mutations" / f"{problem.id}.yaml"
            if spec.is_file():
                kept += len((yaml.safe_load(spec.read_text(encoding="utf-8")) or {}).get("wrong", []) or [])
            assert kept >= 3, f"{problem.id}: {kept} kept wrong answers"


def test_every_code_problem_names_at_least_one_mistake():
    import yaml

    for problem in CATALOG.problems:
        if not problem.is_code:
            continue
        named = any("diagnosis" in _headers(f) for f in (REPO / "tests" / "wrong" / problem.id).glob("*.py"))
        spec = REPO / "tests" / "mutations" / f"{problem.id}.yaml"
        if spec.is_file():
            items = (yaml.safe_load(spec.read_text(encoding="utf-8")) or {}).get("wrong", []) or []
            named = named or any(item.get("diagnosis") for item in items)
        assert named, f"{problem.id}: no kept wrong answer expects a diagnosis"


def _learner_writes_a_backward(stub: Path) -> bool:
    """A `backward` the learner fills in: one whose body in the stub raises NotImplementedError
    (a backward given whole, like the models of the training problems, is not the learner's)."""
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "backward":
            if any(isinstance(n, ast.Raise) and "NotImplementedError" in ast.unparse(n) for n in ast.walk(node)):
                return True
    return False


def test_every_backward_has_a_gradcheck():
    written = [p for p in CATALOG.problems if p.is_code and _learner_writes_a_backward(REPO / p.file)]
    assert len(written) >= 10  # the rule must not pass by finding nothing
    for problem in written:
        assert any(c.kind == "gradcheck" for c in problem.checks), f"{problem.id}: backward without gradcheck"


# Square because the model makes them so: recurrent weights map the hidden state onto itself (H, H).
SQUARE_BY_NATURE = {
    ("rnn_delta", "W"),
    ("bptt", "U"),
    ("rnn_cell", "Wh"),
    ("bidirectional_rnn", "Wh_f"),
    ("bidirectional_rnn", "Wh_b"),
    ("binary_addition_rnn", "W"),
    # CycleGAN's G: X → Y and F: Y → X as linear maps: the identity loss feeds G an image of Y, so both
    # domains have the same size D and A, B are (D, D); they are random, so a transposed one still shows
    ("cycle_consistency_loss", "A"),
    ("cycle_consistency_loss", "B"),
}


def test_hidden_inputs_are_non_square_with_a_batch_over_one():
    """CONTENT.md: a square input lets a transposed answer pass, a batch of one hides a missing sum."""
    seen = 0
    for problem in CATALOG.problems:
        if not problem.is_code:
            continue
        checks = grading.hidden_checks(problem)
        for spec in problem.checks:
            drawn = checks[spec.name].draw(np.random.default_rng(grading.seed_for(problem.id, spec.name)))
            for i, case in enumerate(drawn):
                for key, value in case.items() if isinstance(case, dict) else ():
                    if not isinstance(value, np.ndarray) or value.ndim < 2:
                        continue
                    seen += 1
                    where = f"{problem.id} {spec.name}[{i}].{key}{value.shape}"
                    assert value.shape[0] > 1, f"{where}: a batch of one"
                    if (problem.id, key) not in SQUARE_BY_NATURE:
                        assert len(set(value.shape)) > 1, f"{where}: square"
    assert seen > 500  # the rule must not pass by finding nothing


def test_the_learners_process_gets_the_inputs_and_never_the_expected_values(monkeypatch):
    """The reference's outputs and the numerical gradients are computed while the learner's code runs,
    after its process has started: they are not in its memory to be read back (nor to wait for)."""
    from grader import sandbox

    real_start = sandbox.start
    sent = {}

    def watching(source, path, probes, timeout, course=None):
        sent.update({name: probe.cases for name, probe in probes})
        assert course is not None and course[1] == sent  # what course mode's zygote gets is the same
        return real_start(source, path, probes, timeout, course)

    monkeypatch.setattr(sandbox, "start", watching)
    problem = CATALOG.get("affine_backward")
    result = _grade_file(problem, REPO / "solutions/02_backprop/affine_backward.py")
    assert sorted(sent) == ["backward", "gradcheck", "reuse"]
    drawn = {"W", "b", "dout", "x"}
    drawn_reuse = {"W", "b"} | {f"{key}{k}" for key in ("x", "dout") for k in (1, 2, 3)}  # three calls, one object
    for name, cases in sent.items():  # the drawn inputs only: no reference outputs, no numerical gradients
        assert all(set(case) == (drawn_reuse if name == "reuse" else drawn) for case in cases)
    assert result.status == "pass", result  # and the judge had them all the same


def test_every_problem_has_an_explanation_syllabus_items_and_references():
    short = [p.id for p in CATALOG.problems if len(p.explanation.ja) < 150 or len(p.explanation.en) < 250]
    assert short == []
    assert all(p.syllabus and p.refs for p in CATALOG.problems)


@pytest.mark.parametrize(
    "problem_id, area",
    [
        ("chain_rule_dzdx", 3),  # the chain rule is 3-2-2
        ("rnn_y1", 3),  # RNN, LSTM, GRU and seq2seq are 3-5-*
        ("bptt", 3),
        ("lstm_cell", 3),
        ("gru_cell", 3),
        ("seq2seq_choice", 3),
        ("scaled_dot_product_attention", 3),  # Transformer is 3-6-1
        ("multihead_shapes", 3),
        ("quantize_int8", 5),  # compression is 5-1-1
        ("magnitude_pruning", 5),
        ("distillation_loss", 5),
        ("word2vec_cbow", 4),  # word embeddings are 4-4-1
        ("gan_losses", 4),
        ("policy_gradient", 4),
    ],
)
def test_the_area_is_the_first_syllabus_items(problem_id, area):
    problem = CATALOG.get(problem_id)
    assert problem.area == area == int(problem.syllabus[0].split("-")[0])


def test_every_choice_option_of_the_catalog_is_explained_in_both_languages():
    for problem in CATALOG.problems:
        for check in problem.checks:
            if check.kind == "choice":
                # a combination explains each statement (あ)〜(え), the other forms each option A, B, …
                combination = check.params.form == "combination"
                keys = check.params.statements if combination else check.params.options
                letters = {str(k).upper() for k in keys}
                explained = {k.upper(): v for k, v in check.params.explain.items()}
                assert set(explained) == letters, (problem.id, check.name)
                assert all(v.get("ja") and v.get("en") for v in explained.values()), (problem.id, check.name)
