"""Options shared by several commands, defined once (their Japanese help: grader/clitexts.py)."""

from __future__ import annotations

import os

import click

from grader.texts import LANGS, Text


def default_lang(windows: bool | None = None, ui_langid: int | None = None) -> str:
    """DRILL_LANG, else ja when LC_ALL / LC_MESSAGES / LANG start with ja, else (on Windows, which
    sets none of them) ja when the user's display language is Japanese, else en. `windows` and
    `ui_langid` stand in for the platform and GetUserDefaultUILanguage() in tests."""
    explicit = os.environ.get("DRILL_LANG", "").strip().lower()
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    if windows if windows is not None else os.name == "nt":
        langid = ui_langid if ui_langid is not None else _windows_ui_langid()
        if langid is not None and langid & 0x3FF == _LANG_JAPANESE:
            return "ja"
    return "en"


_LANG_JAPANESE = 0x11  # the primary language of a Windows LANGID (0x0411 is ja-JP)


def _windows_ui_langid() -> int | None:
    try:
        import ctypes

        return int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):
        return None


json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
yes_option = click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
seed_option = click.option(
    "--seed", type=int, default=None, help="Numbers of a parametric problem from this seed (default: the current draw)."
)
verbose_option = click.option("--verbose", "-v", is_flag=True, help="Also show the output of passing checks.")


def confirm_or_refuse(question: str, refusal: Text) -> bool:
    """Ask `question` (default no) on a terminal; with no terminal to ask on, refuse with `refusal`
    (which says how to skip the question), since a script must not hang on a prompt."""
    import sys

    from grader.errors import DrillError

    if not sys.stdin.isatty():
        raise DrillError(refusal)
    return click.confirm(question, default=False)
