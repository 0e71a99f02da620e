"""The exceptions parevo raises on purpose.

`ParevoError` and its children carry a message written for a person ("tasks/bfs/task.toml:
families[2]: ..."), and the CLI prints them without a traceback. Anything else that escapes is
a bug in parevo.
"""


class ParevoError(Exception):
    """A user-facing error: the message names what is wrong, where, and the fix."""


class TaskFileError(ParevoError):
    """A task directory is malformed (a missing file, a bad field)."""


class SandboxUnavailable(ParevoError):
    """A sandbox guard that was asked for cannot be set up on this machine.

    The cascade turns this into a stage with status `error`: the infrastructure failed, not
    the candidate.
    """


class InfraError(ParevoError):
    """The verifier itself failed (the harness could not start, a compiler is missing)."""
