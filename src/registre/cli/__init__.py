"""Command-line interface: `registre <command>`, one module per command."""
