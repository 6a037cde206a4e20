"""The run side of a problem's checks, carried to a learner process that never imports its hidden module.

A check's `run(learner, case)` calls the learner's code on a case; everything else in the hidden module
(`expected`, the variants, the inputs) is the judge's and stays in the grader. `pack(runs)` carries the
run functions by value: their code (marshal), their defaults and closures, and the globals they use,
followed transitively through every function defined under grader/hidden/; what lives elsewhere (numpy,
grader.checks.base's helpers) goes by name and is imported there. Values (constants, arrays) go by
pickle, all in one, so that objects two functions share stay shared. Nothing that would import a
hidden module on the other side is packed: `pack` refuses it (HarnessError), and the tests pack every
check of the catalog.

`unpack(blob)` rebuilds the run functions, each hidden module's functions sharing one fresh globals
dict, and `probes(blob, cases)` gives the (name, probe) pairs the learner's process calls.
"""

from __future__ import annotations

import builtins
import functools
import importlib
import marshal
import pickle
import types
from collections.abc import Callable
from typing import Any

HIDDEN = "grader.hidden"


class HarnessError(Exception):
    """A run function uses something that cannot travel without its hidden module."""


def _names(code: types.CodeType) -> set[str]:
    """The global names `code` and the code nested in it may look up."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _names(const)
    return names


def _from_hidden(obj: Any) -> bool:
    return str(getattr(obj, "__module__", "") or "").startswith(HIDDEN)


class _Packer:
    def __init__(self) -> None:
        self.functions: list[dict] = []
        self.index: dict[int, int] = {}
        self.keep: list[Any] = []  # keeps ids stable while packing

    def ref(self, value: Any, where: str) -> tuple:
        if isinstance(value, types.FunctionType) and _from_hidden(value):
            return ("fn", self.function(value, where))
        if isinstance(value, functools.partial):
            args = [self.ref(a, where) for a in value.args]
            kwargs = {k: self.ref(v, where) for k, v in value.keywords.items()}
            return ("partial", self.ref(value.func, where), args, kwargs)
        if isinstance(value, types.ModuleType):
            if value.__name__.startswith(HIDDEN):
                raise HarnessError(f"{where}: uses the hidden module {value.__name__}")
            return ("module", value.__name__)
        if _from_hidden(value):
            raise HarnessError(f"{where}: uses {type(value).__name__} {getattr(value, '__qualname__', value)!r}")
        if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type)):
            module, name = value.__module__, value.__qualname__
            if module and "<" not in name:
                return ("import", module, name)
        return ("value", value)

    def function(self, fn: types.FunctionType, where: str) -> int:
        if id(fn) in self.index:
            return self.index[id(fn)]
        self.keep.append(fn)
        position = len(self.functions)
        self.index[id(fn)] = position
        entry: dict = {"module": fn.__module__, "name": fn.__name__, "qualname": fn.__qualname__}
        self.functions.append(entry)
        here = f"{fn.__module__}.{fn.__qualname__}"
        entry["code"] = marshal.dumps(fn.__code__)
        entry["defaults"] = [self.ref(d, here) for d in fn.__defaults__ or ()]
        entry["kwdefaults"] = {k: self.ref(v, here) for k, v in (fn.__kwdefaults__ or {}).items()}
        entry["closure"] = [self.ref(c.cell_contents, here) for c in fn.__closure__ or ()]
        entry["globals"] = {
            name: self.ref(fn.__globals__[name], here) for name in sorted(_names(fn.__code__)) if name in fn.__globals__
        }
        return position


def pack(runs: dict[str, Callable]) -> bytes:
    """The run functions `runs` (check name -> run), by value, as bytes for `unpack`."""
    packer = _Packer()
    top = {}
    for name, run in runs.items():
        if not isinstance(run, (types.FunctionType, functools.partial)):
            raise HarnessError(f"check {name!r}: run is a {type(run).__name__}, not a function")
        top[name] = packer.ref(run, f"check {name!r}")
    blob = pickle.dumps({"functions": packer.functions, "runs": top}, protocol=pickle.HIGHEST_PROTOCOL)
    if HIDDEN.encode() + b"." in _pickled_globals(blob):
        raise HarnessError("a packed value is an object of a hidden module")
    return blob


def _pickled_globals(blob: bytes) -> bytes:
    """The module names the pickle would import, joined (what unpickling would load)."""
    import pickletools

    found = []
    strings: list[str] = []
    for opcode, arg, _ in pickletools.genops(blob):
        if opcode.name in ("SHORT_BINUNICODE", "BINUNICODE", "UNICODE", "BINUNICODE8"):
            strings.append(str(arg))
        elif opcode.name == "STACK_GLOBAL" and len(strings) >= 2:
            found.append(strings[-2])
        elif opcode.name == "GLOBAL":
            found.append(str(arg).split(" ")[0])
    return " ".join(found).encode() + b" "


def unpack(blob: bytes) -> dict[str, Callable]:
    """The run functions `pack` carried, rebuilt here (no hidden module is imported)."""
    data = pickle.loads(blob)  # written by the grader, never by the learner
    namespaces: dict[str, dict] = {}
    made: list[types.FunctionType | None] = [None] * len(data["functions"])

    def resolve(ref: tuple) -> Any:
        tag = ref[0]
        if tag == "fn":
            return made[ref[1]]
        if tag == "partial":
            kwargs = {k: resolve(v) for k, v in ref[3].items()}
            return functools.partial(resolve(ref[1]), *map(resolve, ref[2]), **kwargs)
        if tag == "module":
            return importlib.import_module(ref[1])
        if tag == "import":
            obj: Any = importlib.import_module(ref[1])
            for part in ref[2].split("."):
                obj = getattr(obj, part)
            return obj
        return ref[1]

    for i, entry in enumerate(data["functions"]):  # first every function, then what refers to them
        namespace = namespaces.setdefault(
            entry["module"], {"__builtins__": builtins, "__name__": "harness." + entry["module"]}
        )
        code = marshal.loads(entry["code"])
        cells = tuple(types.CellType() for _ in code.co_freevars)
        new = types.FunctionType(code, namespace, entry["name"], None, cells)
        new.__qualname__ = entry["qualname"]
        made[i] = new
    for maybe, entry in zip(made, data["functions"]):
        assert maybe is not None
        fn = maybe
        if entry["defaults"]:
            fn.__defaults__ = tuple(resolve(r) for r in entry["defaults"])
        if entry["kwdefaults"]:
            fn.__kwdefaults__ = {k: resolve(r) for k, r in entry["kwdefaults"].items()}
        for cell, ref in zip(fn.__closure__ or (), entry["closure"]):
            cell.cell_contents = resolve(ref)
        for name, ref in entry["globals"].items():
            fn.__globals__.setdefault(name, resolve(ref))
    return {name: resolve(ref) for name, ref in data["runs"].items()}


class HarnessProbe:
    """probe(learner): one check's run on every case, as the check's own probe does."""

    def __init__(self, run: Callable, cases: list):
        self.run, self.cases = run, cases

    def __call__(self, learner: Any) -> list:
        from grader.checks.cases import copy_case

        return [self.run(learner, copy_case(c)) for c in self.cases]


def probes(blob: bytes, cases: dict[str, list]) -> list[tuple[str, HarnessProbe]]:
    """The (check name, probe) pairs of `pack`'s runs on the drawn `cases`, in the order of `cases`."""
    runs = unpack(blob)
    return [(name, HarnessProbe(runs[name], drawn)) for name, drawn in cases.items()]
