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


# Rich's CONSOLE_SVG_FORMAT (rich 15) as `Console.export_svg(code_format=...)` takes it, kept here rather
# than imported from Rich's private module: no @font-face, no URL, a local font stack.
_TEMPLATE = """<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
    <style>

    .{unique_id}-matrix {{
        font-family: @MONOSPACE@;
        font-size: {char_height}px;
        line-height: {line_height}px;
        font-variant-east-asian: full-width;
    }}

    .{unique_id}-title {{
        font-size: 18px;
        font-weight: bold;
        font-family: @SANS@;
    }}

    {styles}
    </style>

    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>

    {chrome}
    <g transform="translate({terminal_x}, {terminal_y})" clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix">
    {matrix}
    </g>
    </g>
</svg>
"""


def self_contained_format() -> str:
    """The SVG template, with no @font-face, no URL and a local font stack."""
    return _TEMPLATE.replace("@MONOSPACE@", MONOSPACE).replace("@SANS@", SANS)


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
