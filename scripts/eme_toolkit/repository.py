"""Links to files of the site's source repository, such as the editors' guide.

A page links to a file of the repository, rather than of the site, as
`[CONTRIBUTING.md](repository:CONTRIBUTING.md)`: the path from the repository's top folder.
The address comes from the site's settings, so that a fork or a preview links to its own
repository: `edit_uri` (absolute, or relative to `repo_url`) names the repository, the branch
and the docs folder, `https://github.com/OWNER/NAME/edit/BRANCH/docs/`, and the file is at
`https://github.com/OWNER/NAME/blob/BRANCH/PATH` (GitLab's `-/edit/` works the same way).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

SCHEME = "repository:"
LINK = re.compile(r'href="repository:([^"#]*)(#[^"]*)?"')
EDIT = "/edit/"


class RepositoryError(ValueError):
    """A page links to a file of the repository, but the settings do not say where it is."""


def file_base(edit_uri: str | None, repo_url: str | None) -> str | None:
    """The address that a file's path in the repository follows, ending in '/'; None when
    edit_uri does not name a repository's branch."""
    if not edit_uri:
        return None
    edit = urljoin(repo_url.rstrip("/") + "/", edit_uri) if repo_url else edit_uri
    if not re.match(r"https?://", edit) or EDIT not in edit:
        return None
    repository, _, rest = edit.partition(EDIT)
    branch = rest.split("/", 1)[0]
    if not branch:
        return None
    return f"{repository}/blob/{branch}/"


def link_files(html: str, base: str | None, where: str) -> str:
    """The page's HTML with each link to a repository file at its address in the repository;
    RepositoryError, naming the page (`where`) and the fix, when there is no address. (A
    build may run on a copy of the docs alone: tests/site/test_site_about.py checks that each
    such file is in the repository.)"""
    if SCHEME not in html:
        return html

    def address(match: re.Match[str]) -> str:
        if base is None:
            raise RepositoryError(
                f"{where}: the link to {SCHEME}{match[1]} needs the repository's address: set "
                "edit_uri in mkdocs.yml to the edit address of the docs folder, such as "
                "https://github.com/OWNER/NAME/edit/main/docs/ (or a relative one and repo_url)"
            )
        return f'href="{base}{match[1].lstrip("/")}{match[2] or ""}"'

    return LINK.sub(address, html)
