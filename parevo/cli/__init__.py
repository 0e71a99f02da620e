"""parevo's command line (Typer): `app` is the command tree, `main` the console entry point that
turns a ParevoError into one line on stderr and exit code 2. One module per command group."""

from .app import app, main

__all__ = ["app", "main"]
