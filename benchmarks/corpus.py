"""Synthetic corpora made from the real pages, for measuring how the site scales.

A corpus of N practices in L languages copies docs/<lang>/ of the real site and replaces the one
practice page with N copies of it: new file names, new heading ids, varied numbers, every language
in step. Languages beyond English and Finnish reuse the Finnish text under codes that Material has
a UI translation for. The corpus' mkdocs.yml is derived from the real one at run time, so the
project's theme overrides, hooks and plugins are measured as they are.
"""

from __future__ import annotations

import copy
import functools
import gzip
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import get_yaml_loader

ROOT = Path(__file__).resolve().parent.parent
REAL_CONFIG = ROOT / "mkdocs.yml"
# The editors' CLI, as installed by `make install`.
I18N_CLI = (sys.executable, "-m", "eme_toolkit")
PRACTICE = "peer-groups.md"
# English first (the default language), then Finnish, then codes with a Material UI translation:
# Swedish, then Arabic (right to left), Ukrainian (no lunr stemmer in Material), Persian (both),
# Estonian (no stemmer), so that 7 languages hold every kind.
LANGUAGES = ("en", "fi", "sv", "ar", "uk", "fa", "et", "de", "fr", "nb")
LANGUAGE_NAMES = {
    "sv": "Svenska",
    "ar": "العربية",
    "uk": "Українська",
    "fa": "فارسی",
    "de": "Deutsch",
    "fr": "Français",
    "nb": "Norsk",
    "da": "Dansk",
    "et": "Eesti",
    "nl": "Nederlands",
    "it": "Italiano",
}
# Rough size of one practice page in one language once built (HTML with a nav that lists every
# practice, plus its share of the search index); used to refuse corpora that cannot fit.
BYTES_PER_PAGE = 60_000
NAV_BYTES_PER_ENTRY = 400

HEADING_ID = re.compile(r"^(#+ .*\{[^}]*#)([\w-]+)", re.MULTILINE)
PRACTICE_LINK = re.compile(re.escape(PRACTICE) + r"(#[\w-]+)?")
NUMBER = re.compile(r"(?<![\w#-])\d+(?![\w-])")
WORD = re.compile(r"[^\W\d_]{4,}")
# Markup whose words are no prose: attribute lists, link targets, HTML tags, code spans.
MARKUP = re.compile(r"\{[^}\n]*\}|\]\([^)\n]*\)|<[^>\n]*>|`[^`\n]*`")


@dataclass(frozen=True)
class Corpus:
    """Paths of one generated corpus."""

    root: Path
    languages: tuple[str, ...]
    practices: int
    i18n_config: Path  # the project's settings, all languages
    plain_config: Path  # stock MkDocs + Material, one language, no i18n plugin

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def practice_files(self) -> list[str]:
        return [practice_name(i) for i in range(1, self.practices + 1)]


def practice_name(i: int) -> str:
    return f"practice-{i:03d}.md"


def estimated_bytes(practices: int, languages: int) -> int:
    """Disk needed for the sources and one built site of a corpus (generous)."""
    pages = (practices + 4) * languages
    return pages * (BYTES_PER_PAGE + NAV_BYTES_PER_ENTRY * practices) * 2


def load_config(path: Path = REAL_CONFIG) -> dict[str, Any]:
    """Read an mkdocs.yml, resolving !ENV tags to their environment or default values."""
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=get_yaml_loader())


def source_language(lang: str) -> str:
    return lang if lang in ("en", "fi") else "fi"


@functools.cache
def vocabulary(lang: str) -> tuple[str, ...]:
    """The words of the real pages of a language, each once."""
    words = set()
    for page in (ROOT / "docs" / source_language(lang)).glob("*.md"):
        words.update(WORD.findall(MARKUP.sub(" ", page.read_text(encoding="utf-8"))))
    return tuple(sorted(words))


