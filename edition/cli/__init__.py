"""The ``edition`` command. Every message to the user and every exit code lives in this package."""

from edition.cli.main import main

__all__ = ["main"]
