"""`symbolic`: a formula answer, read without eval, compared with the expected one.

Scalar answers: agreement at >= 20 random points, then sympy simplification of the difference.
Matrix answers: agreement at >= 20 random draws of matrices with distinct (non-square) sizes, so a
transposed or reordered product is wrong, not "equal".
"""

from __future__ import annotations

import contextlib
import math
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from grader import expr
from grader.checks.base import Msg, Verdict
from grader.checks.schema import Bilingual, Context, Kind, ParamError, valid_key
from grader.errors import AnswerError
from grader.results import ERROR, FAIL, PASS
from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import CheckSpec, Problem

POINTS = 24
RTOL, ATOL = 1e-7, 1e-9
SYMPY_SECONDS = 3.0  # the sympy proof only upgrades the message; the numbers have already decided
EQUIVALENT = Msg(
    "正解と同値です（sympy と {n} 点の数値で確認）", "equivalent to the expected answer (sympy, and {n} random points)"
)
EQUIVALENT_NUMERIC = Msg(
    "正解と同値です（{n} 点の数値で確認）", "equivalent to the expected answer (checked at {n} random points)"
)
NOT_EQUIVALENT = Msg(
    "正解と一致しません: {point} のとき あなたの式 = {got}、正解 = {want}",
    "not equivalent: at {point} your answer gives {got}, the expected answer {want}",
)
SHAPE = Msg("行列の形が合いません: {why}（形: {shapes}）", "the shapes do not fit: {why} (shapes: {shapes})")


