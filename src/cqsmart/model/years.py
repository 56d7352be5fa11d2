"""Years as people type them, read the same way by every command."""

from __future__ import annotations

import unicodedata


def read_year(text: str) -> int | None:
    """2020, fullwidth ２０２０ or 2020年 as the year 2020; None for anything that is not four digits."""
    normal = unicodedata.normalize("NFKC", text).strip().removesuffix("年")
    return int(normal) if len(normal) == 4 and normal.isascii() and normal.isdigit() else None


# Month names for dates written out in English (the source's 8月13日 as August 13).
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
