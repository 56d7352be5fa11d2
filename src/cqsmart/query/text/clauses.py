"""The clauses of a question, and which of them ask: "I'm writing a piece on …, can you tell me how many …".

A long question sets the scene in one clause and asks in another. Words of a scene-setting clause
that the fact base never uses are small talk (a newsletter, 我在写稿子) and must not count against a
figure; words of the asking clause it never uses are what is asked about, and still do.
"""

from __future__ import annotations

from cqsmart.query.text import lexicon
from cqsmart.query.text.analysis import Concepts, segments
from cqsmart.query.text.english import english_word

# Where a sentence ends, and where a clause does. A comma or full stop between digits (1,875; 2.1) is
# part of a number.
_SENTENCE_ENDS = frozenset(".!?。！？\n")
_CLAUSE_ENDS = frozenset(",;:，；：")
_DASHES = frozenset("-–—")
_ASKING_EN = frozenset(
    (
        *("how", "what", "what's", "whats", "which", "when", "where", "who", "whom", "whose", "why", "tell", "know"),
        *("is", "are", "was", "were", "did", "does", "do", "can", "could"),
    )
)
_ASKING_ZH = ("多少", "几", "什么", "哪", "吗", "呢", "是否", "怎么", "如何", "多大", "多快", "多高", "多长", "告诉我", "请问")


def sentences(text: str) -> list[tuple[list[str], bool]]:
    """Each sentence as its clauses, and whether it ends with a question mark."""
    found: list[tuple[list[str], bool]] = []
    clauses: list[str] = []
    start = 0
    for index, char in enumerate(text + "\n"):
        between_digits = 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()
        if char in ",." and between_digits:
            continue
        # A dash with a space on either side ("newsletter - can you"), or a doubled one (——), not e-government.
        dash = char in _DASHES and (text[index - 1 : index] == " " or text[index + 1 : index + 2] in (" ", char))
        if char in _CLAUSE_ENDS or char in _SENTENCE_ENDS or dash:
            clause = text[start:index].strip(" -–—")
            if clause:
                clauses.append(clause)
            start = index + 1
        if char in _SENTENCE_ENDS and clauses:
            found.append((clauses, char in "?？"))
            clauses = []
    return found


def asks(clause: str) -> bool:
    """Whether a clause holds a question word (in English, one that opens it, or how)."""
    lowered = clause.casefold()
    words = lowered.replace("'", " ").split()
    return (words[0] in _ASKING_EN if words else False) or "how " in lowered or any(word in lowered for word in _ASKING_ZH)


def parts(text: str) -> tuple[list[str], list[str]]:
    """The clauses that set the scene and those that ask. The scene is empty unless the question has
    clauses of both kinds.

    A clause asks when it holds a question word; a sentence ending in a question mark with no such
    clause asks in all of its clauses.
    """
    marked: list[tuple[str, bool]] = []
    for clauses, questioned in sentences(text):
        asking = [asks(clause) for clause in clauses]
        if questioned and not any(asking):
            asking = [True] * len(clauses)
        marked += zip(clauses, asking, strict=True)
    if len(marked) < 2 or all(asked for _, asked in marked) or not any(asked for _, asked in marked):
        return [], [clause for clause, _ in marked]
    return [clause for clause, asked in marked if not asked], [clause for clause, asked in marked if asked]


def scene(text: str) -> list[str]:
    return parts(text)[0]


def counted(text: str, concepts: Concepts) -> str:
    """The concept a how-many question counts: the first thing named after how many / 多少 / 几
    ("how many units have their heads serving as cloud chiefs" counts units, not heads), or "".
    `text` is normalised."""
    things = frozenset(lexicon.COUNTED)
    at = text.find("how many ")
    if at >= 0:
        stems = [english_word(word) for word in segments(text[at + len("how many ") :])]
        for position, stem in enumerate(stems):
            # The longest phrase that starts here: "use cases" counts scenarios, not users of something.
            for members, concept in concepts.english.get(stem, ()):  # longest first
                if tuple(stems[position : position + len(members)]) == members:
                    if concept in things:
                        return "c:" + concept
                    break
    starts = [found for found in (text.find("多少"), text.find("几")) if found >= 0]
    if starts:
        after = text[min(starts) :]
        places = [(after.find(member), concept) for member, concept in concepts.chinese if concept in things and member in after]
        if places:
            return "c:" + min(places)[1]
    return ""
