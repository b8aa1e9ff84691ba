"""Round trip: a generated document, read back by the importer, gives the same meeting data.

Random meetings (windows, proxies with windows, substitutes, interested members holding proxies,
votes with and without abstentions, an order of passage that is not the numbering) are rendered
to the text rendering and, for fewer of them, to PDF; the importer reads them back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registre.core import Attendance, Authority, Item, Meeting, Member, Proxy, Vote, Window, tally_meeting
from registre.documents.imported import record_from_path, record_from_text
from registre.documents.model import DeliberationRecord, MeetingRecord
from registre.documents.render import render

FIRST = [
    "Anne",
    "Élise",
    "Kévin",
    "Jean-Hugues",
    "Marie-Thérèse",
    "Loïc",
    "Annaïck",
    "Gabriel",
    "Hélène",
    "François",
    "Pascale",
    "Benoît",
    "Agnès",
    "Cédric",
    "Frédérique",
    "Nathan",
    "Claude",
    "Jérôme",
]
LAST = [
    "VIGNOT",
    "BERTAGNOLI",
    "DENIS-LAMIT",
    "ASTRIC-ANSART",
    "CROIZIER",
    "LÉVÊQUE",
    "BAULIEU",
    "MAGNIN-FEYSOT",
    "GALLIOU",
    "PRESSE",
    "ROUTHIER",
    "ZEHAF",
    "BODIN",
    "COUDRY",
    "BAEHR",
    "FAGAUT",
    "SORLIN",
    "TERZO",
    "CHÂTELAIN",
    "MOREAU",
    "BERNARD",
    "PERNOT",
]
COMMUNES = [
    "Besançon",
    "Saint-Vit",
    "Roche-Lèz-Beaupré",
    "La Vèze",
    "Audeux",
    "Châtillon-le-Duc",
    "Chemaudin et Vaux",
    "Pouilley-les-Vignes",
]
AUTHORITIES = ["Grand Besançon Métropole", "Grand Lac Métropole", "Grand Chambéry Métropole"]
TITLES = [
    "Attribution d'une subvention à l'association des parents d'élèves",
    "Approbation du compte de gestion de l'exercice",
    "Convention avec le syndicat mixte des transports",
    "Tarifs du conservatoire à rayonnement régional",
    "Désignation des représentants au conseil portuaire",
]


@st.composite
def meetings(draw):
    size = draw(st.integers(4, 16))
    people = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)),
            min_size=size,
            max_size=size,
            unique_by=lambda p: p[1] + p[0],
        ).filter(lambda ps: len({p[1] for p in ps}) == len(ps))
    )
    epci = draw(st.booleans())
    members = []
    for first, last in people:
        commune = draw(st.sampled_from(COMMUNES)) if epci else None
        members.append(
            Member(
                first,
                last,
                draw(st.sampled_from(["M.", "Mme"])),
                commune,
                substitute=epci and draw(st.integers(0, 9)) == 0,
            )
        )
    numbers = draw(st.lists(st.integers(1, 40), min_size=1, max_size=7, unique=True))
    order = tuple(draw(st.permutations(sorted(numbers))))
    attendance, proxies = [], []
    chair_index = draw(st.integers(0, size - 1))
    absent_keys = []
    for index, member in enumerate(members):
        kind = 0 if index == chair_index else draw(st.integers(0, 5))
        position = draw(st.integers(1, len(order) - 1)) if len(order) > 1 else None
        if kind <= 2 or (kind >= 4 and position is None):
            attendance.append(Attendance(member.key, True))
        elif kind == 3:
            attendance.append(Attendance(member.key, False))
            absent_keys.append((member.key, Window()))
        elif kind == 4:  # arrives at a later item
            attendance.append(Attendance(member.key, True, Window(from_item=order[position])))
            if draw(st.booleans()):
                attendance.append(Attendance(member.key, False, Window(until_item=order[position - 1])))
            absent_keys.append((member.key, Window(until_item=order[position - 1])))
        else:  # leaves before a later item
            attendance.append(Attendance(member.key, True, Window(until_item=order[position - 1])))
            if draw(st.booleans()):
                attendance.append(Attendance(member.key, False, Window(from_item=order[position])))
            absent_keys.append((member.key, Window(from_item=order[position])))
    always = [a.member for a in attendance if a.present and a.window.is_whole_meeting]
    holders = list(always)
    for principal, window in absent_keys:
        if holders and draw(st.booleans()):
            holder = holders.pop(draw(st.integers(0, len(holders) - 1)))
            proxies.append(Proxy(principal, holder, window))
    keys = [m.key for m in members]
    items = []
    for number in sorted(numbers):
        interested = frozenset(draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)))
        items.append(
            Item(
                number,
                draw(st.sampled_from(TITLES)),
                interested,
                Vote(unanimous=True),
                rapporteur="Mme Anne VIGNOT, Présidente",
                committee="Finances et administration générale",
            )
        )
    day = draw(st.dates(dt.date(2019, 1, 1), dt.date(2026, 6, 30)))
    meeting = Meeting(
        authority=Authority(draw(st.sampled_from(AUTHORITIES))),
        date=day,
        members=tuple(members),
        order_of_passage=order,
        items=tuple(items),
        attendance=tuple(attendance),
        proxies=tuple(proxies),
        members_in_office=sum(1 for m in members if not m.substitute) + draw(st.integers(0, 3)),
        council="Conseil communautaire",
        place="la salle du conseil, 2 rue Mégevand à Besançon",
        chair=members[chair_index].key,
        secretary=draw(st.sampled_from(always)),
        opened_at=dt.time(draw(st.integers(8, 19)), draw(st.integers(0, 59))),
        closed_at=dt.time(draw(st.integers(20, 23)), draw(st.integers(0, 59))),
    )
    # votes: some with votes against and abstentions, within the voters the core counts
    tally = tally_meeting(meeting)
    voted = []
    for item in meeting.items:
        voters = tally.for_item(item.number).voters
        if voters > 2 and draw(st.booleans()):
            against = draw(st.integers(0, voters // 3))
            abstain = draw(st.integers(0, voters // 3))
            item = Item(
                item.number,
                item.title,
                item.interested_members,
                Vote(votes_against=against, abstentions=abstain),
                item.rapporteur,
                item.committee,
            )
        voted.append(item)
    meeting = _with_items(meeting, voted)
    deliberations = tuple(
        DeliberationRecord(
            number=f"{day.year}/{index + 1:03d}",
            item=item.number,
            title=item.title,
            rapporteur=item.rapporteur,
            committee=item.committee,
            text="### Résumé :\n\nLe rapport présente l'opération, pour un montant de 12000 €.",
            decision="- approuve l'opération ;\n- autorise la Présidente à signer la convention.",
        )
        for index, item in enumerate(meeting.items)
    )
    return MeetingRecord(meeting, deliberations, convened_on=day - dt.timedelta(days=5))


def _with_items(meeting: Meeting, items) -> Meeting:
    from dataclasses import replace

    return replace(meeting, items=tuple(items))


def _figures(tally):
    return (
        tally.present,
        tally.represented,
        tally.not_participating,
        tally.voters,
        tally.votes_for,
        tally.votes_against,
        tally.abstentions,
        tally.adopted,
        tally.unanimous,
    )


def assert_same(original: MeetingRecord, again: MeetingRecord, deliberation: DeliberationRecord) -> None:
    a, b = original.meeting, again.meeting
    for field in (
        "date",
        "order_of_passage",
        "members_in_office",
        "council",
        "place",
        "chair",
        "secretary",
        "opened_at",
        "closed_at",
        "proxies",
    ):
        assert getattr(a, field) == getattr(b, field), field
    assert a.authority.name == b.authority.name
    assert set(a.members) == set(b.members)
    assert Counter(a.attendance) == Counter(b.attendance)
    assert again.convened_on == original.convened_on
    (read,) = again.deliberations
    assert (read.number, read.item, read.title, read.rapporteur, read.committee) == (
        deliberation.number,
        deliberation.item,
        deliberation.title,
        deliberation.rapporteur,
        deliberation.committee,
    )
    item_a, item_b = a.item(deliberation.item), b.item(deliberation.item)
    assert item_a.interested_members == item_b.interested_members
    assert _figures(original.tally.for_item(deliberation.item)) == _figures(
        again.tally.for_item(deliberation.item)
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(record=meetings(), data=st.data())
def test_text_rendering_reads_back(record, data):
    deliberation = data.draw(st.sampled_from(record.deliberations))
    text = render("extract", record, "txt", deliberation=deliberation).decode("utf-8")
    assert_same(record, record_from_text("extrait.md", text), deliberation)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(record=meetings(), data=st.data())
def test_pdf_text_layer_reads_back(record, data, tmp_path_factory):
    deliberation = data.draw(st.sampled_from(record.deliberations))
    path = tmp_path_factory.mktemp("roundtrip") / "extrait.pdf"
    path.write_bytes(render("extract", record, "pdf", deliberation=deliberation))
    assert_same(record, record_from_path(path), deliberation)
