"""The package version, in a module of its own: importing it loads nothing else of parevo
(the package root imports the verifier)."""

__version__ = "0.1.0"
