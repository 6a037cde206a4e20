"""One bilingual text type, for everything a learner reads: statements, hints, diagnoses, runner and
workspace messages, CLI lines, labels and areas.

A `Text` holds the Japanese and the English of one message (a `str.format` template, filled when it
is shown). Choosing the language happens here, in `Text.get`, and nowhere else but the renderer
(grader/report.py); a rule test (tests/test_texts.py) fails on an inline `lang == "ja"` elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("ja", "en")


@dataclass(frozen=True)
class Text:
    """A message in Japanese and English, with the values it is filled with (`fill`)."""

    ja: str
    en: str
    values: dict = field(default_factory=dict, compare=False, hash=False)

    def get(self, lang: str) -> str:
        """The text in `lang` (English for any language drill does not have), filled."""
        template = self.ja if lang == "ja" else self.en
        if not self.values:
            return template
        return template.format(**{k: v.get(lang) if isinstance(v, Text) else v for k, v in self.values.items()})

    def format(self, lang: str, **values: object) -> str:
        """The text in `lang` filled with `values` (a Text among them is shown in `lang` too)."""
        return self.fill(**values).get(lang)

    def fill(self, **values: object) -> Text:
        """The same message with `values` to fill it, in whichever language it is shown."""
        return Text(self.ja, self.en, {**self.values, **values})

    def __call__(self, lang: str, **values: object) -> str:
        return self.format(lang, **values) if values else self.get(lang)

    def __str__(self) -> str:
        return self.get("en")


def same(text: str) -> Text:
    """A text that reads the same in every language (a path, an identifier, a learner's own words)."""
    return Text(text.replace("{", "{{").replace("}", "}}"), text.replace("{", "{{").replace("}", "}}"))


def text_of(message: str | Text, lang: str) -> str:
    """`message` in `lang`: a Text chosen, a plain string as it is."""
    return message.get(lang) if isinstance(message, Text) else message
