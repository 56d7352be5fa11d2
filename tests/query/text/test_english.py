"""English words reduce to one form: plurals, tenses and British spellings agree with their American ones."""

from __future__ import annotations

import pytest

from cqsmart.query.text.english import english_word


@pytest.mark.parametrize(
    "forms",
    [
        ("trial", "trials", "trialled", "trialling", "trialed"),  # British doubles the l
        ("label", "labelled", "labeled"),
        ("model", "modelled", "modeled"),
        ("plan", "planned", "planning"),
        ("utilisation", "utilization"),
        ("job", "jobs"),
    ],
)
def test_forms_of_one_word_agree(forms: tuple[str, ...]) -> None:
    assert len({english_word(form) for form in forms}) == 1


@pytest.mark.parametrize("word", ["fill", "small", "roll", "call", "still", "filled", "rolling"])
def test_short_words_that_end_in_ll_of_their_own_keep_it(word: str) -> None:
    assert english_word(word).endswith("ll")
