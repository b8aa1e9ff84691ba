"""Reading a roster CSV: civilité;prénom;nom;commune;suppléant.

The delimiter (``;`` or ``,``) is sniffed, the encoding is UTF-8 or Windows-1252.
Every bad row is named by its line and its field, in French; the caller writes
nothing unless every row is good.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from registre.core import fold, member_key
from registre.core.text import UndecodableText, decode_text

COLUMNS = ("civilité", "prénom", "nom", "commune", "suppléant")
_CIVILITIES = {"M": "M.", "M.": "M.", "MR": "M.", "MONSIEUR": "M.", "MME": "Mme", "MADAME": "Mme", "": ""}
_YES = {"OUI", "O", "X", "1", "VRAI", "SUPPLEANT", "SUPPLEANTE"}
_NO = {"", "NON", "N", "0", "FAUX", "TITULAIRE"}
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class RosterRow:
    line: int
    civility: str
    first_name: str
    last_name: str
    commune: str
    substitute: bool

    @property
    def key(self) -> str:
        return member_key(self.first_name, self.last_name)


class RosterError(Exception):
    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def decode(data: bytes) -> str:
    """The register's one text decoder: bad bytes are refused, never replaced."""
    try:
        return decode_text(data).text
    except UndecodableText as error:
        raise RosterError([f"Le fichier ne peut pas être lu : {error.reason}."]) from None


def read_roster(data: bytes) -> list[RosterRow]:
    """Rows of a roster file, or RosterError listing every bad row."""
    if not data.strip():
        raise RosterError(["Le fichier est vide."])
    if len(data) > MAX_BYTES:
        raise RosterError([f"Le fichier est trop gros : {MAX_BYTES // 1000} Ko au plus."])
    if b"\x00" in data[:4096]:
        raise RosterError(["Ce fichier n'est pas un fichier texte CSV."])
    text = decode(data)
    first_line = text.splitlines()[0] if text.splitlines() else ""
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=";,").delimiter
    except csv.Error:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, errors, seen = [], [], {}
    for number, cells in enumerate(reader, start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if number == 1 and _is_header(cells):
            continue
        row, row_errors = _row(number, cells)
        if row is not None:
            if row.key in seen:
                row_errors.append(
                    f"Ligne {number}, colonnes « prénom » et « nom » : {row.first_name} "
                    f"{row.last_name} figure déjà ligne {seen[row.key]}."
                )
            else:
                seen[row.key] = number
        errors += row_errors
        if row is not None and not row_errors:
            rows.append(row)
    if errors:
        raise RosterError(errors)
    if not rows:
        raise RosterError(["Le fichier ne contient aucun conseiller."])
    return rows


def _is_header(cells: list[str]) -> bool:
    folded = [fold(c).lower() for c in cells]
    return "nom" in folded or "prenom" in folded


def _row(line: int, cells: list[str]) -> tuple[RosterRow | None, list[str]]:
    cells = [c.strip() for c in cells]
    if len(cells) < 3 or len(cells) > 5:
        return None, [
            f"Ligne {line} : {len(cells)} colonne(s) au lieu de 5 "
            "(civilité ; prénom ; nom ; commune ; suppléant)."
        ]
    cells += [""] * (5 - len(cells))
    civility, first_name, last_name, commune, substitute = cells
    errors = []
    civility_value = _CIVILITIES.get(fold(civility).replace(" ", ""))
    if civility_value is None:
        errors.append(f"Ligne {line}, colonne « civilité » : « {civility} » n'est pas reconnue (M. ou Mme).")
    for name, value, limit in (("prénom", first_name, 100), ("nom", last_name, 100)):
        if not value:
            errors.append(f"Ligne {line}, colonne « {name} » : valeur manquante.")
        elif len(value) > limit:
            errors.append(f"Ligne {line}, colonne « {name} » : {limit} caractères au plus.")
    if len(commune) > 120:
        errors.append(f"Ligne {line}, colonne « commune » : 120 caractères au plus.")
    substitute_key = fold(substitute)
    if substitute_key not in _YES and substitute_key not in _NO:
        errors.append(
            f"Ligne {line}, colonne « suppléant » : « {substitute} » n'est pas reconnu (oui ou non)."
        )
    if errors:
        return None, errors
    return RosterRow(line, civility_value, first_name, last_name, commune, substitute_key in _YES), []
