"""Quote coverage and speakers on BASIL (our own protocol; BASIL has no quote scorer).

BASIL (Fan et al., EMNLP 2019) marks bias spans and says for each whether it
lies inside a quote and whose. We run ``find_quotes`` over every article (the
sentence lists joined with spaces, paragraphs with blank lines, with an offset
map back to BASIL's per-sentence offsets) and measure:

(a) coverage: the share of in-quote spans (``quote == "yes"``) that lie inside
    a quote we found (any quote; direct only);
(b) speaker: for covered spans whose annotated speaker is a named one (not
    ``other_pro`` / ``other_anti`` / ``other_neutral``), whether our speaker
    matches (the annotated last name, or any shared non-stopword token);
(c) false-positive proxy: the share of not-in-quote spans (``quote == "no"``)
    that we put inside a direct quote (and inside any quote).

Usage: ``python benchmarks/quotes_basil.py [--root DIR] [--limit N]``.
Writes ``benchmarks/results/quotes_basil.md``.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from rashomon.extract.entities import find_entity_mentions
from rashomon.extract.nlp import load_nlp
from rashomon.extract.quotes import find_quotes

ROOT = Path("/work/shared/benchmarks/basil")
RESULTS = Path(__file__).parent / "results" / "quotes_basil.md"
STOP = frozenset({"the", "of", "and", "a", "an", "for", "in", "campaign", "jr", "jr."})


def load_article(path: Path) -> tuple[str, list[int], str]:
    """The joined text, the start offset of every flattened sentence, and the source."""
    data = json.loads(path.read_text(encoding="utf-8"))
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for p_index, paragraph in enumerate(data["body-paragraphs"]):
        if p_index:
            parts.append("\n\n")
            pos += 2
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                parts.append(" ")
                pos += 1
            offsets.append(pos)
            parts.append(sentence)
            pos += len(sentence)
    return "".join(parts), offsets, data.get("source", "").lower()


def annotation_path(article: Path, root: Path) -> Path:
    return root / "annotations" / article.parent.name / (article.stem + "_ann.json")


def tokens(name: str) -> set[str]:
    return {w for w in re.split(r"[\W_]+", name.lower()) if w and w not in STOP}


def speaker_matches(ours: str | None, gold: str) -> bool:
    if not ours:
        return False
    mine, theirs = tokens(ours), tokens(gold)
    if not theirs:
        return False
    last = re.split(r"[\W_]+", gold.lower().strip("_"))[-1]
    return last in mine or bool(mine & theirs)


def inside(span: tuple[int, int], quotes: list) -> object | None:
    """The innermost found quote that contains ``span`` (at least 80% of it)."""
    best = None
    for q in quotes:
        shared = min(span[1], q.end) - max(span[0], q.start)
        if shared >= 0.8 * (span[1] - span[0]) and (
            best is None or q.end - q.start < best.end - best.start
        ):
            best = q
    return best


def run(root: Path, limit: int | None) -> dict:
    nlp = load_nlp()
    articles = sorted((root / "articles").glob("*/*.json"))[:limit]
    counts: Counter = Counter()
    by_source: dict[str, Counter] = {}
    words = 0
    parse_s = quote_s = 0.0
    misses: list[str] = []
    for path in articles:
        ann_path = annotation_path(path, root)
        if not ann_path.exists():
            continue
        text, offsets, source = load_article(path)
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        mentions = find_entity_mentions(doc, path.stem)
        t2 = time.perf_counter()
        quotes = find_quotes(doc, path.stem, mentions)
        t3 = time.perf_counter()
        parse_s += t1 - t0
        quote_s += t3 - t2
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        counts["quotes_direct"] += sum(q.direct for q in quotes)
        counts["quotes_indirect"] += sum(not q.direct for q in quotes)
        src = by_source.setdefault(source, Counter())
        annotations = json.loads(ann_path.read_text(encoding="utf-8"))["phrase-level-annotations"]
        direct = [q for q in quotes if q.direct]
        for ann in annotations:
            m = re.fullmatch(r"p(\d+)", ann["id"])
            if not m or int(m.group(1)) >= len(offsets):
                continue
            base = offsets[int(m.group(1))]
            span = (base + ann["start"], base + ann["end"])
            found_any, found_direct = inside(span, quotes), inside(span, direct)
            if ann["quote"] == "yes":
                for c in (counts, src):
                    c["in_quote"] += 1
                    c["in_quote_found"] += found_any is not None
                    c["in_quote_found_direct"] += found_direct is not None
                gold = ann.get("speaker", "")
                if found_any is not None and gold and not gold.startswith("other_"):
                    ok = speaker_matches(found_any.speaker, gold)
                    for c in (counts, src):
                        c["named"] += 1
                        c["named_ok"] += ok
                    if not ok and len(misses) < 15:
                        misses.append(
                            f"{gold} vs {found_any.speaker!r}: {text[span[0] : span[1]]!r}"
                        )
            elif ann["quote"] == "no":
                for c in (counts, src):
                    c["not_quote"] += 1
                    c["not_quote_in_direct"] += found_direct is not None
                    c["not_quote_in_any"] += found_any is not None
    return {
        "articles": len(articles),
        "counts": counts,
        "by_source": by_source,
        "words": words,
        "parse_s": parse_s,
        "quote_s": quote_s,
        "misses": misses,
    }


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}% ({num}/{den})" if den else "n/a"


def table(result: dict) -> str:
    rows = [("all", result["counts"])] + sorted(result["by_source"].items())
    lines = [
        "| outlet | (a) in-quote spans covered (any) | (a) covered by a direct quote "
        "| (b) named speaker matches | (c) not-in-quote spans inside a direct quote "
        "| (c) inside any quote |",
        "|---|---|---|---|---|---|",
    ]
    for name, c in rows:
        lines.append(
            f"| {name} | {pct(c['in_quote_found'], c['in_quote'])} "
            f"| {pct(c['in_quote_found_direct'], c['in_quote'])} "
            f"| {pct(c['named_ok'], c['named'])} "
            f"| {pct(c['not_quote_in_direct'], c['not_quote'])} "
            f"| {pct(c['not_quote_in_any'], c['not_quote'])} |"
        )
    return "\n".join(lines)


def report(result: dict) -> str:
    c = result["counts"]
    wps = result["words"] / result["quote_s"] if result["quote_s"] else 0.0
    parse_wps = result["words"] / result["parse_s"] if result["parse_s"] else 0.0
    misses = "\n".join(f"- {m}" for m in result["misses"]) or "- none"
    return f"""## Quotes and attributions on BASIL

