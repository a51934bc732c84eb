"""Claims across sources: grouping on ECB+ and planted contradictions on real news.

Run from the project root::

    python benchmarks/claims.py [--split test|val] [--pairs 300] [--no-write]

There is no gold corpus of claim alignment across outlets, so two proxies:

(a) **ECB+ grouping.** Each ECB+ document (test split, topics 36-45; val for
    tuning) is rebuilt from the conll tokens, one sentence a paragraph, and run
    through the whole per-document pipeline plus :func:`find_claims`; all
    documents are linked together as one corpus with :func:`link_claims`.
    A statement's gold label is the set of gold event chains
    (``event_mentions.json``) mentioned in its sentence; statements in
    sentences without any gold event mention are left out. Over cross-document
    pairs of the remaining statements, "same claim group" is scored against
    "share a gold event chain" (pairwise precision, recall, F1). Sharing one
    coreferent event is a loose notion of "same claim" (two sentences about the
    same arrest may assert different things), so precision is a lower bound.

(b) **Planted contradictions.** Real sentences with a number, a date, a named
    actor or a verb to negate are taken from the Wikinews (TimeML) and BASIL
    articles. For each one, a second "source" is written by changing it: the
    number (×1.5 to ×3, beyond any rounding), the date (another day, month or
    year), the subject entity (another entity of the same type from another
    article), or negation/denial ("did not", "X denied that ..."), or by a light
    rewording that keeps the facts (a control: "said" → "stated", digits
    regrouped, a bound added that overlaps). Every source document is the
    sentence with its article's neighbouring sentence, and all pairs are
    linked together as one corpus (so unrelated statements compete). A change
    is detected when both statements land in one claim and the changed one is
    listed as contradicting with the right reason; a false contradiction is
    a control pair reported as contradicting.
"""

from __future__ import annotations

import os

# Small matrix products (blocks of ≤256 statements): BLAS threads only add
# overhead, and under load they slow the products down by an order of magnitude.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpora import BENCHMARKS, basil, detokenise, wikinews  # noqa: E402
from results import write_result  # noqa: E402

import rashomon.link  # noqa: E402,F401  (import order: link before extract.entities)
from rashomon.extract.claims import find_claims  # noqa: E402
from rashomon.extract.embeddings import load_encoder  # noqa: E402
from rashomon.extract.nlp import load_nlp  # noqa: E402
from rashomon.extract.pipeline import analyse_parsed  # noqa: E402
from rashomon.link import claims as link_module  # noqa: E402
from rashomon.link.claims import link_claims  # noqa: E402
from rashomon.link.entities import key_index, link_entities  # noqa: E402
from rashomon.model import Document  # noqa: E402

DATA = BENCHMARKS / "ecbplus"
VAL_TOPICS = {"2", "5", "12", "18", "21", "23", "34", "35"}
TEST_TOPICS = {str(t) for t in range(36, 46)}


# ---------------------------------------------------------------- shared


def analyse(documents: list[Document], timings: dict[str, float]) -> list:
    nlp, encoder = load_nlp(), load_encoder()
    analyses = []
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in documents], batch_size=32))
    t1 = time.perf_counter()
    for document, doc in zip(documents, parsed, strict=True):
        analyses.append(analyse_parsed(document, doc))
    t2 = time.perf_counter()
    for analysis, doc in zip(analyses, parsed, strict=True):
        analysis.claims = find_claims(doc, analysis, encoder)
    t3 = time.perf_counter()
    timings["parse+extract"] = timings.get("parse+extract", 0) + (t2 - t0)
    timings["claims"] = timings.get("claims", 0) + (t3 - t2)
    timings["parse"] = timings.get("parse", 0) + (t1 - t0)
    return analyses


def link(analyses: list, timings: dict[str, float]) -> list:
    t0 = time.perf_counter()
    _, index = link_entities(analyses)
    keys = key_index(analyses, index)
    t1 = time.perf_counter()
    claims = link_claims(analyses, keys)
    timings["link entities"] = timings.get("link entities", 0) + (t1 - t0)
    timings["link claims"] = timings.get("link claims", 0) + (time.perf_counter() - t1)
    return claims


