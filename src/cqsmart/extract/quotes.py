"""Whether a quote stands once in a text, checked against only the sentences that share its number."""

from __future__ import annotations

from array import array

from cqsmart.extract.numbers import NUMBER

# How many sentences sharing a quote's number are searched for it: past this, the quote is taken as
# repeated and lengthened, so that a number stated thousands of times costs a bounded search each.
_QUOTE_SEARCH = 256


class QuoteIndex:
    """The sentences each run of number characters stands in, alone and with the character after it."""

    def __init__(self) -> None:
        self.where: dict[str, array[int]] = {}

    def add(self, index: int, text: str) -> None:
        for run in NUMBER.finditer(text):
            for key in (run.group(), text[run.start() : run.end() + 1]):
                found = self.where.get(key)
                if found is None:
                    self.where[key] = array("q", (index,))
                elif found[-1] != index:
                    found.append(index)

    def repeated(self, quote: str, texts: list[str]) -> bool:
        """Whether quote occurs more than once in the sentences (or may: see _QUOTE_SEARCH)."""
        run = NUMBER.search(quote)
        if run is None:
            return False
        key = quote[run.start() : run.end() + 1]
        total = 0
        for searched, index in enumerate(self.where.get(key, ())):
            if searched == _QUOTE_SEARCH:
                return True
            total += texts[index].count(quote)
            if total > 1:
                return True
        return False
