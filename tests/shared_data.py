"""Where the project's shared data lives (../shared beside the repository: the corpus of real
published texts and open-data files). REGISTRE_SHARED_DIR names it explicitly; otherwise the
first ``shared`` folder holding a ``corpus`` among the repository's parents. Tests that need it
fail, never skip, when it is missing: a clone without it must not pass while testing nothing."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    named = os.environ.get("REGISTRE_SHARED_DIR")
    if named:
        return Path(named)
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = shared_dir()
CORPUS = SHARED / "corpus"


def require(path: Path) -> Path:
    """The path, or a loud failure naming what is missing and how to provide it."""
    if not path.exists():
        raise FileNotFoundError(
            f"données partagées absentes : {path} (../shared à côté du dépôt, ou REGISTRE_SHARED_DIR)"
        )
    return path