def reword(body: str, words: tuple[str, ...], seed: str) -> str:
    """The body with each word of its prose drawn from `words`: the same markup, numbers and
    links, and text that compresses like real prose, not like the same page repeated."""
    rng = random.Random(seed)

    def word(match: re.Match[str]) -> str:
        # A real word, or (two in five) the start of one and the end of another: a site of
        # many practices has far more words than one page, as a small vocabulary would not.
        first, second = rng.choice(words), rng.choice(words)
        if rng.random() >= 0.6:
            first = first[: max(2, len(first) // 2)] + second[len(second) // 2 :]
        return first[:1].upper() + first[1:] if match[0][:1].isupper() else first.lower()

    out, position = [], 0
    for markup in MARKUP.finditer(body):
        out += [WORD.sub(word, body[position : markup.start()]), markup[0]]
        position = markup.end()
    return "".join([*out, WORD.sub(word, body[position:])])


def vary_practice(text: str, i: int, words: tuple[str, ...] = ()) -> str:
    """One practice page turned into practice number i: new heading ids, numbers and title, and
    its prose reworded from the language's words, if given."""
    body_start = text.find("\n---", 3) + 4 if text.startswith("---") else 0
    front, body = text[:body_start], text[body_start:]
    if words:
        body = reword(body, words, f"practice-{i}")
    # Vary numbers in the prose, but keep the number list of the real page recognisable.
    body = NUMBER.sub(lambda m: str(int(m.group()) + (i - 1) % 5), body)
    body = HEADING_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}-{i:03d}", body)
    # A distinct title per practice, so nav, search results and tags are not all alike.
    front = re.sub(r"^title: (.*)$", rf"title: \1 {i}", front, count=1, flags=re.MULTILINE)
    body = re.sub(r"^# (.*?)( \{|$)", rf"# \1 {i}\2", body, count=1, flags=re.MULTILINE)
    return front + body


def relink(text: str) -> str:
    """Point links to the real practice page at the first synthetic practice."""

    def sub(m: re.Match[str]) -> str:
        anchor = f"{m.group(1)}-001" if m.group(1) else ""
        return practice_name(1) + anchor

    return PRACTICE_LINK.sub(sub, text)


def write_docs(docs: Path, languages: tuple[str, ...], practices: int) -> None:
    for lang in languages:
        src = ROOT / "docs" / source_language(lang)
        dst = docs / lang
        shutil.copytree(src, dst, ignore=shutil.ignore_patterns(PRACTICE))
        for page in dst.rglob("*.md"):
            page.write_text(relink(page.read_text(encoding="utf-8")), encoding="utf-8")
        practice = (src / PRACTICE).read_text(encoding="utf-8")
        for i in range(1, practices + 1):
            varied = vary_practice(practice, i, vocabulary(lang))
            (dst / practice_name(i)).write_text(varied, encoding="utf-8")


def corpus_nav(nav: list[Any], practices: list[str]) -> list[Any]:
    """The real nav with the practice page replaced by a section of all practices."""
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict):
            ((label, target),) = item.items()
            if target == PRACTICE:
                out.append({label: list(practices)})
            elif isinstance(target, list):
                out.append({label: corpus_nav(target, practices)})
            else:
                out.append(item)
        elif item == PRACTICE:
            out.extend(practices)
        else:
            out.append(item)
    return out


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _language_entries(real: list[dict[str, Any]], languages: tuple[str, ...]) -> list[Any]:
    by_locale = {entry["locale"]: entry for entry in real}
    entries = []
    for lang in languages:
        if lang in by_locale:
            entries.append(copy.deepcopy(by_locale[lang]))
            continue
        entry = copy.deepcopy(by_locale[source_language(lang)])
        entry.update(locale=lang, name=LANGUAGE_NAMES.get(lang, lang), default=False)
        entries.append(entry)
    return entries


def i18n_config(
    real: dict[str, Any], docs: Path, languages: tuple[str, ...], nav: list[Any]
) -> dict:
    """The project's own settings, pointed at the corpus and adapted to its languages."""
    cfg = copy.deepcopy(real)
    cfg["docs_dir"] = str(docs)
    cfg["nav"] = nav
    theme = cfg.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((ROOT / theme["custom_dir"]).resolve())
    for entry in cfg.get("plugins", []):
        if _plugin_name(entry) == "i18n":
            options = entry["i18n"]
            options["languages"] = _language_entries(options["languages"], languages)
        if _plugin_name(entry) == "eme-toolkit":
            # Every language of a corpus is whole and in step with English.
            entry["eme-toolkit"]["translations"] = dict.fromkeys(languages, "complete")
            # Print buttons on the pages a corpus has: its practices replace the practice.
            printable = entry["eme-toolkit"].get("print_button", [])
            entry["eme-toolkit"]["print_button"] = [
                name for name in printable if (docs / languages[0] / name).is_file()
            ]
    return cfg


