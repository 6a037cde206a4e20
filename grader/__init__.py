"""drill: an exam-prep drill and auto-grader for the E資格 (JDLA Deep Learning for Engineer) exam."""
from __future__ import annotations

__version__ = "0.1.0"