@dataclass(frozen=True)
class WrongExpr(Bilingual):
    """A known wrong formula and what it tells (ja, en); `shapes` overrides matrix shapes for it (a
    transposed answer has the transposed shape)."""

    expr: str | float
    shapes: dict[str, tuple[str | int, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Params:
    """A `symbolic` part: its answer key and expected formula; the scalar symbols (with the range
    they are drawn from), the matrices (with their shapes, in named or fixed sizes), names `define`d
    as formulas, earlier parts it `uses`, the functions allowed, names forbidden (and why), and known
    wrong formulas."""

    part: str
    expected: str | float
    symbols: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    matrices: dict[str, tuple[str | int, ...]] = field(default_factory=dict)
    define: dict[str, str | float] = field(default_factory=dict)
    uses: tuple[str, ...] = ()
    functions: tuple[str, ...] | None = None
    forbid: dict[str, Bilingual] = field(default_factory=dict)
    wrong: tuple[WrongExpr, ...] = ()


def _names(params: Params) -> expr.Names:
    return expr.Names(
        scalars=tuple(params.symbols),
        matrices=tuple(params.matrices),
        parts=tuple(params.uses) + tuple(params.define),
        functions=expr.FUNCTIONS if params.functions is None else tuple(params.functions),
        forbidden={name: {"ja": why.ja, "en": why.en} for name, why in params.forbid.items()},
    )


def names_for(problem: Problem, spec: CheckSpec) -> expr.Names:
    """The whitelist of one part: its symbols, matrices, earlier parts it may use, functions."""
    return _names(spec.params)


def validate(params: Params, context: Context) -> None:
    """Everything a grade would trip over later: keys, ranges, shapes, functions, and formulas that
    must be readable (the expected one, the definitions, each known wrong one)."""
    valid_key(params.part, "part")
    for name, bounds in params.symbols.items():
        valid_key(name, f"symbols.{name}")
        if bounds is not None and not bounds[0] < bounds[1]:
            raise ParamError(
                f"symbols.{name}",
                Text(
                    " は low < high の [low, high] にしてください（{got} になっています）",
                    " must be [low, high] with low < high, got {got}",
                ).fill(got=list(bounds)),
            )
    for name, shape in params.matrices.items():
        valid_key(name, f"matrices.{name}")
        if not shape or any(isinstance(d, int) and d < 1 for d in shape):
            raise ParamError(
                f"matrices.{name}",
                Text(
                    " は大きさ（名前か 1 以上の整数）の空でないリストにしてください",
                    " must be a non-empty list of sizes (names or whole numbers >= 1)",
                ),
            )
    unknown = [f for f in params.functions or () if f not in expr.FUNCTIONS]
    if unknown:
        raise ParamError(
            "functions",
            Text(" の {name} は使える関数（{known}）にありません", " names {name}, not one of {known}").fill(
                name=repr(unknown[0]), known=", ".join(expr.FUNCTIONS)
            ),
        )
    for part in params.uses:
        if part not in context.earlier_parts:
            raise ParamError(
                "uses",
                Text(
                    " の {part} はこの問題のそれより前の小問ではありません",
                    " names {part}, not an earlier part of this problem",
                ).fill(part=repr(part)),
            )
    plain = expr.Names(
        scalars=tuple(params.symbols),
        matrices=tuple(params.matrices),
        functions=expr.FUNCTIONS if params.functions is None else tuple(params.functions),
    )
    formulas = [(f"define.{k}", v, plain) for k, v in params.define.items()]
    formulas.append(("expected", params.expected, _names(params)))
    formulas += [(f"wrong[{i}].expr", w.expr, _names(params)) for i, w in enumerate(params.wrong)]
    for key, text, names in formulas:
        try:
            expr.parse(str(text), names)
        except AnswerError as exc:
            raise ParamError(
                key, Text(" を式として読めません: {why}", " cannot be read: {why}").fill(why=Text(exc.ja, exc.en))
            ) from None


def expected_text(params: Params, values: dict | None) -> str:
    return str(params.expected)


def _expected_of(problem, part: str) -> str:
    for check in problem.checks:
        if check.kind == "symbolic" and check.params.part == part:
            return str(check.params.expected)
    raise KeyError(part)


def _draws(problem, spec, shapes: dict, rng):
    """One random environment: scalars from their ranges, matrices with distinct random sizes.
    `rng` is a random.Random when there are no matrices (no numpy import), else a numpy Generator."""
    env = {}
    for name, bounds in spec.params.symbols.items():
        low, high = bounds if bounds is not None else (-2.0, 2.0)
        env[name] = float(rng.uniform(low, high))
    if not shapes:
        return env, {}
    import numpy as np

    dim_names = sorted({d for shape in shapes.values() for d in shape if isinstance(d, str)})
    sizes = rng.choice(np.arange(2, 2 + len(dim_names) + 5), size=len(dim_names), replace=False)
    dims = {name: int(size) for name, size in zip(dim_names, sizes)}
    for name, shape in shapes.items():
        concrete = tuple(dims[d] if isinstance(d, str) else int(d) for d in shape)
        env[name] = rng.standard_normal(concrete)
    return env, {size: name for name, size in dims.items()}


def _definitions(problem, spec) -> list[tuple[str, object]]:
    """(name, AST) of the names an answer may use for something else: `define`d names and earlier parts."""
    plain = expr.Names(scalars=tuple(spec.params.symbols), matrices=tuple(spec.params.matrices))
    found = [(name, expr.parse(str(text), plain)) for name, text in spec.params.define.items()]
    for part in spec.params.uses:
        other = next(c for c in problem.checks if c.params.part == part)
        found.append((part, expr.parse(_expected_of(problem, part), names_for(problem, other))))
    return found


def _with_parts(problem, spec, env, dim_names, cache):
    if "defs" not in cache:
        cache["defs"] = _definitions(problem, spec)
    for name, node in cache["defs"]:
        if name not in env:  # a shape override may make a defined name a free matrix
            env[name] = expr.evaluate(node, env, dim_names)
    return env


def _agree(a, b) -> bool:
    if type(a) is float and type(b) is float:  # as np.allclose, without importing numpy
        return a == b or (math.isfinite(a) and math.isfinite(b) and abs(a - b) <= ATOL + RTOL * abs(b))
    import numpy as np

    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))


