"""Entry point of the `registre` command. Each command lives in its own module
with ``register(subparsers)``; the table below is the only place that lists them."""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = (
    "registre.cli.import_command",
    "registre.cli.check_command",
    "registre.cli.serve_command",
    "registre.cli.demo_command",
    "registre.cli.manage_command",
    "registre.cli.render_command",
    "registre.cli.export_command",
    "registre.cli.verify_command",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="registre",
        description="Registre des délibérations : import, contrôle, publication.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", required=True)
    for module_name in COMMANDS:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
