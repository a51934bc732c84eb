"""Real article text wrapped in synthetic page chrome, for cleaner tests.

Articles come from the shared benchmarks (Wikinews TimeML files and BASIL
news articles); tests that use them skip when the folder is absent. The
chrome is written in wordings that differ from the cleaner's own examples
and is placed where sites put it (header, between paragraphs, footer), so
the tests measure the method rather than a phrase list.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

BENCH = Path(__file__).parents[2] / ".." / "shared" / "benchmarks"
WIKINEWS = BENCH / "semeval2015_timeline" / "SemEval_Task4_data"
BASIL = BENCH / "basil" / "articles"


@dataclass
class Article:
    title: str
    paragraphs: list[str]
    published: str | None = None


@dataclass
class Page:
    text: str
    article: Article
    chrome: list[str] = field(default_factory=list)  # lines that must go


def detokenise(text: str) -> str:
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (['’](?:s|t|re|ve|ll|d|m)\b|n't)", r"\1", text)
    text = re.sub(r"`` ?| ?''", '"', text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return re.sub(r"\s+", " ", text).strip()


def wikinews_articles(limit: int = 60) -> list[Article]:
    files = sorted(WIKINEWS.glob("corpus_*/corpus_trackA_TimeML/*.tml"))[:limit]
    articles = []
    for path in files:
        root = ElementTree.parse(path).getroot()
        sentences = [detokenise("".join(s.itertext())) for s in root.iter("s")]
        dct = root.find("DCT/TIMEX3")
        body = [s for s in sentences[2:] if s]
        if len(body) < 3:
            continue
        paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
        articles.append(
            Article(sentences[0], paragraphs, dct.get("value") if dct is not None else None)
        )
    return articles


_PROSE_END = re.compile(r"[.!?][\"'”’)]*$")


def basil_articles(limit: int = 60) -> list[Article]:
    files = sorted(BASIL.glob("*/*.json"))[:limit]
    articles = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p).strip() for p in data.get("body-paragraphs", [])]
        paragraphs = [re.sub(r"\s+", " ", p) for p in paragraphs if p.strip()]
        # BASIL bodies keep some scraping residue (headlines, "Site Mobile
        # Navigation"); only paragraphs that end as prose count as the body.
        paragraphs = [p for p in paragraphs if _PROSE_END.search(p) and len(p.split()) >= 3]
        if len(paragraphs) >= 2:
            articles.append(Article(data["title"].strip(), paragraphs, data.get("date")))
    return articles


NAV = [
    "Home > Business > Aviation",
    "News / World / Asia-Pacific",
    "Front page » Economy » Markets",
    "Top / Politics / Congress",
    "Main menu",
    "Search this site",
]
SHARE = [
    "Spread the word",
    "Email this story",
    "Follow us on Telegram",
    "Get the app",
    "Send to a friend",
    "Copy link",
    "Share on WhatsApp",
    "Bookmark this page",
    "Like us on Facebook",
    "Tweet this",
    "Get our daily briefing in your inbox",
]
COMMENTS = [
    "Join the conversation",
    "View comments (27)",
    "Leave a reply",
    "14 Comments",
    "Reader comments",
]
POLICY = [
    "We moderate all comments and remove posts that are abusive or off-topic.",
    "Please keep your comments respectful and on topic.",
]
WIDGETS = [
    "ADVERTISEMENT",
    "Sponsored",
    "Scroll to continue",
    "Loading…",
    "Skip ad",
    "Continue reading",
]
CREDITS = [
    "Photo: AFP",
    "(Reuters photo/John Smith)",
    "Image credit: Getty Images",
    "Picture: staff photographer",
]
RELATED = [
    "More from Business",
    "You might also like",
    "Read next",
    "Recommended for you",
    "Related coverage",
]
FOOTER = [
    "© 2019 Example Media Group",
    "All rights reserved.",
    "Terms of Use | Privacy Policy",
    "Contact us",
]
SITES = ["The Morning Ledger", "example-news.com", "Daily Courier"]


def wrap(article: Article, others: list[Article], rng: random.Random, site: str) -> Page:
    """One dirty page: the article's paragraphs kept verbatim, chrome around and
    between them. Returns the text and the chrome lines that must be removed."""
    chrome: list[str] = []
    head = [rng.choice(NAV), site, article.title]
    chrome += [head[0]]
    if rng.random() < 0.5:
        head.append("By Staff Writer | " + pretty_date(article.published))
    else:
        head.append(pretty_date(article.published))
    extra = rng.sample(SHARE, 2)
    head += extra
    chrome += extra
    body: list[str] = []
    for i, para in enumerate(article.paragraphs):
        body.append(para)
        if i == 0:
            w = rng.choice(WIDGETS)
            body.append(w)
            chrome.append(w)
        if i == 1 and len(article.paragraphs) > 3:
            caption = f"{others[0].title} in a file picture"
            credit = rng.choice(CREDITS)
            body += [caption, f"Photo: {caption}", credit]
            chrome += [caption, f"Photo: {caption}", credit]
        if i == 2 and len(article.paragraphs) > 4:
            teaser = f"Read more: {others[1].title}"
            body.append(teaser)
            chrome.append(teaser)
    foot = rng.sample(SHARE, 2) + [rng.choice(COMMENTS), rng.choice(POLICY), rng.choice(RELATED)]
    foot += [o.title for o in others[2:5]] + rng.sample(FOOTER, 2)
    chrome += [line for line in foot if line]
    text = "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(foot) + "\n"
    return Page(text, article, chrome)


def pretty_date(iso: str | None) -> str:
    if not iso:
        return "Monday, March 4, 2019"
    year, month, day = iso[:10].split("-")
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    return f"{months[int(month) - 1]} {int(day)}, {year}"


def wrapped_pages(articles: list[Article], seed: int = 7) -> list[Page]:
    rng = random.Random(seed)
    pages = []
    for i, article in enumerate(articles):
        others = [articles[(i + k) % len(articles)] for k in range(1, 6)]
        pages.append(wrap(article, others, rng, SITES[i % len(SITES)]))
    return pages
