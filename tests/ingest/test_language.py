"""Cheap language guesses."""

import pytest

from rashomon.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said that the talks would resume in Geneva next week.", "en"),
        ("Le ministre a déclaré que les discussions reprendront la semaine prochaine.", "fr"),
        ("Москва заявила, что переговоры продолжатся на следующей неделе.", "ru"),
        ("قالت الحكومة إن المحادثات ستستمر الأسبوع المقبل في جنيف.", "ar"),
        ("دولت اعلام کرد که گفتگوها هفته آینده در ژنو ادامه می‌یابد.", "fa"),
        ("12345 67890", None),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang
