"""Quote look-ups in a source text: whitespace ignored, a caption between two halves stepped over."""

from __future__ import annotations

from cqsmart.model.quotes import SourceText, quote_states_number

LAYOUT = "同时建成30\n\n个5G融合典型应用场景。不断拓展数字经\n\n\n\n8月16日,照片说明。\n\n记者 摄\n\n济新领域。线上业态方面"


def test_quote_spanning_a_line_break_is_found() -> None:
    """A phrase split by blank lines matches once whitespace is removed."""
    assert SourceText(LAYOUT).contains("同时建成30个5G融合典型应用场景")


def test_quote_spanning_a_caption_is_found_at_line_boundaries() -> None:
    """A sentence broken by a two-line caption matches, and covers only its own two parts."""
    source = SourceText(LAYOUT)
    (place,) = source.spans("不断拓展数字经济新领域")
    assert ["".join(source.text[start:end] for start, end in place)] == ["不断拓展数字经济新领域"]


def test_quote_cannot_skip_text_inside_a_line() -> None:
    """Skipping is only over whole lines: dropping words from within a line is not a match."""
    source = SourceText(LAYOUT)
    assert not source.contains("同时建成30个5G典型应用场景")
    assert not source.contains("不断拓展数字经济线上业态方面")


def test_number_must_stand_alone_in_the_quote() -> None:
    """13.7 is not found inside 113.75, and a rank may be written in Chinese numerals."""
    assert quote_states_number("增长13.7%", 13.7)
    assert not quote_states_number("增长113.75%", 13.7)
    assert quote_states_number("排名全国第五", 5)
