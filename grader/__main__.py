"""`python -m grader` runs the drill CLI."""

from grader.cli import main

main(prog_name="drill")
