"""Tasks from the user's own code: `parevo tasks new --from` (frontend -> plan -> codegen -> new)
and `parevo tasks check` (probe, mutate, check). See docs/own-code.md."""
