"""`python -m prozesshandbuch`: the same as the `prozesshandbuch` command."""

from .cli import main

main()