def _finite(value) -> bool:
    if type(value) is float:
        return math.isfinite(value)
    import numpy as np

    try:
        return bool(np.all(np.isfinite(np.asarray(value, dtype=np.float64))))
    except (TypeError, ValueError):
        return False


def _fmt(value) -> str:
    if type(value) is float:
        return f"{value:.6g}"
    import numpy as np

    arr = np.asarray(value, dtype=np.float64)
    return f"{float(arr):.6g}" if arr.ndim == 0 else f"array{arr.shape}"


def compare(problem: Problem, spec: CheckSpec, got_node: Any, want_node: Any, shapes: dict, seed: int) -> tuple:
    """(agrees, counterexample text, points tried, shape error) over random draws."""
    rng: object
    if shapes:
        import numpy as np

        rng = np.random.default_rng(seed)
    else:
        rng = random.Random(seed)
    cache: dict = {}
    tried = 0
    for _ in range(POINTS * 4):
        if tried >= POINTS:
            break
        env, dim_names = _draws(problem, spec, shapes, rng)
        env = _with_parts(problem, spec, env, dim_names, cache)
        want = expr.evaluate(want_node, env, dim_names)
        if not _finite(want):
            continue
        try:
            got = expr.evaluate(got_node, env, dim_names)
        except expr.ShapeError as exc:
            text = ", ".join(f"{k} {expr._shape_text(env[k], dim_names)}" for k in shapes)
            return False, None, tried, (exc.text, text)
        tried += 1
        if not _agree(got, want):
            point = ", ".join(f"{k}={v:.3g}" for k, v in env.items() if type(v) is float and k in spec.params.symbols)
            return False, (point or "a random draw", _fmt(got), _fmt(want)), tried, None
    return True, None, tried, None


class _OutOfTime(BaseException):
    """Raised by the alarm inside sympy; a BaseException, so sympy's own `except Exception` lets it by."""


_armed = False
# where an exception cannot get out: it would be swallowed (and reported as "ignored") instead of
# stopping sympy; the alarm repeats, so the next one, 50 ms later, lands elsewhere
_NOT_HERE = frozenset({"__del__", "gc_callback", "unraisable_hook", "unraisablehook"})


def _raise_out_of_time(signum, frame):
    if _armed and not _inside(frame, _NOT_HERE):
        raise _OutOfTime


def _inside(frame, names: frozenset[str], depth: int = 40) -> bool:
    """Whether `frame` or one of its callers (up to `depth`) runs a function named in `names`."""
    while frame is not None and depth > 0:
        if frame.f_code.co_name in names:
            return True
        frame, depth = frame.f_back, depth - 1
    return False


@contextlib.contextmanager
def _deadline(seconds: float):
    """Raise _OutOfTime after `seconds` (SIGALRM). Where there is no alarm (Windows, a thread other
    than the main one) raise it at once: sympy may run for hours on (tanh(x) + sech(x) + e^x)^60."""
    import signal
    import threading

    global _armed
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        raise _OutOfTime
    previous = signal.signal(signal.SIGALRM, _raise_out_of_time)
    try:
        _armed = True
        # it repeats every 50 ms: one that lands in a __del__ or a gc callback is swallowed there
        signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
        yield
    finally:
        try:
            _armed = False  # from here on a late alarm does nothing
        finally:  # even when the alarm fired just before the line above
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def sympy_equal(problem: Problem, spec: CheckSpec, got_node: Any, want_node: Any) -> bool:
    """True when sympy proves the answer equal, here, within SYMPY_SECONDS; False when it cannot, or
    runs out of time."""
    import sympy  # noqa: F401 - before the alarm: an import cut short would leave half a package behind

    try:
        with _deadline(SYMPY_SECONDS):
            return _sympy_proves(problem, spec, got_node, want_node)
    except _OutOfTime:
        return False


