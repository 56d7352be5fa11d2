"""Long tables on a terminal go through the user's pager ($PAGER, else `less -FRX`); never when piped."""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
from collections.abc import Callable
from typing import TextIO

DEFAULT_PAGER = "less -FRX"


class TerminalBuffer(io.StringIO):
    """Memory that Rich takes for the terminal it stands in for: same colours, same width."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self.stand_in_encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stand_in_encoding

    def isatty(self) -> bool:
        return True


def page(draw: Callable[[TextIO], None], stream: TextIO) -> None:
    """Draw into memory as for the terminal; page it when it is taller than the terminal."""
    buffer = TerminalBuffer(getattr(stream, "encoding", None) or "utf-8")
    draw(buffer)
    text = buffer.getvalue()
    command = os.environ.get("PAGER", DEFAULT_PAGER).strip()
    if text.count("\n") < shutil.get_terminal_size().lines or command in ("", "cat"):
        stream.write(text)
        return
    stream.flush()
    try:
        subprocess.run(shlex.split(command), input=text, text=True, encoding="utf-8", check=False)
    except (OSError, ValueError):  # no such pager, or a $PAGER that does not parse: print as usual
        stream.write(text)
    except KeyboardInterrupt:
        pass
