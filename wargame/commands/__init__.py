"""Subcommands of the `wargame` command line, one module each."""