# ---------------------------------------------------------------- (a) ECB+


def read_ecb(split: str) -> tuple[list[Document], dict[str, list[tuple[int, int, set[str]]]]]:
    """Documents, and per document its sentences' spans with their gold event chains."""
    topics = TEST_TOPICS if split == "test" else VAL_TOPICS
    rows: dict[str, dict[int, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for line in (DATA / split / "dataset.conll").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or line.startswith("#"):
            continue
        key = parts[0]
        if key.split("/")[0] not in topics:
            continue
        rows[key][int(parts[1])][int(parts[2])] = parts[3]
    chains: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in json.loads((DATA / split / "event_mentions.json").read_text("utf-8")):
        chains[(m["conll_doc_key"], int(m["sent_id"]))].add(m["coref_chain"])
    documents, spans = [], {}
    for key in sorted(rows):
        pieces, offsets, pos = [], [], 0
        for sent_id in sorted(rows[key]):
            if sent_id == 0 and "ecbplus" in key.split("/")[1]:
                continue  # the source URL line
            tokens = rows[key][sent_id]
            text = detokenise(" ".join(tokens[i] for i in sorted(tokens)))
            offsets.append((pos, pos + len(text), chains.get((key, sent_id), set())))
            pieces.append(text)
            pos += len(text) + 2
        doc_id = key.replace("/", "_")
        documents.append(Document(doc_id, key, "\n\n".join(pieces)))
        spans[doc_id] = offsets
    return documents, spans


def pairwise(groups_of: dict[int, int], gold_of: dict[int, set[str]], doc_of: dict[int, str]):
    items = sorted(gold_of)
    tp = fp = fn = 0
    for x in range(len(items)):
        i = items[x]
        for y in range(x + 1, len(items)):
            j = items[y]
            if doc_of[i] == doc_of[j]:
                continue
            same = groups_of.get(i, -1 - i) == groups_of.get(j, -2 - j)
            gold = bool(gold_of[i] & gold_of[j])
            tp += same and gold
            fp += same and not gold
            fn += gold and not same
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp + fn


def ecb_eval(split: str, timings: dict[str, float], sweep: bool = False) -> dict:
    documents, spans = read_ecb(split)
    analyses = analyse(documents, timings)
    gold_of: dict[int, set[str]] = {}
    doc_of: dict[int, str] = {}
    where: dict[tuple[str, int, int], int] = {}
    n = 0
    for a in analyses:
        for c in a.claims:
            chains = set()
            for start, end, gold in spans[c.doc]:
                if c.start < end and start < c.end:
                    chains |= gold
            if chains:
                gold_of[n] = chains
                doc_of[n] = c.doc
                where[(c.doc, c.start, c.end)] = n
            n += 1
    sentences_with_events = sum(1 for s in spans.values() for _, _, g in s if g)
    results = {}
    settings = [(link_module.EDGE_MIN, link_module.MERGE_MIN)]
    if sweep:
        settings = [(e, m) for e in (0.62, 0.66, 0.70, 0.72, 0.76, 0.80) for m in (0.6, 0.66)]
    defaults = (link_module.EDGE_MIN, link_module.MERGE_MIN)
    for edge, merge in settings:
        link_module.EDGE_MIN, link_module.MERGE_MIN = edge, merge
        claims = link(analyses, timings if (edge, merge) == defaults else {})
        groups_of = {}
        for g, claim in enumerate(claims):
            for m in claim.mentions:
                idx = where.get((m.doc, m.start, m.end))
                if idx is not None:
                    groups_of[idx] = g
        results[(edge, merge)] = pairwise(groups_of, gold_of, doc_of) + (len(claims),)
    link_module.EDGE_MIN, link_module.MERGE_MIN = defaults
    return {
        "documents": len(documents),
        "statements": n,
        "scored": len(gold_of),
        "sentences_with_events": sentences_with_events,
        "results": results,
    }


# ---------------------------------------------------------------- (b) planted


REWORD = [
    (r"\bsaid\b", "stated"),
    (r"\bsays\b", "states"),
    (r"\babout\b", "around"),
    (r"\bhowever\b", "but"),
    (r"\balso\b", ""),
    (r"\bbegan\b", "started"),
    (r"\bshowed\b", "indicated"),
    (r"\bbig\b", "large"),
    (r"\bhelp\b", "assist"),
    (r"\bbuy\b", "purchase"),
]
MONTHS = (
    "January February March April May June July August September October November December"
).split()
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)")


def _reword(text: str, rng: random.Random) -> str | None:
    options = [(p, r) for p, r in REWORD if re.search(p, text)]
    if not options:
        return None
    out = text
    for p, r in rng.sample(options, min(2, len(options))):
        out = re.sub(p, r, out, count=1)
    out = re.sub(r"\s{2,}", " ", out)
    return out if out != text else None


def _change_number(text: str, analysis, start: int, end: int, rng: random.Random):
    for q in analysis.quantities:
        if not (q.start >= start and q.end <= end) or q.value is None or q.value < 2:
            continue
        if q.low is not None or q.high is not None:
            continue
        local = q.text
        m = NUMBER.search(local)
        if not m:
            continue
        value = int(m.group(1).replace(",", ""))
        if value < 2 or (1900 <= value <= 2100):
            continue
        new = int(value * rng.choice((1.5, 2, 2.5, 3)))
        written = f"{new:,}" if "," in m.group(1) or new >= 10000 else str(new)
        changed = local[: m.start()] + written + local[m.end() :]
        offset = q.start - start
        return text[:offset] + changed + text[offset + len(local) :]
    return None


def _change_date(text: str, analysis, start: int, end: int, rng: random.Random):
    for t in analysis.times:
        if not (t.start >= start and t.end <= end) or t.type != "DATE" or not t.value:
            continue
        if not re.match(r"^\d{4}", t.value):
            continue
        local = t.text
        offset = t.start - start
        m = re.search(r"\b(1[89]\d\d|20\d\d)\b", local)
        if m:
            year = int(m.group(1)) + rng.choice((-3, -2, 2, 3))
            changed = local[: m.start()] + str(year) + local[m.end() :]
        else:
            months = [mo for mo in MONTHS if mo in local]
            if months:
                other = MONTHS[(MONTHS.index(months[0]) + rng.choice((3, 4, 5))) % 12]
                changed = local.replace(months[0], other, 1)
            else:
                days = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
                found = [d for d in days if d in local]
                if not found:
                    continue
                # a weekday moved by more than a week cannot be written: move by 3 days
                other = days[(days.index(found[0]) + 3) % 7]
                changed = local.replace(found[0], other, 1)
        return text[:offset] + changed + text[offset + len(local) :]
    return None


def _change_actor(text: str, doc, start: int, end: int, pool: dict[str, list[str]], rng):
    for tok in doc:
        if tok.idx < start or tok.idx >= end or tok.dep_ != "nsubj":
            continue
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or ent.label_ not in ("PERSON", "ORG", "GPE"):
            continue
        others = [x for x in pool.get(ent.label_, []) if x.lower() != ent.text.lower()]
        others = [x for x in others if x.lower() not in text.lower()]
        if not others:
            continue
        new = rng.choice(others)
        a, b = ent.start_char - start, ent.end_char - start
        return text[:a] + new + text[b:], (ent.text, new)
    return None


def _negate(text: str, doc, start: int, end: int, rng: random.Random):
    root = next((t for t in doc if t.idx >= start and t.idx < end and t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_ in ("say", "tell"):
        return None
    if any(c.dep_ == "neg" for c in root.children):
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if subj is not None and rng.random() < 0.4 and subj.ent_type_ in ("PERSON", "ORG", "GPE"):
        # a denial: "<subject> denied that <statement>"
        name = " ".join(t.text for t in subj.subtree)
        return f"{name} denied that {text[0].lower()}{text[1:]}"
    if aux:
        a = aux[0]
        pos = a.idx + len(a.text) - start
        return text[:pos] + " not" + text[pos:]
    if root.tag_ == "VBD":
        word = "did not " + root.lemma_
    elif root.tag_ == "VBZ":
        word = "does not " + root.lemma_
    elif root.tag_ == "VBP":
        word = "do not " + root.lemma_
    else:
        return None
    a = root.idx - start
    return text[:a] + word + text[a + len(root.text) :]


def planted_eval(n_pairs: int, timings: dict[str, float], seed: int = 13) -> dict:
    rng = random.Random(seed)
    nlp = load_nlp()
    articles = [a for a in wikinews()] + [a for a in basil()]
    rng.shuffle(articles)
    # the pool of replacement actors: entity names from the articles' first paragraphs
    pool: dict[str, list[str]] = defaultdict(list)
    candidates = []
    for article in articles[:400]:
        paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
        text = "\n\n".join(paragraphs[:6])
        doc = nlp(text)
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE") and len(ent.text) > 3:
                pool[ent.label_].append(ent.text)
        sents = [s for s in doc.sents if 8 <= len(s) <= 45 and not s.text.strip().endswith("?")]
        for k, sent in enumerate(sents):
            context = sents[k + 1].text.strip() if k + 1 < len(sents) else ""
            candidates.append((article, doc, sent, context))
    rng.shuffle(candidates)
    kinds = ["number", "date", "actor", "negation", "paraphrase"]
    made: Counter[str] = Counter()
    per_kind = max(1, n_pairs // 6)
    target = {k: per_kind * (2 if k == "paraphrase" else 1) for k in kinds}
    pairs = []  # (kind, original doc, variant doc, original sentence, variant sentence)
    used_articles: set[str] = set()
    for article, doc, sent, context in candidates:
        if len(pairs) >= sum(target.values()):
            break
        if article.id in used_articles:
            continue
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        analysis = None
        for kind in rng.sample(kinds, len(kinds)):
            if made[kind] >= target[kind]:
                continue
            if kind in ("number", "date") and analysis is None:
                analysis = analyse_parsed(Document("tmp", "tmp", doc.text, None), doc)
            variant = None
            if kind == "number":
                variant = _change_number(text, analysis, start, end, rng)
            elif kind == "date":
                variant = _change_date(text, analysis, start, end, rng)
            elif kind == "actor":
                out = _change_actor(text, doc, start, end, pool, rng)
                variant = out[0] if out else None
            elif kind == "negation":
                variant = _negate(text, doc, start, end, rng)
            else:
                variant = _reword(text, rng)
            if variant and variant != text:
                made[kind] += 1
                used_articles.add(article.id)
                pairs.append((kind, article, text, variant, context))
                break
    documents = []
    for n, (_kind, article, text, variant, context) in enumerate(pairs):
        published = (article.published or "")[:10] or None
        body_a = f"{text} {context}".strip()
        body_b = f"{variant} {context}".strip()
        documents.append(Document(f"p{n}a", f"{article.id}#a", body_a, published=published))
        documents.append(Document(f"p{n}b", f"{article.id}#b", body_b, published=published))
    analyses = analyse(documents, timings)
    claims = link(analyses, timings)
    by_doc_claim: dict[str, list] = defaultdict(list)
    for claim in claims:
        for m in claim.mentions:
            by_doc_claim[m.doc].append(claim)
    stats: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for n, (kind, _, text, variant, _) in enumerate(pairs):
        a, b = f"p{n}a", f"p{n}b"
        shared = [  # claims holding the planted sentence of both documents
            c
            for c in by_doc_claim[a]
            if any(m.doc == a and m.start < len(text) for m in c.mentions)
            and any(m.doc == b and m.start < len(variant) for m in c.mentions)
        ]
        stats[kind]["pairs"] += 1
        if shared:
            stats[kind]["grouped"] += 1
        reasons = [
            x.reason
            for c in shared
            for x in c.contradict
            if x.doc in (a, b) and x.start < max(len(text), len(variant))
        ]
        if reasons:
            stats[kind]["flagged"] += 1
            found = reasons[0].split(":")[0].replace("different ", "")
            if kind != "paraphrase" and (
                found == kind or (kind == "actor" and found in ("object", "place"))
            ):
                stats[kind]["right reason"] += 1
            if len(examples[kind]) < 2:
                examples[kind].append(reasons[0])
    # contradictions flagged between statements of *different* planted pairs
    cross = 0
    for claim in claims:
        roots = {m.doc[:-1] for m in claim.mentions}
        if len(roots) > 1 and claim.contradict:
            cross += sum(1 for x in claim.contradict if x.doc[:-1] != claim.mentions[0].doc[:-1])
    return {
        "pairs": len(pairs),
        "stats": stats,
        "examples": examples,
        "cross": cross,
        "docs": len(documents),
    }


# ---------------------------------------------------------------- report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=("test", "val"))
    parser.add_argument("--pairs", type=int, default=360)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    timings: dict[str, float] = {}
    ecb = ecb_eval(args.split, timings, sweep=args.sweep)
    lines = [
        f"**(a) ECB+ {args.split} as one corpus** ({ecb['documents']} documents, "
        f"{ecb['statements']} statements extracted, {ecb['scored']} of them in sentences with "
        "gold event mentions and scored). Pairwise over cross-document statement pairs: "
        '"same claim group" vs "share a gold event chain".',
        "",
        "| edge min | merge min | precision | recall | F1 | gold pairs | claims (≥2 sources) |",
        "|---|---|---|---|---|---|---|",
    ]
    default = (link_module.EDGE_MIN, link_module.MERGE_MIN)
    for (edge, merge), (p, r, f, gold, n) in sorted(ecb["results"].items()):
        mark = " (default)" if (edge, merge) == default else ""
        lines.append(
            f"| {edge:.2f}{mark} | {merge:.2f} | {p:.3f} | {r:.3f} | {f:.3f} | {gold} | {n} |"
        )
    ecb_docs = ecb["documents"]
    ecb_timing = dict(timings)

    timings.clear()
    planted = planted_eval(args.pairs, timings)
    lines += [
        "",
        f"**(b) Planted contradictions** ({planted['pairs']} pairs of real Wikinews/BASIL "
        f"sentences, {planted['docs']} documents linked as one corpus).",
        "",
        "| change | pairs | grouped together | flagged as contradiction | right reason |",
        "|---|---|---|---|---|",
    ]
    for kind in ("number", "date", "actor", "negation", "paraphrase"):
        s = planted["stats"][kind]
        pairs = s["pairs"] or 1
        right = f"{s['right reason'] / pairs:.1%}" if kind != "paraphrase" else "—"
        lines.append(
            f"| {kind} | {s['pairs']} | {s['grouped'] / pairs:.1%} | {s['flagged'] / pairs:.1%} "
            f"| {right} |"
        )
    changed = ["number", "date", "actor", "negation"]
    controls = planted["stats"]["paraphrase"]
    tp = sum(planted["stats"][k]["right reason"] for k in changed)
    flagged = sum(planted["stats"][k]["flagged"] for k in planted["stats"])
    total = sum(planted["stats"][k]["pairs"] for k in changed)
    lines += [
        "",
        f"Over all changed pairs: recall (flagged with the right reason) {tp / max(total, 1):.1%}; "
        f"precision of the flags (right reason / all flags on planted pairs, controls included) "
        f"{tp / max(flagged, 1):.1%}. False contradictions on controls (light rewording): "
        f"{controls['flagged']} of {controls['pairs']}. "
        "Contradictions between statements of different planted pairs (other articles, "
        f"possibly on the same story, e.g. BASIL's triplets; not checked by hand): "
        f"{planted['cross']}.",
        "",
        "Examples of reasons given: "
        + "; ".join(f"`{e}`" for k in changed for e in planted["examples"][k][:1]),
    ]
    per_1k = 1000 / max(ecb_docs, 1)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines += [
        "",
        f"**Time** (load average {load:.1f} on the machine while measured; shared with other "
        "jobs, so these are upper bounds). ECB+ run, single process, default thresholds: "
        + ", ".join(f"{k} {v * per_1k:.0f} s" for k, v in ecb_timing.items())
        + " per 1k documents (ECB+ documents are short: ~420 tokens). Planted run "
        f"({planted['docs']} two-sentence documents): "
        + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
        + ".",
    ]
    body = "\n".join(lines)
    if args.no_write:
        print(body)
    else:
        write_result("claims", "Claims across sources", body)


if __name__ == "__main__":
    main()
