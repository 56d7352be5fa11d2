"""The Chinese SVG as a browser draws it: each text's glyphs, at their own width, fit the room its
textLength gives them (two cells a Chinese character), so none is squeezed into overlapping.

Needs Chromium and a Chinese font (Debian: chromium, fonts-noto-cjk); skipped, with the reason, without them.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# Each text's length as declared, then as its glyphs draw it with the declared length taken away.
MEASURE = """
<script>
const found = [];
for (const text of document.querySelectorAll("svg text[textLength]")) {
  const declared = text.textLength.baseVal.value;
  text.removeAttribute("textLength");
  text.removeAttribute("lengthAdjust");
  found.push([text.textContent, declared, text.getComputedTextLength()]);
}
const out = document.createElement("pre");
out.id = "measured";
out.textContent = JSON.stringify(found);
document.body.appendChild(out);
</script>
"""


def chinese_font() -> bool:
    fonts = shutil.which("fc-list")
    return bool(fonts and subprocess.run([fonts, ":lang=zh"], capture_output=True, text=True).stdout.strip())


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.skipif(not chinese_font(), reason="no Chinese font is installed (apt-get install fonts-noto-cjk)")
def test_no_chinese_text_is_squeezed_when_a_browser_draws_it(run: Run, tmp_path: Path) -> None:
    picture = tmp_path / "zh.svg"
    assert run("compare", "2018", "2019", "2020", "--lang", "zh", "--svg", str(picture)).exit_code == 0
    page = tmp_path / "page.html"
    page.write_text(f"<!doctype html><html><body>{picture.read_text(encoding='utf-8')}{MEASURE}</body></html>", "utf-8")
    assert CHROMIUM is not None
    dumped = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dumped, re.DOTALL)
    assert found, dumped[-2000:]
    measured = json.loads(html.unescape(found.group(1)))
    chinese = [(text, declared, drawn) for text, declared, drawn in measured if re.search("[\u3400-\u9fff]", text)]
    assert chinese, "no Chinese text drawn"
    squeezed = [(text, round(declared), round(drawn)) for text, declared, drawn in chinese if drawn > declared * 1.05]
    assert squeezed == []
