"""The column vocabulary of SCDL files as authorities published them, as named data.

Each header of a file is folded (case, accents, spaces and punctuation ignored) and looked up
here: the current SCDL names, the older SCDL v1 names, and the near-format names of real files.
A name that designates the same datum under another label is mapped; a column whose meaning
is not certain (ID_ENT, ATTRIB_TYPE…) is not mapped, and a field the file lacks stays
"non renseigné". Sources of the aliases are given beside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from . import actes
from .schemas import DELIBERATIONS, GRANTS, official_schema

CURRENT = "current"  # today's SCDL names, as written
NEAR = "near-format"  # today's names in another case, or a near-format's names
SCDL_V1 = "scdl-v1"  # the older SCDL Subventions layout (COLL_*, ATTRIB_*, SUB_*)

LAYOUT_LABELS = {
    CURRENT: "SCDL actuel",
    NEAR: "format voisin du SCDL",
    SCDL_V1: "ancien format SCDL v1",
}

START, END = "start", "end"  # a period given in two columns


@dataclass(frozen=True)
class Alias:
    field: str
    layout: str
    part: str | None = None  # START or END of datesPeriodeVersement
    note: str | None = None  # said once per file when the alias is used


# Older SCDL Subventions (v1) — Ville de Poitiers 2017 (ANNEE;COLL_NOM;COLL_SIRET;COLL_TYPE;
# ACTE_DATE;ACTE_REF;ATTRIB_NOM;ATTRIB_SIRET;SUB_OBJ;SUB_MONTANT;Notification à la commission
# Européenne) and Département de la Nièvre 2016 (…;ATTRIB_TYPE;SUB_OBJET;SUB_MONTANT;SUB_NATURE;
# SUB_DATE_DEBUT;SUB_DATE_FIN;SUB_VERSEMENT;SUB_DISPOSITIF;ID_ENT;NOTIF_EU), both in
# github.com/betagouv/SCDL-Subvention-DataSubvention/exemples.
_ACT_DATE = "la date de l'acte d'attribution tient lieu de date de convention"
_V1 = {
    "COLL_NOM": "nomAttribuant",
    "COLL_SIRET": "idAttribuant",
    "ACTE_DATE": "dateConvention",
    "ACTE_REF": "referenceDecision",
    "ATTRIB_NOM": "nomBeneficiaire",
    "ATTRIB_SIRET": "idBeneficiaire",
    "ATTRIB_RNA": "rnaBeneficiaire",
    "SUB_OBJ": "objet",
    "SUB_OBJET": "objet",
    "SUB_MONTANT": "montant",
    "SUB_NATURE": "nature",
    "SUB_VERSEMENT": "conditionsVersement",
    "SUB_CONDITIONS": "conditionsVersement",
    "SUB_DATES": "datesPeriodeVersement",
    "SUB_DISPOSITIF": "dispositifAide",
    "SUB_POURCENTAGE": "pourcentageSubvention",
    "NOTIF_EU": "notificationUE",
    "NOTIFICATION A LA COMMISSION EUROPEENNE": "notificationUE",
}
# the draft of 2017 (github.com/betagouv/SCDL-Subvention-DataSubvention, exemple_scdl.csv) and
# Etalab's first format (github.com/etalab/format-subventions, format-subventions.csv)
_DRAFT = {
    "ATTRIBUANT_NOM": "nomAttribuant",
    "ATTRIBUANT_ID": "idAttribuant",
    "CONVENTION_DATE": "dateConvention",
    "DECISION_REF": "referenceDecision",
    "BENEFICIAIRE_NOM": "nomBeneficiaire",
    "BENEFICIAIRE_ID": "idBeneficiaire",
    "SUBVENTION_OBJET": "objet",
    "SUBVENTION_MONTANT": "montant",
    "SUBVENTION_NATURE": "nature",
    "CONDITIONS_VERSEMENT": "conditionsVersement",
    "DATE_PERIODE_VERSEMENT": "datesPeriodeVersement",
    "RAE_NUM": "idRAE",
    "NOTIF_UE": "notificationUE",
    "SUBVENTION_POURCENTAGE": "pourcentageSubvention",
    "DATEDECISION": "dateConvention",
    "NOTIFICATIONDEMINIMISUE": "notificationUE",
}
# Délibérations as published with typos: VOTE_EFFFECTIF and VOTE_ABST (Le Plessis-Trévise),
# VOTE_ABSTENSION (Département du Loiret), both on data.gouv.fr.
_DELIBERATION_TYPOS = {
    "VOTE_EFFFECTIF": "VOTE_EFFECTIF",
    "VOTE_ABST": "VOTE_ABSTENTION",
    "VOTE_ABSTENSION": "VOTE_ABSTENTION",
    "VOTE_ABSTENTIONS": "VOTE_ABSTENTION",
}


def key(name: str) -> str:
    """Compared without case, accents nor separators: "datesperiodeVersement", "DATES_PERIODE_VERSEMENT",
    "Notification à la commission Européenne" alike."""
    return re.sub(r"[^A-Z0-9]", "", actes.fold(name).upper())


def _vocabulary(kind: str) -> dict[str, Alias]:
    words = {key(name): Alias(name, CURRENT) for name in official_schema(kind).field_names}
    if kind == GRANTS:
        for name, target in _V1.items():
            note = _ACT_DATE if target == "dateConvention" else None
            words.setdefault(key(name), Alias(target, SCDL_V1, note=note))
        words[key("SUB_DATE_DEBUT")] = Alias("datesPeriodeVersement", SCDL_V1, START)
        words[key("SUB_DATE_FIN")] = Alias("datesPeriodeVersement", SCDL_V1, END)
        for name, target in _DRAFT.items():
            note = _ACT_DATE if name == "DATEDECISION" else None
            words.setdefault(key(name), Alias(target, NEAR, note=note))
    else:
        for name, target in _DELIBERATION_TYPOS.items():
            words.setdefault(key(name), Alias(target, NEAR))
    return words


@dataclass
class Layout:
    kind: str
    layout: str
    columns: dict[str, list[tuple[int, str | None]]]  # field → (column index, period part)
    header: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def absent(self) -> set[str]:
        """The schema's fields this file's format does not have."""
        return set(official_schema(self.kind).field_names) - set(self.columns)

    @property
    def label(self) -> str:
        return LAYOUT_LABELS[self.layout]

    @cached_property
    def single(self) -> list[tuple[str, int]]:
        """The fields given by one whole column (the common case)."""
        return [(name, p[0][0]) for name, p in self.columns.items() if len(p) == 1 and p[0][1] is None]

    @cached_property
    def several(self) -> list[tuple[str, list[tuple[int, str | None]]]]:
        """The fields given by a period's two columns, or by the same column written twice."""
        return [(name, p) for name, p in self.columns.items() if len(p) > 1 or p[0][1] is not None]

    def field_of(self, index: int) -> str | None:
        return next(
            (name for name, places in self.columns.items() if any(i == index for i, _ in places)), None
        )


