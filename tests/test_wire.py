"""What crosses from the learner's process is plain data; odd values arrive as Foreign."""

from __future__ import annotations

import numpy as np
import pytest
from grader import wire


def roundtrip(value):
    return wire.decode(wire.encode(value))


def test_arrays_and_scalars_roundtrip():
    for value in (np.arange(6, dtype=np.float32).reshape(2, 3), np.array([1, 2], dtype=np.int64), np.float64(2.5)):
        got = roundtrip(value)
        assert np.array_equal(got, value) and np.asarray(got).dtype == np.asarray(value).dtype
    assert roundtrip(3.5) == 3.5 and roundtrip(None) is None
    assert np.isnan(roundtrip(float("nan")))
    assert roundtrip((np.ones(2), 1.0))[1] == 1.0
    zero_d = roundtrip(np.array(1.5))
    assert isinstance(zero_d, np.ndarray) and zero_d.shape == () and zero_d == 1.5


def test_non_plain_values_become_foreign():
    assert roundtrip([1, 2]) == wire.Foreign("list", "[1, 2]")
    with pytest.warns(PendingDeprecationWarning):
        value = np.matrix([[1.0, 2.0]])
    matrix = roundtrip(value)
    assert matrix.type_name == "matrix" and matrix.shape == (1, 2)
    assert roundtrip(np.array([object()], dtype=object)).type_name == "ndarray"


def test_unreadable_records_do_not_raise():
    assert wire.decode({"t": "nd", "dtype": "|O", "shape": [1], "b64": ""}).type_name == "ndarray"
    assert wire.decode("junk") == wire.Foreign("?", "(unreadable)")
    assert wire.decode_cases({"t": "other"}) == []


def test_a_record_stops_at_its_parts_limit_whatever_the_machines_speed():
    # a million floats would be 40 MB on the wire; the learner's process sends one small Foreign instead
    big = tuple(float(i) for i in range(1_000_000))
    data = wire.encode_cases([{"y": big}, {"y": (1.0, 2.0)}])
    assert wire.decode_cases(data) == [
        {"y": wire.Foreign("tuple", "(a tuple of 1000000 items: too large to send back)")},
        {"y": (1.0, 2.0)},
    ]
    # the budget is per record: cases that together pass the limit are cut where they pass it
    half = tuple([1.0] * (wire.RECORD_PARTS_LIMIT // 2))
    cases = wire.decode_cases(wire.encode_cases([{"y": half}, {"y": half}, {"y": half}]))
    assert [type(c["y"]).__name__ for c in cases] == ["tuple", "Foreign", "Foreign"]
    assert len(wire.dumps({"value": data})) < 1000
