"""The two things every command needs before it renders anything: the reader's language, and text
made inert for a terminal. Kept apart from the value formatting so start-up stays light."""

from __future__ import annotations

import locale
import os
import re
from typing import TextIO

# C0/C1 controls (ESC starts ANSI and OSC sequences), bidirectional overrides, the line and paragraph
# separators (which end a line in many terminals and editors) and lone surrogates are shown escaped.
# Patterns here and in jsontext and the cache are compiled on first use (by re's own cache), not at
# import: a run that never needs one does not pay for compiling it.
_UNSAFE = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"


def default_lang() -> str:
    """Chinese labels first where the locale is Chinese, English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    found = locale.getlocale()[0] or ""
    return "zh" if found.lower().startswith("zh") else "en"


def inert(text: str) -> str:
    """Text from a fact file, made safe to print: control and bidi characters become visible escapes."""
    return re.sub(_UNSAFE, _escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (an argument, a file name): shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def stream_is_unicode(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


__all__ = ["default_lang", "inert", "stream_is_unicode"]
