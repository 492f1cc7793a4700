"""Subcommands of `vnhealth` beyond `build`; each module has register(subparsers)."""
