"""`python -m eme_toolkit`: the editors' CLI, as the `eme-i18n` console script runs it."""

from eme_toolkit.cli import main

main()
