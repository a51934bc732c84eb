"""Pages saved as text: the failure classes of issue 8, on real article text.

The article paragraphs come from the shared Wikinews and BASIL corpora
(skipped when absent); the page furniture around them is written here in
the layouts that ``w3m -dump`` and ``lynx -dump`` print.
"""

from __future__ import annotations

import pytest

from rashomon.ingest import ingest_paths
from rashomon.ingest.clean import clean_text
from rashomon.ingest.metadata import split_title
from rashomon.ingest.template import find_template_lines, template_key

from .corpus import BENCH, basil_articles, pretty_date

needs_bench = pytest.mark.skipif(not BENCH.is_dir(), reason="shared benchmarks absent")

LEDE = (
    "Firefighters contained a blaze that destroyed three homes on the east side of the city on "
    "Monday night, officials said, and no one was hurt."
)
MORE = (
    "The fire started in a detached garage shortly after ten o'clock and spread to the houses on "
    "either side before crews arrived, according to the fire department."
)
LAST = "Investigators have not yet said what caused the fire, and the street remained closed."


def test_datelines_of_one_site_are_not_removed_as_template(tmp_path):
    """Digits matter for dates: two datelines of one site differ, so neither is chrome."""
    site = "FOX Local News\nHome | News | Weather | Sports\n"
    stories = [("April 18, 2016, fox43.com", LEDE), ("April 14, 2016, fox59.com", MORE)]
    for n, (dateline, body) in enumerate(stories):
        (tmp_path / f"{n}.txt").write_text(f"{site}\n{dateline}\n\n{body}\n\n{LAST}\n", "utf-8")
    (tmp_path / "2.txt").write_text(f"{site}\nApril 11, 2016, fox43.com\n\n{LAST}\n\n{MORE}\n")
    docs = {d.source[-5:]: d for d in ingest_paths([tmp_path]).documents}
    assert docs["0.txt"].published == "2016-04-18"
    assert docs["1.txt"].published == "2016-04-14"
    assert docs["2.txt"].published == "2016-04-11"
    assert template_key("April 18, 2016, fox43.com") != template_key("April 14, 2016, fox59.com")
    groups = {"g": [f"{site}\n{d}\n\n{b}" for d, b in stories]}
    assert template_key("Home | News | Weather | Sports") in find_template_lines(groups)["g"]


def test_a_banner_is_not_a_title():
    text = (
        "Welcome Guest! You are here: Home » World\n\n"
        "Fire destroys three homes on east side\n\n"
        f"{LEDE}\n\n{MORE}\n\n{LAST}"
    )
    cleaned = clean_text(text)
    assert cleaned.meta.title == "Fire destroys three homes on east side"
    assert "Welcome Guest" not in cleaned.text


def test_part_two_stays_in_the_title():
    assert split_title("Life on the line – PART TWO") == ("Life on the line – PART TWO", None)
    assert split_title("The long road home - Part 2") == ("The long road home - Part 2", None)
    assert split_title("Fire destroys three homes | Daily Courier") == (
        "Fire destroys three homes",
        "Daily Courier",
    )
    meta = clean_text(f"Life on the line – PART TWO\n\n{LEDE}\n\n{MORE}").meta
    assert meta.title == "Life on the line – PART TWO" and meta.outlet is None


CHINESE = (
    "北京时间周二，中国国家统计局发布数据显示，十月份全国居民消费价格同比上涨百分之三点八，"
    "涨幅比上月扩大零点八个百分点，其中猪肉价格同比上涨一倍以上。",
    "统计局城市司首席统计师表示，猪肉价格上涨主要受生猪产能下降影响，"
    "随着各项稳产保供政策逐步落实，生猪生产有望逐步恢复。",
    "分析人士指出，食品价格上涨对整体物价的推动作用明显，但核心通胀仍然保持稳定，"
    "货币政策不会因此出现大幅调整。",
)


def test_a_chinese_article_is_kept(tmp_path):
    """The cleaner must not need English to see prose (UTF-8 and GB18030)."""
    page = "新闻 | 财经 | 体育\n\n物价数据公布\n\n" + "\n\n".join(CHINESE) + "\n\n版权所有 © 2019\n"
    (tmp_path / "utf8.txt").write_text(page, "utf-8")
    (tmp_path / "gb.txt").write_bytes(page.encode("gb18030"))
    result = ingest_paths([tmp_path])
    assert result.errors == []
    assert len(result.documents) == 1 and len(result.duplicates) == 1  # the same text, decoded
    for doc in result.documents:
        assert all(p[:20] in doc.text for p in CHINESE)
        assert doc.language == "zh"


