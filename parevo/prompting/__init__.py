"""Prompt rendering: the one Jinja2 set-up behind every prompt parevo sends (the agent's,
the benchmark's, the corpus's). The words live in templates shipped as package data
(`prompting/templates/`, `corpus/prompts/`); modules only gather what the templates need, so a user
changes wording without touching code. Undefined variables are errors, not empty text: a
template that names something the code does not pass fails in tests, not silently in a prompt."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2


@lru_cache(maxsize=None)
def _env(directory: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(directory), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)


def tidy(text: str) -> str:
    """At most one blank line in a row (optional template blocks leave runs of them), one final newline."""
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def render(directory: Path, name: str, **context) -> str:
    """Renders template `name` from `directory`."""
    return tidy(_env(str(directory)).get_template(name).render(**context))


def render_text(template: str, **context) -> str:
    """Renders a template given as text (a user's system prompt from the config)."""
    return tidy(jinja2.Template(template, undefined=jinja2.StrictUndefined).render(**context))
