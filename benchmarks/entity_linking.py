"""Cross-document entity linking: quality on MEANTIME, and cost as the corpus grows.

**Quality.** MEANTIME (Wikinews, English; val = topic 2 "gm" is
**development**, the linker was tuned on it, and it is also TimeLine test
corpus 2; test = topic 3 "stock" is **held out**). Protocol: **every** gold
entity mention of the split is scored (names, descriptions and pronouns; the
named subset, head tagged PROPN or inside a spaCy named entity, is reported
apart); each gets the document-local key our in-document resolution gives
the mention covering its head (the document text is rebuilt from the CoNLL
tokens and parsed by spaCy); a gold mention our NER missed keeps its own words
as key (so a pronoun our in-document resolution did not resolve is linked by
its own words, as the system would). The cross-document linker then
clusters them over the whole split (one meta-document) and ``coref_metrics``
scores MUC, B³, CEAF-e and CoNLL F1, with and without singletons. Baselines
on the same mentions: exact string match, same head lemma, and the previous
cross-document rule (same folded key and kind, on the new document-local
keys).

**Cost.** All distinct articles of ``corpora.all_articles()`` (about 1,000)
are parsed once; their mentions are replicated under new document ids up to
10,000 documents, either with the same names (a corpus about one subject) or
with every name made new per copy (names grow with the corpus, the harder case
for blocking). ``link_entities`` is timed, and its peak memory taken with
tracemalloc in a separate run.

    python benchmarks/entity_linking.py [--skip-scaling] [--skip-quality]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from coref_metrics import conll_f1, remove_singletons  # noqa: E402
from corpora import BENCHMARKS, all_articles  # noqa: E402
from results import write_result  # noqa: E402

from rashomon.extract.entities import ENTITY_LABELS, find_entity_mentions  # noqa: E402
from rashomon.extract.nlp import load_nlp  # noqa: E402
from rashomon.link.entities import kind, link_entities  # noqa: E402
from rashomon.link.names import fold  # noqa: E402
from rashomon.model import Document, DocumentAnalysis, EntityMention  # noqa: E402

CACHE = Path("/tmp/rashomon-entity-linking-mentions.pkl")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "'s", "n't", "'", "''"}

# -- MEANTIME ----------------------------------------------------------------


def read_conll(path: Path) -> dict[str, list[list[str]]]:
    """doc key -> sentences -> tokens (sentence and token ids as in the file)."""
    docs: dict[str, dict[int, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and not line.startswith("#"):
            docs[parts[0]][int(parts[1])][int(parts[2])] = parts[3]
    return {
        key: [[sent[t] for t in sorted(sent)] for _, sent in sorted(sents.items())]
        for key, sents in docs.items()
    }


def rebuild(sentences: list[list[str]]) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """The document text, and (sentence, token) -> character span."""
    text, spans = "", {}
    for s, tokens in enumerate(sentences):
        if s:
            text += "\n"
        for t, token in enumerate(tokens):
            if t and token not in NO_SPACE_BEFORE and not text.endswith(("(", "$")):
                text += " "
            spans[(s, t)] = (len(text), len(text) + len(token))
            text += token
    return text, spans


def meantime_split(split: str, nlp, named_only: bool = False):
    """Gold mentions of a split as (mention, gold chain, head lemma, id), per document."""
    base = BENCHMARKS / "meantime" / split
    docs = read_conll(base / "dataset.conll")
    gold = json.loads((base / "entity_mentions.json").read_text("utf-8"))
    by_doc = defaultdict(list)
    for g in gold:
        by_doc[g["conll_doc_key"]].append(g)
    items = []
    for doc_key, golds in sorted(by_doc.items()):
        text, spans = rebuild(docs[doc_key])
        parsed = nlp(text)
        ours = find_entity_mentions(parsed, doc_key)
        ents = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in ENTITY_LABELS]
        for g in golds:
            s = g["sent_id"]
            start = spans[(s, g["tokens_number"][0])][0]
            end = spans[(s, g["tokens_number"][-1])][1]
            head = spans[(s, g["mention_head_id"])]
            in_ne = any(a <= head[0] and head[1] <= b for a, b in ents)
            if named_only and g["mention_head_pos"] != "PROPN" and not in_ne:
                continue
            mine = [m for m in ours if m.start <= head[0] and head[1] <= m.end]
            surface = text[start:end]
            if mine:
                m = mine[0]
                mention = EntityMention(doc_key, start, end, m.text, m.type, m.key)
            else:
                label = g.get("mention_ner") if g.get("mention_ner") in ENTITY_LABELS else "ORG"
                words = surface[4:] if surface.startswith(("the ", "The ")) else surface
                mention = EntityMention(doc_key, start, end, surface, label, words)
            items.append((mention, g["coref_chain"], g["mention_head_lemma"], g["mention_id"]))
    return items


def clusters_from(items, label_of) -> list[list[str]]:
    groups = defaultdict(list)
    for item in items:
        groups[label_of(item)].append(item[3])
    return list(groups.values())


def linker_clusters(items) -> list[list[str]]:
    by_doc = defaultdict(list)
    for mention, *_ in items:
        by_doc[mention.doc].append(mention)
    analyses = [
        DocumentAnalysis(Document(d, d, ""), entity_mentions=ms) for d, ms in by_doc.items()
    ]
    _, index = link_entities(analyses)
    return clusters_from(items, lambda it: index[(it[0].doc, it[0].start, it[0].end)])


def score_table(items, what: str = "gold mentions") -> str:
    key = clusters_from(items, lambda it: it[1])
    systems = {
        "exact string match": clusters_from(items, lambda it: fold(it[0].text)),
        "same head lemma": clusters_from(items, lambda it: fold(it[2])),
        "same folded key + kind (the previous cross-document rule)": clusters_from(
            items, lambda it: (fold(it[0].key), kind(it[0].type))
        ),
        "**rashomon linker**": linker_clusters(items),
    }
    rows = [
        "| system | MUC F1 | B³ F1 | CEAF-e F1 | CoNLL F1 | CoNLL F1 w/o singletons |",
        "|---|---|---|---|---|---|",
    ]
    for name, response in systems.items():
        full = conll_f1(key, response)
        bare = conll_f1(remove_singletons(key), remove_singletons(response))
        rows.append(
            f"| {name} | {full['muc'][2]:.1%} | {full['b3'][2]:.1%} | {full['ceafe'][2]:.1%} "
            f"| {full['conll']:.1%} | {bare['conll']:.1%} |"
        )
    chains = Counter(it[1] for it in items)
    docs = {it[0].doc for it in items}
    head = (
        f"{len(items)} {what} in {len(docs)} documents, {len(chains)} gold "
        f"chains ({sum(1 for c in chains.values() if c == 1)} singletons)."
    )
    return head + "\n\n" + "\n".join(rows)


# -- scaling -----------------------------------------------------------------


def corpus_mentions(nlp) -> list[list[EntityMention]]:
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    articles = all_articles()
    docs = []
    texts = (a.text for a in articles)  # the parser is not needed for names
    with nlp.select_pipes(disable=[p for p in ("parser", "lemmatizer") if p in nlp.pipe_names]):
        parsed_docs = list(nlp.pipe(texts, batch_size=32))
    for i, parsed in enumerate(parsed_docs):
        docs.append(find_entity_mentions(parsed, f"d{i}"))
    CACHE.write_bytes(pickle.dumps(docs))
    return docs


TAG_LETTERS = "bdfklmnprstvz"


def tag(copy: int) -> str:
    letters = ""
    while True:
        copy, r = divmod(copy, len(TAG_LETTERS))
        letters += TAG_LETTERS[r]
        if not copy:
            return letters


def renamed(name: str, suffix: str) -> str:
    words = name.split()
    return " ".join(words[:-1] + [words[-1] + suffix]) if words else name


def replicate(base: list[list[EntityMention]], n_docs: int, fresh: bool) -> list[DocumentAnalysis]:
    analyses = []
    for i in range(n_docs):
        copy, source = divmod(i, len(base))
        doc = f"c{copy}-{source}"
        suffix = tag(copy) if fresh and copy else ""
        mentions = [
            replace(m, doc=doc, text=renamed(m.text, suffix), key=renamed(m.key, suffix))
            for m in base[source]
        ]
        analyses.append(DocumentAnalysis(Document(doc, doc, ""), entity_mentions=mentions))
    return analyses


def scaling(nlp) -> str:
    base = corpus_mentions(nlp)
    rows = [
        "| names | documents | mentions | entities | link time | per 1k docs | peak memory |",
        "|---|---|---|---|---|---|---|",
    ]
    for fresh in (False, True):
        for n in (1000, 2500, 5000, 10000):
            analyses = replicate(base, n, fresh)
            mentions = sum(len(a.entity_mentions) for a in analyses)
            started = time.perf_counter()
            entities, _ = link_entities(analyses)
            took = time.perf_counter() - started
            tracemalloc.start()
            link_entities(analyses)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            rows.append(
                f"| {'new per copy' if fresh else 'same'} | {n:,} | {mentions:,} | "
                f"{len(entities):,} | {took:.2f} s | {took / n * 1000:.2f} s | {peak:.0f} MiB |"
            )
    return (
        f"{len(base)} real articles parsed once, mentions replicated under new document ids.\n\n"
        + "\n".join(rows)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    nlp = load_nlp()
    parts = []
    if not args.skip_quality:
        for split, title in (
            ("test", "test (topic 3, stock; held out)"),
            ("val", "val (topic 2, gm; development, tuned on)"),
        ):
            for named in (False, True):
                what = "named gold mentions" if named else "gold mentions (all)"
                table = score_table(meantime_split(split, nlp, named), what)
                parts.append(f"### MEANTIME {title}, {what}\n\n" + table)
    cost = "### Cost of `link_entities` as the corpus grows"
    if not args.skip_scaling:
        parts.append(cost + "\n\n" + scaling(nlp))
    else:  # keep the last measured cost table
        previous = (HERE / "results" / "entity_linking.md").read_text("utf-8")
        if cost in previous:
            parts.append(cost + previous.split(cost, 1)[1].rstrip())
    body = __doc__.split("\n\n", 1)[1].rsplit("\n\n", 1)[0] + "\n\n" + "\n\n".join(parts)
    write_result("entity_linking", "Cross-document entity linking", body)


if __name__ == "__main__":
    main()
