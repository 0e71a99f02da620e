"""`python -m parevo.cli ...`: what the tests and subprocess launchers run."""

from .app import main

main()
