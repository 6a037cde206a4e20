"""grader/terminal.py and what it does to the CLI's output: Japanese tables that line up (measured
with wcwidth), output that fits the terminal's width, Japanese line-breaking rules, and stdout
encodings that cannot hold every character (cp932)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from grader import terminal
from grader.cli import main
from wcwidth import wcswidth

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def workspace(tmp_path):
    ws = tmp_path / "ws"
    CliRunner().invoke(main, ["init", str(ws)], catch_exceptions=False)
    (ws / "exercises/02_backprop/affine_backward.py").write_bytes(
        (REPO / "solutions/02_backprop/affine_backward.py").read_bytes()
    )
    return ws


def _drill(ws: Path, *args: str, columns: int = 80) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--workspace", str(ws), *args], env={"COLUMNS": str(columns)})
    return result.exit_code, result.output


# -- widths and wrapping


@pytest.mark.parametrize(
    "text, width",
    [("abc", 3), ("", 0), ("行列", 4), ("Affine レイヤ", 13), ("（例）", 6), ("∂L/∂W", 5), ("—", 1)],
)
def test_display_width_counts_a_japanese_character_as_two_columns(text, width):
    assert terminal.display_width(text) == width == max(wcswidth(text), 0)


def test_the_width_is_columns_then_the_terminal_then_100(monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    assert terminal.width() == 72
    monkeypatch.setenv("COLUMNS", "5")
    assert terminal.width() == 20  # never narrower than that
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(os, "get_terminal_size", lambda *_: (_ for _ in ()).throw(OSError("not a terminal")))
    assert terminal.width() == 100


def test_japanese_breaks_between_characters_and_no_line_starts_with_closing_punctuation():
    text = "行列の積を計算する関数を実装してください。バッチ軸に沿って和をとります。"
    lines = terminal.wrap(text, 20).split("\n")
    assert "".join(lines) == text
    assert all(wcswidth(line) <= 20 for line in lines)
    assert not any(line[0] in terminal.NO_LINE_START for line in lines)
    assert lines == ["行列の積を計算する関", "数を実装してくださ", "い。バッチ軸に沿って", "和をとります。"]


def test_no_line_ends_with_an_opening_bracket():
    lines = terminal.wrap("あいうえおかきく（けこ）さしすせそ", 18).split("\n")
    assert lines == ["あいうえおかきく", "（けこ）さしすせそ"]


def test_english_breaks_at_spaces_and_a_list_item_hangs_under_its_text():
    text = "- x: (N, ...) with ndim >= 2. forward flattens x to (N, D) and keeps the\n  original shape in self.original_x_shape."
    assert terminal.wrap(text, 40).split("\n") == [
        "- x: (N, ...) with ndim >= 2. forward",
        "  flattens x to (N, D) and keeps the",
        "  original shape in",
        "  self.original_x_shape.",
    ]


def test_paragraphs_that_fit_and_code_keep_their_line_breaks():
    text = "short line\nanother\n\n    x = np.zeros((N, D))  # a very long code line that must never be broken\n```\nalso code that is long enough to wrap if it were prose\n```"
    assert terminal.wrap(text, 30) == text


def test_a_word_longer_than_the_line_is_cut_and_nothing_loops():
    assert terminal.wrap("a" * 25, 10).split("\n") == ["a" * 10, "a" * 10, "a" * 5]
    assert terminal.wrap("行" * 8, 12).split("\n") == ["行" * 6, "行" * 2]


# -- the CLI at 80 columns, in Japanese


def _columns_of(line: str, cells: list[str]) -> list[int]:
    """The display column at which each cell starts in `line`."""
    starts = []
    for cell in cells:
        index = line.index(cell)
        starts.append(wcswidth(line[:index]))
    return starts


def test_drill_list_in_japanese_lines_up_and_fits_80_columns(workspace):
    assert _drill(workspace, "grade", "affine_backward")[0] == 0
    code, out = _drill(workspace, "--lang", "ja", "list")
    assert code == 0
    lines = out.rstrip("\n").split("\n")
    assert max(wcswidth(line) for line in lines) <= 80
    header = lines[0].split()
    assert header == ["ID", "種類", "状態", "点", "タイトル"]  # the file and topic columns go first
    starts = _columns_of(lines[0], header)
    for line in lines[2:]:
        if not line.startswith(" "):  # a row, not a title's continuation
            cells = line.split()
            assert _columns_of(line, cells[:4]) == starts[:4], line
    row = next(line for line in lines if line.startswith("affine_backward "))
    assert row.split()[:3] == ["affine_backward", "コード", "合格"]


def test_drill_list_on_a_wide_terminal_keeps_every_column(workspace):
    code, out = _drill(workspace, "--lang", "ja", "list", columns=250)
    assert code == 0
    assert out.split("\n")[0].split() == ["ID", "トピック", "種類", "状態", "点", "ファイル", "タイトル"]
    assert "exercises/02_backprop/affine_backward.py" in out


def test_a_scorecard_fits_80_columns_and_wraps_its_message(workspace):
    code, out = _drill(workspace, "--lang", "ja", "grade", "affine_backward")
    lines = out.rstrip("\n").split("\n")
    assert code == 0 and max(wcswidth(line) for line in lines) <= 80
    assert lines[0].split() == ["チェック", "結果", "点", "メッセージ"]
    message_column = _columns_of(lines[0], ["メッセージ"])[0]
    gradcheck = lines.index(next(line for line in lines if line.startswith("gradcheck")))
    continuation = lines[gradcheck + 1]
    assert continuation.strip() and wcswidth(continuation) - wcswidth(continuation.lstrip()) == message_column
    assert "affine_backward: 10/10 点 — 合格" in lines
    assert (
        lines[lines.index("affine_backward: 10/10 点 — 合格") + 2] == "解説（affine_backward）"
    )  # the explanation follows


def test_drill_show_wraps_the_statement_to_the_width_in_both_languages(workspace):
    for lang in ("ja", "en"):
        code, out = _drill(workspace, "--lang", lang, "show", "affine_backward", columns=60)
        lines = out.rstrip("\n").split("\n")
        assert code == 0 and max(wcswidth(line) for line in lines) <= 60, lang
        assert not any(line.lstrip()[:1] in terminal.NO_LINE_START for line in lines if line.strip())


# -- encodings


def _drill_in_a_process(ws: Path, encoding: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grader", "--workspace", str(ws), *args],
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "100"},
        check=False,
    )


@pytest.mark.parametrize(
    "args, code, first_line",
    [
        (
            ["--lang", "ja", "show", "affine_backward"],
            0,
            "affine_backward - Affine レイヤの逆伝播（テンソル対応） (10 点)",
        ),
        (
            ["--lang", "en", "show", "affine_backward"],
            0,
            "affine_backward - Backward pass of the Affine layer (any input ndim) (10 points)",
        ),
        (["--lang", "ja", "grade", "affine_backward"], 0, "チェック    結果    点    メッセージ"),
        (["--lang", "ja", "list"], 0, None),
    ],
)
def test_a_cp932_stdout_gets_plain_dashes_instead_of_a_crash(workspace, args, code, first_line):
    done = _drill_in_a_process(workspace, "cp932", *args)
    assert done.returncode == code and b"Traceback" not in done.stderr
    out = done.stdout.decode("cp932")
    if first_line:
        assert out.split("\r\n" if "\r\n" in out else "\n")[0] == first_line
    assert "affine_backward" in out


def test_a_cp932_stderr_gets_the_japanese_error_line(workspace):
    done = _drill_in_a_process(workspace, "cp932", "--lang", "ja", "grade", "nope")
    assert done.returncode == 2
    assert done.stderr.decode("cp932").strip() == "エラー: 問題 'nope' はありません。（drill list）"


@pytest.mark.parametrize(
    "text, degraded",
    [
        ("a — b", "a - b"),
        ("10⁸ and A⁻¹", "10^8 and A^-1"),
        ("x² − 1 ≤ 0", "x^2 － 1 <= 0"),  # cp932 writes the minus sign as its full-width minus
        ("café", "cafe"),
        ("✓ 合格", "v 合格"),
        ("∂L/∂W（形状）", "∂L/∂W（形状）"),  # cp932 has these
    ],
)
def test_what_cp932_cannot_encode_degrades_to_its_plain_form(text, degraded):
    import codecs
    import io

    terminal.degrade_unencodable()  # registers the handler
    assert codecs.lookup_error("drill-degrade")
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp932")
    terminal.degrade_unencodable(stream)
    stream.write(text)
    stream.flush()
    assert stream.buffer.getvalue().decode("cp932") == degraded  # type: ignore[attr-defined]


def test_a_utf8_stream_is_left_alone():
    import io

    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    terminal.degrade_unencodable(stream)
    assert stream.errors == "strict"


def test_drill_stats_bars_line_up_under_japanese_area_names(workspace):
    code, out = _drill(workspace, "--lang", "ja", "stats")
    assert code == 0
    bars = [line for line in out.split("\n") if line.startswith("  ") and "/" in line]
    assert len(bars) > 5
    starts = {wcswidth(line[: line.index(next(c for c in line if c in "#.▏▎▍▌▋▊▉█"))]) for line in bars}
    assert len(starts) == 1, bars  # every bar starts at one column


# -- the spinner of a long grade


class _Terminal:
    """A stream that says it is a terminal and keeps what was written."""

    def __init__(self, tty: bool = True):
        self.written: list[str] = []
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.written.append(text)

    def flush(self) -> None:
        pass


def test_the_spinner_draws_after_its_delay_and_wipes_itself():
    import time

    stream = _Terminal()
    spinner = terminal.Spinner(stream, "採点中…", delay=0.05, interval=0.02)
    spinner.start()
    time.sleep(0.3)
    spinner.stop()
    frames = stream.written[:-1]
    assert len(frames) >= 3 and all(
        f.startswith(("\r| 採点中… ", "\r/ 採点中… ", "\r- 採点中… ", "\r\\ 採点中… ")) for f in frames
    )
    assert frames[0].endswith(" s") and [f[1] for f in frames[:4]] == list("|/-\\")[: len(frames[:4])]
    last = stream.written[-1]
    assert (
        last[0] == last[-1] == "\r"
        and set(last[1:-1]) == {" "}
        and len(last) - 2 >= max(wcswidth(f[1:]) for f in frames)
    )


def test_a_quick_grade_and_a_pipe_draw_nothing():
    quick = _Terminal()
    spinner = terminal.Spinner(quick, "grading…", delay=5)
    spinner.start()
    spinner.stop()
    assert quick.written == []
    pipe = _Terminal(tty=False)
    spinner = terminal.Spinner(pipe, "grading…", delay=0)
    spinner.start()
    spinner.stop()
    assert pipe.written == []


def test_the_session_calls_waiting_once_the_grade_runs_elsewhere(monkeypatch, workspace):
    """The spinner starts only after the fork (a thread before it would stop drill forking)."""
    from grader import forking, session

    calls = []
    monkeypatch.setattr(forking, "fork_helps", lambda module: True)
    monkeypatch.setattr(
        forking,
        "overlap",
        lambda job, meanwhile: (calls.append("forked"), meanwhile(), calls.append("wait"), job())[-1],
    )
    s = session.Session("en", str(workspace))
    result = s.attempt(s.problem("affine_backward"), once=True, waiting=lambda: calls.append("waiting"))
    assert result.status == "pass" and calls == ["forked", "waiting", "wait"]


def test_a_diagnosis_starts_its_own_line_in_a_narrow_scorecard(workspace):
    (workspace / "exercises/02_backprop/affine_backward.py").write_bytes(
        (REPO / "tests/wrong/affine_backward/db_mean.py").read_bytes()
    )
    code, out = _drill(workspace, "grade", "affine_backward", columns=80)
    lines = out.split("\n")
    assert code == 1 and max(wcswidth(line) for line in lines) <= 80
    start = _columns_of(lines[0], ["message"])[0]
    assert any(line[start:].startswith("→ diagnosis: db is the mean over the batch") for line in lines), out
    arrow = next(i for i, line in enumerate(lines) if line[start:].startswith("→ diagnosis:"))
    assert lines[arrow + 1][start:].startswith("  ") and lines[arrow + 1][start + 2] != " "  # hangs under the text


def test_a_wrapped_diagnosis_hangs_under_the_text_after_its_arrow():
    text = "→ 診断: db がバッチの平均になっています（N 分の 1）。合計です: self.db = np.sum(dout, axis=0)。"
    assert terminal.wrap(text, 40).split("\n") == [
        "→ 診断: db がバッチの平均になっています",
        "  （N 分の 1）。合計です: self.db =",
        "  np.sum(dout, axis=0)。",
    ]


def test_indented_definition_lines_under_a_long_paragraph_keep_their_own_lines():
    text = (
        "A has two different real eigenvalues. λ is an eigenvalue and v an eigenvector when A v = λ v.\n"
        "  lam1 = the larger eigenvalue\n"
        "  lam2 = the smaller eigenvalue, written as a fraction when it is not a whole number\n"
        "Fractions may be written like 3/2."
    )
    assert terminal.wrap(text, 50).split("\n") == [
        "A has two different real eigenvalues. λ is an",
        "eigenvalue and v an eigenvector when A v = λ v.",
        "  lam1 = the larger eigenvalue",
        "  lam2 = the smaller eigenvalue, written as a",
        "  fraction when it is not a whole number",
        "Fractions may be written like 3/2.",
    ]


def test_an_option_and_a_combination_statement_hang_under_their_text():
    text = (
        "  A) each worker holds a full copy of the model and takes a slice of the batch\n"
        "  B) the layers are split\n"
        "（あ） 各ワーカーがモデル全体の複製を持ち、ミニバッチを分けて処理する。"
    )
    assert terminal.wrap(text, 40).split("\n") == [
        "  A) each worker holds a full copy of",
        "     the model and takes a slice of the",
        "     batch",
        "  B) the layers are split",
        "（あ） 各ワーカーがモデル全体の複製を持",
        "       ち、ミニバッチを分けて処理する。",
    ]


def test_joined_lines_keep_the_space_between_japanese_and_latin_text_but_not_beside_punctuation():
    text = "フィルタ W は\n(FN, C, FH, FW) の形で、\nx は\n「入力」です。次の行は\nnp.sum で計算します。\n" + "あ" * 30
    assert terminal.wrap(text, 200) == text  # fits: kept as written
    joined = terminal.wrap("フィルタ W は\n(FN, C, FH, FW) の形で、\nnp.sum で、\n「入力」を足します。" + "い" * 60, 60)
    assert joined.split("\n")[0].startswith("フィルタ W は (FN, C, FH, FW) の形で、np.sum で、「入力」を")


def test_a_line_back_at_the_margin_after_a_long_option_is_not_joined_into_it():
    text = (
        "  D) each worker holds only part of the parameters (some layers, or a slice of a weight matrix)\n"
        "data  = which option describes data parallelism?\n"
        "model = which option describes model parallelism?"
    )
    assert terminal.wrap(text, 60).split("\n") == [
        "  D) each worker holds only part of the parameters (some",
        "     layers, or a slice of a weight matrix)",
        "data  = which option describes data parallelism?",
        "model = which option describes model parallelism?",
    ]