def test_non_english_articles_are_kept():
    german = [
        "Die Stadtverwaltung hat am Dienstag beschlossen, die beiden Schulen im Norden der Stadt "
        "zum Ende des Schuljahres zu schließen, obwohl mehr als viertausend Bürger dagegen waren.",
        "Die Eltern kündigten an, gegen die Entscheidung vorzugehen, und forderten den Minister "
        "auf, sich mit dem Fall zu befassen.",
    ]
    text = "Startseite | Politik | Wirtschaft\n\nSchulen werden geschlossen\n\n" + "\n\n".join(
        german
    )
    cleaned = clean_text(text)
    assert cleaned.text == "\n\n".join(german)
    assert cleaned.meta.title == "Schulen werden geschlossen"


@needs_bench
def test_basil_articles_in_a_w3m_like_page_keep_their_body():
    lost = kept_chrome = 0
    articles = basil_articles(20)
    for article in articles:
        menu = "\n".join(f"  • {w}" for w in ("Home", "Politics", "World", "Business", "Opinion"))
        teasers = "\n".join(f"  • {a.title}" for a in articles[:5])
        page = (
            f"{menu}\n\n{article.title}\n\nBy Staff Writer\n{pretty_date(article.published)}\n\n"
            + "\n\n".join(article.paragraphs)
            + f"\n\nShare this story\n\nMore from Politics\n{teasers}\n\n© 2019 Example News\n"
        )
        cleaned = clean_text(page)
        lost += sum(p not in cleaned.text for p in article.paragraphs)
        kept_chrome += sum(
            c in cleaned.text for c in ("Share this story", "More from Politics", "© 2019")
        )
        assert cleaned.meta.title == article.title.strip()
    assert lost == 0 and kept_chrome == 0


# --- headlines: page chrome that reads like words is not the title -----------------------

HEADLINE = "Fire destroys three homes on east side"


@pytest.mark.parametrize(
    "chrome",
    [
        "Back to city families",
        "Flag of the city of Eastside",  # an image's alt text
        "Eastside city fire department logo",
    ],
)
def test_chrome_above_the_headline_is_not_the_title(chrome):
    """A headline that shares few words with the article ties with the chrome above
    it, and of tied lines the first would win: the chrome must not be a candidate."""
    headline = "Blaze leaves city families homeless"
    lede = f"{LEDE} The city fire department said the families would be housed."
    text = f"{chrome}\n\n{headline}\n\nNov. 19, 2019\n\n{lede}\n\n{MORE}\n\n{LAST}"
    assert clean_text(text).meta.title == headline


@pytest.mark.parametrize(
    "chrome",
    [
        "These are external links and will open in a new window",
        "Zurück zur Übersicht",
        "Retour aux actualités",
        "Supported by our readers",
    ],
)
def test_link_notes_and_back_links_are_chrome(chrome):
    from rashomon.ingest.headline import UI_TEXT_RE

    assert UI_TEXT_RE.search(chrome)
    assert not UI_TEXT_RE.search(HEADLINE)


def test_a_short_label_made_of_article_words_is_not_the_title():
    """A section label ("Fire department") shares all its words with the article as
    easily as it is short: its share of lede words counts over at least four words."""
    headline = "Blaze leaves three city families homeless"
    text = f"Fire department\n\n{headline}\n\nNov. 19, 2019\n\n{LEDE}\n\n{MORE}\n\n{LAST}"
    assert clean_text(text).meta.title == headline


def test_a_two_sentence_paragraph_is_not_the_title():
    """Two sentences above the headline (a teaser's summary, a note) are a paragraph,
    even when they share the article's words and sit next to the headline."""
    note = (
        "Firefighters were called to the east side of the city on Monday night. Three homes "
        "were destroyed and the street remained closed"
    )
    headline = "Blaze leaves city families homeless"
    text = f"{note}\n\n{headline}\n\nBy Ann Lee\n\n{LEDE}\n\n{MORE}\n\n{LAST}"
    assert clean_text(text).meta.title == headline


