"""What readers type into search, and the section each query must find: the query lists of
tests/browser/test_search.py, in one place so that they can be read, extended and reported.

A section is a page path and its heading's id, relative to the language's folder. Words are
drawn from the pages as they stand (docs/en, docs/fi); a language in progress (sv, added by the
browser tests) has English pages, so it is searched with English words and its own stemmer.
benchmarks/search_rates.py reports how many of them each language finds and ranks as asked.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    typed: str
    section: str  # the section it must find
    kind: str  # as written, inflected, compound part, diacritics, typo, phrase, hyphenated...
    note: str = ""  # the form the text has, where it differs


ENGLISH = [
    Query("counsellor", "peer-groups/#resources", "as written"),
    Query("vocational", "peer-groups/#target-group", "as written"),
    Query("counsellors", "peer-groups/#resources", "inflected", "counsellor"),
    Query("developing", "peer-groups/#developer", "inflected", "developed"),
    Query("rehabilitate", "peer-groups/#target-group", "inflected", "rehabilitation"),
    Query("obligation", "peer-groups/#outcomes", "inflected", "obligations"),
    Query("recognise", "peer-groups/#why", "inflected", "recognising"),
    Query("workshops", "peer-groups/#target-group", "inflected", "workshop"),
    Query("job application", "peer-groups/#outcomes", "inflected", "job applications"),
    Query("Pitea", "peer-groups/#quotes", "diacritics", "Piteå"),
    Query("Piteå", "peer-groups/#quotes", "diacritics", "Piteå"),
    Query("councellor", "peer-groups/#resources", "typo", "counsellor"),
    Query("imigrants", "peer-groups/#target-group", "typo", "immigrants"),
    Query("vocatonal", "peer-groups/#target-group", "typo", "vocational"),
    Query("rehabilitaton", "peer-groups/#target-group", "typo", "rehabilitation"),
    Query("empowerement", "peer-groups/#why", "typo", "empowerment"),
    Query("ocupations", "peer-groups/#nutshell", "typo", "occupations"),
    # Phrases: the stop words count for nothing, the other words are found.
    Query("how many hours", "peer-groups/#nutshell", "phrase", "hours"),
    Query("what are the expected outcomes", "peer-groups/#outcomes", "phrase", "expected outcomes"),
    # A hyphenated word of the text, typed with a hyphen, a space or as one word; and the other
    # way round, words written apart in the text typed with a hyphen.
    Query("self-study", "peer-groups/#outcomes", "as written"),
    Query("self study", "peer-groups/#outcomes", "hyphenated", "self-study"),
    Query("selfstudy", "peer-groups/#outcomes", "joined", "self-study"),
    Query("working-life", "peer-groups/#nutshell", "as written"),
    Query("working life", "peer-groups/#nutshell", "hyphenated", "working-life"),
    Query("workinglife", "peer-groups/#nutshell", "joined", "working-life"),
    Query("working-life", "peer-groups/#dos-and-donts", "hyphenated", "working life"),
    Query("jobseekers", "peer-groups/", "joined", "job-seekers"),
    Query("job seeking immigrants", "peer-groups/#target-group", "hyphenated", "job-seeking"),
    Query("peer-groups", "peer-groups/#developer", "hyphenated", "peer groups"),
    Query("peergroups", "peer-groups/#developer", "joined", "peer groups"),
    Query("jobapplications", "peer-groups/#outcomes", "joined", "job applications"),
    # Words near the name of a tag (the tags are skills development, empowerment, method and
    # peer groups): the sections holding them, not the Tags page.
    Query("developments", "peer-groups/#developer", "near a tag", "developed"),
    Query("empowering", "peer-groups/#why", "near a tag", "empowerment"),
    Query("skill", "peer-groups/#nutshell", "near a tag", "skills"),
]

FINNISH = [
    Query("vertaisohjaaja", "peer-groups/#nutshell", "as written"),
    Query("työhakemuksia", "peer-groups/#outcomes", "as written"),
    Query("kieli", "peer-groups/#why", "inflected", "kielen"),
    Query("voimaantuminen", "peer-groups/#why", "inflected", "voimaantumiseen"),
    Query("työhakemus", "peer-groups/#outcomes", "inflected", "työhakemuksia"),
    Query("vertaisohjaajan", "peer-groups/#nutshell", "inflected", "vertaisohjaaja"),
    Query("maahanmuuttajalle", "peer-groups/#target-group", "inflected", "maahanmuuttajille"),
    Query("ansioluettelo", "peer-groups/#outcomes", "inflected", "ansioluetteloita"),
    Query("sanasto", "peer-groups/#outcomes", "compound part", "ammattisanastoa"),
    Query("kotoutuminen", "peer-groups/#why", "compound part", "kotoutumispalvelut"),
    Query("ohjaaja", "peer-groups/#nutshell", "compound part", "ryhmänohjaajilta"),
    Query("ryhmä", "peer-groups/#nutshell", "compound part", "vertaisryhmät"),
    Query("tyoelama", "peer-groups/#why", "diacritics", "työelämää"),
    Query("tyohakemus", "peer-groups/#outcomes", "diacritics", "työhakemuksia"),
    Query("maahanmuutajat", "peer-groups/#why", "typo", "maahanmuuttajat"),
    Query("vertaisohjaja", "peer-groups/#nutshell", "typo", "vertaisohjaaja"),
    Query("ammatilinen", "peer-groups/#nutshell", "typo", "ammatillinen"),
    Query("kotoutumispalvlut", "peer-groups/#why", "typo", "kotoutumispalvelut"),
    Query("ryhmänohjaajitla", "peer-groups/#nutshell", "typo", "ryhmänohjaajilta"),
    Query("tilat", "peer-groups/#resources", "as written"),
    # Phrases: the stop words count for nothing, the other words are found.
    Query("kuinka monta tuntia", "peer-groups/#nutshell", "phrase", "tuntia"),
    Query(
        "mitä menetelmän toteuttamiseksi tarvitaan",
        "peer-groups/#resources",
        "phrase",
        "menetelmän toteuttamiseksi tarvitaan",
    ),
    Query("mihin tätä tarvitaan", "peer-groups/#why", "phrase", "mihin tätä tarvitaan"),
    # Compound words typed with a hyphen, a space or as one word, and a hyphenated word of the
    # text typed with a space or as one word.
    Query("itse-opiskelu", "peer-groups/#outcomes", "hyphenated", "itseopiskelumahdollisuuksiin"),
    Query("itse opiskelu", "peer-groups/#outcomes", "hyphenated", "itseopiskelumahdollisuuksiin"),
    Query("itseopiskelu", "peer-groups/#outcomes", "compound part", "itseopiskelumahdollisuuksiin"),
    Query("työelämä-taidot", "peer-groups/#nutshell", "hyphenated", "työelämätaitoja"),
    Query("EME hanke", "about/#eme", "hyphenated", "EME-hanke"),
    Query("emehanke", "about/#eme", "joined", "EME-hanke"),
    # Words near the name of a tag (osaamisen kehittäminen, voimaannuttaminen, menetelmä,
    # vertaisryhmät): the sections holding them, not the Tags page.
    Query("menetelmät", "peer-groups/#resources", "near a tag", "menetelmän"),
    Query("tunnit", "peer-groups/#nutshell", "near a tag", "tuntia"),
    Query("osaaminen", "peer-groups/#why", "near a tag", "osaamisensa"),
]

# The added language's pages are English pages: English words, the added language's stemmer.
ADDED = [
    Query("counsellor", "peer-groups/#resources", "as written"),
    Query("counsellors", "peer-groups/#resources", "inflected", "counsellor"),
    Query("workshops", "peer-groups/#target-group", "inflected", "workshop"),
    Query("Pitea", "peer-groups/#quotes", "diacritics", "Piteå"),
    Query("Piteå", "peer-groups/#quotes", "diacritics", "Piteå"),
    Query("councellor", "peer-groups/#resources", "typo", "counsellor"),
    Query("imigrants", "peer-groups/#target-group", "typo", "immigrants"),
    Query("how many hours", "peer-groups/#nutshell", "phrase", "hours"),
    Query("self-study", "peer-groups/#outcomes", "as written"),
    Query("self study", "peer-groups/#outcomes", "hyphenated", "self-study"),
    Query("selfstudy", "peer-groups/#outcomes", "joined", "self-study"),
    Query("working life", "peer-groups/#nutshell", "hyphenated", "working-life"),
    Query("workinglife", "peer-groups/#nutshell", "joined", "working-life"),
    Query("jobseekers", "peer-groups/", "joined", "job-seekers"),
    Query("peergroups", "peer-groups/#developer", "joined", "peer groups"),
]


@dataclass(frozen=True)
class Ranking:
    typed: str
    better: str  # the section that must come first...
    worse: str  # ...before this one, which the query also finds ("": its page leads the list)
    why: str


def ranked(ranking: Ranking, links: list[str]) -> bool:
    """Whether the result list's links (relative to the language's folder, in order) rank as
    `ranking` asks."""
    if not ranking.worse:
        return bool(links) and links[0] == ranking.better.split("#")[0] and ranking.better in links
    order = [link for link in links if link in (ranking.better, ranking.worse)]
    return order[:1] == [ranking.better] and ranking.worse in order


ENGLISH_RANKINGS = [
    Ranking(
        "job applications",
        "peer-groups/#outcomes",
        "peer-groups/#applicability",
        "'write job applications' holds both words; 'Applicability' only the stem of one",
    ),
    Ranking(
        "training",
        "peer-groups/#why",
        "peer-groups/#resources",
        "'vocational training' as typed ranks above 'a trained peer tutor', another form",
    ),
    Ranking(
        "language",
        "peer-groups/#why",
        "",
        "the practice's 'learning the language' before the About page's languages of the site",
    ),
    Ranking(
        "self-study",
        "peer-groups/#outcomes",
        "",
        "the practice's 'self-study' leads; the About page does not hold it",
    ),
    Ranking(
        "how many hours",
        "peer-groups/#nutshell",
        "about/#changes",
        "'18–32 hours' in the practice before the About page's table quoting it",
    ),
    Ranking(
        "trained peer tutor",
        "peer-groups/#resources",
        "about/#eme",
        "all three words in 'a trained peer tutor'; only 'peer' on the About page",
    ),
    Ranking(
        "peer tutor",
        "peer-groups/#resources",
        "peer-groups/#developer",
        "both words in 'a trained peer tutor'; only 'peer' in 'peer groups'",
    ),
]

# The added language's stemmer relates fewer English forms: only what holds without it.
ADDED_RANKINGS = [
    ranking
    for ranking in ENGLISH_RANKINGS
    if ranking.typed in {"how many hours", "peer tutor", "language", "self-study"}
]

RANKINGS = {
    "en": ENGLISH_RANKINGS,
    "added": ADDED_RANKINGS,
    "fi": [
        Ranking(
            "tulokset kieli",
            "peer-groups/#outcomes",
            "peer-groups/#why",
            "'Odotetut tulokset' holds both words in some form; #why only 'kielen'",
        ),
        Ranking(
            "ohjeet",
            "peer-groups/#dos-and-donts",
            "peer-groups/#why",
            "'Ohjeet' as typed ranks above 'ohjausta', which only shares the stem 'ohj'",
        ),
        Ranking(
            "tuntia",
            "peer-groups/#nutshell",
            "about/#changes",
            "'18–32 tuntia' in the practice before the About page's table quoting it",
        ),
        Ranking(
            "kieli",
            "peer-groups/#why",
            "",
            "the practice's 'kielen oppimiseen' before the About page's languages of the site",
        ),
        Ranking(
            "tunnit",
            "peer-groups/#nutshell",
            "tags/",
            "'tuntia' in the practice; 'Tunnisteet' (Tags) merely begins like it",
        ),
        Ranking(
            "itse opiskelu",
            "peer-groups/#outcomes",
            "",
            "the practice's 'itseopiskelumahdollisuuksiin' leads",
        ),
    ],
}

# Near misses that must not be found: a shorter stem or a typo's neighbour is no match.
NOT_FOUND = {
    "fi": [Query("ohjaaja", "about/#changes", "false prefix", "has 'Ohjeet', no 'ohjaaja'")],
}


def queries(lang: str) -> list[Query]:
    """The queries of a language of the browser tests' site (en, fi, or the added one)."""
    return {"en": ENGLISH, "fi": FINNISH}.get(lang, ADDED)


def rankings(lang: str) -> list[Ranking]:
    return RANKINGS.get(lang, RANKINGS["added"])
