"""The messages commands print on stderr, in English and Chinese, keyed by id and chosen by the run's
`--lang` (else the locale). `--lang both` prints English: a user error stays one line, and Typer's own
usage errors, which sit beside these, are English. Placeholders hold data (ids, years, file names)
and are filled in as given, never translated or marked up."""

from __future__ import annotations

from collections.abc import Sequence

from cqsmart.errors import Param, Words

MESSAGES: dict[str, dict[str, str]] = {
    "no-record": {
        "en": "no record with id {id}",
        "zh": "没有 id 为 {id} 的记录",
    },
    "no-record-suggest": {
        "en": "no record with id {id}; did you mean {close}?",
        "zh": "没有 id 为 {id} 的记录；是否要找：{close}？",
    },
    "unknown-choice": {
        "en": "unknown {what} {value} ({what}s: {choices})",
        "zh": "未知的{what} {value}（可选：{choices}）",
    },
    "unknown-choice-suggest": {
        "en": "unknown {what} {value}; did you mean {close}? ({what}s: {choices})",
        "zh": "未知的{what} {value}；是否要找：{close}？（可选：{choices}）",
    },
    "bad-year": {
        "en": "{option} takes a four-digit year such as 2020, not {value}; years with figures: {years}",
        "zh": "{option} 需要四位数的年份，如 2020，而不是 {value}；有数据的年份：{years}",
    },
    "no-common-years": {
        "en": "no metric has a value in {years}; years with figures: {known}",
        "zh": "没有指标在{years}年都有数值；有数据的年份：{known}",
    },
    "failing-checks": {
        "en": "note: these figures take part in a failing check: {checks} (see 'cqsmart audit')",
        "zh": "注意：所示数据涉及未通过的核对：{checks}（见 'cqsmart audit'）",
    },
    "checks-hold": {
        "en": "{held} of {total} checks hold",
        "zh": "{total} 项核对中 {held} 项通过",
    },
    "checks-failing": {
        "en": "{held} of {total} checks hold; failing: {checks}",
        "zh": "{total} 项核对中 {held} 项通过；未通过：{checks}",
    },
    "no-figures": {
        "en": "no figures match; years with figures: {years}; topics: {topics}",
        "zh": "没有符合条件的数据；有数据的年份：{years}；主题：{topics}",
    },
    "no-shared-year": {
        "en": "{first} and {second} share no year",
        "zh": "{first} 与 {second} 没有共同的年份",
    },
    "no-checks": {
        "en": "the fact base has no checks (a folder keeps them in checks.json)",
        "zh": "该数据库没有核对项（文件夹中的核对项在 checks.json 里）",
    },
    "library-empty": {
        "en": "the library is empty; add a base with 'cqsmart library add PATH'",
        "zh": "资料库为空；用 'cqsmart library add PATH' 添加",
    },
    "no-match": {
        "en": "nothing matches {words}",
        "zh": "没有与 {words} 匹配的记录",
    },
    "no-answer": {
        "en": "no figure in the fact base answers this question",
        "zh": "数据库中没有能回答这个问题的数据",
    },
    "no-topics": {"en": "the fact base has no topics", "zh": "该数据库没有主题"},
    "no-metrics": {"en": "no metrics match", "zh": "没有符合条件的指标"},
    "no-initiatives": {"en": "no initiatives match", "zh": "没有符合条件的举措"},
    "no-targets": {"en": "no targets match", "zh": "没有符合条件的目标"},
    "nothing-about": {"en": "nothing about {topic} matches", "zh": "主题 {topic} 下没有符合条件的记录"},
    "saved": {
        "en": "saved {path}",
        "zh": "已保存 {path}",
    },
}

# What a choice names (`unknown-choice`'s {what}), in each language.
NOUNS: dict[str, dict[str, str]] = {
    "metric": {"en": "metric", "zh": "指标"},
    "topic": {"en": "topic", "zh": "主题"},
    "source": {"en": "source", "zh": "来源"},
    "kind": {"en": "kind", "zh": "类型"},
    "line": {"en": "line", "zh": "条线"},
}

LANGS = ("en", "zh")


def message(key: str, lang: str, **params: Param) -> str:
    """The message `key` in `lang` (English for `both` or any other), its placeholders filled in."""
    chosen = lang if lang in LANGS else "en"
    filled = {name: words(value, chosen) if isinstance(value, Words) else value for name, value in params.items()}
    if filled.get("what") in NOUNS:
        filled["what"] = NOUNS[filled["what"]][chosen]
    return MESSAGES[key][chosen].format(**filled)


def words(listed: Words, lang: str) -> str:
    """A list as the language writes one; in Chinese, slugs by their Chinese names."""
    if lang != "zh":
        return ", ".join(listed.items)
    from cqsmart.model.vocabulary import slug_name

    return "、".join(slug_name(listed.field, item, lang) for item in listed.items)


def lang_of_run(args: Sequence[str]) -> str:
    """The language a run's `--lang` names (its last), else the locale's."""
    chosen = ""
    for position, word in enumerate(args):
        if word == "--lang" and position + 1 < len(args):
            chosen = args[position + 1]
        elif word.startswith("--lang="):
            chosen = word.partition("=")[2]
    if chosen in ("en", "zh", "both"):
        return chosen
    from cqsmart.render.plain import default_lang

    return default_lang()