def prove_text(problem: Problem, spec: CheckSpec, text: str) -> bool:
    """sympy_equal for an answer given as text (as a prover in another process receives it)."""
    names = names_for(problem, spec)
    return sympy_equal(problem, spec, expr.parse(text, names), expr.parse(str(spec.params.expected), names))


def wants_sympy(problem: Problem) -> bool:
    """True when some check of `problem` would ask sympy for a proof (a scalar formula)."""
    return any(c.kind == "symbolic" and not c.params.matrices for c in problem.checks)


def _sympy_proves(problem, spec, got_node, want_node) -> bool:
    import sympy

    params = spec.params
    try:
        symbols = {name: sympy.Symbol(name, real=True) for name in params.symbols}
        for name, node in _definitions(problem, spec):
            symbols[name] = expr.to_sympy(node, symbols)
        diff = expr.to_sympy(got_node, symbols) - expr.to_sympy(want_node, symbols)
    except Exception:  # noqa: BLE001 - sympy may fail on odd forms (a RecursionError, say); numbers decided
        return False
    # cheapest proofs first: most equivalent forms fall to expand, or to cancel after rewriting in exp
    attempts = (
        sympy.expand,
        lambda d: sympy.cancel(sympy.expand(d.rewrite(sympy.exp))),
        sympy.simplify,
        lambda d: sympy.simplify(d.rewrite(sympy.exp)),
    )
    for attempt in attempts:
        try:
            if attempt(diff) == 0:
                return True
        except Exception:  # noqa: BLE001 - sympy may fail on odd forms; numbers decided already
            continue
    return False


def judge(
    problem: Problem, spec: CheckSpec, text: str, lang: str, values: dict | None = None, prover: Any = None
) -> Verdict:
    """The verdict on one part's answer text. `prover`: an object whose prove(check name,
    text) -> bool asks sympy elsewhere (see grader/prover.py); without one, sympy runs here."""
    params = spec.params
    names = names_for(problem, spec)
    try:
        got = expr.parse(text, names)
        expr.check_bounded(got)
    except expr.ForbiddenName as exc:
        return Verdict(FAIL, exc.text(lang))
    except AnswerError as exc:
        return Verdict(ERROR, exc.text(lang))
    want = expr.parse(str(params.expected), names)
    shapes = {k: tuple(v) for k, v in params.matrices.items()}
    seed = sum(map(ord, f"{problem.id}/{spec.name}"))
    ok, counter, tried, shape_error = compare(problem, spec, got, want, shapes, seed)
    if ok:
        if shapes:
            return Verdict(PASS, EQUIVALENT_NUMERIC(lang, n=tried))
        proved = prover.prove(spec.name, text) if prover is not None else sympy_equal(problem, spec, got, want)
        if proved:
            return Verdict(PASS, EQUIVALENT(lang, n=tried))
        return Verdict(PASS, EQUIVALENT_NUMERIC(lang, n=tried))
    diagnosis = _diagnose(problem, spec, got, shapes, seed, lang)
    if shape_error:
        return Verdict(FAIL, SHAPE(lang, why=shape_error[0], shapes=shape_error[1]), diagnosis)
    point, got_v, want_v = counter
    return Verdict(FAIL, NOT_EQUIVALENT(lang, point=point, got=got_v, want=want_v), diagnosis)


def _diagnose(problem, spec, got, shapes: dict, seed: int, lang: str) -> str | None:
    for wrong in spec.params.wrong:
        wshapes = dict(shapes)
        wshapes.update({k: tuple(v) for k, v in wrong.shapes.items()})
        try:
            wnode = expr.parse(str(wrong.expr), names_for(problem, spec))
            ok, _, tried, shape_error = compare(problem, spec, got, wnode, wshapes, seed)
        except (AnswerError, expr.ShapeError):
            continue
        if ok and tried:
            return wrong.get(lang)
    return None


KIND = Kind("symbolic", Params, is_code=False, judge=judge, expected_text=expected_text, validate=validate)
