"""Errors a reader can act on: which file, which line, what was expected."""

from __future__ import annotations


class DocumentError(Exception):
    """The document cannot be read as an extract; nothing from it is kept."""

    def __init__(self, source: str, message: str, line: int | None = None, hint: str | None = None):
        self.source = source
        self.line = line
        self.reason = message
        self.hint = hint
        super().__init__(self.describe())

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str, int | None, str | None]]:
        # Pickled when a reading process hands its refusal back (import --jobs N).
        return (DocumentError, (self.source, self.reason, self.line, self.hint))

    def describe(self) -> str:
        where = f"{self.source}, ligne {self.line}" if self.line else self.source
        text = f"{where} : {self.reason}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        return {"file": self.source, "line": self.line, "error": self.reason, "hint": self.hint}
