"""`drill dev mutants`: mutations where the learner writes, graded like a learner's file; survivors
listed unless reviewed as equivalent (by a fingerprint an edited solution invalidates)."""

from __future__ import annotations

import ast

from grader import mutants

STUB = "import numpy as np\n\n\ndef f(x, W):\n    raise NotImplementedError\n"
SOLUTION = (
    "import numpy as np\n\n\ndef f(x, W):\n"
    "    y = x @ W.T\n"
    "    m = y.sum(axis=1, keepdims=True)\n"
    "    out = np.zeros_like(y)\n"
    "    out[...] = y - m\n"
    "    for i in range(2):\n"
    "        out += 1\n"
    "    return out\n"
)


def test_the_learner_writes_the_lines_the_stub_does_not_have():
    assert mutants.learner_lines(STUB, SOLUTION) == set(range(5, 12))


def test_the_operators_model_learner_mistakes_on_those_lines_only():
    found = list(mutants.mutants("p", SOLUTION, mutants.learner_lines(STUB, SOLUTION)))
    operators = {(m.line, m.operator) for m in found}
    assert {
        (5, "swap @ operands"),
        (5, "drop .T (right)"),
        (6, "sum→mean"),
        (6, "axis=1→0"),
        (6, "drop keepdims="),
        (6, "drop axis="),
        (8, "in-place [...] = → rebinding"),
        (8, "Sub→Add"),
        (9, "reversed range"),
        (9, "range end − 1"),
        (10, "in-place → rebinding"),
        (10, "constant 1→2"),
        (7, "delete the statement"),
    } <= operators
    assert all(m.line >= 5 for m in found)  # nothing on the stub's own lines (the import, the def)
    for mutant in found:
        ast.parse(mutant.source)  # every mutant is a program
        assert mutant.source != ast.unparse(ast.parse(SOLUTION))
    assert len({m.source for m in found}) == len(found)
    shown = {m.operator: m.shown for m in found if m.line == 6}
    assert shown["sum→mean"] == "m = y.sum(axis=1, keepdims=True)"


def test_a_fingerprint_holds_for_one_solution_text_only():
    (mutant, *_) = mutants.mutants("p", SOLUTION, {5})
    assert mutant.fingerprint(SOLUTION) == mutant.fingerprint(SOLUTION)
    assert mutant.fingerprint(SOLUTION) != mutant.fingerprint(SOLUTION + "\n# edited\n")


SURVIVING = "def double(x):\n    return 2 * x if x.size >= 0 else None\n"


def test_survivors_are_listed_until_reviewed_as_equivalent(cli, mini):
    (mini / "solutions" / "mc" / "mc_pass.py").write_text(SURVIVING, encoding="utf-8")
    result = cli("--workspace", mini, "dev", "mutants", "mc_pass")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    survivor = next(line for line in lines if "GtE→Gt" in line)
    assert survivor.startswith("  line 2: GtE→Gt: return 2 * x if x.size >= 0 else None  [mc_pass ")
    fingerprint = survivor.rsplit(" ", 1)[1].rstrip("]")
    (mini / "tests").mkdir()
    (mini / "tests" / "mutants-equivalent.txt").write_text(
        f"# problem fingerprint reason\nmc_pass {fingerprint} x.size > 0 for every hidden case (arrays are never empty)\n",
        encoding="utf-8",
    )
    again = cli("--workspace", mini, "dev", "mutants", "mc_pass")
    assert again.stdout.splitlines()[0].startswith("mc_pass: ")
    assert "1 listed equivalent" in again.stdout.splitlines()[0]
    assert "GtE→Gt" not in again.stdout
    assert again.exit_code == (1 if "survived" in again.stdout.splitlines()[0] else 0)


def test_an_entry_that_matches_no_survivor_is_stale_and_fails(cli, mini):
    (mini / "tests").mkdir()
    (mini / "tests" / "mutants-equivalent.txt").write_text(
        "mc_fail 0123456789ab a reason that no longer holds\nmc_pass 0123456789ab another problem's entry\n",
        encoding="utf-8",
    )
    result = cli("--workspace", mini, "dev", "mutants", "mc_fail")
    assert result.stdout.splitlines() == [
        "mc_fail: 3/3 killed",
        "  stale entry mc_fail 0123456789ab: no surviving mutant has it (remove it)",
        "total: 3/3 killed, 0 listed equivalent, 0 survived, 1 stale entries",
    ]
    assert result.exit_code == 1


def test_every_mutant_of_a_well_tested_solution_is_killed(cli, mini):
    result = cli("--workspace", mini, "dev", "mutants", "mc_fail")  # stub x + 1, solution 2 * x
    assert result.stdout.splitlines() == ["mc_fail: 3/3 killed", "total: 3/3 killed, 0 listed equivalent, 0 survived"]
    assert result.exit_code == 0


def test_only_code_problems_are_mutated(cli, mini):
    result = cli("--workspace", mini, "dev", "mutants", "mc_choice", "nope")
    assert result.exit_code == 2
    assert result.stderr == "Error: not code problems: mc_choice, nope\n"
