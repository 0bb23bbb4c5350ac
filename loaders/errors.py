"""Loader errors.

LoaderError
└── PipelineError   the NLP pipeline cannot be loaded or run
"""


class LoaderError(Exception):
    """Root of the loaders' errors."""


class PipelineError(LoaderError):
    """The NLP pipeline cannot be loaded or run."""
