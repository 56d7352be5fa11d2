"""Text analysis: what a text says in the index's terms (normalising, Chinese and English words,
pinyin, numbers and the values a question states), with the language knowledge as data tables
(lexicon) applied by one engine (analysis). Imports only `model` and itself."""
