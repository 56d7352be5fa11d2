"""Rich's SVG template without its web fonts: a picture that fetches nothing when opened.

Rich's template loads Fira Code from a CDN (and names its website in a comment); here the text uses
fonts already on the reader's machine, with Chinese-capable monospace fonts in the stack.
"""

from __future__ import annotations

import re

MONOSPACE = (
    'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Sarasa Mono SC", '
    '"PingFang SC", "Microsoft YaHei", monospace'
)
SANS = 'system-ui, -apple-system, "Segoe UI", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'


def self_contained_format() -> str:
    """Rich's CONSOLE_SVG_FORMAT with no @font-face, no URL and a local font stack."""
    from rich._export_format import CONSOLE_SVG_FORMAT

    template = re.sub(r"\s*@font-face \{\{.*?\}\}", "", CONSOLE_SVG_FORMAT, flags=re.DOTALL)
    template = re.sub(r"\s*<!--.*?-->", "", template, flags=re.DOTALL)
    template = template.replace("font-family: Fira Code, monospace;", f"font-family: {MONOSPACE};")
    return template.replace("font-family: arial;", f"font-family: {SANS};")


_TEXT = re.compile(r'(<text\b[^>]*?textLength=")([\d.]+)("[^>]*>)([^<]*)(</text>)')


def measured_in_cells(svg: str) -> str:
    """Each text's drawn length in terminal cells, a Chinese character being two: Rich gives one cell per
    character, which squeezes a Chinese label into half its room and its glyphs overlap."""
    import html

    from rich.cells import cell_len

    def widen(found: re.Match[str]) -> str:
        text = html.unescape(found.group(4))
        length = float(found.group(2)) / max(len(text), 1) * cell_len(text)
        return f"{found.group(1)}{length:g}{found.group(3)}{found.group(4)}{found.group(5)}"

    return _TEXT.sub(widen, svg)
