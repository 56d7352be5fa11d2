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
