"""Quotes and attributions: direct quotes, speakers, cues, indirect speech.

The sentences are from the news corpora under /work/shared/benchmarks (BASIL,
Wikinews/TimeML, PTC) or written in their style; the corpus-wide checks skip
when the corpora are absent.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rashomon.extract.nlp import load_nlp
from rashomon.extract.quotes import find_quotes
from rashomon.extract.quotes.direct import find_segments
from rashomon.model import EntityMention, Quote

BENCH = Path("/work/shared/benchmarks")
BASIL = BENCH / "basil"
TIMEML = BENCH / "semeval2015_timeline" / "SemEval_Task4_data"
PTC = BENCH / "ptc_semeval2020" / "train-articles"
LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def mentions_of(doc) -> list[EntityMention]:
    """Entity mentions with a short form keyed to the earlier full name, like the
    entities step does ("Gaddafi" -> "Muammar Gaddafi"), kept local so that these
    tests exercise quotes only."""
    out: list[EntityMention] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        text = re.sub(r"^(?:Mr\.|Mrs\.|Ms\.|the)\s+", "", ent.text)
        start = ent.end_char - len(text)
        key = text
        for earlier in out:
            if earlier.type == ent.label_ and earlier.key.split()[-1] == text.split()[-1]:
                key = earlier.key
                break
        out.append(EntityMention("d", start, ent.end_char, text, ent.label_, key))
    return out


def run(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return find_quotes(doc, "d", mentions_of(doc))


def one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote contains {fragment!r}: {[q.text for q in quotes]}"
    return found[0]


def check_offsets(text: str, quotes: list[Quote]) -> None:
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert text[q.start : q.end] == q.text and q.text.strip() == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
        assert q.speaker_entity is None


# --- direct quotes ---------------------------------------------------------------


def test_straight_quotes_speaker_after_and_inside(nlp):
    text = (
        '"The next transmission could be more pronounced or stronger," WHO Director-General '
        "Tedros Adhanom Ghebreyesus told reporters in Geneva, insisting that "
        '"the issue is serious."'
    )
    quotes = run(nlp, text)
    check_offsets(text, quotes)
    first = one(quotes, "next transmission")
    assert first.direct and first.text.endswith("stronger")  # the comma before the mark is dropped
    assert "Tedros" in first.speaker and first.cue == "told"
    second = one(quotes, "the issue is serious")
    assert second.direct and "Tedros" in second.speaker and second.cue == "insisted"
    assert not [q for q in quotes if not q.direct and "serious" in q.text]


def test_curly_quote_said_inverted_and_continuation(nlp):
    text = (
        "“I think it’s simply more fake promises raising false hopes,” said Senator Richard "
        "Blumenthal, Democrat of Connecticut. “It will fool few Americans because it’s neither "
        "serious nor credible as a real remedy for Dreamers.”"
    )
    quotes = run(nlp, text)
    check_offsets(text, quotes)
    assert len(quotes) == 2 and all(q.direct for q in quotes)
    assert {q.speaker for q in quotes} == {"Richard Blumenthal"}
    assert quotes[0].cue == quotes[1].cue == "said"
    assert text[quotes[0].speaker_start : quotes[0].speaker_end] == "Richard Blumenthal"


def test_middle_attribution_pronoun_resolves_to_full_name(nlp):
    text = (
        "Muammar Gaddafi spoke to supporters in Tripoli on Tuesday. "
        "“We will fight to the last man,” Gaddafi said. “We will never surrender.” "
        "The crowd cheered. “Libya belongs to us,” he said."
    )
    quotes = run(nlp, text)
    check_offsets(text, quotes)
    assert [q.speaker for q in quotes] == ["Muammar Gaddafi"] * 3
    last = one(quotes, "Libya belongs")
    assert text[last.speaker_start : last.speaker_end] == "he"


def test_speaker_before_with_colon_and_told(nlp):
    text = (
        "Northrop Grumman CEO Ron Sugar said in an interview: “Everyone told us we were crazy, "
        "that we had no chance.” Boris Johnson told the Guardian: “This deal is dead.”"
    )
    quotes = run(nlp, text)
    assert one(quotes, "Everyone told us").speaker == "Ron Sugar"
    dead = one(quotes, "This deal is dead")
    assert dead.speaker == "Boris Johnson" and dead.cue == "told"


def test_british_single_quotes_and_apostrophes(nlp):
    text = (
        "Tony Blair said: ‘We will not flinch from this. Bush’s plan in the ’90s didn’t "
        "matter.’ Critics said the Prime Minister's 'sofa government' had failed, and the "
        "Joneses' house was sold. Rock 'n' roll isn't dead."
    )
    segments = [text[s.start : s.end] for s in find_segments(text)]
    assert segments[0] == "We will not flinch from this. Bush’s plan in the ’90s didn’t matter."
    assert "sofa government" in segments
    assert not any("n'" in s or "Joneses" in s or "isn" in s for s in segments)
    quotes = run(nlp, text)
    assert one(quotes, "flinch").speaker == "Tony Blair"


def test_tokenised_corpus_quotes(nlp):
    # Wikinews (SemEval-2015 TimeLine corpus), tokenised with `` ... ''.
    text = (
        "Northrop Grumman CEO Ron Sugar said in an interview `` Everyone told us we were crazy "
        ", that we had no chance . But we took a big swing and in this case , we hit a home run "
        ". ''"
    )
    quotes = run(nlp, text)
    check_offsets(text, quotes)
    quote = one(quotes, "home run")
    assert quote.direct and quote.text.startswith("Everyone") and "''" not in quote.text
    assert quote.speaker == "Ron Sugar"


def test_quote_across_paragraphs(nlp):
    text = (
        "The minister said:\n\n“The first paragraph of the speech goes on and on about the "
        "budget.\n\n“And the second paragraph ends here.”\n\nThen there was silence. "
        "“Nobody answered the question at all,” a reporter noted."
    )
    quotes = run(nlp, text)
    check_offsets(text, quotes)
    first, second = one(quotes, "first paragraph"), one(quotes, "second paragraph")
    assert "\n" not in first.text and first.text.endswith("budget.")
    assert first.speaker == second.speaker == "The minister"
    assert one(quotes, "Nobody answered").speaker == "a reporter"


def test_block_quotes(nlp):
    text = (
        "In a statement, the ministry wrote:\n> We will not negotiate with terrorists.\n"
        "> Never.\nDonald Trump lashed out on Twitter, saying:\n\nJustice Ginsburg has "
        "embarrassed all by making very dumb political statements about me. Her mind is shot "
        "- resign!\n\nShe declined to comment.\nHe wrote:\n    This entire paragraph is an "
        "indented quotation from the letter.\nThe end."
    )
    quotes = run(nlp, text)
    check_offsets(text, quotes)
    negotiate, never = one(quotes, "negotiate"), one(quotes, "Never")
    assert negotiate.text == "We will not negotiate with terrorists."
    assert negotiate.speaker == never.speaker == "the ministry" and negotiate.cue == "wrote"
    tweet = one(quotes, "Her mind is shot")
    assert tweet.direct and tweet.speaker == "Donald Trump"
    assert one(quotes, "indented quotation").text.startswith("This entire paragraph")
    assert not any("She declined" in q.text or "The end" in q.text for q in quotes)


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = (
        "Government forces shelled the so-called “rebels” near Homs. The “deal” collapsed, and "
        'the minister appeared on NBC\'s "Meet the Press" last Sunday. Trump called the '
        "inquiry a “witch hunt,” he said."
    )
    quotes = run(nlp, text)
    assert not any(q.text in ("rebels", "deal", "Meet the Press") for q in quotes)
    assert one(quotes, "witch hunt").speaker == "Trump"


def test_unattributed_long_quote_is_kept_without_speaker(nlp):
    text = 'The banner over the square carried "a broad and lasting settlement of the dispute".'
    quotes = run(nlp, text)
    quote = one(quotes, "broad and lasting")
    assert quote.direct and quote.speaker is None and quote.cue is None


# --- indirect attribution ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Dozens of protesters were arrested, according to AFP.",
            "Dozens of protesters were arrested",
            "AFP",
            "according to",
        ),
        (
            "According to a statement from the ministry, 40 fighters were killed near Sirte.",
            "40 fighters were killed near Sirte",
            "the ministry",
            "according to",
        ),
        (
            "The ministry said that the convoy had been attacked.",
            "the convoy had been attacked",
            "The ministry",
            "said",
        ),
        (
            "Angela Merkel said on Tuesday that Germany would not pay.",
            "Germany would not pay",
            "Angela Merkel",
            "said",
        ),
        (
            "John Smith has revealed that he was paid by the company.",
            "he was paid by the company",
            "John Smith",
            "revealed",
        ),
        (
            "Edward Snowden told the Guardian the agency collects millions of records.",
            "the agency collects millions of records",
            "Edward Snowden",
            "told",
        ),
        (
            "A report in Der Spiegel said the agency had tapped her phone.",
            "the agency had tapped her phone",
            "Der Spiegel",
            "a report in ... said",
        ),
        (
            "A spokesman for the army, who spoke on condition of anonymity, said the troops had "
            "withdrawn.",
            "the troops had withdrawn",
            "A spokesman for the army",
            "said",
        ),
        (
            "It was reported by Reuters that the talks had collapsed.",
            "the talks had collapsed",
            "Reuters",
            "reported",
        ),
        ("The talks have failed, said John Kerry.", "The talks have failed", "John Kerry", "said"),
        (
            "The plan, Theresa May said, will fail.",
            "The plan, Theresa May said, will fail",
            "Theresa May",
            "said",
        ),
    ],
)
def test_indirect_attribution(nlp, text, content, speaker, cue):
    quotes = run(nlp, text)
    check_offsets(text, quotes)
    quote = one(quotes, content)
    assert not quote.direct
    assert quote.text == content
    assert quote.speaker == speaker and quote.cue == cue
    assert text[quote.speaker_start : quote.speaker_end] == speaker


@pytest.mark.parametrize(
    "verb",
    [
        "claimed",
        "denied",
        "alleged",
        "warned",
        "announced",
        "confirmed",
        "insisted",
        "stated",
        "added",
        "noted",
    ],
)
def test_cue_verbs(nlp, verb):
    text = f"Vladimir Putin {verb} that Russian troops had left the region."
    quotes = run(nlp, text)
    quote = one(quotes, "Russian troops had left the region")
    assert quote.speaker == "Vladimir Putin" and quote.cue == verb and not quote.direct


def test_denied_object_and_pronoun(nlp):
    text = "Hillary Clinton arrived late. She denied the allegations and said she had no regrets."
    quotes = run(nlp, text)
    assert one(quotes, "the allegations").cue == "denied"
    regrets = one(quotes, "no regrets")
    assert regrets.speaker == "Hillary Clinton" and regrets.cue == "said"


def test_no_indirect_quote_for_negated_or_speakerless_cues(nlp):
    text = "The company did not say whether it would appeal. It is said that the mine is closed."
    assert [q for q in run(nlp, text) if not q.direct] == []


def test_indirect_clause_does_not_cut_a_direct_quote(nlp):
    text = 'Senator Ted Cruz claimed the bill would "destroy jobs," but the White House disagreed.'
    quotes = run(nlp, text)
    indirect = [q for q in quotes if not q.direct][0]
    assert indirect.text.count('"') == 2 and indirect.speaker == "Ted Cruz"
    assert one([q for q in quotes if q.direct], "destroy jobs").speaker == "Ted Cruz"


# --- real corpora ------------------------------------------------------------------


def basil_articles(limit: int) -> list[tuple[str, list[int], list[dict]]]:
    if not (BASIL / "articles").is_dir():
        pytest.skip("BASIL corpus not available")
    out = []
    for path in sorted((BASIL / "articles").glob("*/*.json"))[::10][:limit]:
        ann = BASIL / "annotations" / path.parent.name / (path.stem + "_ann.json")
        if not ann.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        parts, offsets, pos = [], [], 0
        for p, paragraph in enumerate(data["body-paragraphs"]):
            for s, sentence in enumerate(paragraph):
                sep = ("\n\n" if p else "") if s == 0 else " "
                parts.append(sep)
                pos += len(sep)
                offsets.append(pos)
                parts.append(sentence)
                pos += len(sentence)
        spans = json.loads(ann.read_text(encoding="utf-8"))["phrase-level-annotations"]
        out.append(("".join(parts), offsets, spans))
    return out


def test_basil_quoted_spans_are_covered(nlp):
    covered = total = wrongly_quoted = not_quoted = 0
    for text, offsets, spans in basil_articles(15):
        quotes = run(nlp, text)
        check_offsets(text, quotes)
        for ann in spans:
            m = re.fullmatch(r"p(\d+)", ann["id"])
            if not m:
                continue
            a = offsets[int(m.group(1))] + ann["start"]
            b = offsets[int(m.group(1))] + ann["end"]
            # BASIL spans often take the quotation marks too: 80% inside is inside.
            inside = any(min(b, q.end) - max(a, q.start) >= 0.8 * (b - a) for q in quotes)
            in_direct = any(
                min(b, q.end) - max(a, q.start) >= 0.8 * (b - a) for q in quotes if q.direct
            )
            if ann["quote"] == "yes":
                total += 1
                covered += inside
            else:
                not_quoted += 1
                wrongly_quoted += in_direct
    assert total > 15
    assert covered / total >= 0.85
    assert wrongly_quoted / not_quoted <= 0.08


def test_wikinews_tokenised_quotes(nlp):
    files = sorted(TIMEML.glob("corpus_*/corpus_trackA_TimeML/*.tml")) if TIMEML.is_dir() else []
    if not files:
        pytest.skip("SemEval-2015 TimeLine corpus not available")
    checked = attributed = 0
    for path in files:
        root = ET.parse(path).getroot()
        sentences = [s.text or "" for s in root.iter("s")]
        if not any("``" in s for s in sentences):
            continue
        text = " ".join("".join(s.itertext()) for s in root.iter("s"))
        quotes = [q for q in run(nlp, text) if q.direct]
        check_offsets(text, quotes)
        for q in quotes:
            assert "``" not in q.text and not q.text.endswith("''")
        checked += len(quotes)
        attributed += sum(q.speaker is not None for q in quotes)
        if checked >= 40:
            break
    assert checked >= 20
    assert attributed / checked >= 0.6


def test_ptc_articles_invariants_and_attribution(nlp):
    files = sorted(PTC.glob("*.txt"))[:12] if PTC.is_dir() else []
    if not files:
        pytest.skip("PTC corpus not available")
    direct = with_cue = indirect = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        quotes = run(nlp, text)
        check_offsets(text, quotes)
        direct += sum(q.direct for q in quotes)
        with_cue += sum(q.direct and q.cue is not None for q in quotes)
        indirect += sum(not q.direct for q in quotes)
        for q in quotes:
            if not q.direct:
                assert q.speaker and q.cue
    assert direct >= 10 and indirect >= 10
    assert with_cue / direct >= 0.6