**Our own protocol.** BASIL (Fan et al., EMNLP 2019; `launchnlp/BASIL`) has no
quote scorer and does not mark quote boundaries; it marks bias spans and says,
for each, whether it lies inside a quote and whose. We run `find_quotes` (with
`find_entity_mentions` for the mentions) on every article, sentences joined by
spaces and paragraphs by blank lines, and map BASIL's per-sentence offsets into
that text. A span counts as inside a found quote when at least 80% of it is.

- (a) coverage: in-quote spans (`quote == "yes"`) inside a quote we found;
- (b) speaker: of the covered spans with a named annotated speaker (not
  `other_*`), those whose found speaker shares the annotated last name or
  another non-stopword token;
  BASIL often names a group as the speaker ("Democratic_lawmakers",
  "House_Republicans", "NAACP") where the text quotes one named member, and
  we keep nominal speakers as written ("the governor"), so (b) understates
  speaker accuracy;
- (c) false-positive proxy: not-in-quote spans (`quote == "no"`) that we put
  inside a direct quote (or any quote). BASIL's "not in a quote" can still be
  reported speech, so (c) for "any quote" overstates errors.

Articles: {result["articles"]}; words: {result["words"]:,}; quotes found:
{c["quotes_direct"]:,} direct, {c["quotes_indirect"]:,} indirect.

{table(result)}

Speed: `find_quotes` alone {wps:,.0f} words/s (the spaCy parse it needs runs at
{parse_wps:,.0f} words/s on the same machine, 2 CPU cores).

Examples of speaker mismatches (annotated vs ours):

{misses}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if not (args.root / "articles").is_dir():
        raise SystemExit(f"BASIL not found under {args.root}")
    result = run(args.root, args.limit)
    print(table(result))
    markdown = report(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(markdown, encoding="utf-8")
    from results import build_report  # benchmarks/results.py: rebuild BENCHMARKS.md

    build_report()
    print(markdown.split("Speed:")[1].split("\n\n")[0])
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
