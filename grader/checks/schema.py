"""What every check kind declares: its catalog parameters as a frozen dataclass, checked at load.

`Kind` is a check kind's entry in the registry (grader/checks/__init__.py): its parameters type,
whether it runs learner code, how it judges, and how it shows its right answer. `parse(cls, raw)`
builds a parameters dataclass from the catalog's mapping, by the field types, and raises
`ParamError(key, what)` naming the key, so the catalog can say `checks[1].params.tolerance:
expected a number, got 'tight'` instead of failing later with a traceback.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

from grader.texts import Text

KEY_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
T_EXPECTED = Text(": {wanted}が必要ですが、{got} です", ": expected {wanted}, got {got}")
T_MAPPING = Text(": マッピングが必要ですが、{got} です", ": expected a mapping, got {got}")
T_LIST_OF = Text(": 要素 {n} 個のリストが必要ですが、{got} です", ": expected a list of {n}, got {got}")
T_KEY = Text(": キーは文字列にしてください（{got} になっています）", ": a key must be text, got {got}")
T_UNKNOWN = Text(" はここでは使えない引数です（使えるもの: {known}）", " is not a parameter here (known: {known})")
T_MISSING = Text(" がありません", " is missing")
T_ANSWER_KEY = Text(
    " は解答のキーに使えません（英字・数字・_ で、数字以外から始めてください）",
    " is not a valid answer key (letters, digits and _, not starting with a digit)",
)


class ParamError(Exception):
    """A catalog parameter that does not fit its kind: `key` (dotted, from the params mapping) and
    `what`, a Text (': expected …' for a wrong type, ' is …' for the rest) that follows the key."""

    def __init__(self, key: str, what: Text):
        super().__init__(f"{key}{what}")
        self.key, self.what = key, what


@dataclass(frozen=True)
class Bilingual:
    """A maintainer-written text in Japanese and English (an explanation, a diagnosis)."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        return Text(self.ja, self.en).get(lang)


@dataclass(frozen=True)
class Context:
    """What a kind's `validate` may check its parameters against: the problem's drawn variables and
    the answer parts of the checks before this one."""

    variables: tuple[str, ...] = ()
    earlier_parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    """One check kind.

    `params`: its frozen parameters dataclass; `is_code`: it runs the learner's code (the check is an
    object in the problem's hidden module, of class `check_class`, drawn, probed and judged in two
    phases), else it judges answer text with `judge(problem, spec, text, lang, values, prover)`;
    `expected_text(params, values)`: the right answer as the exam review and `drill show` print it;
    `validate(params, context)`: checks across fields that types alone cannot say."""

    name: str
    params: type
    is_code: bool
    judge: Callable[..., Any] | None = None
    expected_text: Callable[[Any, dict], str] | None = None
    validate: Callable[[Any, Context], None] | None = None
    check_class: type | None = None

    def parse(self, raw: object, context: Context = Context()) -> Any:
        """The parameters dataclass from the catalog's `params` mapping (or ParamError)."""
        params = parse(self.params, {} if raw is None else raw, "")
        if self.validate is not None:
            self.validate(params, context)
        return params


def shown(value: object, limit: int = 40) -> str:
    """A value as an error message quotes it: its repr, on one line, cut to `limit` characters."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _join(prefix: str, key: object) -> str:
    return f"{prefix}.{key}" if prefix else str(key)


@functools.cache
def _fields_of(cls: type) -> tuple[dict, dict]:
    """The type hints and the fields of a parameters dataclass, worked out once per class."""
    return typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}


def parse(cls: type, raw: object, where: str) -> Any:
    """An instance of the dataclass `cls` from `raw`, checked field by field against the type hints."""
    if not isinstance(raw, dict):
        raise ParamError(where or "params", T_MAPPING.fill(got=shown(raw)))
    hints, fields = _fields_of(cls)
    for key in raw:
        if key not in fields:
            known = ", ".join(fields) or "none"
            raise ParamError(
                _join(where, key) if isinstance(key, str) else where or "params",
                T_UNKNOWN.fill(known=known) if isinstance(key, str) else T_KEY.fill(got=shown(key)),
            )
    values = {}
    for name, f in fields.items():
        key = _join(where, name)
        if name not in raw:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ParamError(key, T_MISSING)
            continue
        values[name] = _value(hints[name], raw[name], key)
    return cls(**values)


def _value(hint: object, value: object, key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _value(option, value, key)
            except ParamError as exc:
                errors.append(exc)
        wanted = [_describe(o) for o in options if o is not type(None)]
        deepest = [e for e in errors if e.key != key]
        if deepest:
            raise deepest[0]
        raise ParamError(
            key,
            T_EXPECTED.fill(
                wanted=Text(" または ".join(w.ja for w in wanted), " or ".join(w.en for w in wanted)), got=shown(value)
            ),
        )
    if hint is Any or hint is object:
        return value
    if hint is str:
        if not isinstance(value, str):
            raise ParamError(key, T_EXPECTED.fill(wanted=_describe(str), got=shown(value)))
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise ParamError(key, T_EXPECTED.fill(wanted=_describe(bool), got=shown(value)))
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(key, T_EXPECTED.fill(wanted=_describe(int), got=shown(value)))
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ParamError(key, T_EXPECTED.fill(wanted=_describe(float), got=shown(value)))
        return float(value)
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        if not isinstance(value, dict):
            raise ParamError(key, T_MAPPING.fill(got=shown(value)))
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ParamError(key, T_KEY.fill(got=shown(k)))
            out[k] = _value(value_type, v, _join(key, k))
        return out
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, (list, tuple)):
            raise ParamError(key, T_EXPECTED.fill(wanted=_describe(tuple[Any, ...]), got=shown(value)))
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], v, f"{key}[{i}]") for i, v in enumerate(value))
        if len(value) != len(args):
            raise ParamError(key, T_LIST_OF.fill(n=len(args), got=shown(value)))
        return tuple(_value(a, v, f"{key}[{i}]") for i, (a, v) in enumerate(zip(args, value)))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return parse(hint, value, key)
    raise TypeError(f"no parser for the parameter type {hint!r}")  # a maintainer's new field type


def _describe(hint: object) -> Text:
    if hint is str:
        return Text("文字列", "text")
    if hint is float:
        return Text("数値", "a number")
    if hint is int:
        return Text("整数", "a whole number")
    if hint is bool:
        return Text("true か false", "true or false")
    origin = typing.get_origin(hint)
    if origin is dict or dataclasses.is_dataclass(hint):
        return Text("マッピング", "a mapping")
    if origin is tuple:
        return Text("リスト", "a list")
    return Text(str(hint), str(hint))


def valid_key(value: str, key: str) -> str:
    """`value` if it is a valid answer key (a Python identifier), else ParamError."""
    if not KEY_PATTERN.fullmatch(value):
        raise ParamError(key, T_ANSWER_KEY)
    return value
