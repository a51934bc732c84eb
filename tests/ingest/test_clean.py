"""The boilerplate cleaner, on real article text wrapped in varied chrome."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.ingest.clean import clean_text
from rashomon.ingest.layout import split_blocks
from rashomon.ingest.template import find_template_lines

from .corpus import BENCH, basil_articles, wikinews_articles, wrapped_pages

needs_bench = pytest.mark.skipif(not BENCH.is_dir(), reason="shared benchmarks absent")


@pytest.fixture(scope="module")
def pages():
    return wrapped_pages(wikinews_articles(40) + basil_articles(60))


@needs_bench
def test_wrapped_corpus_keeps_body_and_drops_chrome(pages):
    lost, left, total_chrome = [], [], 0
    for page in pages:
        cleaned = clean_text(page.text)
        lines = set(cleaned.text.split("\n"))
        lost += [p for p in page.article.paragraphs if p not in cleaned.text]
        left += [c for c in page.chrome if c in lines]
        total_chrome += len(page.chrome)
    assert len(pages) > 50
    assert lost == []
    assert len(left) <= 0.01 * total_chrome, left[:10]


@needs_bench
def test_wrapped_corpus_metadata(pages):
    titles = dates = 0
    for page in pages:
        meta = clean_text(page.text).meta
        titles += meta.title == page.article.title
        dates += meta.published == (page.article.published or "2019-03-04")[:10]
    assert titles >= 0.95 * len(pages)
    assert dates >= 0.95 * len(pages)


BODY = [
    "The ministry said on Tuesday that 14 people had been detained after the protest.",
    "He denied it.",
    "“We will not be intimidated.”",
    "Witnesses described a chaotic scene, with police firing tear gas into the crowd.",
]


def _clean(lines: list[str]) -> tuple[str, dict[str, str]]:
    cleaned = clean_text("\n\n".join(lines))
    return cleaned.text, {r.text: r.reason for r in cleaned.removed}


def test_short_sentence_and_quote_paragraph_survive():
    text, _ = _clean(BODY)
    for sentence in BODY:
        assert sentence in text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Home > World > Middle East", "navigation"),
        ("News / Politics / Elections", "navigation"),
        ("Email this story", "share-prompt"),
        ("Follow us on Telegram", "share-prompt"),
        ("Get the app", "share-prompt"),
        ("ADVERTISEMENT", "widget"),
        ("Image credit: Getty Images", "credit"),
        ("(AFP Photo/Jane Roe)", "credit"),
        ("Related: Protesters return to the square", "related-links"),
    ],
)
def test_chrome_inside_the_body_is_removed(line, reason):
    text, removed = _clean([BODY[0], line, BODY[3]])
    assert line not in text.split("\n")
    assert removed[line] == reason
    assert BODY[0] in text and BODY[3] in text


@pytest.mark.parametrize(
    "line",
    [
        "“Follow us on Telegram,” the rebels wrote to their supporters.",
        '"Email this story to your MP," the campaign urged readers on Monday.',
        "Organisers said people should share the petition and sign up for updates.",
        '"Join the conversation," she told the crowd.',
    ],
)
def test_quoted_or_reported_prompt_words_are_content(line):
    """Prompt words inside a quotation or a report of speech are article text."""
    text, removed = _clean([BODY[0], line, BODY[3]])
    assert line in text.split("\n\n"), removed.get(line)


OTHER_STORY = [
    "Police in the capital arrested three more people on Wednesday, a spokesman said.",
    "The group has called for a general strike next week.",
]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("“Share this video, like our page and subscribe for updates,” the banner read.", True),
        ('"Comment below and share this post with your friends," read the banner.', True),
        ("Share this post and leave a comment below.", False),  # the site's own prompt
    ],
)
def test_a_quotation_printed_in_two_stories_of_one_site_is_not_template(line, kept):
    """Two stories of one outlet quoting the same banner share a line full of
    furniture words; the quotation marks make it content, not the site's chrome."""
    first = "\n\n".join([BODY[0], line, BODY[3]])
    second = "\n\n".join([OTHER_STORY[0], line, OTHER_STORY[1]])
    template = find_template_lines({"site": [first, second]})["site"]
    cleaned = clean_text(first, template)
    assert (line in cleaned.text.split("\n\n")) == kept


