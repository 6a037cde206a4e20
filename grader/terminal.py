"""What the learner's terminal can show: its width in columns, the width of a text in columns (a
Japanese character takes two, by wcwidth), text wrapped to a width without breaking Japanese line
rules, and output that degrades instead of crashing where the encoding cannot hold a character
(cp932 on Japanese Windows has no em dash and no ²).

Importing this module costs nothing measurable: wcwidth is imported only when a text is not ASCII.
"""

from __future__ import annotations

import re
import unicodedata

TYPE_CHECKING = False
if TYPE_CHECKING:
    import threading

DEFAULT_WIDTH = 100  # where there is no terminal and no COLUMNS (a pipe, a file)
MIN_WIDTH = 20
# Japanese line-breaking rules (kinsoku): what may not begin a line, what may not end one
NO_LINE_START = frozenset(
    "、。，．,.)）]］」』】〕〉》}｝!！?？:：;；ー…‥・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％"
)
NO_LINE_END = frozenset("(（[［「『【〔〈《{｛")
# a list item's marker or a diagnosis arrow: continuation lines hang under the text after it
# a list item's marker: a bullet, "1. ", an option's "A) ", a combination statement's "（あ） " or "(a) "
_HANG = re.compile(r" *(?:[-*・•→] |\d+[.)] |[A-H]\) |（[あ-お]） |\([a-e]\) )?")
_UNITS = re.compile(r" +|[\x21-\x7e]+|.")  # spaces, a run of printable ASCII (a word, code), one other character
DEGRADED = {
    "\u2014": "-",  # em dash — (every title)
    "\u2013": "-",
    "\u2212": "-",  # minus sign −
    "\u2010": "-",
    "\u2011": "-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
    "\u2248": "~",
    "\u2022": "*",
    "\u2713": "v",
    "\u2717": "x",
    "\u00b7": "・",
    "\u2009": " ",
    "\u00a0": " ",
}
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾", "0123456789+-=()", strict=True))  # also how answers read them


def width() -> int:
    """Columns to fit: COLUMNS, else the terminal's width, else 100 (never under 20)."""
    import shutil

    return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def display_width(text: str) -> int:
    """Columns `text` (one line, no escape sequences) takes on a terminal."""
    if text.isascii():
        return len(text)
    from wcwidth import wcswidth

    columns = wcswidth(text)
    if columns < 0:  # a control character somewhere: count the rest
        from wcwidth import wcwidth

        return sum(max(wcwidth(char), 0) for char in text)
    return columns


def clip(text: str, columns: int) -> str:
    """`text` cut to `columns` display columns, ending in … when something was cut."""
    if display_width(text) <= columns:
        return text
    kept = ""
    for char in text:
        if display_width(kept + char) > columns - 1:
            break
        kept += char
    return kept + "…"


def wrap(text: str, columns: int) -> str:
    """`text` fitted to `columns`. A paragraph (or list item) with a line too long is joined into one
    line and broken again at spaces or between Japanese characters, never starting a line with
    closing punctuation (。、）…) nor ending one with an opening bracket; a list item's continuation
    lines hang under its text. Paragraphs that fit keep their author's line breaks. Lines indented by
    4 spaces or more, and lines inside ``` fences, are code: never joined or broken."""
    out: list[str] = []
    for block, is_code in _blocks(text.split("\n")):
        if is_code or all(_fits(line, columns) for line in block):
            out.extend(block)
        else:
            out.extend(_wrap_line(_join(block), columns))
    return "\n".join(out)


def _blocks(lines: list[str]) -> list[tuple[list[str], bool]]:
    """The paragraphs and list items of `lines`, each with whether it is code (kept as it is)."""
    blocks: list[tuple[list[str], bool]] = []
    fenced = False
    for line in lines:
        fence = line.lstrip().startswith("```")
        code = fenced or fence or line.startswith("    ")
        if fence:
            fenced = not fenced
        starts = (
            code
            or not line.strip()
            or not blocks
            or blocks[-1][1]
            or not blocks[-1][0][-1].strip()
            or _marker(line) != ""
            # outside a list item, an indented line is a line of its own (a definition), and so is
            # the line after it
            or ((_indent(line) or _indent(blocks[-1][0][0])) and _marker(blocks[-1][0][0]) == "")
            # a list item (an option "A) …") goes on only with lines indented under its text
            or (_marker(blocks[-1][0][0]) != "" and _indent(line) <= _indent(blocks[-1][0][0]))
            or blocks[-1][0][-1].rstrip().endswith((":", "："))
        )
        if starts:
            blocks.append(([line], code))
        else:
            blocks[-1][0].append(line)
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _marker(line: str) -> str:
    """A list item's marker at the start of `line` ("- ", "1. "), or ""."""
    found = _HANG.match(line)
    return found.group(0).strip() if found else ""


def _join(block: list[str]) -> str:
    """One line of a paragraph's lines: with a space between words and between Japanese and Latin
    text or numbers (as the catalog writes 「形は (N, H) です」), with none between Japanese characters
    nor next to Japanese punctuation."""
    joined = block[0].rstrip()
    for line in block[1:]:
        line = line.strip()
        joined += _space_between(joined[-1:], line[:1]) + line
    return joined


def _space_between(left: str, right: str) -> str:
    if left.isascii() and right.isascii():
        return " "
    if not left.isascii() and not right.isascii():
        return ""
    wide = right if left.isascii() else left
    return "" if unicodedata.category(wide).startswith("P") else " "  # 、。（）「」 take no space


def _fits(line: str, columns: int) -> bool:
    if line.isascii() or 2 * len(line) <= columns:  # no character takes more than two columns
        return len(line) <= columns
    return display_width(line) <= columns


def _wrap_line(line: str, columns: int) -> list[str]:
    head = _HANG.match(line).group(0)  # type: ignore[union-attr]  # the pattern matches any line
    hang = " " * display_width(head)
    room = max(columns - len(hang), MIN_WIDTH // 2)
    lines = _fill(_UNITS.findall(line[len(head) :]), room)
    return [(head if i == 0 else hang) + part for i, part in enumerate(lines)]


def _fill(units: list[str], room: int) -> list[str]:
    lines: list[str] = []
    start = pos = used = 0
    while pos < len(units):
        unit = units[pos]
        if pos == start and unit.isspace():  # no line starts with spaces
            start = pos = pos + 1
            continue
        size = len(unit) if unit.isascii() else display_width(unit)
        if used + size <= room or (pos == start and len(unit) == 1):
            used += size
            pos += 1
            continue
        if pos == start:  # one word longer than the line: cut it by characters
            units[pos : pos + 1] = list(unit)
            continue
        cut = pos
        while cut > start + 1 and (units[cut][0] in NO_LINE_START or units[cut - 1][-1] in NO_LINE_END):
            cut -= 1  # push a character down with the one that may not begin a line
        lines.append("".join(units[start:cut]).rstrip())
        start = pos = cut
        used = 0
    if start < len(units):
        lines.append("".join(units[start:]).rstrip())
    return lines or [""]


def degrade_unencodable(*streams: object) -> None:
    """Make each text stream whose encoding is not UTF write what it cannot encode as its nearest
    plain form (— as -, ² as ^2, é as e) or ?, instead of raising UnicodeEncodeError."""
    import codecs

    try:
        codecs.lookup_error("drill-degrade")
    except LookupError:
        codecs.register_error("drill-degrade", _degrade)
    for stream in streams:
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and encoding and not encoding.startswith("utf"):
            try:
                reconfigure(errors="drill-degrade")
            except (ValueError, OSError):  # a closed or detached stream: nothing to do
                pass


def _degrade(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    text, pos, encoding = error.object, error.start, error.encoding
    if text[pos] in SUPERSCRIPTS:  # 10⁻¹ as 10^-1: the whole run of superscripts after one caret
        end = pos
        while end < len(text) and text[end] in SUPERSCRIPTS:
            end += 1
        return "^" + "".join(SUPERSCRIPTS[c] for c in text[pos:end]), end
    char = text[pos]
    plain = DEGRADED.get(char)
    if plain is None:
        decomposed = unicodedata.normalize("NFKD", char)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)) or "?"
    try:
        plain.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        plain = "?"
    return plain, pos + 1


class Spinner:
    """`| label 1.4 s` redrawn on `stream` (a terminal only) from `delay` seconds after `start()`
    until `stop()`, which wipes it. Drawn by a daemon thread: start it only where this process
    forks nothing more."""

    FRAMES = "|/-\\"

    def __init__(self, stream: object, label: str, delay: float = 1.0, interval: float = 0.1):
        self.stream, self.label, self.delay, self.interval = stream, label, delay, interval
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self._drawn = 0

    def start(self) -> None:
        isatty = getattr(self.stream, "isatty", None)
        if self._thread is not None or not (isatty and isatty()):
            return
        import threading
        import time

        stop = threading.Event()
        began = time.monotonic()

        def run() -> None:
            if stop.wait(self.delay):
                return
            frame = 0
            while not stop.is_set():
                line = f"\r{self.FRAMES[frame % 4]} {self.label} {time.monotonic() - began:.1f} s"
                self._write(line)
                self._drawn = max(self._drawn, display_width(line[1:]))  # the carriage return takes no column
                frame += 1
                stop.wait(self.interval)

        self._stop, self._thread = stop, threading.Thread(target=run, name="drill-spinner", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is None or self._stop is None:
            return
        self._stop.set()
        self._thread.join()
        self._thread = None
        if self._drawn:
            self._write("\r" + " " * self._drawn + "\r")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)  # type: ignore[attr-defined]
            self.stream.flush()  # type: ignore[attr-defined]
        except (OSError, ValueError):  # a closed terminal: nothing to show
            pass