def _required(kind: str) -> int:
    return sum(
        1 for f in official_schema(kind).descriptor["fields"] if f.get("constraints", {}).get("required")
    )


def detect(header: list[str]) -> Layout | None:
    """The kind and layout a header designates (the kind with most mapped fields), else None."""
    best: Layout | None = None
    for kind in (GRANTS, DELIBERATIONS):
        layout = _map(kind, header)
        enough = len(layout.columns) >= _required(kind) // 2 + 1
        if enough and (best is None or len(layout.columns) > len(best.columns)):
            best = layout
    return best


def _map(kind: str, header: list[str]) -> Layout:
    words = _vocabulary(kind)
    columns: dict[str, list[tuple[int, str | None]]] = {}
    renamed, unmapped, notes, layouts = [], [], [], set()
    for index, name in enumerate(header):
        alias = words.get(key(name)) if name.strip() else None
        if alias is None:
            unmapped.append(name.strip() or f"(colonne {index + 1} sans en-tête)")
            continue
        columns.setdefault(alias.field, []).append((index, alias.part))
        exact = alias.layout == CURRENT and name.strip() == alias.field
        layouts.add(CURRENT if exact else (alias.layout if alias.layout != CURRENT else NEAR))
        if not exact:
            part = {START: " (début)", END: " (fin)"}.get(alias.part or "", "")
            renamed.append(f"« {name.strip()} » lu comme « {alias.field} »{part}")
        if alias.note and alias.note not in notes:
            notes.append(f"{alias.field} : {alias.note}")
    layout = SCDL_V1 if SCDL_V1 in layouts else NEAR if NEAR in layouts else CURRENT
    result = Layout(kind, layout, columns, header)
    if renamed:
        result.notes.append(f"en-têtes lus ({LAYOUT_LABELS[layout]}) : " + ", ".join(renamed))
    result.notes += notes
    if unmapped:
        result.notes.append("colonnes sans équivalent dans le schéma, non reprises : " + ", ".join(unmapped))
    twice = [name for name, places in columns.items() if len([p for p in places if p[1] is None]) > 1]
    if twice:
        result.notes.append(
            "colonnes en double : " + ", ".join(twice) + " (des valeurs différentes sont signalées)"
        )
    return result
