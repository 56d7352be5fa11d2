"""A question read in the index's terms, before any figure is scored: pinyin as characters, English
words the base does not know spelt as the ones it does, the scene told from what is asked, the economy
read as meant; shared by `ask` and `search`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from cqsmart.query.answer.index import Index, known_stem
from cqsmart.query.text import clauses, lexicon, pinyin
from cqsmart.query.text.analysis import Analysis, analyse, normalise, segments
from cqsmart.query.text.chinese import is_han
from cqsmart.query.text.rewrite import simplified, whole_economy
from cqsmart.query.text.values import Stated


def correct_spelling(text: str, index: Index, leave: frozenset[str] = frozenset()) -> str:
    """English words the base does not know, replaced by a known word one or two edits away.

    Words of five letters or more may become any word of the base (fucntions, Yukuaibn); shorter
    ones only a question word (hwo, mnay), where a wrong guess would change nothing, or a five-letter
    word of the base with one letter dropped (usrs → users).
    """
    normal = normalise(text)
    unknown = {
        word
        for word in segments(normal)
        if len(word) >= 3
        and word.isalpha()
        and word.isascii()
        and word not in index.words
        and word not in lexicon.EN_STOPWORDS
        and not known_stem(index, word)
        and word not in leave
    }
    if not unknown:
        return normal
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    choices = sorted(word for word in index.words if len(word) >= 4)
    short = sorted(lexicon.EN_STOPWORDS)
    dropped = sorted(word for word in index.words if len(word) == 5)
    for word in sorted(unknown):
        limit = 1 if len(word) < 7 else 2
        # A four-letter word may also be a five-letter one with a letter dropped (usrs, vist), not another word (bank, rank).
        candidates = choices if len(word) >= 5 else short + dropped * (len(word) == 4)
        found = process.extract(word, candidates, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None)
        if found:
            # The nearest word; among equally near ones, one that starts alike (vists → visits, not lists).
            best = min(found, key=lambda item: (item[1], item[0][0] != word[0], item[0]))
            normal = re.sub(rf"\b{word}\b", best[0], normal)
    return normal


def correct_homophones(text: str, index: Index) -> str:
    """Chinese characters the base does not use together, replaced by a character of the same sound
    that makes them a phrase of the base (渝块办 → 渝快办, 数子经济 → 数字经济, 渝康马 → 渝康码), as a
    misspelt English word is replaced by a known one. A character is replaced only where the base
    uses it beside neither neighbour and the replacement stands with two of its neighbours in the
    base, so a question about what the base does not hold (机场) is left as asked."""
    runs: list[str] = re.findall(r"[\u3400-\u9fff]{2,}", text)
    pairs = {run[at : at + 2] for run in runs for at in range(len(run) - 1)}
    known = index.terms.counts(sorted(pairs))
    unknown = {pair for pair in pairs if not known.get(pair)}
    if not unknown:
        return text
    sounds = index.terms.sounds({char for pair in unknown for char in pair})
    asked = _question_words()  # made only for a question with a pair the base lacks
    for run in runs:
        corrected = list(run)
        # The question's own words are no typo (渝快办是什么 is not 渝快办事什么).
        kept = {at for found in asked.finditer(run) for at in range(*found.span())}
        for at, char in enumerate(run):
            beside = [corrected[at - 1] + char if at else "", char + run[at + 1] if at + 1 < len(run) else ""]
            if char not in sounds or at in kept or not all(pair in unknown for pair in beside if pair):
                continue  # a character the base uses beside one of its neighbours stays (中心打造)
            # Three characters the base has together, the replacement among them: two are too common a chance.
            windows = [(start, start + 3) for start in (at - 1, at - 2, at) if start >= 0 and start + 3 <= len(run)]
            best: tuple[int, int, str] = (0, 0, "")
            for other in index.terms.sounding(sounds[char]):
                for start, end in windows if other != char else ():
                    tried = [*corrected[start:at], other, *run[at + 1 : end]]
                    phrase = " ".join("".join(tried[step : step + 2]) for step in range(len(tried) - 1))
                    count = index.terms.matching(f'"{phrase}"')
                    if count:
                        best = max(best, (end - start, count, other))
                        break
            if best[2]:
                corrected[at] = best[2]
        text = text.replace(run, "".join(corrected), 1)
    return text


@cache
def _question_words() -> re.Pattern[str]:
    """The Chinese words a question asks with (是什么, 多少, 来着), longest first."""
    words = {word for word in (*lexicon.ZH_FILLERS, *(w for ws in lexicon.INTENTS.values() for w in ws)) if len(word) > 1}
    return re.compile("|".join(sorted((re.escape(word) for word in words if is_han(word[0])), key=len, reverse=True)))


def understand(text: str, index: Index, whole: bool = True) -> Analysis:
    """What a question asks, in the index's terms. With `whole`, the economy unqualified is GDP (for
    `ask`; a search for "economy" still finds the digital economy)."""
    text = correct_homophones(pinyin.as_characters(simplified(normalise(text))), index)
    setting, asking_clauses = clauses.parts(text)
    asking = " ".join(asking_clauses)
    # Small talk is left as written: a newsletter is no misspelt word of the base.
    chat = frozenset(segments(" ".join(setting))) - frozenset(segments(asking)) if setting else frozenset()
    spelled = correct_spelling(text, index, leave=chat)
    read = whole_economy if whole else str
    known = _known_pairs(index)
    question = analyse(read(spelled), index.concepts, question=True, join=index.words, known=known)
    asked_text = read(correct_spelling(asking, index)) if setting else read(spelled)
    question.counts = clauses.counted(asked_text, index.concepts)
    if setting:
        asked = set(analyse(asked_text, index.concepts, question=True, join=index.words, known=known).slots)
        question.context = {slot for slot in question.slots if slot not in asked}
        if question.context == set(question.slots):  # the asking clause is a tag (，是真的吗): the rest is asked
            question.context = set()
    # A bare number may be part of a name (Synthetic figure 4242) as much as a value: a label that
    # holds it matches it, for the figure it names and never against another.
    for key in number_names(question.values):
        question.slots.append(frozenset({key}))
        question.context.add(frozenset({key}))
    return question


def _known_pairs(index: Index) -> Callable[[str], bool]:
    """Whether the base's texts hold a Chinese character pair."""
    return lambda pair: index.count("z:" + pair) > 0


def number_names(values: list[Stated]) -> list[str]:
    """The keys of the bare whole numbers a question states (1875, not 2100万 or 16%)."""
    return [f"w:{int(stated.value)}" for stated in values if not stated.said and float(stated.value).is_integer()]
