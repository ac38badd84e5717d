"""engines: how two builds of the site are compared, on small trees of files."""

from __future__ import annotations

import json
from pathlib import Path

from eme_toolkit.engines import Comparison


def tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def differences(tmp_path: Path, a: dict[str, str | bytes], b: dict[str, str | bytes]) -> list:
    first, second = tree(tmp_path / "mkdocs", a), tree(tmp_path / "properdocs", b)
    return list(Comparison(first, second).differences())


SITE: dict[str, str | bytes] = {
    "index.html": "<html>\n<head><title>Home</title></head>\n<body>Peer groups</body>\n</html>\n",
    "fi/index.html": "<html>\n<body>Vertaisryhmät</body>\n</html>\n",
    "assets/favicon.png": b"\x89PNG\r\n\x1a\n\x00\xff",
}


def test_the_same_files_with_the_same_bytes_make_no_difference(tmp_path: Path) -> None:
    assert differences(tmp_path, SITE, dict(SITE)) == []


def test_a_file_built_by_one_engine_only_is_named_with_that_engine(tmp_path: Path) -> None:
    found = differences(tmp_path, {**SITE, "extra.html": "x"}, {**SITE, "sitemap.xml": "y"})
    assert found == [
        ["extra.html: only in the mkdocs build"],
        ["sitemap.xml: only in the properdocs build"],
    ]


def test_a_changed_page_shows_where_it_differs_and_its_diff(tmp_path: Path) -> None:
    changed = {**SITE, "index.html": str(SITE["index.html"]).replace("Home", "Start")}
    [found] = differences(tmp_path, SITE, changed)
    assert found[0] == "index.html: differs from line 2, column 14"
    assert found[1] == "  mkdocs: '<head><title>Home</title></head>'"
    assert found[2] == "  properdocs: '<head><title>Start</title></head>'"
    assert "    -<head><title>Home</title></head>" in found
    assert "    +<head><title>Start</title></head>" in found


def test_a_difference_deep_in_one_long_line_is_shown_around_it(tmp_path: Path) -> None:
    docs = [{"location": f"page-{n}/", "text": "word " * 20} for n in range(200)]
    index = json.dumps({"docs": docs})
    other = json.dumps({"docs": [*docs[:150], {**docs[150], "text": "other"}, *docs[151:]]})
    [found] = differences(tmp_path, {"search.json": index}, {"search.json": other})
    column = index.index("word", index.index("page-150/")) + 1  # counted from 1
    assert found[0] == f"search.json: differs from line 1, column {column}"
    assert "page-150" in found[1] and "word" in found[1]
    assert "page-150" in found[2] and "other" in found[2]
    assert all(len(line) < 200 for line in found), [len(line) for line in found]


def test_a_changed_binary_file_gives_its_sizes(tmp_path: Path) -> None:
    changed = {**SITE, "assets/favicon.png": b"\x89PNG\r\n\x1a\n\x00\xfe\x00"}
    assert differences(tmp_path, SITE, changed) == [
        ["assets/favicon.png: the bytes differ (10 and 11 bytes)"]
    ]


def test_a_long_diff_is_cut_short(tmp_path: Path) -> None:
    many = "".join(f"line {n}\n" for n in range(100))
    [found] = differences(tmp_path, {"a.txt": many}, {"a.txt": many.replace("line", "LINE")})
    assert found[-1].strip().startswith("… ") and found[-1].endswith("more lines of diff")
    assert len(found) < 20
