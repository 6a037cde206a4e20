"""Print pip constraints pinning every dependency of pyproject.toml (and its test extras) to its floor.

`.ci/run` installs these in a second virtualenv and runs the suite again, so a `>=` we declare is
a version we have tested, not a guess.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib

project = tomllib.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml").read_text())["project"]
for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
    # a floor, and optionally a ceiling after it (`wcwidth>=0.2.13,<0.3`): the floor is pinned
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\[\]-]+)\s*>=\s*([0-9][0-9.]*)\s*(?:,\s*<\s*[0-9][0-9.]*\s*)?", requirement)
    if match is None:
        sys.exit(f"floors.py: {requirement!r} has no plain '>=' floor to pin")
    print(f"{match[1]}=={match[2]}")