@pytest.mark.parametrize("line", ["Join the conversation", "View comments (27)", "14 Comments"])
def test_comment_headings_end_the_article(line):
    text, removed = _clean([BODY[0], BODY[3], line, "Great article, thanks for writing it!"])
    assert text == f"{BODY[0]}\n\n{BODY[3]}"
    assert removed[line] == "comments"


def test_header_and_footer_zones():
    lines = [
        "Sections\nWorld\nBusiness\nOpinion",
        "Crowds defy curfew in capital",
        *BODY,
        "Spread the word\nSave for later\nBe the first to comment",
        "Please keep your comments civil and on topic. We reserve the right to remove posts.",
        "You might also like\nPolice chief resigns after inquiry\nOpposition calls for new vote",
        "© 2021 Example Media. All rights reserved.",
    ]
    text, removed = _clean(lines)
    assert text == "\n\n".join(BODY)
    assert removed["Crowds defy curfew in capital"] == "metadata"
    assert removed["Police chief resigns after inquiry"] == "related-links"


def test_wiki_residue_citations_and_trailing_section():
    lines = [
        "From Wikipedia, the free encyclopedia",
        "Jump to navigation",
        "The treaty was signed in 1998 by both governments.[12] It came into force a year later.",
        "Critics said the text was vague [citation needed] and open to abuse.",
        "History[edit]",
        "Negotiations had lasted for more than four years before the final round.",
        "See also",
        "Treaty of Example",
        "References",
        "Smith, J. (2001). The Treaty. Example Press.",
    ]
    cleaned = clean_text("\n\n".join(lines))
    assert "signed in 1998 by both governments. It came into force" in cleaned.text
    assert "text was vague and open to abuse." in cleaned.text
    assert "Negotiations had lasted" in cleaned.text
    for gone in ("Wikipedia", "Jump to", "[12]", "See also", "Treaty of Example", "Smith, J."):
        assert gone not in cleaned.text
    reasons = {r.reason for r in cleaned.removed}
    assert {"wiki-residue", "citation-marker", "trailing-section"} <= reasons


def test_repeated_caption_removed_twice_but_repeated_prose_kept_once():
    caption = "Rescue workers search the rubble of a collapsed building"
    lines = [BODY[0], caption, f"Photo: {caption}", BODY[3], BODY[3]]
    cleaned = clean_text("\n\n".join(lines))
    assert caption not in cleaned.text
    assert cleaned.text.count(BODY[3]) == 1
    assert [r.reason for r in cleaned.removed].count("repeated-caption") == 2


def test_cross_document_template_lines():
    from rashomon.ingest.template import find_template_lines, line_key

    site = "Courier Plus\nNewsletters | Podcasts | Events"
    docs = [f"{site}\n\n{sentence}\n\nComments are closed for this story." for sentence in BODY]
    templates = find_template_lines({"g": docs})["g"]
    assert line_key("Newsletters | Podcasts | Events") in templates
    assert line_key(BODY[0]) not in templates
    cleaned = clean_text(docs[0], templates)
    assert cleaned.text == BODY[0]
    assert any(r.reason == "cross-document-template" for r in cleaned.removed)


def test_hard_wrapped_prose_is_rejoined():
    wrapped = (
        "The ministry said on Tuesday that fourteen people had been\n"
        "detained after the protest, which began peacefully in the\n"
        "morning but turned violent when police moved in to clear\n"
        "the square. Officials did not say whether any of those\n"
        "detained had been charged, and lawyers for the families\n"
        "said they had not been allowed to see them."
    )
    blocks = split_blocks(wrapped)
    assert len(blocks) == 1 and blocks[0].text == wrapped.replace("\n", " ")


_WORDS = st.sampled_from(
    "the minister said that police officers had arrested several protesters near "
    "parliament on Monday while opposition leaders called for calm and an inquiry into "
    "violence during election campaign in capital city".split()
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_WORDS, min_size=8, max_size=40),
    st.lists(
        st.sampled_from(["Share", "Advertisement", "Home > News", "Comments (4)", "Get the app"]),
        max_size=6,
    ),
    st.integers(0, 6),
)
def test_long_sentence_never_dropped(words, chrome, where):
    """A line of eight or more words ending with a full stop is never removed,
    wherever it sits among chrome lines."""
    sentence = " ".join(words).capitalize() + "."
    lines = list(chrome)
    lines.insert(min(where, len(lines)), sentence)
    assert sentence in clean_text("\n".join(lines)).text
