"""SQLite attempt history at <workspace>/.drill/history.sqlite (WAL, one transaction per write).

An unreadable history never stops grading: History.open() returns a store that remembers
nothing and carries a warning for the CLI to show.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from grader.texts import Text

if TYPE_CHECKING:
    from grader.results import ProblemResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY, problem TEXT NOT NULL, time REAL NOT NULL, status TEXT NOT NULL,
    score REAL NOT NULL, max_score REAL NOT NULL, checks TEXT NOT NULL, file_hash TEXT
);
CREATE INDEX IF NOT EXISTS attempts_problem ON attempts(problem);
CREATE TABLE IF NOT EXISTS hints (problem TEXT NOT NULL, tier INTEGER NOT NULL, time REAL NOT NULL);
CREATE TABLE IF NOT EXISTS solutions_viewed (problem TEXT NOT NULL, time REAL NOT NULL, passed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS explanations_viewed (problem TEXT NOT NULL, time REAL NOT NULL, passed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS draws (problem TEXT PRIMARY KEY, seed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS renewals (problem TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS cards (problem TEXT PRIMARY KEY, card TEXT NOT NULL, due REAL NOT NULL,
                                  rating TEXT NOT NULL, reviewed REAL NOT NULL);
CREATE TABLE IF NOT EXISTS views (problem TEXT NOT NULL, time REAL NOT NULL);
CREATE TABLE IF NOT EXISTS exams (id INTEGER PRIMARY KEY, time REAL NOT NULL, seed INTEGER NOT NULL,
                                  score REAL NOT NULL, max_score REAL NOT NULL, details TEXT NOT NULL);
"""


def _unwritable_reason(path: Path) -> Text | None:
    """'the disk is full' / 'the workspace is read-only' when that is why `path` cannot be written."""
    folder = Path(path).parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        fs = os.statvfs(folder)
    except (OSError, AttributeError):  # Windows has no statvfs
        fs = None
    if fs is not None and fs.f_flag & getattr(os, "ST_RDONLY", 1):
        return Text(
            "作業フォルダが読み取り専用のファイルシステムにあります", "the workspace is on a read-only file system"
        )
    if fs is not None and fs.f_bavail * fs.f_frsize < (64 << 10):
        return Text("ディスクがいっぱいです", "the disk is full")
    if not os.access(folder, os.W_OK) or (Path(path).exists() and not os.access(path, os.W_OK)):
        return Text("作業フォルダが読み取り専用です", "the workspace is read-only")
    return None


class History:
    """Attempts, hints shown and solutions viewed for one workspace."""

    def __init__(self, conn: sqlite3.Connection | None, warning: Text | None = None):
        self._conn = conn
        self.warning = warning
        self.read_only = False

    @classmethod
    def open(cls, path: Path) -> History:
        """Open (creating) the history; on failure, a History that records nothing, with a warning."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=10.0, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA journal_mode = WAL")
            # WAL's recommended level: a commit survives drill being killed, only not a power cut,
            # and drill next / show / hint (each records a view) skip a disk sync per commit
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.executescript(SCHEMA)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(attempts)")}
            if "seed" not in columns:  # histories written before parametric problems
                conn.execute("ALTER TABLE attempts ADD COLUMN seed INTEGER")
            conn.execute("SELECT count(*) FROM attempts").fetchone()
            return cls(conn)
        except (sqlite3.Error, OSError) as exc:
            why = _unwritable_reason(path) or Text(str(exc), str(exc))
            shown = cls._open_read_only(path)
            if shown is not None:  # a read-only workspace or a full disk: show the past, record nothing
                shown.warning = Text(
                    "{path} の履歴に書き込めません（{why}）。履歴はそのまま表示し、今回は何も記録しません。",
                    "history at {path} cannot be written ({why}); "
                    "it is shown as it is, and this session records nothing.",
                ).fill(path=path, why=why)
                return shown
            if not Path(path).exists():
                return cls(
                    None,
                    Text(
                        "{path} に履歴を作れません（{why}）。今回は何も記録しません。",
                        "history at {path} cannot be created ({why}); this session records nothing.",
                    ).fill(path=path, why=why),
                )
            return cls(
                None,
                Text(
                    "{path} の履歴を使えません（{why}）。ファイルはそのまま残し、今回は何も記録しません。",
                    "history at {path} cannot be used ({why}); the file is kept as it is, "
                    "and this session records nothing.",
                ).fill(path=path, why=why),
            )

    @classmethod
    def _open_read_only(cls, path: Path) -> History | None:
        """The history opened for reading only (no lock files, no writes), or None."""
        if not Path(path).is_file():
            return None
        try:
            conn = sqlite3.connect(
                f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None
            )
            conn.execute("SELECT count(*) FROM attempts").fetchone()
        except (sqlite3.Error, OSError, ValueError):
            return None
        shown = cls(conn)
        shown.read_only = True
        return shown

    @property
    def usable(self) -> bool:
        return self._conn is not None

    def _write(self, sql: str, args: tuple) -> None:
        if self._conn is None or self.read_only:  # the warning was given when it was opened
            return
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute(sql, args)
        except sqlite3.Error as exc:
            self.warning = Text(
                "履歴に書き込めませんでした（{why}）。この結果は記録されていません。",
                "history could not be written ({why}); this result was not recorded.",
            ).fill(why=str(exc))

    def record_attempt(
        self, result: ProblemResult, digest: str | None, seed: int | None = None, when: float | None = None
    ) -> None:
        """Store one graded attempt: the per-check results as JSON, the sha256 of what was graded
        (`Submission.digest()`), and the seed of its numbers."""
        checks = json.dumps(
            [{"name": c.name, "status": c.status, "points": c.points} for c in result.checks], ensure_ascii=False
        )
        self._write(
            "INSERT INTO attempts (problem, time, status, score, max_score, checks, file_hash, seed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (result.problem, when or time.time(), result.status, result.score, result.max_score, checks, digest, seed),
        )

    def current_seed(self, problem: str, default: int) -> int:
        """The seed of the numbers the learner sees now for `problem` (`default` before any draw)."""
        rows = self._rows("SELECT seed FROM draws WHERE problem = ?", (problem,))
        return int(rows[0][0]) if rows else default

    def new_seed(self, problem: str) -> int:
        """Draw fresh numbers for `problem` (after a pass) and remember the seed."""
        import secrets

        seed = secrets.randbelow(2**31)
        self._write("INSERT OR REPLACE INTO draws (problem, seed) VALUES (?, ?)", (problem, seed))
        return seed

    def renew_later(self, problem: str) -> None:
        """After a pass: new numbers for `problem` the next time it is shown (not before: a grade is
        judged against the numbers the learner saw)."""
        self._write("INSERT OR REPLACE INTO renewals (problem) VALUES (?)", (problem,))

    def renewal_pending(self, problem: str) -> bool:
        return bool(self._rows("SELECT 1 FROM renewals WHERE problem = ?", (problem,)))

    def take_renewal(self, problem: str) -> bool:
        """Draw the new numbers a pass promised, if it did; whether it did."""
        if not self.renewal_pending(problem):
            return False
        self.new_seed(problem)
        self._write("DELETE FROM renewals WHERE problem = ?", (problem,))
        return True

    def record_hint(self, problem: str, tier: int, when: float | None = None) -> None:
        self._write("INSERT INTO hints (problem, tier, time) VALUES (?, ?, ?)", (problem, tier, when or time.time()))

    def record_solution(self, problem: str, passed: bool, when: float | None = None, kind: str = "solution") -> None:
        """A view of the solution (kind "solution") or of the explanation ("explanation")."""
        table = "explanations_viewed" if kind == "explanation" else "solutions_viewed"
        self._write(
            f"INSERT INTO {table} (problem, time, passed) VALUES (?, ?, ?)", (problem, when or time.time(), int(passed))
        )

    def last_digest(self, problem: str) -> str | None:
        """The sha256 of what was graded last time for `problem` (None: never graded)."""
        rows = self._rows("SELECT file_hash FROM attempts WHERE problem = ? ORDER BY id DESC LIMIT 1", (problem,))
        return rows[0][0] if rows else None

    def _rows(self, sql: str, args: tuple = ()) -> list:
        if self._conn is None:
            return []
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.Error:
            return []

    def statuses(self) -> dict[str, str]:
        """problem -> 'passed' if any attempt passed, else 'failed' if attempted (absent: new)."""
        result: dict[str, str] = {}
        for problem, passed in self._rows("SELECT problem, max(status = 'pass') FROM attempts GROUP BY problem"):
            result[problem] = "passed" if passed else "failed"
        return result

    def since_pass(self) -> dict[str, tuple[str, float]]:
        """problem -> (its latest attempt's status, the time of its latest pass), for every problem
        that has passed."""
        rows = self._rows(
            "SELECT problem, (SELECT status FROM attempts AS b WHERE b.problem = a.problem ORDER BY time DESC, id DESC"
            " LIMIT 1), max(time) FROM attempts AS a WHERE status = 'pass' GROUP BY problem"
        )
        return {problem: (latest, passed_at) for problem, latest, passed_at in rows}

    def card(self, problem: str) -> tuple[str, float, str, float] | None:
        """(card JSON, due, last rating, last review time) of a problem's spaced-repetition card."""
        rows = self._rows("SELECT card, due, rating, reviewed FROM cards WHERE problem = ?", (problem,))
        return tuple(rows[0]) if rows else None

    def save_card(self, problem: str, card: str, due: float, rating: str, reviewed: float) -> None:
        self._write(
            "INSERT OR REPLACE INTO cards (problem, card, due, rating, reviewed) VALUES (?, ?, ?, ?, ?)",
            (problem, card, due, rating, reviewed),
        )

    def due_cards(self, now: float) -> list[tuple[str, float, str]]:
        """(problem, due, last rating) of every card due at `now`, earliest first."""
        return [
            tuple(r)
            for r in self._rows("SELECT problem, due, rating FROM cards WHERE due <= ? ORDER BY due, problem", (now,))
        ]

    def totals(self) -> dict:
        """Counts over the whole history: attempts, passes, hints shown, solutions viewed."""

        def count(sql):
            rows = self._rows(sql)
            return int(rows[0][0]) if rows and rows[0][0] is not None else 0

        return {
            "attempts": count("SELECT count(*) FROM attempts"),
            "passes": count("SELECT count(*) FROM attempts WHERE status = 'pass'"),
            "hints": count("SELECT count(*) FROM hints"),
            "solutions": count("SELECT count(*) FROM solutions_viewed"),
            "explanations": count("SELECT count(*) FROM explanations_viewed"),
        }

    def attempt_times(self) -> list[float]:
        return [r[0] for r in self._rows("SELECT time FROM attempts ORDER BY time")]

    def record_exam(self, seed: int, score: float, max_score: float, details: list) -> None:
        self._write(
            "INSERT INTO exams (time, seed, score, max_score, details) VALUES (?, ?, ?, ?, ?)",
            (time.time(), seed, score, max_score, json.dumps(details, ensure_ascii=False)),
        )

    def exam_problems(self, exams: int = 10) -> list[str]:
        """The problems the last `exams` mock exams drew, the most recent exam's first."""
        seen: list[str] = []
        for (details,) in self._rows("SELECT details FROM exams ORDER BY id DESC LIMIT ?", (exams,)):
            try:
                seen += [q["problem"] for q in json.loads(details)]
            except (ValueError, TypeError, KeyError):
                continue
        return seen

    def last_exam(self) -> dict | None:
        rows = self._rows("SELECT time, seed, score, max_score, details FROM exams ORDER BY id DESC LIMIT 1")
        if not rows:
            return None
        t, seed, score, max_score, details = rows[0]
        return {"time": t, "seed": seed, "score": score, "max_score": max_score, "details": json.loads(details)}

    def record_view(self, problem: str, when: float) -> None:
        self._write("INSERT INTO views (problem, time) VALUES (?, ?)", (problem, when))

    def since(self, problem: str, after: float) -> dict:
        """What happened to `problem` after time `after`: failed attempts, hints, solutions, explanations
        read before a pass, first view."""

        def one(sql):
            rows = self._rows(sql, (problem, after))
            return rows[0][0] if rows and rows[0][0] is not None else None

        return {
            "fails": one("SELECT count(*) FROM attempts WHERE problem = ? AND time > ? AND status != 'pass'") or 0,
            "hints": one("SELECT count(*) FROM hints WHERE problem = ? AND time > ?") or 0,
            "solutions": one("SELECT count(*) FROM solutions_viewed WHERE problem = ? AND time > ?") or 0,
            "explanations": one(
                "SELECT count(*) FROM explanations_viewed WHERE problem = ? AND time > ? AND NOT passed"
            )
            or 0,
            "first_view": one("SELECT min(time) FROM views WHERE problem = ? AND time > ?"),
        }

    def hints_shown(self, problem: str) -> int:
        rows = self._rows("SELECT max(tier) FROM hints WHERE problem = ?", (problem,))
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def attempts(self, problem: str) -> list:
        return self._rows(
            "SELECT time, status, score, max_score FROM attempts WHERE problem = ? ORDER BY id", (problem,)
        )

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