def test_a_headline_other_pages_also_print_is_the_title_beside_the_byline(tmp_path):
    """Other pages of the site list this article in their rails, so its headline is a
    cross-document line; printed beside the byline it is still this page's title."""
    site = "Home\nNews\nReviews\n"
    pages = {
        "0.txt": f"{site}\n{HEADLINE}\n\nChris Davies - Nov 19, 2019, 10:31 pm CST\n\n"
        f"{LEDE}\n\n{MORE}\n\n{LAST}\n",
        "1.txt": f"{site}\nCity council approves the new budget\n\nBy Ann Lee\n\n{MORE}\n\n"
        f"{LAST}\n\nMore stories\n\n{HEADLINE}\n",
        "2.txt": f"{site}\nBridge repairs to start in spring\n\nBy Ann Lee\n\n{LAST}\n\n{LEDE}\n\n"
        f"More stories\n\n{HEADLINE}\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, "utf-8")
    docs = {d.source[-5:]: d for d in ingest_paths([tmp_path]).documents}
    assert docs["0.txt"].title == HEADLINE
    assert docs["1.txt"].title == "City council approves the new budget"


# --- photo captions at the top of the article ---------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "In this photo issued by the city, firefighters stand outside one of the burned houses "
        "on the east side, Monday, Nov. 18, 2019. Three homes were destroyed in the blaze.",
        "Firefighters stand outside one of the burned houses on the east side of the city on "
        "Monday night, Nov. 18, 2019. (AP Photo/Jane Doe)",
        "Firefighters stand outside one of the burned houses on the east side of the city on "
        "Monday night, Nov. 18, 2019. Three homes were destroyed in the blaze. less",
        "Firefighters stand outside one of the burned houses on the east side of the city, "
        "November 18, 2019. ©  Reuters / Jane Doe",
    ],
)
def test_a_long_photo_caption_is_not_article_text(caption):
    text = f"{HEADLINE}\n\nNov. 19, 2019\n\n{caption}\n\n{LEDE}\n\n{MORE}\n\n{LAST}"
    cleaned = clean_text(text)
    assert "burned houses" not in cleaned.text
    assert LEDE in cleaned.text and LAST in cleaned.text
    assert cleaned.meta.published == "2019-11-19"  # and its date is not a teaser's


def test_a_paragraph_that_ends_in_more_or_less_is_kept():
    sentence = "The council said it would spend more on the fire service, not less."
    text = f"{HEADLINE}\n\nNov. 19, 2019\n\n{LEDE}\n\n{sentence}\n\n{MORE}\n\n{LAST}"
    assert sentence in clean_text(text).text


def test_dated_captions_do_not_make_the_header_a_list_of_teasers():
    """Three dated lines make a head zone a teaser list only when they are date lines;
    captions that mention their day are not."""
    captions = [
        f"In this photo firefighters stand outside a burned house on the east side, Nov. {day}, "
        "2019. ©  Reuters / Jane Doe"
        for day in (17, 18)
    ]
    text = (
        f"{HEADLINE}\n\nNov. 19, 2019\n\n{captions[0]}\n\n{captions[1]}\n\n"
        f"{LEDE}\n\n{MORE}\n\n{LAST}"
    )
    assert clean_text(text).meta.published == "2019-11-19"


def test_the_authors_note_closes_the_article():
    """ "Jane Doe is a freelance writer ..." ends the article: the teasers after it
    (headline and summary sentences, like an article's) are the site's other stories."""
    teasers = "\n\n".join(
        [
            "Council approves the new budget",
            "The city council approved next year's budget on Tuesday after a long debate "
            "about the cost of repairing the roads in the old town.",
            "Bridge repairs to start in spring",
            "Engineers said the repairs to the river bridge would take six months and that "
            "one lane would stay open to traffic throughout the works.",
        ]
    )
    text = (
        f"{HEADLINE}\n\nNov. 19, 2019\n\n{LEDE}\n\n{MORE}\n\n{LAST}\n\nAnn Lee\n\n"
        "Ann Lee is a freelance writer living in the city. Her work has appeared in several "
        f"regional papers.\n\n{teasers}\n"
    )
    cleaned = clean_text(text)
    assert LAST in cleaned.text
    assert "freelance writer" not in cleaned.text
    assert "river bridge" not in cleaned.text


def test_a_short_agency_copyright_line_stays_a_footer():
    """The caption rule reads long prose only: "© AFP 2019 All rights reserved" is the
    footer it always was (the HTML reader removes footers after the article, not captions)."""
    from rashomon.ingest import rules
    from rashomon.ingest.features import Line

    assert rules.strong_reason(Line("© AFP 2019 All rights reserved")) == rules.FOOTER
