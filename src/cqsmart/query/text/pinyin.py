"""Pinyin in a question, read as the characters it spells (lexicon.PINYIN): shuzi jingji guimo asks
what 数字经济规模 asks. Syllables may be typed apart or together; words read one after another join up
as one Chinese phrase, as if typed in characters. A dictionary look-up, no regex to compile: English
questions pay nothing for it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from cqsmart.query.text import lexicon

LONGEST = 4  # words typed apart that may spell one entry: shu zi jing ji


@cache
def _words() -> dict[str, str]:
    return {key.replace(" ", ""): han for key, han in lexicon.PINYIN.items()}


@cache
def _syllable() -> re.Pattern[str]:
    """Any pinyin syllable: an initial, then a final (typed v for ü)."""
    finals = "iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v"
    return re.compile(rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:{finals})")


def without_tones(text: str) -> str:
    """yú kuài bàn and yu2kuai4ban4 as yu kuai ban: marks dropped from Latin letters, and tone numbers
    from words that are pinyin syllables throughout (not from mp3 or 5g)."""
    if any("\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff" for char in text):
        decomposed = unicodedata.normalize("NFKD", text)
        text = unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))
    if not any(char in "12345" for char in text):
        return text
    syllable = _syllable()
    words = text.split(" ")
    for index, word in enumerate(words):
        parts = re.split(r"[1-5]", word)
        if len(parts) > 1 and word[0].isalpha() and all(syllable.fullmatch(part) for part in parts if part):
            words[index] = " ".join(part for part in parts if part)
    return " ".join(words)


def as_characters(text: str) -> str:
    """`text` (already normalised: lower case) with the pinyin it has replaced by characters."""
    if not any("a" <= char <= "z" for char in text):
        return text
    text = without_tones(text)
    words = _words()
    pieces = re.findall(r"[a-z]+|[^a-z]+", text)
    result: list[str] = []
    index, changed = 0, False
    while index < len(pieces):
        found = None
        if pieces[index][0].isalpha() and (index == 0 or not pieces[index - 1][-1].isdigit()):
            for size in range(LONGEST, 0, -1):
                stop = index + 2 * size - 1
                parts = pieces[index:stop:2]
                apart = pieces[index + 1 : stop : 2]
                if len(parts) == size and all(gap == " " for gap in apart):
                    glued = "".join(parts)
                    if glued in words and (stop >= len(pieces) or not pieces[stop][0].isdigit()):
                        found = (words[glued], stop)
                        break
        if not found and pieces[index][0].isalpha() and len(pieces[index]) >= 6:
            spelled = _split(pieces[index], words)
            found = ("".join(spelled), index + 1) if spelled else None
        if found:
            result.append("\0" + found[0] + "\0")
            index, changed = found[1], True
        else:
            result.append(pieces[index])
            index += 1
    if not changed:
        return text
    return re.sub(r"\0\s*\0", "", "".join(result)).replace("\0", " ")


def _split(word: str, words: dict[str, str]) -> list[str] | None:
    """A word that is several entries typed together (shujuzhongxin → 数据 中心), or None."""
    if not word:
        return []
    for end in range(len(word), 3, -1):
        if word[:end] in words:
            rest = _split(word[end:], words)
            if rest is not None:
                return [words[word[:end]], *rest]
    return None


def sounds() -> Iterator[tuple[str, str]]:
    """Each Chinese character with its sound, the first reading pypinyin gives, without its tone (快:
    kuai). For an index to keep: pypinyin takes a quarter of a second to import, too long for a question."""
    from pypinyin.pinyin_dict import pinyin_dict

    for point, readings in pinyin_dict.items():
        char = chr(point)
        if "\u3400" <= char <= "\u9fff":
            yield char, without_tones(readings.split(",")[0])
