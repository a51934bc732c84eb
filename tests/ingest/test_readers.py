"""Format readers: Markdown, HTML and JSONL."""

from pathlib import Path

from rashomon.ingest.htmltext import NoTextError, html_to_text
from rashomon.ingest.markdown import markdown_to_text
from rashomon.ingest.readers import READERS, outlet_from_url, read_jsonl

P1 = "Government forces retook the northern town on Sunday after three days of fighting."
P2 = "The United Nations called for an immediate ceasefire and access for aid convoys."


def test_registry_covers_the_promised_suffixes():
    assert {".txt", ".html", ".htm", ".md", ".jsonl"} <= set(READERS)


def test_markdown_strips_markup_and_takes_first_heading_as_title():
    md = (
        "# Army *retakes* town\n\n"
        "![soldiers](img/a.jpg)\n\n"
        f"**Government forces** retook the [northern town](http://x.org/t) on Sunday after "
        "three days of fighting.\n\n"
        "## Reaction\n\n"
        f"> {P2}\n\n"
        "- first point\n"
        "[1]: http://example.org\n"
    )
    text, meta = markdown_to_text(md)
    assert meta.title == "Army retakes town"
    assert P1 in text and P2 in text
    assert "Reaction" in text and "first point" in text
    for markup in ("#", "*", "](", "![", "http", "> "):
        assert markup not in text


def test_markdown_front_matter():
    text, meta = markdown_to_text(f"---\ntitle: Town retaken\ndate: 2019-03-04\n---\n{P1}\n")
    assert (meta.title, meta.published, text) == ("Town retaken", "2019-03-04", P1)


HTML = f"""<html><head><title>Army retakes town | Daily Example</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2019-03-04T10:12:00Z"></head>
<body><nav><a href="/">Home</a> › <a href="/world">World</a></nav>
<article><h1>Army retakes town</h1><p>{P1} Residents began returning to their homes.</p>
<p>{P2}</p><p>He denied it.</p></article>
<footer>Copyright 2019 Daily Example</footer></body></html>"""


def test_html_text_and_metadata():
    text, meta = html_to_text(HTML)
    assert P1 in text and P2 in text
    assert "\n\n" in text  # paragraphs separated by blank lines
    assert "Home" not in text and "Copyright" not in text
    assert meta.title == "Army retakes town"
    assert meta.author == "Jane Doe"
    assert meta.outlet == "Daily Example"
    assert meta.published == "2019-03-04"


def test_html_without_text_is_an_error():
    for html in ("<html><body><script>var x = 1;</script></body></html>", "<html><div", "plain"):
        try:
            html_to_text(html)
        except NoTextError as exc:
            assert str(exc)
        else:
            raise AssertionError(f"no error for {html!r}")


def test_outlet_from_url():
    assert outlet_from_url("https://www.example.co.uk/news/1") == "example.co.uk"
    assert outlet_from_url("example.org/x") == "example.org"


def test_jsonl_lines_load_independently():
    lines = [
        f'{{"text": "{P1}", "url": "https://www.example.com/a", "published": "March 4, 2019"}}',
        f'{{"text": "{P2}", "outlet": "Daily Example", "title": "T" ',
        '{"title": "no text here"}',
        "[1, 2]",
        "",
        f'{{"text": "{P2}", "author": "Jane Doe"}}',
    ]
    out = read_jsonl("\n".join(lines), "feed.jsonl", Path("feed.jsonl"))
    docs = [o for o in out if hasattr(o, "text")]
    errors = {o.source: o.reason for o in out if not hasattr(o, "text")}
    assert [d.source for d in docs] == ["feed.jsonl#line 1", "feed.jsonl#line 6"]
    assert docs[0].meta.outlet == "example.com" and docs[0].meta.published == "2019-03-04"
    assert docs[1].meta.author == "Jane Doe"
    assert errors["feed.jsonl#line 2"].startswith("line 2: invalid JSON: Expecting")
    assert errors["feed.jsonl#line 3"].startswith("line 3: no article text (none of: text,")
    assert errors["feed.jsonl#line 4"] == "line 4: not a JSON object"
