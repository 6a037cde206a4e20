"""How the learner's process hands values back: JSON plus raw array bytes, never pickle.

The grader's process must not run anything the learner's process sends, so values cross as
plain data. Arrays of numeric dtype are rebuilt exactly; any other object arrives as a Foreign
that names its type, so the grader can say "returned a list, expected an ndarray".
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

NUMERIC_KINDS = "biufc"
RECORD_PARTS_LIMIT = 100_000  # values in one probe's record: more would cost the grader gigabytes to read


@dataclass(frozen=True)
class Foreign:
    """A value the learner returned that is not plain data (a list, an np.matrix, an object...)."""

    type_name: str
    text: str
    shape: tuple | None = None
    dtype: str | None = None


def _short_repr(value) -> str:
    try:
        text = repr(value)
    except BaseException:  # noqa: BLE001 - a learner's __repr__ may raise anything
        text = "<unprintable>"
    return text if len(text) <= 200 else text[:200] + "…"


class _Budget:
    """How many more values one record may hold. The learner's process stops encoding there, so a
    tuple of a million floats becomes one small Foreign at once, whatever the machine's speed."""

    def __init__(self, parts: int = RECORD_PARTS_LIMIT):
        self.left = parts


def encode(value: Any, depth: int = 0, budget: _Budget | None = None) -> Any:
    """Turn a learner's value into JSON-able data (arrays as base64 bytes)."""
    import numpy as np

    budget = budget if budget is not None else _Budget()
    budget.left -= 1
    if budget.left < 0:
        return {"t": "foreign", "type": type(value).__name__, "text": "(too large to send back)"}
    if depth > 20:
        return {"t": "foreign", "type": type(value).__name__, "text": "(nested too deeply)"}
    if value is None or isinstance(value, (bool, str)):
        return {"t": "py", "v": value}
    if isinstance(value, (int, float)) and type(value) in (int, float, bool):
        if isinstance(value, int) and abs(value) > 2**62:
            return {"t": "foreign", "type": "int", "text": "(integer too large)"}
        return {
            "t": "py",
            "v": value if value == value and abs(value) != float("inf") else repr(value),
            "nonfinite": not (value == value and abs(value) != float("inf")),
        }
    if isinstance(value, np.generic) and value.dtype.kind in NUMERIC_KINDS:
        value = np.asarray(value)
        return {
            "t": "nd",
            "scalar": True,
            "dtype": value.dtype.str,
            "shape": [],
            "b64": base64.b64encode(value.tobytes()).decode(),
        }
    if type(value) is np.ndarray and value.dtype.kind in NUMERIC_KINDS:
        data = np.require(value, requirements="C")  # ascontiguousarray would turn 0-d into 1-d
        return {
            "t": "nd",
            "dtype": data.dtype.str,
            "shape": list(data.shape),
            "b64": base64.b64encode(data.tobytes()).decode(),
        }
    if type(value) is tuple:
        if len(value) > budget.left:
            return {"t": "foreign", "type": "tuple", "text": f"(a tuple of {len(value)} items: too large to send back)"}
        return {"t": "tuple", "items": [encode(v, depth + 1, budget) for v in value]}
    if isinstance(value, np.ndarray):  # subclass (np.matrix) or object dtype
        return {
            "t": "foreign",
            "type": type(value).__name__,
            "text": _short_repr(value),
            "shape": list(value.shape),
            "dtype": str(value.dtype),
        }
    return {"t": "foreign", "type": type(value).__name__, "text": _short_repr(value)}


def decode(data: Any) -> Any:
    """Rebuild a value written by encode(); anything unexpected becomes a Foreign."""
    import numpy as np

    if not isinstance(data, dict):
        return Foreign("?", "(unreadable)")
    tag = data.get("t")
    if tag == "py":
        v = data.get("v")
        if data.get("nonfinite"):  # inf, -inf or nan, sent as text; anything else is not ours
            return float(v) if v in ("inf", "-inf", "nan") else Foreign("?", "(unreadable)")
        return v
    if tag == "nd":
        dtype = np.dtype(data["dtype"])
        if dtype.kind not in NUMERIC_KINDS:
            return Foreign("ndarray", "(non-numeric)")
        arr = np.frombuffer(base64.b64decode(data["b64"]), dtype=dtype)
        arr = arr.reshape([int(s) for s in data["shape"]]).copy()
        return arr[()] if data.get("scalar") else arr
    if tag == "tuple":
        return tuple(decode(item) for item in data.get("items", []))
    shape = data.get("shape")
    return Foreign(
        str(data.get("type", "?")),
        str(data.get("text", "")),
        tuple(shape) if shape is not None else None,
        data.get("dtype"),
    )


def dumps(record: dict) -> bytes:
    """One record as a line of JSON."""
    return (json.dumps(record, ensure_ascii=True) + "\n").encode()


def encode_cases(outputs: Any) -> dict:
    """A probe's list of per-case output dicts: the structure is the grader's, the values the learner's."""
    if not isinstance(outputs, list):
        return {"t": "bad", "type": type(outputs).__name__}
    items = []
    budget = _Budget()
    for case in outputs:
        if isinstance(case, dict):
            items.append({str(k): encode(v, budget=budget) for k, v in case.items()})
        else:
            items.append({"_": encode(case, budget=budget)})
    return {"t": "cases", "items": items}


def decode_cases(data: Any) -> list:
    """Rebuild what encode_cases wrote: a list of dicts of values (Foreign where unexpected)."""
    if not isinstance(data, dict) or data.get("t") != "cases" or not isinstance(data.get("items"), list):
        return []
    return [{str(k): decode(v) for k, v in item.items()} if isinstance(item, dict) else {} for item in data["items"]]
