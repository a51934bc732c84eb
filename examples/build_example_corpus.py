"""Regenerate the bundled example corpus, ``examples/corpus/``.

The corpus is nine real Wikinews articles (CC BY 2.5, Wikinews contributors) about
the US Air Force aerial-refuelling tanker contract and the Airbus/EADS-Boeing
rivalry around it. The article texts come from the SemEval-2015 Task 4 TimeLine
data (corpus_1, "airbus"), which stores them as tokenised TimeML sentences; this
script detokenises them (:func:`detokenise`) and saves each one the way a user
would have saved it from a different site: plain-text page dumps, HTML pages, a
Markdown note and a JSONL feed, wrapped in *synthetic* page furniture (site
names, breadcrumbs, share prompts, comments, related stories). The site names are
invented and marked as examples; only the article bodies are Wikinews text.

It also writes two deliberately broken files (an empty file and a binary blob
named ``.html``), one byte-identical duplicate, ``examples/corpus_manifest.json``
(what a correct ingest should find in every file) and ``examples/ATTRIBUTION.md``.

Usage (from the repository root)::

    python examples/build_example_corpus.py [--source ../shared/benchmarks]

The output is deterministic: running it twice gives byte-identical files. The
generated files are committed, so the corpus works without ``../shared``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
MANIFEST = HERE / "corpus_manifest.json"
ATTRIBUTION = HERE / "ATTRIBUTION.md"
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "benchmarks"
SEMEVAL_CORPUS = Path("semeval2015_timeline/SemEval_Task4_data/corpus_1")

LICENSE = "CC BY 2.5 (Wikinews contributors)"
LICENSE_URL = "https://creativecommons.org/licenses/by/2.5/"

# --------------------------------------------------------------------------------------
# Detokenisation
# --------------------------------------------------------------------------------------

CURLY = ("\u201c", "\u201d")
STRAIGHT = ('"', '"')

_RULES: list[tuple[re.Pattern[str], str]] = [
    # wiki image residue at the start of a sentence: "150px Airbus ..." -> "Airbus ..."
    (re.compile(r"^\d+px "), ""),
    # wiki indentation residue: a leading ": " and a doubled ": :" (definition-list markup)
    (re.compile(r"^: "), ""),
    (re.compile(r" : : "), " : "),
    # a closing-quote token glued to the next word opens a quotation: "''I' d" -> "`` I' d"
    (re.compile(r"(^| )''(?=\w)"), r"\1`` "),
    # contractions split inside the word: "I' ll", "I' m", "I' d" -> "I'll", "I'm", "I'd"
    (re.compile(r"(\w)' (ll|m|d|ve|re|s|t)\b"), r"\1'\2"),
    # clitics split off by the tokeniser: "do n't", "ca n't", "EADS 's", "We 've"
    (re.compile(r" n't\b"), "n't"),
    (re.compile(r" '(s|re|ve|ll|m|d)\b"), r"'\1"),
    # the corpus writes the pound sign as "#": "GB # 20.1" -> "GB£ 20.1"
    (re.compile(r"\bGB #"), "GB\u00a3"),
    # currency symbols glued to the amount: "US$ 40", "USD$ 23", "$ 7.3", "£ 13"
    (re.compile(r"(US\$|USD\$|GB\u00a3|\$|\u00a3|\u20ac) (?=\d)"), r"\1"),
    # "60 %" -> "60%", "15,599 th" -> "15,599th"
    (re.compile(r"(\d) %"), r"\1%"),
    (re.compile(r"(\d) (st|nd|rd|th)\b"), r"\1\2"),
    # brackets: "( EADS )" -> "(EADS)", "bill ] ignores" -> "bill] ignores"
    (re.compile(r"([(\[]) "), r"\1"),
    (re.compile(r" ([)\]])"), r"\1"),
]

_SPACE_BEFORE_PUNCT = re.compile(r" ([.,;:!?])")


def detokenise(tokens: str, quotes: tuple[str, str] = STRAIGHT) -> str:
    """Turn one tokenised TimeML sentence back into ordinary text.

    The SemEval/MEANTIME TimeML files hold Penn-Treebank-style tokens separated by
    single spaces. This undoes that:

    * no space before ``. , ; : ! ?`` and ``)``/``]``, none after ``(``/``[``
      (``"( EADS )"`` -> ``"(EADS)"``); an ellipsis sticks to the word before it;
    * clitics rejoin their word: ``"EADS 's"`` -> ``"EADS's"``, ``"do n't"`` ->
      ``"don't"``, ``"We 've"`` -> ``"We've"``, and the split contractions
      ``"I' ll"``/``"I' m"``/``"I' d"`` -> ``"I'll"``/``"I'm"``/``"I'd"``;
    * PTB quotes `````` and ``''`` become ``quotes`` (open, close): straight
      ``"..."`` or curly; the opening quote sticks to the next word, the closing one
      to the previous (``"shocked"``). A ``''`` glued to the start of a word (a
      corpus typo) is read as an opening quote;
    * currencies and units: ``"US$ 40"`` -> ``"US$40"``, ``"$ 7.3"`` -> ``"$7.3"``,
      ``"GB # 20.1"`` -> ``"GB£20.1"`` (the corpus writes £ as ``#``), ``"60 %"`` ->
      ``"60%"``, ``"15,599 th"`` -> ``"15,599th"``;
    * MediaWiki residue: a leading image size (``"150px "``) and the ``":"``
      indentation markup (a leading ``": "``, a doubled ``": :"``) are dropped.

    Spelling mistakes of the original (``"transplort"``, ``"procced"``) are kept;
    ``" -- "`` dashes are kept as they are. XML entities (``&amp;``) are expected to
    be decoded already (the XML parser does it).
    """
    s = " ".join(tokens.split())
    for pattern, repl in _RULES:
        s = pattern.sub(repl, s)
    open_q, close_q = quotes
    out: list[str] = []
    glue_next = False
    for tok in s.split(" "):
        if tok == "``":
            out.append(open_q)
            glue_next = True
            continue
        if tok == "''":
            if out:
                out[-1] += close_q
            else:
                out.append(close_q)
            continue
        if glue_next and out:
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = False
    s = " ".join(out)
    s = _SPACE_BEFORE_PUNCT.sub(r"\1", s)
    return s


# --------------------------------------------------------------------------------------
# Reading the source articles
# --------------------------------------------------------------------------------------


@dataclass
class Article:
    doc_id: str
    title: str
    date: dt.date
    url: str
    quotes: str  # "curly" or "straight"
    sentences: list[str] = field(default_factory=list)
    paragraphs: list[list[str]] = field(default_factory=list)

    @property
    def body_paragraphs(self) -> list[str]:
        return [" ".join(p) for p in self.paragraphs]

    @property
    def body(self) -> str:
        return "\n\n".join(self.body_paragraphs)


def _paragraphs(raw: list[str], quotes: tuple[str, str]) -> list[list[str]]:
    """Group body sentences into paragraphs (the TimeML files keep no paragraph breaks).

    Rule: at most three sentences per paragraph, but never break inside an open
    quotation (up to six sentences); a sentence that starts with the wiki
    indentation mark ``":"`` (a quoted e-mail in one article) starts a paragraph,
    which ends when its quotation closes.
    """
    paragraphs: list[list[str]] = []
    current: list[str] = []
    open_quotes = 0
    in_block = False
    for tok in raw:
        indented = tok.startswith(": ")
        if current and indented:
            paragraphs.append(current)
            current, open_quotes = [], 0
        current.append(detokenise(tok, quotes))
        words = tok.split()
        open_quotes += words.count("``") - words.count("''")
        open_quotes += len(re.findall(r"(?:^| )''(?=\w)", tok))  # glued opening quote
        in_block = in_block or indented
        if (
            (in_block and open_quotes <= 0)
            or len(current) >= 6
            or (len(current) >= 3 and open_quotes <= 0)
        ):
            paragraphs.append(current)
            current, open_quotes, in_block = [], 0, False
    if current:
        paragraphs.append(current)
    return paragraphs


def load_article(source: Path, doc_id: str, quotes: str) -> Article:
    base = source / SEMEVAL_CORPUS
    (tml,) = (base / "corpus_trackA_TimeML").glob(f"{doc_id}_*.tml")
    (cat,) = (base / "corpus_trackA_CAT").glob(f"{doc_id}_*.xml")
    root = ET.parse(tml).getroot()
    q = CURLY if quotes == "curly" else STRAIGHT
    value = root.find("DCT/TIMEX3").get("value")
    title = detokenise(root.findtext("EXTRAINFO"), q)
    raw = ["".join(s.itertext()) for s in root.find("TEXT").findall("s")]
    # sentence 0 repeats the title, sentence 1 is the dateline ("March 01 , 2008")
    body_raw: list[str] = []
    for tok in raw[2:]:
        # one sentence holds a lead-in and the first quoted e-mail, joined by ": :"
        parts = tok.split(" : : ")
        body_raw.append(parts[0] + (" :" if len(parts) > 1 else ""))
        body_raw.extend(": " + p for p in parts[1:])
    url = ET.parse(cat).getroot().get("src_url")
    art = Article(doc_id, title, dt.date.fromisoformat(value), url, quotes)
    art.paragraphs = _paragraphs(body_raw, q)
    art.sentences = [s for p in art.paragraphs for s in p]
    return art


# --------------------------------------------------------------------------------------
# Page furniture (synthetic)
# --------------------------------------------------------------------------------------


def long_date(d: dt.date) -> str:
    return f"{d:%A}, {d:%B} {d.day}, {d.year}"


def month_day_year(d: dt.date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


@dataclass
class Output:
    path: str
    format: str
    content: bytes
    entry: dict


def _entry(
    art: Article,
    path: str,
    fmt: str,
    outlet: str | None,
    outlet_from: str | None,
    boilerplate: list[str],
    **extra,
) -> dict:
    entry = {
        "path": path,
        "format": fmt,
        "status": "ok",
        "source_doc_id": art.doc_id,
        "title": art.title,
        "published": art.date.isoformat(),
        "outlet": outlet,
        "outlet_stated_in": outlet_from,
        "url": art.url,
        "license": LICENSE,
        "quotes": art.quotes,
        "boilerplate_lines": boilerplate,
        "inline_markers": [],
        "body_paragraphs": art.body_paragraphs,
        "body_sentences": art.sentences,
    }
    entry.update(extra)
    return entry


def _txt(lines: list[str]) -> bytes:
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def wire_txt(art: Article, path: str) -> Output:
    """A plain-text dump from an invented wire site, with a repeated photo caption."""
    caption = "Photo: An aerial refuelling tanker on the flight line. (File photo, example caption)"
    head = [
        "EXAMPLE WIRE | example-wire.org (example site)",
        "You are here: News / Business / Defense",
        art.title,
        f"{long_date(art.date)} 4:12 PM, example-wire.org",
        "By Wikinews staff",
        "Share this article: Facebook | X | LinkedIn | Email",
        caption,
    ]
    tail = [
        caption,
        "Print this story",
        "Comments (4)",
        "Sign up for our newsletter: the day's defense and aerospace headlines, every morning.",
        "Related stories",
        "- Government Accountability Office requests rerun of US Air Force tanker bid",
        "- Airbus parent EADS wins \u00a313 billion UK RAF airtanker contract",
        "- Internal emails expose Boeing-Air Force contract discussions",
        "\u00a9 Example Wire. Article text: Wikinews, CC BY 2.5.",
    ]
    lines = head + [""]
    for p in art.body_paragraphs:
        lines += [p, ""]
    lines += tail
    bp = [x for x in head if x != art.title] + tail
    entry = _entry(
        art,
        path,
        "txt",
        "Example Wire",
        "site-name line",
        bp,
        author="Wikinews staff",
        title_line=art.title,
    )
    return Output(path, "txt", _txt(lines), entry)


def wikinews_txt(art: Article, path: str) -> Output:
    """A copy-paste of the Wikinews page itself: wiki residue, [edit] links, citation
    markers, a Sources/External links section and the category footer."""
    markers = {0: "[1]", 3: "[2]", 7: "[1]"}
    paras = []
    used = []
    for i, p in enumerate(art.body_paragraphs):
        if i in markers:
            paras.append(p + markers[i])
            used.append({"paragraph": i, "marker": markers[i], "position": "end"})
        else:
            paras.append(p)
    head = [
        art.title,
        "From Wikinews, the free news source you can write!",
        "Jump to: navigation, search",
        long_date(art.date),
        "[edit]",
    ]
    caption = "Image: A Boeing KC-767 tanker (example caption, image not included)"
    tail = [
        "Related news[edit]",
        "* Boeing allowed to bid for U.S. space launch contracts again",
        "Sources[edit]",
        '* [1] "Congressional Record, United States Senate" (example citation line). '
        "November 2004.",
        '* [2] "Statements on the tanker lease" (example citation line). November 2004.',
        "External links[edit]",
        "* Congressional Record - congress.gov",
        "* Project on Government Oversight - pogo.org",
        caption,
        f'Retrieved from "{art.url}"',
        "Categories: North America | United States | Politics and conflicts | Aviation",
        "This page was last modified on 24 November 2004. Text is available under CC BY 2.5.",
    ]
    lines = head + ["", caption, ""]
    for p in paras:
        lines += [p, ""]
    lines += tail
    bp = [x for x in head if x != art.title] + [caption] + tail
    entry = _entry(art, path, "txt", "Wikinews", "wiki boilerplate line", bp, title_line=art.title)
    entry["inline_markers"] = used
    return Output(path, "txt", _txt(lines), entry)


def blog_txt(art: Article, path: str) -> Output:
    """A plain-text dump from an invented contracting blog, other wording throughout."""
    caption = "Caption: A Delta IV rocket on the launch pad. (Example caption)"
    head = [
        "Contract Watch (example site) - contract-watch.example",
        "Home \u203a World \u203a Americas",
        f"Posted {long_date(art.date)} 9:30 AM, contract-watch.example",
        art.title,
        "Print | Email | Share",
        caption,
    ]
    tail = [
        caption,
        "Comments (12) - Log in to join the discussion.",
        "Get the Contract Watch weekly digest in your inbox. Subscribe now!",
        "Read next:",
        "  * Internal emails expose Boeing-Air Force contract discussions",
        "  * Northrop Grumman and Airbus parent EADS defeat Boeing for $40 billion US "
        "airtanker contract",
        "Contract Watch is an example site. Story: Wikinews (CC BY 2.5).",
    ]
    lines = head + [""]
    for p in art.body_paragraphs:
        lines += [p, ""]
    lines += tail
    bp = [x for x in head if x != art.title] + tail
    entry = _entry(art, path, "txt", "Contract Watch", "site-name line", bp, title_line=art.title)
    return Output(path, "txt", _txt(lines), entry)


def html_page(
    art: Article,
    path: str,
    site: str,
    domain: str,
    section: str,
    published_time: str,
    comments: list[tuple[str, str]],
) -> Output:
    """A full HTML page: head metadata, nav, header, share buttons, article, comments,
    footer. Every visible string outside <article> is recorded as boilerplate."""

    def e(text: str) -> str:  # attribute values and text nodes alike
        return html.escape(text, quote=True).replace("&#x27;", "'")

    nav = ["Home", "World", "Business", "Defense", "Aerospace", "Opinion"]
    share = ["Share on Facebook", "Share on X", "Email this", "Print"]
    byline = f"By Wikinews contributors | {month_day_year(art.date)}"
    related = [
        "Northrop Grumman and Airbus parent EADS defeat Boeing for $40 billion US "
        "airtanker contract",
        "Internal emails expose Boeing-Air Force contract discussions",
    ]
    footer = [
        f"\u00a9 {site}. This is an example site made for the Rashomon demo corpus.",
        "Article text: Wikinews, CC BY 2.5.",
        "About | Contact | Privacy",
    ]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(art.title)} | {e(site)}</title>",
        f'<meta property="og:site_name" content="{e(site)}">',
        f'<meta property="og:title" content="{e(art.title)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="https://{domain}/{section.lower()}/{art.doc_id}">',
        f'<meta property="article:published_time" content="{published_time}">',
        '<meta name="author" content="Wikinews contributors">',
        f'<link rel="canonical" href="https://{domain}/{section.lower()}/{art.doc_id}">',
        '<link rel="stylesheet" href="/static/site.css">',
        "<script>window.dataLayer = window.dataLayer || [];</script>",
        "</head>",
        "<body>",
        '<header class="site-header">',
        f'  <a class="logo" href="/">{e(site)}</a>',
        '  <nav class="main-nav"><ul>',
        *[f'    <li><a href="/{n.lower()}">{n}</a></li>' for n in nav],
        "  </ul></nav>",
        "</header>",
        "<main>",
        f'<div class="breadcrumb"><a href="/">Home</a> &rsaquo; {e(section)}</div>',
        "<article>",
        f"  <h1>{e(art.title)}</h1>",
        f'  <p class="byline">{e(byline)}</p>',
        '  <div class="share">',
        *[f'    <a class="share-btn" href="#">{s}</a>' for s in share],
        "  </div>",
        *[f"  <p>{e(p)}</p>" for p in art.body_paragraphs],
        "</article>",
        '<aside class="related"><h2>Related coverage</h2><ul>',
        *[f'  <li><a href="#">{e(r)}</a></li>' for r in related],
        "</ul></aside>",
        '<section id="comments">',
        f"  <h2>Comments ({len(comments)})</h2>",
    ]
    for who, text in comments:
        out += [
            '  <div class="comment">',
            f'    <span class="comment-author">{e(who)}</span>',
            f"    <p>{e(text)}</p>",
            "  </div>",
        ]
    out += [
        '  <form class="comment-form"><textarea placeholder="Add a comment"></textarea>'
        "<button>Post comment</button></form>",
        "</section>",
        "</main>",
        '<footer class="site-footer">',
        *[f"  <p>{e(f)}</p>" for f in footer],
        "</footer>",
        "</body>",
        "</html>",
    ]
    bp = [
        site,
        *nav,
        "Home \u203a " + section,
        byline,
        *share,
        "Related coverage",
        *related,
        f"Comments ({len(comments)})",
    ]
    for who, text in comments:
        bp += [who, text]
    bp += ["Post comment", *footer]
    entry = _entry(
        art,
        path,
        "html",
        site,
        "og:site_name",
        bp,
        author="Wikinews contributors",
        published_stated=published_time,
    )
    return Output(path, "html", _txt(out), entry)


def markdown_note(art: Article, path: str) -> Output:
    """A Markdown note from an invented blog: '# Title', a dateline, the body, a footer."""
    dateline = f"*Airframe Notes (example blog) \u00b7 {month_day_year(art.date)}*"
    footer = f"*Reposted from Wikinews under CC BY 2.5: <{art.url}>*"
    lines = [f"# {art.title}", "", dateline, ""]
    for p in art.body_paragraphs:
        lines += [p, ""]
    lines += ["---", "", footer]
    entry = _entry(art, path, "md", "Airframe Notes", "dateline", [dateline, "---", footer])
    return Output(path, "md", _txt(lines), entry)


def jsonl_feed(arts: list[Article], path: str) -> Output:
    """A JSONL feed export, one article per line, with Wikinews metadata."""
    records = []
    entries = []
    for i, art in enumerate(arts, 1):
        rec = {
            "title": art.title,
            "url": art.url,
            "outlet": "Wikinews",
            "published": art.date.isoformat(),
            "text": art.body,
        }
        records.append(json.dumps(rec, ensure_ascii=False))
        e = _entry(art, f"{path}#{i}", "jsonl", "Wikinews", "jsonl field", [], line=i)
        entries.append(e)
    content = ("\n".join(records) + "\n").encode("utf-8")
    entry = {"path": path, "format": "jsonl", "status": "ok", "records": entries}
    return Output(path, "jsonl", content, entry)


def garbled_bytes(n: int = 384) -> bytes:
    """Deterministic binary junk with NUL bytes and invalid UTF-8 (a 'saved' page that
    is really a broken download)."""
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
    counter = 0
    while len(data) < n:
        data += hashlib.sha256(b"rashomon-garbled-%d" % counter).digest()
        data += b"\x00\xff\xfe\x00"
        counter += 1
    return data[:n]


# --------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------

# doc id -> quote style; the order is the order in ATTRIBUTION.md
ARTICLES = {
    "1173": "straight",  # 2004-11-24 Internal emails expose Boeing-Air Force contract talks
    "4764": "straight",  # 2005-02-17 Boeing unveils long-range 777 (rivalry)
    "5403": "straight",  # 2005-03-06 Boeing allowed to bid for space launches again
    "61389": "straight",  # 2007-02-28 Airbus announces job cuts of 10,000
    "100911": "curly",  # 2008-03-01 Northrop Grumman/EADS defeat Boeing
    "102977": "curly",  # 2008-03-27 EADS wins UK RAF airtanker contract
    "106653": "curly",  # 2008-05-24 Boeing pushes back 737 replacement (rivalry)
    "108294": "curly",  # 2008-07-02 GAO requests rerun of tanker bid
    "149731": "straight",  # 2010-01-25 A400M maiden flight problem
}


def build(source: Path) -> list[Output]:
    arts = {i: load_article(source, i, q) for i, q in ARTICLES.items()}
    outs = [
        wire_txt(arts["100911"], "wire/northrop_eads_defeat_boeing.txt"),
        wikinews_txt(arts["1173"], "wikinews/internal_emails_boeing_air_force.txt"),
        blog_txt(arts["5403"], "blogs/contract-watch/boeing_space_launch_bids.txt"),
        html_page(
            arts["108294"],
            "web/defense-desk/gao-tanker-rerun.html",
            "Defense Desk (example site)",
            "defense-desk.example",
            "Defense",
            "2008-07-02T14:05:00+00:00",
            [
                ("skyhawk77", "Told you this would end up in a rerun."),
                ("mobile_resident", "Hope the Alabama plant still goes ahead."),
            ],
        ),
        html_page(
            arts["102977"],
            "web/euro-aero-daily/eads-raf-airtanker.html",
            "Euro Aero Daily (example site)",
            "euro-aero-daily.example",
            "Aerospace",
            "2008-03-27T08:30:00+00:00",
            [
                ("planespotter", "Fourteen aircraft for 27 years, interesting model."),
                ("j.m.", "Good news for the Rolls-Royce plants."),
                ("anon", "First comment!"),
            ],
        ),
        markdown_note(arts["149731"], "blogs/airframe-notes/a400m-software-glitch.md"),
        jsonl_feed([arts["4764"], arts["106653"], arts["61389"]], "feeds/feed.jsonl"),
        *retellings(),
    ]
    original = outs[0]
    dup_path = "wire/copy_of_northrop_eads_defeat_boeing.txt"
    dup_entry = dict(original.entry, path=dup_path, status="duplicate", duplicate_of=original.path)
    outs.append(Output(dup_path, "txt", original.content, dup_entry))
    outs.append(
        Output(
            "broken/empty.txt",
            "txt",
            b"",
            {"path": "broken/empty.txt", "format": "txt", "status": "skip", "reason": "empty file"},
        )
    )
    outs.append(
        Output(
            "broken/garbled.html",
            "html",
            garbled_bytes(),
            {
                "path": "broken/garbled.html",
                "format": "html",
                "status": "skip",
                "reason": "binary content (NUL bytes, not valid UTF-8)",
            },
        )
    )
    return outs


# Reports of the 29 February 2008 tanker award written for this demo, in the way other
# outlets told it, so that the comparison has several sources on one happening: they
# agree on the 179 tankers and the Mobile plant and differ on the contract's value
# ($35 billion vs $40 billion); one copies a paragraph of the wire story. Invented
# text about a real event, marked as such in ATTRIBUTION.md; no evaluation uses it.
RETELLINGS = [
    (
        "retellings/capitol-ledger/tanker_award.txt",
        "CAPITOL LEDGER | capitol-ledger.example (example site)",
        "Air Force picks Northrop-EADS team for $35 billion tanker deal",
        dt.date(2008, 2, 29),
        [
            "WASHINGTON (Capitol Ledger) - The Air Force on Friday awarded a $35 billion "
            "contract to build 179 aerial refueling tankers to Northrop Grumman and EADS, the "
            "European parent of Airbus, rejecting a rival bid from Boeing.",
            "The tankers, based on the Airbus A330 airliner, will replace a fleet of KC-135 "
            "aircraft that first flew in the 1950s, Air Force officials said.",
            "Boeing spokesman William Barksdale said the company was very disappointed and "
            "would review the details behind the award before deciding on its options.",
            "Lawmakers from Washington state and Kansas, where Boeing had planned to build "
            "its tanker, criticized the decision. Kansas senator Sam Brownback said he "
            "expected Boeing to protest the award.",
            "The first four aircraft will be assembled in Toulouse, France, before production "
            "moves to a plant in Mobile, Alabama.",
        ],
    ),
    (
        "retellings/gulf-coast-courier/mobile_celebrates.txt",
        "GULF COAST COURIER | gulf-coast-courier.example (example site)",
        "Mobile celebrates as Northrop Grumman and EADS take tanker contract",
        dt.date(2008, 3, 1),
        [
            "MOBILE, Ala. (Gulf Coast Courier) - Alabama officials celebrated on Saturday "
            "after the Air Force chose Northrop Grumman and EADS to supply 179 aerial "
            "refueling tankers under a $40 billion contract.",
            "Most of the tankers will be assembled at a new plant in Mobile, which is "
            "expected to create 1,500 to 2,000 jobs, state officials said.",
            "Governor Bob Riley called it one of the greatest days in the history of "
            "Alabama.",
            "Boeing, which had promised 44,000 jobs at suppliers in 40 states, has not "
            "said whether it will challenge the decision. Company spokesman William "
            "Barksdale said Boeing would review the award first.",
        ],
    ),
    (
        "retellings/contract-watch/tanker_value.txt",
        "CONTRACT WATCH | contract-watch.example (example site)",
        "What the tanker deal is really worth",
        dt.date(2008, 3, 2),
        [
            "The headline figure for the new Air Force tanker hides most of its cost.",
            "JSA Research defence analysist Paul Nesbit said that Maintenance, Repair and "
            "Overhaul (MRO) operations across the aircraft's fifty-year service life could "
            "push the value of the contract as high as US$100 billion.",
            "That is a reminder that the fight between Boeing and the Northrop Grumman and "
            "EADS team is far from over, whatever the Air Force decided this week.",
        ],
    ),
]


def retellings() -> list[Output]:
    outs = []
    for path, outlet, title, day, paragraphs in RETELLINGS:
        lines = [outlet, "", title, month_day_year(day), "", *[p + "\n" for p in paragraphs]]
        entry = {
            "path": path,
            "format": "txt",
            "status": "ok",
            "source_doc_id": None,
            "title": title,
            "published": day.isoformat(),
            "outlet": outlet,
            "outlet_stated_in": "site line",
            "url": None,
            "license": "synthetic demonstration text, CC0",
            "quotes": "straight",
            "boilerplate_lines": [],
            "inline_markers": [],
            "body_paragraphs": [[p] for p in paragraphs],
            "body_sentences": paragraphs,
        }
        outs.append(Output(path, "txt", _txt(lines), entry))
    return outs


def attribution(arts: list[Article], where: dict[str, str]) -> str:
    lines = [
        "# Attribution for the example corpus",
        "",
        "The article texts in `examples/corpus/` are news articles from **Wikinews**",
        "(https://en.wikinews.org), by Wikinews contributors, licensed under the",
        f"Creative Commons Attribution 2.5 license ({LICENSE_URL}).",
        "",
        "They were taken from the SemEval-2015 Task 4 TimeLine data set (corpus_1,",
        '"airbus"; (c) 2015 FBK, VUA, EHU, CC BY 3.0), which redistributes these Wikinews',
        "articles as tokenised TimeML.",
        "",
        "## Changes made",
        "",
        "- The tokenised sentences were detokenised (spacing around punctuation,",
        "  quotes, clitics and currency symbols restored; the corpus's `#` for the pound",
        "  sign written as `\u00a3`; the MediaWiki residue `150px` and `:` indentation",
        "  removed). See `detokenise()` in `examples/build_example_corpus.py`.",
        "- Sentences were grouped into paragraphs by a fixed rule (the source keeps no",
        "  paragraph breaks). The title line and the dateline line were moved into the",
        "  page furniture. The original spelling mistakes were kept.",
        "- Each article was wrapped in **synthetic page furniture**: site names,",
        "  breadcrumbs, bylines, share/print/newsletter prompts, photo captions,",
        "  comments, related-story lists, footers, wiki-style `[edit]` links, citation",
        "  markers and example `Sources` lines. All of it was invented for this demo.",
        "  The sites (Example Wire, Contract Watch, Defense Desk, Euro Aero Daily,",
        "  Airframe Notes) are **invented example sites**, not real publications; the",
        "  `.example` domains do not exist. Only the article bodies are Wikinews text.",
        "- The reader comments in the HTML pages are invented.",
        "- `retellings/` holds three short reports **written for this demo** (CC0) about",
        "  the 29 February 2008 award told by the Wikinews article above, in the way",
        "  other outlets reported it, so that `rashomon compare` has several sources on",
        "  one happening: they agree on the 179 tankers and the Mobile plant, differ on",
        "  the contract's value ($35 billion vs $40 billion), and one copies a paragraph",
        "  of the wire story. The sites are invented; the text is not Wikinews and no",
        "  benchmark uses it.",
        "- `broken/` holds two deliberately broken files and `wire/copy_of_*.txt` is a",
        "  deliberate byte-identical duplicate; they contain no additional text.",
        "",
        "## Articles",
        "",
        "| Title | Wikinews URL | Date | License | File in `examples/corpus/` |",
        "|---|---|---|---|---|",
    ]
    for a in arts:
        title = a.title.replace("|", "\\|")
        lines.append(
            f"| {title} | <{a.url}> | {a.date.isoformat()} | {LICENSE} | `{where[a.doc_id]}` |"
        )
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=Path(os.environ.get("RASHOMON_BENCHMARKS", DEFAULT_SOURCE)),
        help="the shared benchmarks folder (default: ../shared/benchmarks)",
    )
    args = parser.parse_args(argv)
    if not (args.source / SEMEVAL_CORPUS).is_dir():
        print(f"error: {args.source / SEMEVAL_CORPUS} not found", file=sys.stderr)
        return 1
    outs = build(args.source)
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    for o in outs:
        target = CORPUS / o.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(o.content)
    manifest = {
        "description": "What a correct ingest of examples/corpus/ should find, file by file. "
        "Paths are relative to examples/corpus/. 'published' is the ISO date of the "
        "article (the Wikinews date). 'boilerplate_lines' are the synthetic lines "
        "wrapped around the body; 'inline_markers' are citation markers appended to "
        "body paragraphs; 'body_sentences' are the exact Wikinews sentences.",
        "license": LICENSE,
        "files": [o.entry for o in sorted(outs, key=lambda o: o.path)],
    }
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    arts = [load_article(args.source, i, q) for i, q in ARTICLES.items()]
    where: dict[str, str] = {}
    for o in outs:
        for rec in o.entry.get("records", [o.entry]):
            if rec.get("status") == "ok" and rec.get("source_doc_id"):
                where.setdefault(rec["source_doc_id"], rec["path"])
    ATTRIBUTION.write_text(attribution(arts, where), "utf-8")
    print(f"wrote {len(outs)} files under {CORPUS}, {MANIFEST.name}, {ATTRIBUTION.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