def plain_config(real: dict[str, Any], docs: Path, nav: list[Any]) -> dict[str, Any]:
    """Stock MkDocs + Material: the same pages and Markdown, no i18n plugin, hooks or overrides."""
    theme = {k: v for k, v in real.get("theme", {}).items() if k != "custom_dir"}
    plugins = [p for p in real.get("plugins", []) if _plugin_name(p) in ("search", "tags")]
    keep = (
        "site_name",
        "site_description",
        "site_url",
        "edit_uri",
        "exclude_docs",
        "markdown_extensions",
        "validation",
    )
    cfg = {k: copy.deepcopy(real[k]) for k in keep if k in real}
    cfg.update(docs_dir=str(docs), strict=True, theme=theme, plugins=plugins, nav=nav)
    return cfg


def _only_existing(nav: list[Any], docs: Path) -> list[Any]:
    """Nav entries whose pages exist (pages a hook generates are not in a plain site)."""
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict):
            ((label, target),) = item.items()
            if isinstance(target, list):
                out.append({label: _only_existing(target, docs)})
            elif "://" in str(target) or (docs / target).exists():
                out.append(item)
        elif (docs / item).exists():
            out.append(item)
    return out


def dump(cfg: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def copy_real_site(root: Path) -> Path:
    """A copy of the real site to edit freely; returns its mkdocs.yml (the project's settings)."""
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs)
    real = load_config()
    langs = tuple(
        entry["locale"]
        for plugin in real.get("plugins", [])
        if _plugin_name(plugin) == "i18n"
        for entry in plugin["i18n"]["languages"]
    )
    return dump(i18n_config(real, docs, langs, real.get("nav", [])), root / "mkdocs.yml")


def generate(root: Path, practices: int, languages: int) -> Corpus:
    """Write a corpus of `practices` practices in the first `languages` LANGUAGES under root."""
    if not 1 <= languages <= len(LANGUAGES):
        raise ValueError(f"languages must be 1..{len(LANGUAGES)}, not {languages}")
    if practices < 1:
        raise ValueError(f"practices must be at least 1, not {practices}")
    langs = LANGUAGES[:languages]
    docs = root / "docs"
    write_docs(docs, langs, practices)
    real = load_config()
    nav = corpus_nav(real.get("nav", []), [practice_name(i) for i in range(1, practices + 1)])
    i18n = dump(i18n_config(real, docs, langs, nav), root / "mkdocs.yml")
    plain = dump(
        plain_config(real, docs / "en", _only_existing(nav, docs / "en")), root / "plain.yml"
    )
    mark_translated(i18n, langs[1:])
    return Corpus(root, langs, practices, i18n, plain)


def mark_translated(config: Path, languages: tuple[str, ...]) -> None:
    """Record every translation as up to date, as a translator would after checking it."""
    for lang in languages:
        subprocess.run(
            [*I18N_CLI, "--config", str(config), "mark-translated", lang],
            check=True,
            capture_output=True,
        )


def gzip_ratio(texts: list[str]) -> float:
    """Compressed size over raw size of the texts together, gzip level 6."""
    raw = "".join(texts).encode("utf-8")
    return len(gzip.compress(raw, 6)) / len(raw) if raw else 0.0


def compression(corpus: Corpus) -> dict[str, tuple[float, float]]:
    """Per language of the corpus: the gzip ratio of the real pages, and of its practices."""
    found = {}
    for lang in corpus.languages:
        real = [p.read_text(encoding="utf-8") for p in (ROOT / "docs" / lang).glob("*.md")]
        if not real:
            continue
        practices = [
            (corpus.docs / lang / name).read_text(encoding="utf-8")
            for name in corpus.practice_files()
        ]
        found[lang] = (gzip_ratio(real), gzip_ratio(practices))
    return found
