"""Complete dates in page text, and whether a line says it is the publication date.

A wrong publication date shifts every relative date of a source ("Friday",
"last July"), so dates are read conservatively:

* only *complete* dates count (day, month and year); "May 2019" or a bare
  year is never turned into a day, and all-numeric dates are read only where
  the order is unambiguous (``2019-03-04``, ``2019/03/04``, ``4.3.2019`` with
  dots, the European order), never ``03/04/2019``;
* month names are read in English, French, Spanish, Portuguese, Italian,
  German and Dutch from a table, which is exact and fast; ``dateparser``
  would guess missing parts and costs milliseconds a line;
* what a date *is* comes from its line: a "Published"/"Posted" label or a
  byline says publication, "Updated" says a later revision, and labels such
  as "Born", "Died", "Assumed office" or "Released" (infoboxes, biographies)
  say it is something else and must never become the publication date.

Every pattern is a flat alternation of bounded pieces; none can backtrack
more than a constant per character, so a line of any length is scanned in
linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv enero ene janeiro gennaio genn januar jän januari",
        "february feb février fevrier févr fevr febrero febr fevereiro fev febbraio februar "
        "feber februari",
        "march mar mars marzo março marco märz maerz maart mrt",
        "april apr avril abril aprile abr",
        "may mai mayo maio maggio mag mei",
        "june jun juin junio junho giugno juni",
        "july jul juillet juil julio julho luglio lug juli",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre setembro set settembre",
        "october oct octobre octubre outubro out ottobre ott oktober okt",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre déc diciembre dic dezembro dez dicembre dezember",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number
# Day-month-year in the genitive (Russian, Ukrainian, Polish, Czech: "14 марта 1952",
# "19 listopada 2019") and in Turkish, Swedish, Danish, Norwegian, Indonesian, Romanian.
for _names in [
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "ledna února března dubna května června července srpna září října listopadu prosince",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "januari februari mars april maj juni juli augusti september oktober november december",
    "januar februar marts april maj juni juli august september oktober november december",
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie "
    "decembrie",
]:
    for _number, _name in enumerate(_names.split(), start=1):
        MONTHS.setdefault(_name, _number)

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)"
WEEKDAY_RE = re.compile(_WEEKDAY, re.I)  # a date that opens with its day of the week
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<{0}>1[89]\d\d|20\d\d)"
_TIME = r"(?:[012]?\d[:.h][0-5]\d(?:\s?[ap]\.?m\.?)?|[01]?\d\s?[ap]\.?m\.?)"
_TZ = r"(?:\s?(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|JST|AMT)\b)?"

_DATE = "|".join(
    [
        # Monday, March 4, 2019 / Nov. 19, 2019
        rf"{_WEEKDAY}?(?P<m1>{_MONTH})\s{{1,3}}{_DAY.format('d1')},?\s{{1,3}}{_YEAR.format('y1')}",
        # Tue 12 May 2015 / 4th of July, 1999 / 22 de janeiro de 2018 / 19. November 2019
        rf"{_WEEKDAY}?{_DAY.format('d2')}\.?\s{{1,3}}(?:of\s|de\s)?(?P<m2>{_MONTH}),?"
        rf"\s{{1,3}}(?:de\s|del\s)?{_YEAR.format('y2')}",
        # 2008-03-01 / 2019/11/19 / 2019.11.19
        rf"{_YEAR.format('y3')}(?P<sep3>[-/.])(?P<m3>[01]?\d)(?P=sep3)(?P<d3>[0-3]?\d)(?!\d)",
        # 19.11.2019, 27/09/2018, 11.14.2019: read by _numeric_order
        rf"(?<![\d./])(?P<a4>[0-3]?\d)(?P<sep4>[./])(?P<b4>[0-3]?\d)(?P=sep4){_YEAR.format('y4')}",
        # 11/20/19 6:38 AM: a two-digit year only as a time stamp, a clock right after it
        r"(?<![\d./])(?P<a5>[0-3]?\d)(?P<sep5>[./])(?P<b5>[0-3]?\d)(?P=sep5)(?P<y5>[12]\d)"
        r"(?=,?\s{1,2}(?:at\s)?[012]?\d[:.h][0-5]\d)",
        # 2019年11月20日 / 2019년 11월 20일 (Chinese, Japanese, Korean)
        rf"{_YEAR.format('y6')}\s?[年년]\s?(?P<m6>[01]?\d)\s?[月월]\s?(?P<d6>[0-3]?\d)\s?[日일]",
    ]
)
# After the date: no letter or digit of the same word. A capital may follow (the
# renderer glues the next span on: "Nov. 20, 2019Updated", "18.11.2019Get short URL"),
# and so may a clock ("Nov 20 20194:29 AM"), but never a lower-case letter or a
# digit that is not a clock ("2019s", "20191").
_DATE_END = r"(?!_|\d(?!\d?[:.][0-5]\d)|(?-i:[a-zß-ÿ]))"
_TIME_SEP = r"\s{0,2}(?:--?|[|/•·–—])\s{0,2}"  # "November 18, 2019 -- 19:14 GMT"
DATE_RE = re.compile(
    rf"(?:(?P<pre>{_TIME}){_TZ},?\s)?(?<![\w])(?:{_DATE}){_DATE_END}"
    rf"(?:(?:,?\s{{1,3}}|,?\s?(?:at|à|às|a las|um|alle)\s|{_TIME_SEP}|T|(?=\d))"
    rf"(?P<post>{_TIME}){_TZ})?",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"([012]?\d)(?:[:.h]([0-5]\d))?\s?([ap])?\.?m?\.?", re.I)

# What a line says about the date it holds. Checked on the words before the date.
PUBLISHED_RE = re.compile(
    r"\b(?:published|posted|publish(?:ed)? (?:on|date)|publish date|publication date"
    r"|first published|originally published"
    r"|publicado|publicada|publié|publiée|veröffentlicht|publiziert|pubblicato|gepubliceerd"
    r"|опубликовано|опубліковано|opublikowano|publikováno|yayınlanma|publicerad|publicerat"
    r"|udgivet|publisert|diterbitkan|dipublikasikan|publicat|publicată|公開日|投稿日|发布时间|发布日期|發佈時間|發布日期"
    r"|기사입력|입력|등록일|게시일)\b",
    re.I,
)
UPDATED_RE = re.compile(
    r"\b(?:updated?|last (?:updated|modified|edited)|modified|edited|revised|atualizado"
    r"|actualizado|mis à jour|aktualisiert|aggiornato|обновлено|更新日|更新时间|수정|최종수정)\b",
    re.I,
)
# Dates that are not when the page was published: infobox and biography labels,
# events, releases, page furniture ("today", the masthead edition).
NOT_PUBLICATION_RE = re.compile(
    r"(?:^|[\s(])[bd]\.\s|\b(?:born|died|birth|death|buried|baptised|baptized|assumed office"
    r"|took office|in office|term (?:began|ended|of office)|succeeded|preceded|incumbent"
    r"|inaugurated|elected|founded|established|incorporated|opened|closed|released|premiered|aired"
    r"|launched|married|spouse|nascido|nacido|né|née|geboren|gestorben|morto|falecido"
    r"|fallecido|mort|décès|retrieved|accessed|archived|copyright|today is|today's paper"
    r"|print edition|deadline|expires|valid until|event date|starts|ends"
    r"|photo|image|credit|caption|reign|coronation|burial|graduated|joined|appointed|ordained"
    r"|installed|dedicated|inducted|immigration|emigrated|marriage|contract (?:until|expires|ends)"
    r"|naissance"
    r"|décès|geburt|geboren|gestorben|дата рождения|дата смерти|родился|умер|nacimiento"
    r"|fallecimiento|date of birth|date of death|d\.o\.b)\b|\bsource\s?:",
    re.I,
)

# Labels of another article's date: a teaser's, the next or the previous post's.
OTHER_ARTICLE_RE = re.compile(
    r"\b(?:next|previous|prev|older|newer) (?:article|post|story|entry)\b|\brelated\b"
    r"|\btrending\b|\bmost (?:read|popular|viewed)\b|\bup next\b|\bread next\b"
    r"|\bmore from\b|\byou (?:may|might) also like\b|\brecommended\b",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    iso: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    start: int
    end: int
    # read day first by convention only ("04.03.2019": day and month both at most 12);
    # right on European pages, wrong on the American ones that print 11.05.2019
    day_first_guess: bool = False


def _numeric_order(match: re.Match[str], k: str) -> str | None:
    """An all-numeric day and month in the order only one reading allows: a
    number above 12 is the day ("27/09/2018", "11.14.2019"); with both at most
    12, dots are read day first (the European order) and slashes not at all
    ("03/04/2019" is March 4 in one country and April 3 in another). A
    two-digit year (``k`` "5", only before a clock) is of this century."""
    a, b, year = int(match.group(f"a{k}")), int(match.group(f"b{k}")), int(match.group(f"y{k}"))
    year += 2000 if year < 100 else 0
    if a > 12 and b <= 12:
        return valid_iso(year, b, a)
    if b > 12 and a <= 12:
        return valid_iso(year, a, b)
    if a <= 12 and b <= 12 and match.group(f"sep{k}") == ".":
        return valid_iso(year, b, a)
    return None


def _date_of(match: re.Match[str]) -> str | None:
    for k in "45":
        if match.group(f"y{k}") is not None:
            return _numeric_order(match, k)
    for k in "1236":
        year = match.group(f"y{k}")
        if year is None:
            continue
        month_text = match.group(f"m{k}")
        month = (
            int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
        )
        day = int(match.group(f"d{k}"))
        return valid_iso(int(year), month or 0, day)
    return None


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_iso(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if month == 2 and day == 29 and not leap:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _clock(text: str | None) -> str | None:
    if not text:
        return None
    m = TIME_RE.fullmatch(text.strip())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 else None


def find_dates(line: str) -> list[FoundDate]:
    """Every complete date in ``line`` with its span (a clock time beside it kept)."""
    if len(line) > 2000:  # a paragraph, not a date line: look at its ends only
        return [d for d in find_dates(line[:300]) if d.end <= 300]
    out = []
    for match in DATE_RE.finditer(line):
        iso = _date_of(match)
        if iso is None:
            continue
        clock = _clock(match.group("pre") or match.group("post"))
        k = "4" if match.group("y4") is not None else "5"
        pair = (match[f"a{k}"], match[f"b{k}"])
        guess = pair[0] is not None and max(map(int, pair)) <= 12 and pair[0] != pair[1]
        iso = f"{iso}T{clock}" if clock else iso
        out.append(FoundDate(iso, match.start(), match.end(), guess))
    return out


def find_date(line: str) -> tuple[str, re.Match[str] | FoundDate] | None:
    """The first complete date in ``line`` as ISO 8601, and where it is."""
    found = find_dates(line)
    return (found[0].iso, found[0]) if found else None


# A label ending in a colon or a tab ("Contract until: 30 June 2025", "Naissance\t17 janvier").
LABEL_RE = re.compile(r"([^\W\d][\w .'’()-]{0,40}?)\s?(?::|\t)\s?$")
RANGE_RE = re.compile(r"^\s?(?:[-–—]|to|until|bis|au|al|hasta)\s", re.I)
RANGE_END_RE = re.compile(r"(?:[-–—]|\bto|\buntil|\bbis|\bau|\bhasta)\s?$", re.I)
AGE_RE = re.compile(
    r"^[\s,]{0,3}\(?(?:age|aged|à|im alter|лет|anos|años)\b|^[\s,]{0,3}\(\d{1,3}\)", re.I
)


def date_role(line: str, found: FoundDate, previous: str | None = None) -> str | None:
    """What the line says the date is: "published", "updated", "other" (born,
    released, in office, a range of dates, any other label) or None when it
    does not say. ``previous`` is the line above, which may be the label
    ("Born" on one line, the date on the next, as infoboxes print)."""
    before = line[max(0, found.start - 60) : found.start]
    after = line[found.end :][:30]
    if NOT_PUBLICATION_RE.search(before) or NOT_PUBLICATION_RE.search(after):
        return "other"
    if OTHER_ARTICLE_RE.search(before):
        return "other"  # "Next article: Nov 3, 2019", "Related | Nov 3, 2019"
    following = RANGE_RE.match(after) and find_dates(line[found.end :][:60])
    if following or RANGE_END_RE.search(before) and find_dates(before):
        return "other"  # "3 May 2010 – 17 December 2013": a term, a life, not a day
    if AGE_RE.match(after) or before.rstrip().endswith(("*", "†", "✝", "⚭")):
        return "other"  # "11 March 1957 (age 66)", "* 4. Juni 1931"
    if UPDATED_RE.search(before):
        return "updated"
    if PUBLISHED_RE.search(before):
        return "published"
    label = LABEL_RE.search(before)
    if label and not PUBLISHED_RE.search(label.group(1)):
        return "other"  # "Graduated: June 10, 1984", "Appointed CEO: 5 January 2004"
    if previous is not None and not before.strip():
        head = previous.strip()
        if len(head.split()) <= 4 and UPDATED_RE.search(head):
            return "updated"
        if len(head.split()) <= 4 and PUBLISHED_RE.search(head):
            return "published"  # "Publish date:" above "Oct 4, 2018"
        if len(head.split()) <= 4 and (NOT_PUBLICATION_RE.match(head) or head.endswith(":")):
            return "other"  # "Born" above "March 2, 1966 in Lyon"
        if NOT_PUBLICATION_RE.match(head.split("\t")[0]) and "\t" in head:
            return "other"
    return None


def parse_date(text: str) -> str | None:
    """A day-month-year string as ``YYYY-MM-DD``, or None (never a guess)."""
    found = find_dates(text.strip())
    return found[0].iso[:10] if found else None


ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


def normalise_date(value: object) -> str | None:
    """A date given as metadata (JSON, HTML) as ISO 8601, or None.

    ISO strings are kept (trimmed to minutes); anything else must contain a
    complete date. A bare year or year-month is unknown, never "YYYY-01-01".
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()[:100]
    m = ISO_RE.match(value)
    if m:
        day = valid_iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day and m.group(4) and int(m.group(4)) < 24:
            return f"{day}T{m.group(4)}:{m.group(5)}"
        return day
    found = find_dates(value)
    return found[0].iso if found else None
