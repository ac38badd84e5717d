"""What the translation tools need from mkdocs.yml, and the one edit they make to it.

mkdocs.yml is read with a plain YAML loader (tags such as !ENV give their default) so that the
tools stay fast and do not depend on MkDocs internals. The only edit, adding a language, is a
text insertion: every other byte of the file, comments and tags included, stays as it was.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

COMPLETE = "complete"
IN_PROGRESS = "in progress"
KINDS = (COMPLETE, IN_PROGRESS)
# ISO 639 language, optionally a script or region: fi, sv, pt-BR, zh-Hant.
CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")


class ConfigError(ValueError):
    """A problem in the configuration, at `path:line`, with what to do about it."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that reads tagged values (!ENV [NAME, default], !relative) as their default."""


def _tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        return items[-1] if items else None
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass
class Language:
    code: str
    name: str
    default: bool
    complete: bool

    @property
    def kind(self) -> str:
        return COMPLETE if self.complete else IN_PROGRESS


@dataclass
class Site:
    """The site as the translation tools see it."""

    config_path: Path
    docs_dir: Path
    languages: list[Language]
    keep_in_english: list[str] = field(default_factory=list)
    nav_titles: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.config_path.parent

    @property
    def default(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    def language(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def display(self, path: Path) -> str:
        """A path as an editor types it: relative to the project when possible."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def line_of(text: str, pattern: str, default: int = 1) -> int:
    match = re.search(pattern, text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else default


def _i18n_config(raw: dict) -> dict | None:
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            return plugin["i18n"]
    return None


def _nav_titles(nav: object) -> list[str]:
    """Every title in the nav, in order, each once: what nav_translations translates."""
    titles: list[str] = []
    if isinstance(nav, list):
        for item in nav:
            if isinstance(item, dict):
                for title, child in item.items():
                    if title not in titles:
                        titles.append(str(title))
                    titles += [t for t in _nav_titles(child) if t not in titles]
    return titles


def load_site(config_path: Path) -> Site:
    """Read mkdocs.yml; raise ConfigError naming the line and the fix when it is unusable."""
    config_path = config_path.resolve()
    try:
        text = config_path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(
            config_path, 1, f"cannot read the configuration ({error.strerror})"
        ) from None
    try:
        raw = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(
            config_path, mark.line + 1 if mark else 1, f"not valid YAML: {error}"
        ) from None
    docs_dir = config_path.parent / str(raw.get("docs_dir") or "docs")
    i18n = _i18n_config(raw)
    plugins_line = line_of(text, r"^plugins:")
    if not i18n or not isinstance(i18n.get("languages"), list):
        raise ConfigError(
            config_path, plugins_line, "no i18n plugin with a languages: list under plugins:"
        )
    languages_line = line_of(text, r"^\s+languages:", plugins_line)
    extra = raw.get("extra") or {}
    kinds = extra.get("translations") or {}
    kinds_line = line_of(text, r"^\s+translations:", line_of(text, r"^extra:"))
    languages = []
    for entry in i18n["languages"]:
        code = str((entry or {}).get("locale", ""))
        if not code:
            raise ConfigError(config_path, languages_line, "a language has no locale: code")
        # A language not listed is in progress: it may lack pages, never whole ones' parts.
        kind = kinds.get(code, IN_PROGRESS)
        if kind not in KINDS:
            raise ConfigError(
                config_path,
                line_of(text, rf"^\s+{re.escape(code)}:\s*{re.escape(str(kind))}", kinds_line),
                f"language {code!r} is {kind!r} under extra: translations: "
                f"write '{code}: complete' or '{code}: in progress'",
            )
        languages.append(
            Language(
                code, str(entry.get("name") or code), bool(entry.get("default")), kind == COMPLETE
            )
        )
    defaults = [lang for lang in languages if lang.default]
    if len(defaults) != 1:
        raise ConfigError(
            config_path, languages_line, "exactly one language must have default: true"
        )
    for code in kinds:
        if code not in {lang.code for lang in languages}:
            raise ConfigError(
                config_path,
                line_of(text, rf"^\s+{re.escape(str(code))}:", kinds_line),
                f"extra: translations: lists {code!r}, which is not among the i18n languages: "
                "remove the line or add the language with add-language",
            )
    keep = [str(name) for name in extra.get("keep_in_english") or []]
    return Site(config_path, docs_dir, languages, keep, _nav_titles(raw.get("nav")))


def material_has_language(code: str) -> bool:
    """Material for MkDocs ships a UI translation (buttons, search, labels) for `code`."""
    spec = importlib.util.find_spec("material")
    if not spec or not spec.submodule_search_locations:
        return False
    base = Path(next(iter(spec.submodule_search_locations)))
    return (base / "templates" / "partials" / "languages" / f"{code}.html").is_file()


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """Index after the last line of the block that starts at `start` (deeper than `indent`)."""
    end = start + 1
    last = start
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.lstrip().startswith("#"):
            if len(line) - len(line.lstrip()) <= indent:
                break
            last = end
        end += 1
    return last + 1


def reader_texts(text: str, nav_titles: list[str]) -> dict[str, object]:
    """The settings that hold words readers see, as the default language has them.

    A new language starts from these (the site name and description, the colour scheme
    toggles, the menu titles) so that its translator finds every one in its entry.
    """
    raw = yaml.load(text, Loader=_Loader) or {}
    texts: dict[str, object] = {k: raw[k] for k in ("site_name", "site_description") if k in raw}
    palette = (raw.get("theme") or {}).get("palette")
    if isinstance(palette, list) and any(isinstance(p, dict) and "toggle" in p for p in palette):
        texts["theme"] = {"palette": palette}
    if nav_titles:
        texts["nav_translations"] = {title: title for title in nav_titles}
    return texts


def add_language_to_config(text: str, code: str, name: str, texts: dict[str, object]) -> str:
    """Insert the language into the i18n languages list and extra: translations.

    Only new lines are inserted; the rest of the text is returned unchanged.
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.endswith("\r\n") else "\n"
    i18n = next((i for i, line in enumerate(lines) if re.match(r"^\s*-\s+i18n:\s*$", line)), None)
    if i18n is None:
        raise ValueError("no '- i18n:' entry under plugins:")
    languages = next(
        (i for i in range(i18n + 1, len(lines)) if re.match(r"^\s+languages:\s*$", lines[i])),
        None,
    )
    if languages is None:
        raise ValueError("no 'languages:' list in the i18n plugin")
    key_indent = len(lines[languages]) - len(lines[languages].lstrip())
    end = _block_end(lines, languages, key_indent)
    first_item = lines[languages + 1]
    item_indent = " " * (len(first_item) - len(first_item.lstrip()))
    inner = item_indent + "  "
    entry = [
        f"{item_indent}- locale: {code}",
        f"{inner}name: {_yaml_str(name)}",
        f"{inner}build: true",
    ]
    if texts:
        entry.append(f"{inner}# In English until translated: translate the text after each colon.")
        dumped = yaml.safe_dump(texts, allow_unicode=True, sort_keys=False, width=88)
        entry += [f"{inner}{line}" for line in dumped.splitlines()]
    lines[end:end] = [line + newline for line in entry]

    translations = next(
        (i for i, line in enumerate(lines) if re.match(r"^  translations:\s*$", line)), None
    )
    extra = next((i for i, line in enumerate(lines) if re.match(r"^extra:\s*$", line)), None)
    if translations is None or extra is None or translations < extra:
        raise ValueError("no 'translations:' mapping under extra:")
    end = _block_end(lines, translations, 2)
    lines.insert(end, f"    {code}: {IN_PROGRESS}{newline}")
    return "".join(lines)


def _yaml_str(value: str) -> str:
    """A YAML scalar for `value`, quoted only when plain style would misread it."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
    return dumped.removesuffix("\n...\n").strip()
