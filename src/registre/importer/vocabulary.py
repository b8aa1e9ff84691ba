"""The French words extracts are written in, named once.

Every fragment is a verbose pattern on the *folded* text (lower case, no accents, same length as
the text, see ``layout.fold``): the text is folded once per document and no pattern spells
accents (no ``[ée]``). One alternative per line, each with the words of a real extract it is
there for, between « »; ``tests/importer/test_vocabulary.py`` checks every example against its
fragment, and every refused example against it too. Names stay out of here: they need capitals
(``persons``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .layout import indexed

_COMMENT = re.compile(r"#[^\n]*")
_EXAMPLE = re.compile(r"«\s?(.+?)\s?»")


@dataclass(frozen=True)
class Term:
    name: str
    pattern: str
    refuses: tuple[str, ...] = ()  # words it must not match, though they look alike
    # words one of which every match contains, whole: a scan skips from one to the next
    # (``FlatText.finditer``); none: the whole text is scanned
    anchors: frozenset[str] = frozenset()
    before: int = 100  # at most this many characters of a match come before its anchor
    after: int = 160  # ... and after the anchor's start
    # words every match begins with: it is tried there only (faster still than anchors)
    starts: frozenset[str] = frozenset()
    at_numbers: bool = False  # every match begins with a number's first digit: tried there only
    marks: str = ""  # characters one of which every match contains, as anchors are words ("/")
    examples: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        examples = [e for comment in _COMMENT.findall(self.pattern) for e in _EXAMPLE.findall(comment)]
        object.__setattr__(self, "examples", tuple(examples))

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.VERBOSE)

    def __str__(self) -> str:
        """The pattern, to build a larger one; its comments (and examples) stay its own."""
        return f"(?:{_COMMENT.sub('', self.pattern)})"


TERMS: dict[str, Term] = {}


def term(
    name: str,
    pattern: str,
    refuses: tuple[str, ...] = (),
    anchors: str = "",
    before: int = 100,
    after: int = 160,
    starts: str = "",
    at_numbers: bool = False,
    marks: str = "",
) -> Term:
    TERMS[name] = Term(
        name,
        pattern,
        refuses,
        indexed(*anchors.split()),
        before,
        after,
        indexed(*starts.split()),
        at_numbers,
        marks,
    )
    return TERMS[name]


def combined(name: str, parts: dict[str, Term]) -> Term:
    """One pattern of several, each a named group; anchored when every part is."""
    pattern = "|".join(f"(?P<{group}>{part})" for group, part in parts.items())
    anchored = all(part.anchors for part in parts.values())
    started = all(part.starts for part in parts.values())
    return Term(
        name,
        pattern,
        anchors=frozenset().union(*(p.anchors for p in parts.values())) if anchored else frozenset(),
        before=max(p.before for p in parts.values()),
        after=max(p.after for p in parts.values()),
        starts=frozenset().union(*(p.starts for p in parts.values())) if started else frozenset(),
    )


# -- calendar --------------------------------------------------------------------------------

WEEKDAY = term(
    "weekday",
    r"""(?:
      lundi | mardi | mercredi | jeudi | vendredi      # « lundi », « vendredi »
    | samedi | dimanche                                # « samedi », « dimanche »
    )""",
)
MONTH = term(
    "month",
    r"""(?:
      janvier | fevrier | mars | avril | mai | juin    # « janvier », « février »
    | juillet | aout | septembre | octobre             # « juillet », « août »
    | novembre | decembre                             # « novembre », « décembre »
    )""",
)
# "13 décembre 2023", "1er décembre 2022", "23/11/2023", "23.11.23"
DATE = term(
    "date",
    rf"""(?:
      \d{{1,2}} \s* (?:er)? \s+ {MONTH} \s+ \d{{4}}            # « 13 décembre 2023 », « 1er juin 2022 »
    | \d{{1,2}} \s* [/.-] \s* \d{{1,2}} \s* [/.-] \s* \d{{2,4}} # « 23/11/2023 », « 23.11.23 »
    )""",
)
CLOCK = term(
    "clock",
    r"""(?:
      \d{1,2} \s? h \s? \d{2} (?!\d)                  # « 20h30 », « 20 h 30 »
    | \d{1,2} \s? h (?![a-z\d])                       # « 18H », « à 20 h »
    | \d{1,2} \s+ heures? (?:\s+ \d{1,2} (?!\d))?     # « 20 heures 30 », « 9 heures »
    | \d{1,2} : \d{2} (?!\d)                          # « 11:22 »
    )""",
    refuses=("20 habitants",),
)

# -- bodies ----------------------------------------------------------------------------------

COUNCIL = term(
    "council",
    r"""(?:
      conseil \s+ de \s+ communaute                        # « Conseil de Communauté »
    | conseil \s+ de \s+ (?:la \s+ | l') (?:euro)?metropole  # « Conseil de l'Eurométropole »
    | conseil \s+ (?:communautaire|municipal|metropolitain)  # « Conseil municipal »
    | conseil \s+ (?:departemental|regional|territorial)   # « Conseil départemental »
    | conseil \s+ d'administration                         # « Conseil d'administration »
    | bureau \s+ (?:communautaire|metropolitain)           # « Bureau communautaire »
    | bureau \s+ du \s+ conseil \s+ de \s+ communaute      # « Bureau du Conseil de Communauté »
    | commission \s+ permanente                            # « Commission permanente »
    )""",
    refuses=("conseiller municipal",),
    starts="conseil bureau commission",
)
# who sits: the subject of "27 conseillers communautaires étaient présents"
SITTING = term(
    "sitting",
    r"""(?:
      conseill(?:er|ere)s? (?:\s+ (?:municipa(?:l|ux)|communautaires?|departementa(?:l|ux)|metropolitains?))?  # « conseillers communautaires »
    | membres? (?:\s+ du \s+ (?:bureau|conseil (?:\s+ (?:municipal|communautaire))?))?  # « membres du Bureau »
    | (?:elu|delegue)e?s? (?:\s+ communautaires?)?           # « délégués », « élus »
    | administrateurs?                                       # « administrateurs »
    )""",
)

# -- attendance lists ------------------------------------------------------------------------

# endings as clerks write them: "Absent(e)s", "Procuration(s)", "Excusé(e)(s)", "présentes"
_ENDING = r"(?:e|\(e\))?(?:s|\(s\)|\(es\))?"
# a list may follow its count: "Présents : 26 M. Pascal Thévenot, …" (the count is read apart)
_COUNT_THEN_NAMES = r"\s* : \s* \d{1,3} (?=\s+ (?:m\.|mm\.?|mme|mmes|monsieur|madame|messieurs|mesdames) \s)"
PRESENT_LIST = term(
    "present_list",
    rf"""(?<![a-z])(?:
      (?:etaient|sont|etait) \s+ present{_ENDING} (?:\s+ ou \s+ represente{_ENDING})? \s* : (?!\s*\d)  # « Etaient présents : », « étaient présents ou représentés : »
    | (?:delegue|membre|conseiller){_ENDING} (?:\s+ (?:municipaux|communautaires))? \s+ present{_ENDING} (?:\s* \([^()]{{0,80}}\))? \s* :  # « Membres présents : », « Conseillers présents (titulaires) : »
    | present{_ENDING} (?:\s+ titulaires? (?:\s* (?:/|et|ou) \s* suppleants?)?)? \s* : (?!\s*\d)  # « Présents : », « Présents titulaires : »
    | presents? \s+ a \s+ l'ouverture \s+ de \s+ la \s+ seance \s* :   # « Présents à l'ouverture de la séance : »
    | present{_ENDING} {_COUNT_THEN_NAMES}                               # « Présents : 26 M. Pascal Thévenot »
    )""",
    refuses=("Présents : 25",),
    starts="etaient sont etait delegue delegues deleguee deleguees membre membres conseiller conseillers present presents presente presentes",
    anchors="presents presente presentes present",
    before=80,
    after=120,
)
ABSENT_LIST = term(
    "absent_list",
    rf"""(?<![a-z])(?:
      (?:etaient|sont|etait) \s+ (?:absent|excuse){_ENDING} (?:\s+ excuse{_ENDING})? \s* : (?!\s*\d)  # « Etaient absents : », « Etait excusée : »
    | (?:(?:delegue|conseiller|membre){_ENDING} \s+)? (?:absent|excuse){_ENDING} (?:\s+ (?:excuse|non \s+ represente){_ENDING})? \s* : (?!\s*\d)  # « Absents excusés : », « Membres absents non représentés : », « Excusés : »
    | (?:absent|excuse){_ENDING} (?:\s+ (?:excuse|non \s+ represente){_ENDING})? {_COUNT_THEN_NAMES}  # « Absents non représentés : 02 M. Amroze Adjuward »
    )""",
    refuses=("Absents : 2",),
    starts="etaient sont etait delegue delegues deleguee deleguees membre membres conseiller conseillers absent absents absente absentes excuse excuses excusee excusees",
    anchors="absents absent absente absentes excuses excuse excusee excusees",
    before=80,
    after=120,
)
PROXY_LIST = term(
    "proxy_list",
    rf"""(?:
      (?:ayant|ont|a|avaient|avait) \s+ (?:donne|vote \s+ par) \s+ (?:pouvoir|procuration|mandat){_ENDING} (?:\s+ ecrit)? (?:\s+ de \s+ voter \s+ en \s+ (?:leur|son) \s+ nom)? (?:\s+ en \s+ application \s+ [^:;]{{0,100}}?)? \s* :  # « ayant donné pouvoir : », « Absents ayant voté par procuration en application de l'article L 2121-20 : »
    | (?:procuration|pouvoir|mandat){_ENDING} (?:\s+ de \s+ vote)? \s* : (?!\s*\d)   # « Procurations : », « Pouvoirs : »
    | (?:ont \s+ donne \s+)? (?:procuration|pouvoir|mandat){_ENDING} {_COUNT_THEN_NAMES}  # « Ont donné procuration : 09 Mme Magali Lamir »
    | delegations? \s+ de \s+ vote \s* :?                                  # « DÉLÉGATIONS DE VOTE »
    | (?:membres \s+)? (?:etaient \s+)? represente{_ENDING} \s* :                # « MEMBRES REPRÉSENTÉS : »
    | (?:membres \s+)? etaient \s+ represente{_ENDING} (?=\s+(?:m\.|mme|monsieur|madame))  # « Etaient représentés M. X »
    )""",
    refuses=("Procurations : 7",),
    starts="ayant ont a avaient avait procuration procurations pouvoir pouvoirs mandat mandats delegation delegations membres etaient represente representes representee representees",
    anchors="pouvoir pouvoirs procuration procurations mandat mandats delegation delegations represente representes representee representees",
    before=60,
    after=200,
)
# the words before "ayant donné pouvoir :" that belong to its label ("Etaient excusés et avaient donné pouvoir :")
PROXY_LABEL_PREFIX = term(
    "proxy_label_prefix",
    r"""(?<![a-z])(?:(?:
      etaient | etait | et                    # « Etaient excusés et »
    | absente?s? | absent\(e\)s               # « Absents », « absent(e)s »
    | excusee?s? | titulaires? | delegues     # « Excusés », « titulaires », « délégués »
    | conseillers? | membres                  # « conseillers », « membres »
    ) (?:\s+|$)){1,4}$""",
)
SECRETARY_LABEL = term(
    "secretary_label",
    r"""(?:
      (?:elue? \s+)? secretaires? (?:\s+ de \s+ (?:la \s+)? seance)? \s* :    # « Secrétaire de séance : », « Elue secrétaire de séance : »
    | (?<!le\ )(?<!la\ ) secretaires? \s+ de \s+ seance (?=\s+[a-z])          # « Secrétaire de séance Brigitte PAYERAS », not the signature "Le secrétaire de séance"
    )""",
    starts="elu elue secretaire secretaires",
    anchors="secretaire secretaires",
    before=20,
    after=60,
)
# a sentence naming the secretary before the words: "Monsieur X a été désigné secrétaire de séance"
SECRETARY_NAMED = term(
    "secretary_named",
    r"""(?:
      (?:a \s+ ete | est) \s+ (?:designee? | elue? | nommee?) \s+ (?:comme \s+)? secretaire  # « a été désigné secrétaire », « est désignée secrétaire »
    | (?:a \s+ ete | est) \s+ (?:designee? | elue?) \s* ,? [^.]{0,40}? pour \s+ (?:assurer|remplir) \s+ (?:les|ces) \s+ fonctions  # « est désigné, à l'unanimité des présents, pour remplir les fonctions »
    | , \s* designee? \s* , \s* prend \s+ place \s+ au \s+ bureau                  # « , désignée, prend place au Bureau »
    )""",
    anchors="designe designee elu elue nomme nommee",
    before=30,
    after=120,
)
# a sentence naming the secretary after the words
SECRETARY_AFTER = term(
    "secretary_after",
    r"""(?:
      nomme \s+ pour \s+ secretaire \s+ de \s+ seance                 # « nomme pour secrétaire de séance »
    | secretariat \s+ de \s+ la \s+ presente \s+ seance \s+ soit \s+ assure \s+ par  # « le secrétariat de la présente séance soit assuré par »
    )""",
    starts="nomme secretariat",
)
# where a list stops: the first words that are no name
LIST_END = term(
    "list_end",
    r"""(?:
      le \s+ quorum | nombre \s+ de | quorum \s* :                # « Le quorum », « Nombre de »
    | conseillers? \s+ (?:communautaires?|municipaux) \s+ en      # « conseillers municipaux en exercice »
    | rapport \s+ n | ordre \s+ du \s+ jour | le \s+ conseil       # « Rapport n° », « Ordre du jour », « Le Conseil »
    | la \s+ seance | vu \s+ le | date \s+ de | objet \s* :        # « La séance », « Vu le », « Date de », « Objet : »
    | envoye \s+ en \s+ prefecture | deliberation \s+ n | del\d   # « Envoyé en préfecture », « Délibération n° »
    | votes \s+ pour | conformement | considerant                 # « Votes pour », « Conformément », « Considérant »
    | apres \s+ en \s+ avoir | informations | direction           # « Après en avoir », « Informations », « Direction »
    | les \s+ membres \s+ presents | elue? \s+ secretaire         # « Les membres présents », « Elu secrétaire »
    | point \s+ n \s* ° | liste \s+ des                           # « Point n° », « Liste des »
    | lesquels \s+ forment | formant \s+ la \s+ majorite          # « Lesquels forment la majorité », « formant la majorité »
    | il \s+ a \s+ ete \s+ procede | participai(?:t|ent) \s+ egalement  # « Il a été procédé », « Participait également »
    )""",
)
# between a principal and a holder: "X à Y", "X donne pouvoir à Y", "X représenté par Y"
GAVE_PROXY = term(
    "gave_proxy",
    r"""(?:
      (?:qui \s+)? (?:donne|donnant|a \s+ donne|ayant \s+ donne|donnee?) \s+ (?:son \s+ |sa \s+)? (?:pouvoir|procuration|mandat|delegation) (?:\s+ de \s+ vote)?  # « donne pouvoir », « qui a donné procuration », « ayant donné sa délégation de vote »
    )""",
)
PROXY_JOINT = term(
    "proxy_joint",
    rf"""\s* [,;:]? \s* (?:(?:
      {GAVE_PROXY}                                  # « a donné pouvoir à »
    | (?:qui \s+ est \s+)? represente e?            # « représenté par », « qui est représentée par »
    | pouvoir | procuration | mandat                # « pouvoir à »
    ) \s* )? (?:a|au|par) \s*""",
)
ABSENT_PROXY_JOINT = term(
    "absent_proxy_joint",
    rf"""\s* ,? \s* (?:
      {GAVE_PROXY} \s+ (?:a|au)                     # « ayant donné pouvoir à »
    | (?:qui \s+ est \s+)? representee? \s+ par     # « représenté par »
    | (?:pouvoir|procuration) \s+ a                 # « pouvoir à »
    ) \s*""",
)
SUBSTITUTION = term(
    "substitution",
    r"""\s* ,? \s* (?:
      supplee e?                                    # « suppléé par »
    | remplace e?                                   # « remplacée par »
    ) \s+ par \s*""",
)
# "(pouvoir à Christian MAZUC)" in a note: the holder follows
NOTE_PROXY = term(
    "note_proxy",
    r"""(?:
      (?:pouvoir|procuration|mandat|delegation) (?:\s+ de \s+ vote)? \s* (?:donnee? \s*)? (?:a|au) \b  # « pouvoir à », « procuration donnée à »
    | representee? \s+ par \b                       # « représenté par »
    )""",
)

# -- acts ------------------------------------------------------------------------------------

NOT_PARTICIPATING = term(
    "not_participating",
    r"""(?:
      ne \s+ (?:prend|prennent|prenant) \s+ (?:pas \s+)? part           # « ne prend pas part », « ne prenant pas part »
    | n' \s* (?:a|ont) \s+ pas \s+ pris \s+ part                        # « n'ont pas pris part »
    | ne \s+ (?:participe|participent|participant) \s+ pas \s+ (?:au|a \s+ la)  # « ne participe pas au vote »
    | non \s+ participation \s+ au \s+ vote                             # « non participation au vote »
    )""",
    refuses=("prend part au vote",),
    starts="ne n non",
)
INTERESTED_LABEL = term(
    "interested_label",
    r"""\s* ,? \s* (?:(?:
      conseill(?:er|ere)s? | elue?s? | membres?      # « conseillers intéressés », « élue intéressée »
    ) \s+ interessee?s? \s* ,? \s*)?$""",
)
TAKES_NOTE = term(
    "takes_note",
    r"""(?:
      (?:prend|prennent) \s+ acte \b (?!\s+ (?:que|qu \s* '))   # « prend acte de la tenue du débat »
    | prise \s+ d \s* '? \s* acte \b                            # « prise d'acte »
    | donne \s+ acte \b                                         # « donne acte »
    )""",
    refuses=("prend acte que la convention",),
)
VOTE_PHRASE = term(
    "vote_phrase",
    rf"""(?:
      (?P<unanimous_of_votes_cast> \b a \s+ l \s* '? \s* unanimite \s+ des \s+ suffrages \s+ exprimes)  # « à l'unanimité des suffrages exprimés »
    | (?P<unanimous> \b a \s+ l \s* '? \s* unanimite (?:\s+ des \s+ (?:voix|votants|delegues \s+ votants|membres \s+ presents (?:\s+ et \s+ representes)?|presents (?:\s+ et \s+ representes)?))?)  # « à l'unanimité », « à l'unanimité des présents et représentés »
    | (?P<majority> \b a \s+ la \s+ majorite (?:\s+ absolue | \s+ des \s+ suffrages \s+ exprimes | \s+ des \s+ voix | \s+ des \s+ membres \s+ presents)?)  # « à la majorité », « à la majorité absolue »
    | (?P<rejected> \b n \s* '? \s* est \s+ pas \s+ adopte | \b rejete (?:e|s|es)? \s+ (?:par|a) \b)  # « n'est pas adoptée », « rejetée par »
    | (?P<adopted> \b adopte (?:e|s|es)? \s+ par \b | \b (?:est|sont) \s+ (?:adopte|approuve|valide) (?:e|s|es)? \b | \b adopte (?:e|s|es)? \s* [.]) # « adoptée par », « est approuvé », « Adopté. »
    | (?P<noted> {TAKES_NOTE})                                                   # « prend acte »
    )""",
    refuses=("la majorité des membres en exercice",),
    starts="a n rejete rejetee rejetes rejetees adopte adoptee adoptes adoptees est sont prend prennent prise donne",
)
# "Adopté à l'unanimité : □  Adopté à la majorité : …": a form whose boxes the text layer loses
FORM_UNANIMOUS = term(
    "form_unanimous",
    r"""adoptee? \s+ a \s+ l \s* '? \s* unanimite \s* :  # « Adopté à l'unanimité : »""",
    starts="adopte adoptee",
)
FORM_MAJORITY = term(
    "form_majority",
    r"""adoptee? \s+ a \s+ la \s+ majorite \s* :  # « Adopté à la majorité : »""",
    starts="adopte adoptee",
)
COMMITTEE = term(
    "committee",
    r"""\b(?:
      commissions? | comites?                        # « des commissions », « comité »
    | conseil \s+ d'exploitation | conseil \s+ portuaire  # « conseil d'exploitation »
    )\b""",
    starts="commission commissions comite comites conseil",
)
OPINION = term("opinion", r"""\b(?: avis | examen | examine)\b  # « Vu l'avis », « après examen »""")
OPINION_AFTER = term(
    "opinion_after",
    r"""\b(?:
      avis | a \s+ emis | a \s+ vote | a \s+ examine   # « a émis un avis », « a voté »
    | s'est \s+ prononcee                               # « s'est prononcée »
    )\b""",
)
PROXY_USE = term(
    "proxy_use",
    r"""\s+ use \s+ du \s+ pouvoir \s+ de \s+  # « Mme Girardet use du pouvoir de Mme Youssouf »""",
    anchors="use",
    before=5,
    after=40,
)

# -- count labels ----------------------------------------------------------------------------

# "Nombre de …" heads a label that may carry a few words before its value
NOMBRE = r"nombre \s+ (?:des?|d') \s*"
LABELS: dict[str, Term] = {
    "legal_members": term(
        "count_legal_members",
        r"""(?:
          nombre \s+ legal \s+ de \s+ membres                 # « Nombre légal de membres »
        | effectif \s+ legal                                  # « effectif légal »
        | (?:nombre \s+ de \s+)? membres \s+ afferents \s+ au \s+ (?:conseil|bureau)  # « Nombre de membres afférents au Bureau » (the seats, filled or not)
        )""",
        anchors="legal afferents",
        before=90,
        after=60,
    ),
    "members_in_office": term(
        "count_members_in_office",
        r"""(?:
          en \s+ exercice                                     # « En exercice »
        | nombre \s+ total \s+ de \s+ membres                 # « Nombre total de membres »
        | membres \s+ en \s+ fonction                         # « membres en fonction »
        | nombre \s+ de \s+ conseillers (?:\s+ (?:municipaux|communautaires))? (?=\s*(?::\s*\d|\d|nombre\b))  # « Nombre de Conseillers Communautaires Nombre de présents »
        )""",
        refuses=("nombre de conseillers présents",),
        anchors="exercice total fonction conseillers",
        before=90,
        after=60,
    ),
    "present__mixed": term(
        "count_present_mixed",
        r"""(?:
          titulaires \s+ (?:ou|et) \s+ suppleants \s+ presents   # « titulaires ou suppléants présents »
        )""",
        anchors="presents",
        before=90,
        after=40,
    ),
    "present_titulaires": term(
        "count_present_titulaires",
        r"""(?:
          presents \s+ titulaires | titulaires \s+ presents   # « présents titulaires », « titulaires présents »
        )""",
        anchors="presents",
        before=90,
        after=40,
    ),
    "present_suppleants": term(
        "count_present_suppleants",
        r"""(?:
          presents \s+ suppleants | suppleants \s+ presents   # « présents suppléants », « suppléants présents »
        )""",
        anchors="presents",
        before=90,
        after=40,
    ),
    "present": term(
        "count_present",
        r"""(?:
          presente?s (?:\s+ (?:a \s+ la \s+ seance | en \s+ seance | a \s+ l'ouverture \s+ de \s+ la \s+ seance))?  # « Présents », « Présents en séance », « présents à l'ouverture de la séance »
        )""",
        anchors="presents presentes",
        before=90,
        after=60,
    ),
    "represented": term(
        "count_represented",
        r"""(?:
          representee?s                                       # « représentés »
        )""",
        anchors="representes representees",
        before=90,
        after=30,
    ),
    "absent": term(
        "count_absent",
        r"""(?:
          absente?s \s+ non \s+ representee?s                 # « Absents non représentés »
        | absente?s \s+ excusee?s                             # « Absents excusés »
        | absente?s (?!\s+ (?:ayant|ont) \s+ donne) | excusee?s  # « absents », « excusés », not "Absents ayant donné pouvoir 4"
        )""",
        anchors="absents absentes excuses excusees",
        before=90,
        after=60,
    ),
    "proxies": term(
        "count_proxies",
        r"""(?:
          (?:absents \s+)? (?:ayant|ont) \s+ donne \s+ (?:pouvoir|procuration)s?  # « Absents ayant donné pouvoir », « Ont donné procuration »
        | procurations? | pouvoirs? | mandats                 # « procurations », « pouvoir », « mandats »
        )""",
        anchors="donne procurations procuration pouvoirs pouvoir mandats",
        before=100,
        after=40,
    ),
    "voters": term(
        "count_voters",
        r"""(?:
          votants                                             # « votants »
        | ayant \s+ pris \s+ part \s+ au \s+ vote             # « Ayant pris part au vote »
        )""",
        anchors="votants part",
        before=90,
        after=40,
    ),
    "votes_cast": term(
        "count_votes_cast",
        r"""(?:
          suffrages \s+ exprimes                             # « suffrages exprimés »
        | exprimes (?=\s*:)                                  # « Exprimés : 20 »
        )""",
        anchors="exprimes",
        before=90,
        after=30,
    ),
    "for": term(
        "count_for",
        r"""(?:
          (?:votes|voix|ont \s+ vote|vote) \s+ pour           # « voix pour », « ont voté pour »
        )""",
        anchors="pour",
        before=90,
        after=20,
    ),
    "against": term(
        "count_against",
        r"""(?:
          (?:votes|voix|ont \s+ vote|vote) \s+ contre         # « voix contre », « ont voté contre »
        )""",
        anchors="contre",
        before=90,
        after=20,
    ),
    "abstain": term(
        "count_abstain",
        r"""(?:
          abstentions? (?:\(s\))?                             # « abstentions », « Abstention(s) »
        | (?:se \s+ sont \s+)? abstenus                       # « se sont abstenus »
        )""",
        anchors="abstentions abstention abstenus",
        before=90,
        after=30,
    ),
    "not_participating": term(
        "count_not_participating",
        rf"""(?:
          {NOT_PARTICIPATING} (?:\s+ au \s+ vote)?            # « ne prenant pas part au vote »
        | n \s? p \s? p \s? v                                 # « NPPV », « N PP V »
        | conseillers \s+ interesses                          # « Conseillers intéressés »
        )""",
        anchors="part participe participent participant participation nppv npp ppv pp p interesses",
        before=90,
        after=40,
    ),
    "blank": term(
        "count_blank",
        r"""(?:
          bulletins \s+ blancs | blancs | nuls                # « bulletins blancs », « nuls »
        )""",
        anchors="blancs nuls",
        before=90,
        after=20,
    ),
    # read so that their values are not taken for another figure's
    "quorum": term(
        "count_quorum",
        r"""quorum \s* (?:requis|fixe \s+ a)? (?=\s*:?\s*\d)  # « Quorum : 19 »""",
        anchors="quorum",
        before=90,
        after=40,
    ),
    "convened": term(
        "count_convened",
        r"""(?:
          (?:date \s+ de \s+ (?:la \s+)? )? convocation (?:\s+ (?:envoyee|adressee) \s+ le)?  # « Date de convocation », « Convocation envoyée le »
        )""",
        anchors="convocation",
        before=90,
        after=40,
    ),
}
# the words a count label can begin with: the labels are tried there only (``counts``)
LABEL_STARTS = indexed(
    *"""nombre effectif membres en titulaires presents presentes suppleants representes representees absents
    absentes excuses excusees ayant ont procurations procuration pouvoirs pouvoir mandats votants suffrages exprimes
    votes voix vote abstentions abstention se abstenus ne n non nppv npp conseillers bulletins blancs nuls quorum
    date convocation pour contre""".split()
)
# value types: what a label's value looks like ("Convocation envoyée le 7 février 2020" is a date)
DATE_VALUED = frozenset({"convened"})
IGNORED = frozenset({"quorum", "convened", "blank"})
# bare "pour" / "contre" are labels only where a layout makes them one
BARE_FOR_AGAINST = term(
    "bare_for_against",
    r"""(?:
      (?P<for_colon> pour (?=\s*:))                   # « Pour : 28 »
    | (?P<against_colon> contre (?=\s*:))             # « Contre : 0 »
    | (?P<for_after> (?<=\d\s) pour (?!\s+cent))      # « 20 pour »
    | (?P<against_after> (?<=\d\s) contre)            # « 5 contre »
    | (?P<for_caps> pour (?=\s+\d))                  # « POUR 28 » (in capitals only: a table's column)
    | (?P<against_caps> contre (?=\s+\d))            # « CONTRE 0 » (in capitals only)
    )""",
    refuses=("pour cent",),
    anchors="pour contre",
    before=10,
    after=20,
)
# "27 conseillers communautaires étaient présents", "5 puis 4 conseillers avaient donné pouvoir"
COUNT_SENTENCE = term(
    "count_sentence",
    rf"""(?<![\d/.,])(?P<value>\d{{1,3}}) (?:\s+ puis \s+ (?P<later>\d{{1,3}}))? \s+ {SITTING} \s+ (?:
      (?:etaient|sont|etait|est) \s+ (?P<present> presente?s?) (?![a-z])       # « 27 conseillers étaient présents »
    | (?:etaient|sont|etait|est) \s+ (?P<absent> (?:absente?s? (?:\s* / \s* excusee?s?)?|excusee?s?)) (?![a-z])  # « 5 conseillers étaient absents/excusés »
    | (?:etaient|sont|etait|est) \s+ (?P<represented> representee?s?) (?![a-z])  # « 3 membres étaient représentés »
    | (?:avaient|ont|avait|a) \s+ donne \s+ (?P<proxies> (?:pouvoir|procuration)s?) (?![a-z])  # « 5 puis 4 conseillers avaient donné pouvoir »
    | (?P<members_in_office> en \s+ exercice) (?![a-z])                          # « 33 membres en exercice »
    )""",
    refuses=("2023 conseillers étaient présents",),
    at_numbers=True,
)


def letter_spaced(pattern: str | Term) -> str:
    """The pattern tolerating one OCR space between two letters of a word ("e n  e xer ci ce"),
    for the rare stretches of a text whose letters OCR spaced out."""
    source = _COMMENT.sub("", str(pattern) if isinstance(pattern, Term) else pattern)
    out: list[str] = []
    index = 0
    in_class = False
    while index < len(source):
        char = source[index]
        if char == "\\":
            out.append(source[index : index + 2])
            index += 2
            continue
        if in_class or char == "[":
            in_class = char != "]" if in_class else True
            out.append(char)
            index += 1
            continue
        if source.startswith("(?P<", index) or char == "{":
            close = source.index(">" if char == "(" else "}", index)
            out.append(source[index : close + 1])
            index = close + 1
            continue
        out.append(char)
        if char.isalpha() and index + 1 < len(source) and source[index + 1].isalpha():
            out.append(r"\ ?")
        index += 1
    return "".join(out)


# -- the meeting's header --------------------------------------------------------------------

# the words before the meeting's date in a heading: "Séance du 16 février 2023", "BUREAU du lundi 13 février 2023"
MEETING_HEADING = term(
    "meeting_heading",
    rf"""(?:
      seance \s+ (?:publique \s+ | ordinaire \s+)? (?:du|en \s+ date \s+ du) \s+    # « Séance du 16 février », « séance publique du 12 »
    | {COUNCIL} \s+ (?:du \s+)?                                                   # « Conseil municipal du », « Commission permanente du »
    | bureau \s+ du \s+ (?={WEEKDAY}|\d)                                          # « BUREAU du lundi 13 février 2023 »
    | reunion \s+ du \s+ conseil \s+ de \s+ [^.:;]{{3,60}}? \s+ du \s+           # « Réunion du Conseil de l'Eurométropole de Strasbourg du vendredi 16 décembre 2022 »
    | reunion \s+ (?:du \s+ conseil \s+ (?:de \s+ communaute | \w+) \s+)? du \s+   # « Réunion du Conseil de Communauté du »
    | seance \s+ du \s+ conseil \s+ \w+ \s+ en \s+ date \s+ du \s+                # « SÉANCE DU CONSEIL MUNICIPAL EN DATE DU »
    ) (?:{WEEKDAY} \s+)?""",
    starts="seance conseil bureau commission reunion",
)
CONVENED = term(
    "convened",
    r"""(?:
      convoquee?s? (?:\s+ individuellement)? (?:\s+ (?:et \s+)? par \s+ [^,]{0,60}?)? \s+ le         # « dûment convoqués individuellement et par écrit le »
    | convocation (?:\s+ du \s+ conseil \s+ \w+)? (?:\s+ (?:envoyee|adressee) \s+ le)? \s* :?       # « Date de convocation : », « Convocation envoyée le »
    | par \s+ convocation \s+ en \s+ date \s+ du                                                 # « Par convocation en date du »
    )""",
    anchors="convoque convoquee convoques convoquees convocation",
    before=20,
    after=140,
)
CHAIR_SENTENCE = term(
    "chair_sentence",
    r"""(?:
      sous \s+ la \s+ presidence \s+ (?:de \s+ | du \s+ | d')                       # « sous la présidence de M. X », « sous la présidence d'Auguste FLORIO »
    | \bpresiden(?:te?|ce) (?:\s+ de \s+ (?:la \s+)? seance)? \s* : \s*            # « Président de Séance : »
    )""",
    starts="sous presidente president presidence",
)
# the chair named by title only: "sous la présidence de Mme la Maire", "de Monsieur le Président"
CHAIR_BY_TITLE = term(
    "chair_by_title",
    r"""(?:
      sous \s+ la \s+ presidence \s+ d[eu] \s+ (?:m\.|mme|monsieur|madame|son|sa)? \s* (?:l[ea] \s+)? (?:maire|presidente?)  # « sous la présidence de Mme la Maire »
    )""",
    starts="sous",
)
# "Monsieur Marc GRICOURT, Maire, préside la séance", "la Présidente, Mme Annick BROSSIER"
CHAIR_TITLE_AFTER = term("chair_title_after", r"""\s* , \s* (?:maire|presidente?) \b  # « , Maire »""")
PRESIDES = term(
    "presides",
    r"""\s* , \s* (?:maire|presidente?) \s* , \s* preside \s+ la \s+ seance  # « , Maire, préside la séance »""",
    anchors="preside",
    before=40,
    after=20,
)
PLACE = term(
    "place",
    r"""reuni(?:e|s|es)? \s+ (?:a|en|au|dans) \s+ (?P<place>.{3,200}?) \s* ,? \s+ sous \s+ la \s+ presidence  # « réuni à la Mairie, sous la présidence »""",
    starts="reuni reunie reunies reunis",
)
OPENED = term(
    "opened",
    r"""seance \s+ est \s+ ouverte \s+ a \s+ (?P<clock>\d{1,2} \s* h \s* \d{0,2})  # « La séance est ouverte à 18h38 »""",
    starts="seance",
)
CLOSED = term(
    "closed",
    r"""(?:levee|close) \s+ (?:le \s+ \d{1,2} \s+ [a-z]+ \s+)? a? \s* (?P<clock>\d{1,2} \s* h \s* \d{0,2})  # « La séance est levée à 21h53 »""",
    starts="levee close",
)
ORDER_OF_PASSAGE = term(
    "order_of_passage",
    r"""ordre \s+ de \s+ passage [^:]{0,40} : \s* (?P<items>(?:\d+ \s* [,;]? \s* (?:et \s+)?)+)  # « Ordre de passage des rapports : 1, 2, 5 et 3 »""",
    starts="ordre",
)
# the authority: the words that introduce its name, by kind ("epci", "commune", "department", "ccas")
AUTHORITY = term(
    "authority",
    r"""(?:
      (?P<epci_chair> presidente? \s+ (?:de \s+ la \s+ | du \s+ | de \s+ l' | de \s+) (?=communaute|metropole|grand|eurometropole))  # « Présidente de la Communauté de communes … »
    | (?P<epci> (?:communaute (?:\s+ (?:de \s+ communes | d'agglomeration | urbaine))? | metropole | eurometropole) \s+ (?:de \s+ la \s+ | de \s+ l' | du \s+ | des \s+ | de \s+ | d')?)  # « Communauté de Communes Ecueillé », « Eurométropole de Strasbourg », « Communauté Touraine-Est Vallées »
    | (?P<epci_council_of> conseil \s+ communautaire \s+ (?:du \s+ | de \s+ la \s+ | de \s+ l' | des \s+ | de \s+ | d'))  # « le Conseil Communautaire du Plateau de LANNEMEZAN »
    | (?P<commune> (?:commune|ville|mairie) \s+ (?:de \s+ | d'))       # « Commune de Tronget », « VILLE DE TAVERNY », « mairie de MESLAY-DU-MAINE »
    | (?P<council_of> conseil \s+ municipal \s+ (?:de \s+ la \s+ commune \s+)? (?:de \s+ | d'))  # « le Conseil Municipal de FIGEAC », « du Conseil municipal d'Onet-le-Château »
    | (?P<mayor_of> \b maire \s+ (?:de \s+ | d'))                        # « Maire de Bagneux », « Maire d'Onet-le-Château »
    | (?P<department> (?:conseil \s+ departemental | departement) \s+ (?:de \s+ la \s+ | de \s+ l' | du \s+ | des \s+ | de \s+))  # « Conseil départemental de la Dordogne »
    | (?P<ccas> (?:centre \s+ communal \s+ d'action \s+ sociale | ccas) \s+ (?:de \s+ | d'))  # « CCAS de Rosny-sous-Bois »
    )""",
    starts="president presidente communaute metropole eurometropole conseil commune ville mairie maire departement centre ccas",
)


# "Points 1 à 5 : présents 25, votants 28": figures given for a range of items
COUNT_RANGE = term(
    "count_range",
    r"""(?:pour \s+ les \s+ | aux \s+ | de \s+ la \s+ | du \s+ | des \s+)?
    (?:points? | questions? | deliberations? | rapports? | affaires?) \s+ (?:n \s* ° \s*)? (\d{1,4}) \s*
    (?:a | au | -) \s* (?:la \s+ | le \s+)? (?:n \s* ° \s*)? (\d{1,4}) \s* :  # « Points 1 à 5 : », « pour les délibérations n° 3 à 7 : »""",
    anchors="point points question questions deliberation deliberations rapport rapports affaire affaires",
    before=16,
    after=60,
)

# -- where an act begins ---------------------------------------------------------------------

_CODE = r"[a-z]{0,8}[_/-]?\d[\da-z_./-]*[\da-z]|\d+"
# "Délibération n° 01-02", "DÉLIBÉRATION DU CONSEIL MUNICIPAL N° DEL_20220628_1"; not "la délibération n°…"
ACT_NUMBERED = term(
    "act_numbered",
    rf"""(?<!la\ )(?<!de\ )(?<!l')(?<!sa\ )\b deliberation \s+ (?:du \s+ (?:conseil|bureau|comite) \s+ \w+ \s+)?
    n \s* [°o] \s* (?P<num>{_CODE})          # « Délibération n° 2022-12-21/16 », « DELIBERATION DU CONSEIL MUNICIPAL N° DEL_20220628_1 »""",
    refuses=("vu la délibération n° 2019-06-26/19",),
    starts="deliberation",
)
# "DÉLIBÉRATION 2024-12 : …", "DELIBERATION DEL_2022_118" without "n°"
ACT_UNNUMBERED_WORD = term(
    "act_unnumbered_word",
    r"""(?<!la\ )(?<!de\ )(?<!l')(?<!sa\ )\b deliberation \s+ (?P<num>
      \d{4} [-/_.] \d{1,4}                      # « Délibération 2024-12 : »
    | [a-z]{1,6} _ \d{4} _ \d{1,4}              # « DELIBERATION DEL_2022_118 »
    ) \b""",
    starts="deliberation",
)
# "DEL2023-01 Objet :", "DCC_2023-129 Objet :"
ACT_CODE_OBJECT = term(
    "act_code_object",
    r"""(?<![\w/-]) (?P<num>[a-z]{2,6} [_\ ]? \d{4} [-_] \d{1,4} (?:[-_.]\d+)?) \s+ objet \s* :  # « DEL2023-01 Objet : »""",
    anchors="objet",
    before=40,
    after=20,
)
# "OBJET : Adoption du règlement des cimetières (n°02/2020-01)": the number after the title
ACT_OBJECT_NUMBERED = term(
    "act_object_numbered",
    rf"""\b objet \s* : [^()]{{3,300}}? \( \s* n \s* ° \s* (?P<num>{_CODE}) \s* \)  # « OBJET : Adoption du règlement des cimetières (n°02/2020-01) »""",
    anchors="objet",
    before=10,
    after=380,
)
# "Point n° 3", not "(point n°3)" nor ", point n°2"
ACT_POINT = term(
    "act_point",
    r"""(?<![,(]\ )(?<![,(]) \b point \s+ n \s* ° \s* (?P<item>\d{1,3}) \b (?![^()]{0,40}\))  # « Point n° 3 »""",
    refuses=("(à partir du point n°3)",),
    starts="point",
)
# "Dossier n°2-1 : Approbation … DCC2023_129", "Affaire n° 2 : Détermination …": the item, its title, maybe a code
ACT_ITEM = term(
    "act_item",
    r"""(?<![(,]\ )(?<![(,]) \b (?:dossier|affaire) \s+ n \s* ° \s* (?P<item>\d{1,3}) (?P<sub>-\d{1,2})? \s* :  # « Dossier n°2-1 : », « Affaire n° 2 : »""",
    refuses=("au début de l'examen du dossier n°3 relatif",),
    starts="dossier affaire",
)
# "n°2023-001 Signature …", "N° 2024-08 – Objet : …" (not "la délibération n°2020-087 du …")
ACT_NUMBER_THEN_TITLE = term(
    "act_number_then_title",
    r"""(?:(?<=\s)|^) (?<!ration\ )(?<!ration\ n) n \s* ° \s* (?P<num>\d{4} [-/_.] \d{1,4} | \d{1,4} [-/_.] \d{4}) \s* [-:]? \s*  # « N° 2022/055 Approbation »""",
    starts="n",
)
# a single act's identifier in its first pages, in order of trust
SINGLE_ID_NUMBER = term(
    "single_id_number",
    r"""(?<!decision\ )(?<!decisions\ )(?<!avenant\ )(?<!lot\ )(?<!article\ )(?<!loi\ )(?<!arrete\ )(?<!marche\ )
    \b n \s* ° \s* (?P<num>\d{1,4} (?:\s?[/_\ -]\s?\d{1,4}){1,3}) \b  # « N° 2022 7 4 », « N°36/2023 »""",
    refuses=("DECISION N° 23-05",),
    starts="n",
)
SINGLE_ID_CODE = term(
    "single_id_code",
    r"""(?<![\w/-]) (?P<num>[a-z]{2,8} / \d{1,4} - \d{4} | \d{4} / \d{3,4}) (?![\w/-])  # « PACU/17-2023 », « 2023/009 »""",
    marks="/",
    before=8,
    after=10,
)
SINGLE_ID_STAMP = term(
    "single_id_stamp",
    r"""\b id \s* : \s* \d{3} - \d{9} - \d{8} - (?P<num>\w+?) - (?:de|ar|au|cc) \b  # « ID : 065-216502260-20230123-2023003-DE »""",
    starts="id",
)
ITEM_IN_BODY = term(
    "item_in_body",
    r"""(?:rapport|question|point|affaire) \s+ n \s* ° \s* (?P<item>\d+) \s* [-:]? \s*  # « Rapport n° 19 : », « Affaire n° 2 : »""",
    starts="rapport question point affaire",
)


# -- what a checker flags --------------------------------------------------------------------

# a stamp's date: "Reçu en préfecture le 03/02/2023", "Date d'affichage : 13 Fi. 2079"
STAMP = term(
    "stamp",
    r"""(?:
      transmission \s+ en \s+ prefecture | recu \s+ en \s+ prefecture | envoye \s+ en \s+ prefecture  # « Transmission en préfecture le : 2 7 FEV. 2073 », « Reçu en préfecture le 03/02/2023 »
    | publication | affichee? | publiee? | reception \s+ (?:prefecture|ar) | teletransmission      # « publication le : ? 7 FEV, 2073 », « affiché le 12/12/2022 »
    ) (?:\s+ le)? \s* :? \s* (?:le \s*)?
    (?P<date>[\d?][\d\ ?]{0,3} \s* [/.]? \s* [a-z.]{0,6} [/.,]? \s* [/.]? \s* \d{2,4} (?:\s*\d)?)""",
    starts="transmission recu envoye publication affiche affichee publie publiee reception teletransmission",
)
CLOSING = term(
    "closing",
    r"""(?<![a-z])(?:
      pour \s+ extrait \s+ conforme | pour \s+ copie \s+ conforme          # « Pour extrait conforme »
    | certifiee? \s+ (?:conforme|executoire) | fait \s+ et \s+ delibere    # « Certifié exécutoire », « Fait et délibéré »
    | seance \s+ est \s+ levee | accuse \s+ de \s+ reception               # « La séance est levée », « Accusé de réception »
    | identifiant \s+ unique \s+ de \s+ l'acte | recours                   # « Identifiant unique de l'acte », « recours »
    | signee? \s+ (?:electroniquement|par) | le \s+ maire \s* ,            # « Signé électroniquement », « Le Maire, »
    )""",
    anchors="extrait copie certifie certifiee delibere levee accuse identifiant recours signe signee maire",
    before=20,
    after=60,
)
NEW_EXTRACT = term(
    "new_extract",
    r"""(?:
      extrait \s+ du \s+ registre     # « EXTRAIT DU REGISTRE »
    | etaient \s+ presents            # « Etaient présents »
    | (?P<heading> deliberation \s)   # « DÉLIBÉRATION n° » (in capitals: a heading)
    )""",
    starts="extrait etaient deliberation",
)
OTHER_MEETING = term(
    "other_meeting",
    rf"""(?: extrait \s+ du \s+ registre | proces [-\ ] verbal) [^.]{{0,200}}?   # « EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS, séance du 12 octobre 2023 »
    seance \s+ (?:publique \s+ | ordinaire \s+)? (?:du|en \s+ date \s+ du) \s+ (?:{WEEKDAY} \s+)?
    (?P<date>\d{{1,2}} \s* (?:er)? \s+ [a-z]{{3,9}} \s+ \d{{4}} | \d{{1,2}} / \d{{1,2}} / \d{{4}})""",
    starts="extrait proces",
)
SIGNED_BY_DELEGATION = term(
    "signed_by_delegation",
    r"""(?:
      signee? \s+ (?:electroniquement \s+)? par \s* :? \s* (?P<who>[^#]{2,40}?) \s+ (?:date|\#|qualit)  # « Signé électroniquement par : Ludovic Veber Date »
    | par \s+ delegation [^.]{0,80}? signee? [^:]{0,30} : \s* (?P<who2>[^#]{2,40}?) \s+ (?:date|\#|qualit)  # « Par délégation … signé par : X Date »
    )""",
    anchors="signe signee delegation",
    before=10,
    after=220,
)
BY_DELEGATION = term(
    "by_delegation",
    r"""par \s+ delegation  # « Par délégation »""",
    anchors="delegation",
    before=10,
    after=20,
)
ACT_STAMP_ID = term(
    "act_stamp_id",
    r"""\b \d{3} - \d{9} - (?P<day>\d{8}) - [\w-]+? - (?:de|ar|au|cc) \b  # « 065-216502260-20230123-2023003-DE »""",
)


# -- attendance windows ("(à compter de la question n°9)") ------------------------------------

WINDOW_NOUN = term(
    "window_noun",
    r"""(?:
      questions? | deliberations? | points?      # « question », « délibération », « point »
    | rapports? | affaires? | dossiers? | objets?  # « rapport », « affaire », « dossier »
    )""",
)
# an item as a note names it: "la question n°9", "D87/13", "22h40, point n°2"
# an act's number whose last part is its item: "2022-12-21/01" -> 1, "2023/009" -> 9 ("D87/13" -> 87)
_ACT_PREFIX = r"(?:(?:19|20)\d{2} [-/._] (?:\d{1,2} [-/._] \d{1,2} [-/._])?)?"
_REF = (
    r"(?:n \s* ° | no\.? | numero)? \s* (?:d \s*)? "
    + _ACT_PREFIX
    + r"(\d{1,4}) (?:\s* / \s* \d{2,4})? (?!\s*h\s*\d|\s*h\b|\d)"
)
WINDOW_REFERENCE = _REF
WINDOW_ITEM = term(
    "window_item",
    rf"""(?:\d{{1,2}} \s* h \s* (?:\d{{2}})? \s* , \s*)?        # « 22h40, point n°2 »
    (?:la \s+ | le \s+ | l \s* ' \s* | les \s+)? (?:{WINDOW_NOUN} \s*)? {_REF}  # « la question n°9 », « D87/13 »""",
)
WINDOW_FROM = term(
    "window_from",
    rf"""(?:
      a \s+ compter \s+ (?:de|du|des)                        # « à compter de la question n°9 »
    | a \s+ partir \s+ (?:de|du|des)                         # « à partir de D 87/13 »
    | depuis                                                 # « depuis le point 4 »
    | arrivee? \s+ (?:a|au|aux|en \s+ cours \s+ de|lors \s+ d[eu])  # « arrivée au point 5 »
    | presente? \s+ a \s+ partir \s+ (?:de|du)                # « présent à partir du point 2 »
    | (?:au \s+ debut \s+ de | lors \s+ de | a \s+ partir \s+ de) \s+ l' \s* examen \s+ d(?:u|e \s+ la|es)  # « au début de l'examen du dossier n°3 »
    ) \s* (?:{WINDOW_ITEM})""",
)
WINDOW_UNTIL = term(
    "window_until",
    rf"""(?:
      jusqu \s* '? \s* (?:a|au|aux)                           # « jusqu'à la question n°8 », « jusqu à D87/13 »
    | depart \s+ apres | partie? \s+ apres                    # « départ après le point 5 », « parti après le point 5 »
    | quitte \s+ la \s+ seance \s+ apres                      # « quitte la séance après le point 7 »
    | depart \s+ (?:a|au|lors \s+ d[eu]) | partie? \s+ (?:a|au)  # « départ à D107/13 »
    ) \s* (?:{WINDOW_ITEM}) (\s* (?:incluse?|inclus))?""",
)
WINDOW_AFTER = term(
    "window_after", r"""(?:partie? | depart | quitte \s+ la \s+ seance) \s+ apres  # « parti après »"""
)
WINDOW_EXCEPT = term(
    "window_except",
    r"""(?:sauf | exceptee? | hors | a \s+ l'exception \s+ d[eu]s?) \s+ (.*)  # « sauf D90/13 à D96/13 », « à l'exception du point 4 »""",
)
WINDOW_ONLY = term(
    "window_only",
    rf"""^(?:presente? \s+ | uniquement \s+ | seulement \s+)? (?:pour \s+)? (?:les? \s+ | la \s+)? {WINDOW_NOUN} \s+ (.*)$  # « points 1, 2 et 5 », « présent pour les questions 3 à 5 »""",
)
WINDOW_RANGE = term(
    "window_range", rf"""{_REF} \s* (?:a|-|au) \s* (?:{WINDOW_ITEM})  # « D90/13 à D96/13 », « 3 à 5 »"""
)
WINDOW_MOVE = term(
    "window_move",
    r"""(?:arriv | depart | parti | jusqu | partir | compter | quitt)  # « arrivée à 19h07 », « départ », « jusqu'à 22h40 »""",
)
WINDOW_NEW_CLAUSE = term(
    "window_new_clause",
    r"""\b et \s+ (?=depart|parti|jusqu|a \s+ partir|a \s+ compter|arriv)  # « sauf D103/13 et départ à D107/13 »""",
)
