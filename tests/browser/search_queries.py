"""What readers type into search, and the section each query must find: the query lists of
tests/browser/test_search.py, in one place so that they can be read, extended and reported.

A section is a page path and its heading's id, relative to the language's folder. Words are
drawn from the pages as they stand (docs/en, docs/fi); the added language (sv in the browser
tests) has English pages, so it is searched with English words and the Swedish stemmer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    typed: str
    section: str  # the section it must find
    kind: str  # as written, inflected, compound part, diacritics, typo
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
]


@dataclass(frozen=True)
class Ranking:
    typed: str
    better: str  # the section that must come first...
    worse: str  # ...before this one, which the query also finds
    why: str


RANKINGS = {
    "en": [
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
            "peer tutor",
            "peer-groups/#resources",
            "peer-groups/#developer",
            "both words in 'a trained peer tutor'; only 'peer' in 'peer groups'",
        ),
    ],
    # The added language's stemmer relates fewer English forms: only what holds without it.
    "added": [
        Ranking(
            "peer tutor",
            "peer-groups/#resources",
            "peer-groups/#developer",
            "both words in 'a trained peer tutor'; only 'peer' in 'peer groups'",
        ),
    ],
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
