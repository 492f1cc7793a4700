"""Layer 7, cli: the `vnhealth` command (vnhealth.cli.main) and its subcommands
(vnhealth.cli.commands).
"""

from vnhealth.cli.main import main

__all__ = ["main"]
