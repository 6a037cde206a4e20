"""Options shared by several commands, defined once (their Japanese help: grader/clitexts.py)."""

from __future__ import annotations

import os

import click

from grader.texts import LANGS, Text


def default_lang() -> str:
    """DRILL_LANG, else ja when LC_ALL / LANG start with ja, else en."""
    explicit = os.environ.get("DRILL_LANG", "").strip().lower()
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


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
