"""English words for analysis: spelling variants and shorthand to one form, then a light stem."""

from __future__ import annotations

import re
from functools import lru_cache

from cqsmart.query.text import lexicon

_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ness",
    "ments",
    "ment",
    "ings",
    "ing",
    "ions",
    "ion",
    "ities",
    "ity",
    "ives",
    "ive",
    "ers",
    "er",
    "ied",
    "es",
    "ed",
    "ly",
    "ial",
    "ic",
    "al",
    "s",
    "e",
)


@lru_cache(maxsize=4096)
def english_word(word: str) -> str:
    """Spelling variants to one form, then a light stem: integration, integrated and integrating agree."""
    word = word.removesuffix("'s").replace("'", "")
    word = lexicon.BRITISH.get(word, word)
    if word not in lexicon.NOT_BRITISH_ISE:
        word = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word)
    if len(word) == 4 and word[-1] == "s" and word[-2] not in "suio":
        return word[:-1]  # jobs → job, apps → app (not bus, plus, this)
    if len(word) <= 4 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"  # universities → university, then as the singular
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]  # planned → plan
            return _one_l(word)
    if word.endswith("y") and len(word) >= 6 and word[-2] not in "aeiou":
        return word[:-1]  # economy and economic agree; employ keeps its y
    return _one_l(word)


def _one_l(word: str) -> str:
    """British English doubles a final l after a vowel (trialled, labelled, modelled): one l, in a word
    of six letters or more, so that trialled is trial as American spelling has it (fill, small keep theirs)."""
    if len(word) >= 6 and word.endswith("ll") and word[-3] in "aeiou":
        return word[:-1]
    return word
