"""Links to files of the repository, at the address the site's edit_uri gives."""

from __future__ import annotations

import pytest

from eme_toolkit.repository import RepositoryError, file_base, link_files


@pytest.mark.parametrize(
    ("edit_uri", "repo_url", "base"),
    [
        (
            "https://github.com/eme-toolkit/peer-groups/edit/main/docs/",
            None,
            "https://github.com/eme-toolkit/peer-groups/blob/main/",
        ),
        (
            "https://github.com/someone/fork/edit/preview/docs/",
            "https://github.com/eme-toolkit/peer-groups",
            "https://github.com/someone/fork/blob/preview/",
        ),
        ("edit/main/docs/", "https://github.com/o/n/", "https://github.com/o/n/blob/main/"),
        ("-/edit/dev/site/docs/", "https://gitlab.com/o/n", "https://gitlab.com/o/n/-/blob/dev/"),
        ("edit/main/docs/", None, None),
        ("https://example.org/docs/", None, None),
        ("", "https://github.com/o/n", None),
        (None, None, None),
    ],
)
def test_file_base_follows_edit_uri(edit_uri: str | None, repo_url: str | None, base: str) -> None:
    assert file_base(edit_uri, repo_url) == base


def test_links_to_repository_files_get_their_address() -> None:
    html = '<a href="repository:CONTRIBUTING.md#translate">CONTRIBUTING.md</a> <a href="x/">x</a>'
    base = "https://github.com/o/n/blob/main/"
    assert link_files(html, base, "docs/en/about.md") == (
        '<a href="https://github.com/o/n/blob/main/CONTRIBUTING.md#translate">CONTRIBUTING.md</a>'
        ' <a href="x/">x</a>'
    )


def test_a_link_to_a_repository_file_without_an_address_names_the_page_and_the_fix() -> None:
    with pytest.raises(RepositoryError) as caught:
        link_files('<a href="repository:CONTRIBUTING.md">g</a>', None, "docs/fi/about.md")
    assert str(caught.value).startswith(
        "docs/fi/about.md: the link to repository:CONTRIBUTING.md needs the repository's "
        "address: set edit_uri in mkdocs.yml"
    )


def test_a_page_without_such_links_is_left_as_it_is() -> None:
    html = '<a href="about/">repository</a>'
    assert link_files(html, None, "docs/en/index.md") == html
