"""Grading from Jupyter, in a real kernel (nbclient + ipykernel): a class defined in a cell, a
wrong class with its diagnosis, a function that needs the stub's helper, a formula, and a
notebook written by `drill notebook`, recorded in the workspace it lives in."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from grader.cli import main
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(os.name == "nt", reason="the kernel tests run where CI runs")


@pytest.fixture
def ws(tmp_path, monkeypatch):
    root = tmp_path / "ws"
    CliRunner().invoke(main, ["init", str(root)], catch_exceptions=False)
    monkeypatch.setenv("PYTHONPATH", str(REPO))  # the kernel imports this tree's grader
    return root


def _run(cells: list[str], cwd: Path) -> list[str]:
    """Execute the cells in a fresh kernel; each cell's output as text (results, prints, errors)."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True).execute(cwd=str(cwd))
    return [_text(cell) for cell in notebook.cells]


def _text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(output["text"])
        elif output["output_type"] in ("execute_result", "display_data"):
            parts.append(output["data"].get("text/plain", ""))
        elif output["output_type"] == "error":
            parts.append(f"{output['ename']}: {output['evalue']}")
    return "".join(parts)


def _kept(path: str) -> str:
    """A kept answer's code, without its header comments."""
    return (REPO / path).read_text(encoding="utf-8")


def _function(path: str, name: str) -> str:
    source = (REPO / path).read_text(encoding="utf-8")
    node = next(n for n in ast.parse(source).body if getattr(n, "name", None) == name)
    return ast.get_source_segment(source, node) or ""


def test_a_class_defined_in_a_cell_and_a_wrong_one_with_its_diagnosis(ws):
    solution = _kept("solutions/02_backprop/affine_backward.py")
    wrong = _kept("tests/wrong/affine_backward/db_mean.py")
    out = _run(
        [
            solution,
            "from grader import grade\ngrade('affine_backward', Affine)",
            "%load_ext grader",
            f"%%drill affine_backward\n{wrong}",
            f"%%drill affine_backward --lang ja\n{wrong}",
        ],
        ws,
    )
    assert out[1].rstrip().endswith("affine_backward: 10/10 points — PASS"), out[1]
    assert "\n" + " " * 31 + "→ diagnosis: db is the mean over the batch" in out[3], out[3]
    assert out[3].rstrip().endswith("affine_backward: 0/10 points — FAIL"), out[3]
    assert "不合格" in out[4] and "診断" in out[4], out[4]


def test_a_function_gets_the_helpers_its_stub_gives(ws):
    bptt = _function("solutions/04_rnn/bptt.py", "bptt")
    assert "def forward" not in bptt  # the cell defines bptt only; forward is the stub's
    out = _run([bptt, "from grader import grade\ngrade('bptt', bptt)", "%load_ext grader", f"%%drill bptt\n{bptt}"], ws)
    assert "bptt: " in out[1] and "PASS" in out[1].splitlines()[-1], out[1]
    assert "PASS" in out[3].splitlines()[-1], out[3]


def test_a_formula_and_an_unknown_id_in_a_cell(ws):
    out = _run(
        ["%load_ext grader", "%%drill d_tanh_expr\ndydx = 1 - tanh(x)^2", "%%drill nope\nx = 1", "%%drill\nx"], ws
    )
    assert out[1].rstrip().endswith("d_tanh_expr: 5/5 points — PASS"), out[1]
    assert out[2].strip() == "Error: unknown problem 'nope'. (drill list)" or out[2].strip().endswith(
        "unknown problem 'nope'. (drill list)"
    ), out[2]
    assert out[3].strip().endswith("write the problem ID after %%drill"), out[3]


def test_a_notebook_written_by_drill_notebook_grades_and_is_recorded(ws):
    done = CliRunner().invoke(main, ["--workspace", str(ws), "notebook", "affine_backward"])
    assert done.exit_code == 0 and done.output == "wrote notebooks/affine_backward.ipynb (open it in Jupyter)\n"
    path = ws / "notebooks" / "affine_backward.ipynb"
    notebook = nbformat.read(str(path), as_version=4)
    kinds = [(c.cell_type, c.source.splitlines()[0]) for c in notebook.cells]
    assert kinds[:3] == [
        ("markdown", "# affine_backward — Backward pass of the Affine layer (any input ndim)"),
        ("code", "%load_ext grader"),
        ("code", "%%drill affine_backward"),
    ]
    stub_out = _run([c.source for c in notebook.cells if c.cell_type == "code"], path.parent)
    assert "FAIL" in stub_out[1], stub_out[1]  # the stub as written fails
    notebook.cells[2].source = "%%drill affine_backward\n" + _kept("solutions/02_backprop/affine_backward.py")
    out = _run([c.source for c in notebook.cells if c.cell_type == "code"], path.parent)
    assert out[1].rstrip().endswith("affine_backward: 10/10 points — PASS"), out[1]
    rows = json.loads(CliRunner().invoke(main, ["--workspace", str(ws), "list", "--json"]).output)
    assert next(r for r in rows if r["id"] == "affine_backward")["status"] == "passed"  # recorded there


def test_outside_a_workspace_the_result_says_it_was_not_recorded(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    out = _run(["%load_ext grader", "%%drill d_tanh_expr\ndydx = 1 - tanh(x)^2"], tmp_path)
    assert out[1].rstrip().endswith("outside a workspace: this result was not recorded (drill init creates one).")


def test_drill_init_with_notebooks_writes_one_per_problem(tmp_path):
    result = CliRunner().invoke(main, ["--lang", "ja", "init", str(tmp_path / "ws"), "--notebooks"])
    written = sorted(p.stem for p in (tmp_path / "ws" / "notebooks").glob("*.ipynb"))
    assert result.exit_code == 0 and len(written) > 80 and "affine_backward" in written
    assert (
        result.output.splitlines()[-1]
        == f"notebooks/ にノートブックを {len(written)} 冊書きました（Jupyter で開いてください）"
    )
    first = nbformat.read(str(tmp_path / "ws" / "notebooks" / "affine_backward.ipynb"), as_version=4)
    assert first.cells[0].source.startswith("# affine_backward — Affine レイヤの逆伝播")  # in the chosen language


def test_sine_wave_rnn_grades_from_a_cell(ws):
    out = _run(["%load_ext grader", "%%drill sine_wave_rnn\n" + _kept("solutions/04_rnn/sine_wave_rnn.py")], ws)
    assert out[1].rstrip().endswith("sine_wave_rnn: 12/12 points — PASS"), out[1]
