"""Clerk forms: French labels, French errors at the field. They reject malformed input
only; what the law says about a well-formed record is the rules core's business, shown
beside the form (tally and violations)."""

from __future__ import annotations

import re

from django import forms
from django.db import transaction

from registre.core import member_key
from registre.web.register.forms import Accessible
from registre.web.register.models import (
    Attendance,
    Council,
    Deliberation,
    Item,
    Meeting,
    Member,
    Proxy,
    RollCallBallot,
)

from .roster import RosterError, read_roster

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
NUMBER_ERRORS = {"invalid": "Saisissez un nombre entier.", "min_value": "Saisissez un nombre positif ou nul."}


def member_label(member: Member) -> str:
    text = f"{member.last_name.upper()} {member.first_name}"
    if member.civility:
        text = f"{text} ({member.civility})"
    if member.commune:
        text += f" — {member.commune}"
    return text + (" — suppléant" if member.substitute else "")


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return member_label(obj)


class MembersChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return member_label(obj)


def item_choices(meeting: Meeting, blank: str | None = None) -> list[tuple[str, str]]:
    choices = [("", blank)] if blank is not None else []
    for item in meeting.items.order_by("position"):
        title = f" — {item.title[:60]}" if item.title else ""
        choices.append((str(item.number), f"Question n°{item.number}{title}"))
    return choices


def passage_position(meeting: Meeting) -> dict[int, int]:
    return dict(meeting.items.values_list("number", "position"))


# -- councils and members ---------------------------------------------------------------------


class CouncilForm(Accessible, forms.ModelForm):
    class Meta:
        model = Council
        fields = ["name"]
        labels = {"name": "Nom de l'assemblée"}
        help_texts = {"name": "Par exemple : Conseil communautaire, Conseil municipal."}
        error_messages = {"name": {"required": "Donnez le nom de l'assemblée."}}

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Donnez le nom de l'assemblée.")
        if (
            Council.objects.filter(authority=self.authority, name__iexact=name)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError("Votre collectivité a déjà une assemblée de ce nom.")
        return name

    def save(self, commit=True):
        self.instance.authority = self.authority
        return super().save(commit)


class MemberForm(Accessible, forms.ModelForm):
    class Meta:
        model = Member
        fields = ["civility", "first_name", "last_name", "commune", "substitute"]
        labels = {
            "civility": "Civilité",
            "first_name": "Prénom",
            "last_name": "Nom",
            "commune": "Commune (conseil communautaire)",
            "substitute": "Suppléant",
        }
        error_messages = {
            "first_name": {"required": "Saisissez le prénom."},
            "last_name": {"required": "Saisissez le nom."},
        }

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["civility"].choices = [("", "—"), *Member.CIVILITIES]

    def clean(self):
        data = super().clean()
        if data.get("first_name") and data.get("last_name"):
            key = member_key(data["first_name"], data["last_name"])
            if self.council.members.filter(key=key).exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "last_name", "Un conseiller de ce nom et de ce prénom est déjà inscrit à cette assemblée."
                )
        return data

    def save(self, commit=True):
        self.instance.council = self.council
        return super().save(commit)


class RosterImportForm(Accessible, forms.Form):
    file = forms.FileField(
        label="Fichier CSV de la liste des conseillers",
        help_text="Colonnes : civilité ; prénom ; nom ; commune ; suppléant (oui/non). "
        "Séparateur « ; » ou « , », encodage UTF-8 ou Windows-1252.",
        error_messages={
            "required": "Choisissez un fichier CSV.",
            "empty": "Le fichier est vide.",
            "invalid": "Le fichier n'a pas pu être lu.",
        },
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.rows = []

    def clean_file(self):
        upload = self.cleaned_data["file"]
        data = upload.read(2_000_001)
        try:
            self.rows = read_roster(data)
        except RosterError as error:
            raise forms.ValidationError(error.messages) from error
        return upload

    def save(self) -> tuple[int, int]:
        """(added, already on the roster): one transaction for the whole file."""
        known = set(self.council.members.values_list("key", flat=True))
        added = 0
        with transaction.atomic():
            for row in self.rows:
                if row.key in known:
                    continue
                Member.objects.create(
                    council=self.council,
                    civility=row.civility,
                    first_name=row.first_name,
                    last_name=row.last_name,
                    commune=row.commune,
                    substitute=row.substitute,
                )
                added += 1
        return added, len(self.rows) - added


# -- meetings and agenda ----------------------------------------------------------------------


class MeetingForm(Accessible, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "council",
            "date",
            "place",
            "convened_on",
            "opened_at",
            "closed_at",
            "chair",
            "secretary",
            "members_in_office",
            "reconvened_without_quorum",
            "first_convocation",
        ]
        labels = {
            "council": "Assemblée",
            "date": "Date de la séance",
            "place": "Lieu",
            "convened_on": "Date de convocation",
            "opened_at": "Heure d'ouverture",
            "closed_at": "Heure de clôture",
            "chair": "Président de séance",
            "secretary": "Secrétaire de séance",
            "members_in_office": "Conseillers en exercice",
            "reconvened_without_quorum": "Séance réunie à nouveau sans condition de quorum (L2121-17)",
            "first_convocation": "Séance de première convocation dont le quorum n'a pas été atteint",
        }
        widgets = {"date": DATE, "convened_on": DATE, "opened_at": TIME, "closed_at": TIME}
        field_classes = {"chair": MemberChoiceField, "secretary": MemberChoiceField}
        error_messages = {
            "council": {
                "required": "Choisissez l'assemblée.",
                "invalid_choice": "Choisissez une assemblée de la liste.",
            },
            "date": {
                "required": "Saisissez la date de la séance.",
                "invalid": "Saisissez une date valide, par exemple 07/10/2021.",
            },
            "convened_on": {"invalid": "Saisissez une date valide, par exemple 01/10/2021."},
            "opened_at": {"invalid": "Saisissez une heure valide, par exemple 18:30."},
            "closed_at": {"invalid": "Saisissez une heure valide, par exemple 21:45."},
            "members_in_office": NUMBER_ERRORS,
            "chair": {"invalid_choice": "Choisissez un conseiller de la liste."},
            "secretary": {"invalid_choice": "Choisissez un conseiller de la liste."},
        }

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = Council.objects.filter(authority=authority)
        self.fields["council"].empty_label = "— choisir —"
        members = Member.objects.filter(council__authority=authority).select_related("council")
        if self.instance.pk:
            members = members.filter(council=self.instance.council)
            self.fields["council"].disabled = True
        for name in ("chair", "secretary"):
            self.fields[name].queryset = members
            self.fields[name].empty_label = "— non renseigné —"
        self.fields["members_in_office"].help_text = "Laissé vide : le nombre de titulaires de la liste."
        earlier = Meeting.objects.filter(council__authority=authority).select_related("council")
        if self.instance.pk:
            earlier = earlier.filter(council=self.instance.council).exclude(pk=self.instance.pk)
        self.fields["first_convocation"].queryset = earlier.order_by("-date")
        self.fields["first_convocation"].empty_label = "— aucune —"
        self.fields[
            "first_convocation"
        ].help_text = "À indiquer pour une séance réunie sans condition de quorum (CGCT L2121-17 al. 2)."

    def clean(self):
        data = super().clean()
        council = data.get("council") or (self.instance.council if self.instance.pk else None)
        if data.get("date") and data.get("convened_on") and data["convened_on"] > data["date"]:
            self.add_error("convened_on", "La convocation ne peut pas être postérieure à la séance.")
        if data.get("opened_at") and data.get("closed_at") and data["closed_at"] <= data["opened_at"]:
            self.add_error("closed_at", "La clôture doit suivre l'ouverture.")
        for name in ("chair", "secretary"):
            member = data.get(name)
            if member and council and member.council_id != council.pk:
                self.add_error(name, "Ce conseiller n'appartient pas à l'assemblée choisie.")
        first = data.get("first_convocation")
        if data.get("reconvened_without_quorum") and first is None:
            self.add_error(
                "first_convocation",
                "Une séance réunie sans condition de quorum suit une séance dont le quorum n'a pas été "
                "atteint : indiquez-la (CGCT L2121-17 al. 2).",
            )
        if first is not None:
            if not data.get("reconvened_without_quorum"):
                self.add_error(
                    "reconvened_without_quorum", "Cochez la case : la séance est une seconde convocation."
                )
            if council and first.council_id != council.pk:
                self.add_error("first_convocation", "Cette séance n'est pas de la même assemblée.")
            if data.get("date") and first.date >= data["date"]:
                self.add_error("first_convocation", "La première convocation précède la séance.")
        return data


class ItemForm(Accessible, forms.ModelForm):
    class Meta:
        model = Item
        fields = ["number", "title", "rapporteur", "committee"]
        labels = {
            "number": "Numéro du rapport",
            "title": "Objet",
            "rapporteur": "Rapporteur",
            "committee": "Commission",
        }
        error_messages = {
            "number": {
                **NUMBER_ERRORS,
                "required": "Saisissez le numéro du rapport.",
                "min_value": "Le numéro commence à 1.",
            },
            "title": {"max_length": "L'objet compte 500 caractères au plus."},
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["title"].required = True
        self.fields["title"].error_messages["required"] = "Saisissez l'objet de la question."

    def clean_number(self):
        number = self.cleaned_data["number"]
        if self.meeting.items.filter(number=number).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"La question n°{number} existe déjà dans cette séance.")
        return number

    def save(self, commit=True):
        item = self.instance
        item.meeting = self.meeting
        if item.pk is None:
            last = self.meeting.items.order_by("-position").values_list("position", flat=True).first()
            item.position = (last or 0) + 1
        return super().save(commit)


class OrderOfPassageForm(Accessible, forms.Form):
    order = forms.CharField(
        label="Ordre de passage",
        max_length=2000,
        help_text="Les numéros des questions dans l'ordre où elles sont examinées, séparés par des virgules.",
        error_messages={"required": "Saisissez l'ordre de passage."},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["order"].initial = ", ".join(
            str(n) for n in meeting.items.order_by("position").values_list("number", flat=True)
        )

    def clean_order(self):
        text = self.cleaned_data["order"]
        parts = [p for p in re.split(r"[\s,;]+", text) if p]
        if any(not p.isdigit() for p in parts):
            raise forms.ValidationError(
                "Seuls des numéros de questions séparés par des virgules sont attendus."
            )
        numbers = [int(p) for p in parts]
        known = set(self.meeting.items.values_list("number", flat=True))
        duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
        if duplicates:
            raise forms.ValidationError(f"La question n°{duplicates[0]} figure deux fois.")
        unknown = sorted(set(numbers) - known)
        if unknown:
            raise forms.ValidationError(
                f"La question n°{unknown[0]} n'est pas à l'ordre du jour de la séance."
            )
        missing = sorted(known - set(numbers))
        if missing:
            raise forms.ValidationError(f"La question n°{missing[0]} manque dans l'ordre de passage.")
        return numbers

    def save(self) -> None:
        items = {item.number: item for item in self.meeting.items.all()}
        with transaction.atomic():
            offset = len(items) + 1000
            for item in items.values():  # two steps: (meeting, position) is unique
                item.position += offset
                item.save(update_fields=["position"])
            for position, number in enumerate(self.cleaned_data["order"], start=1):
                items[number].position = position
                items[number].save(update_fields=["position"])


# -- attendance and proxies -------------------------------------------------------------------


class AttendanceForm(Accessible, forms.Form):
    """Who is in the room when the meeting opens; the others are recorded absent."""

    present = MembersChoiceField(
        label="Présents à l'ouverture de la séance",
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["present"].queryset = meeting.council.members.all()
        self.fields["present"].initial = list(
            meeting.attendance.filter(present=True).values_list("member_id", flat=True)
        )

    def save(self) -> None:
        chosen = {m.pk for m in self.cleaned_data["present"]}
        lines = list(self.meeting.attendance.all())
        windowed_present = {a.member_id for a in lines if a.present and not _whole(a)}
        with transaction.atomic():
            for member in self.meeting.council.members.all():
                if member.pk in chosen and member.pk in windowed_present:
                    continue  # arrival or departure already recorded: keep its window
                mine = [a for a in lines if a.member_id == member.pk]
                wanted = member.pk in chosen
                if len(mine) == 1 and _whole(mine[0]) and mine[0].present == wanted:
                    continue
                for line in mine:
                    line.delete()
                Attendance.objects.create(meeting=self.meeting, member=member, present=wanted)


def _whole(line) -> bool:
    return line.from_item is None and line.until_item is None and not line.except_items


class _MemberAtItemForm(Accessible, forms.Form):
    member = MemberChoiceField(
        label="Conseiller",
        queryset=Member.objects.none(),
        error_messages={
            "required": "Choisissez le conseiller.",
            "invalid_choice": "Choisissez un conseiller de la liste.",
        },
    )

    def __init__(self, *args, meeting, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["member"].queryset = meeting.council.members.all()
        self.fields["member"].empty_label = "— choisir —"
        field = self.fields[self.item_field]
        field.choices = item_choices(meeting)
        if item is not None:
            field.initial = str(item.number)
        self.position = passage_position(meeting)

    def _present_line(self, member):
        lines = list(self.meeting.attendance.filter(member=member))
        present = [line for line in lines if line.present]
        return lines, (present[-1] if present else None)


def _item_field(label):
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        error_messages={
            "required": "Choisissez la question.",
            "invalid_choice": "Choisissez une question de l'ordre du jour.",
        },
    )


class ArrivalForm(_MemberAtItemForm):
    """Arrival: present from item n (in the order of passage) onwards."""

    prefix = "arrival"
    item_field = "from_item"
    from_item = _item_field("Présent à compter de la question")

    def clean(self):
        data = super().clean()
        if data.get("member") and data.get("from_item"):
            _lines, line = self._present_line(data["member"])
            until = line.until_item if line else None
            if until is not None and self.position.get(until, 0) < self.position[data["from_item"]]:
                until = None  # left earlier and comes back: present from the return on
            self.window = (data["from_item"], until)
        return data

    def save(self) -> None:
        member = self.cleaned_data["member"]
        with transaction.atomic():
            for line in self.meeting.attendance.filter(member=member):
                line.delete()
            Attendance.objects.create(
                meeting=self.meeting,
                member=member,
                present=True,
                from_item=self.window[0],
                until_item=self.window[1],
            )


class DepartureForm(_MemberAtItemForm):
    """Departure: present until item n included (in the order of passage)."""

    prefix = "departure"
    item_field = "until_item"
    until_item = _item_field("Présent jusqu'à la question (incluse)")

    def clean(self):
        data = super().clean()
        if data.get("member") and data.get("until_item"):
            _lines, line = self._present_line(data["member"])
            if line is None:
                self.add_error(
                    "member", "Ce conseiller n'est pas noté présent : enregistrez d'abord sa présence."
                )
                return data
            start = line.from_item
            self.window = (start, data["until_item"])
            if start is not None and self.position[data["until_item"]] < self.position.get(start, 0):
                self.add_error(
                    "until_item",
                    f"Ce conseiller n'est arrivé qu'à la question n°{start} : "
                    "son départ ne peut pas la précéder.",
                )
        return data

    def save(self) -> None:
        member = self.cleaned_data["member"]
        with transaction.atomic():
            for line in self.meeting.attendance.filter(member=member):
                line.delete()
            Attendance.objects.create(
                meeting=self.meeting,
                member=member,
                present=True,
                from_item=self.window[0],
                until_item=self.window[1],
            )


class ProxyForm(Accessible, forms.Form):
    prefix = "proxy"
    principal = MemberChoiceField(
        label="Mandant (donne la procuration)",
        queryset=Member.objects.none(),
        error_messages={
            "required": "Choisissez le mandant.",
            "invalid_choice": "Choisissez un conseiller de la liste.",
        },
    )
    holder = MemberChoiceField(
        label="Mandataire (porte la procuration)",
        queryset=Member.objects.none(),
        error_messages={
            "required": "Choisissez le mandataire.",
            "invalid_choice": "Choisissez un conseiller de la liste.",
        },
    )
    from_item = forms.TypedChoiceField(
        label="À compter de la question",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choisissez une question de l'ordre du jour."},
    )
    until_item = forms.TypedChoiceField(
        label="Jusqu'à la question (incluse)",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choisissez une question de l'ordre du jour."},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        for name in ("principal", "holder"):
            self.fields[name].queryset = meeting.council.members.all()
            self.fields[name].empty_label = "— choisir —"
        self.fields["from_item"].choices = item_choices(meeting, "dès le début de la séance")
        self.fields["until_item"].choices = item_choices(meeting, "jusqu'à la fin de la séance")

    def clean(self):
        data = super().clean()
        if data.get("principal") and data.get("holder") and data["principal"] == data["holder"]:
            self.add_error("holder", "Un conseiller ne peut pas se donner procuration à lui-même.")
        start, end = data.get("from_item"), data.get("until_item")
        if start is not None and end is not None:
            position = passage_position(self.meeting)
            if position[end] < position[start]:
                self.add_error(
                    "until_item", "La fin de la procuration précède son début dans l'ordre de passage."
                )
        return data

    def save(self) -> Proxy:
        data = self.cleaned_data
        return Proxy.objects.create(
            meeting=self.meeting,
            principal=data["principal"],
            holder=data["holder"],
            from_item=data.get("from_item"),
            until_item=data.get("until_item"),
        )


# -- per item: interested members and the vote ------------------------------------------------


class InterestedMembersForm(Accessible, forms.Form):
    interested = MembersChoiceField(
        label="Conseillers intéressés à l'affaire (L2131-11)",
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Ils ne prennent part ni au débat ni au vote, pas même par la procuration qu'ils portent.",
        error_messages={
            "invalid_choice": "Choisissez des conseillers de la liste.",
            "invalid_pk_value": "Choisissez des conseillers de la liste.",
        },
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["interested"].queryset = item.meeting.council.members.all()
        self.fields["interested"].initial = list(item.interested_members.values_list("pk", flat=True))

    def save(self) -> None:
        self.item.interested_members.set(self.cleaned_data["interested"])


class VoteForm(Accessible, forms.ModelForm):
    class Meta:
        model = Item
        fields = ["vote_kind", "unanimous", "votes_for", "votes_against", "abstentions", "chair_ballot"]
        labels = {
            "vote_kind": "Mode de scrutin",
            "unanimous": "Adoptée à l'unanimité (aucune voix contre)",
            "votes_for": "Pour",
            "votes_against": "Contre",
            "abstentions": "Abstentions",
            "chair_ballot": "Vote du président (voix prépondérante en cas de partage)",
        }
        widgets = {"vote_kind": forms.RadioSelect}
        help_texts = {"votes_for": "", "votes_against": "", "abstentions": ""}
        error_messages = {
            "votes_for": NUMBER_ERRORS,
            "votes_against": NUMBER_ERRORS,
            "abstentions": NUMBER_ERRORS,
            "vote_kind": {
                "required": "Choisissez le mode de scrutin.",
                "invalid_choice": "Choisissez un mode de scrutin de la liste.",
            },
            "chair_ballot": {"invalid_choice": "Choisissez pour, contre ou abstention."},
        }

    def __init__(self, *args, voters: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.voters = voters  # the item's voters, as the rules core counts them from the record
        self.fields["chair_ballot"].choices = [("", "— non précisé —"), *Item.BALLOTS]
        for name in ("votes_for", "votes_against", "abstentions"):
            self.fields[name].widget.attrs.update({"min": 0, "inputmode": "numeric"})
            if voters is not None:
                self.fields[name].widget.attrs["max"] = voters

    def clean(self):
        data = super().clean()
        kind = data.get("vote_kind")
        totals = [data.get(n) for n in ("votes_for", "votes_against", "abstentions")]
        if kind == "no_vote":
            for name in ("votes_for", "votes_against", "abstentions"):
                if data.get(name) is not None:
                    self.add_error(name, "Sans vote (prend acte) : ne saisissez aucun total.")
            if data.get("unanimous"):
                self.add_error("unanimous", "Sans vote (prend acte) : l'unanimité n'a pas de sens.")
        if kind == "roll_call" and any(t is not None for t in totals):
            self.add_error(
                "votes_for",
                "En scrutin public, les totaux viennent des votes nominatifs : "
                "laissez-les vides et saisissez le vote de chaque conseiller.",
            )
        if kind == "secret_ballot" and data.get("chair_ballot"):
            self.add_error("chair_ballot", "Au scrutin secret, le président n'a pas de voix prépondérante.")
        if kind == "secret_ballot" and data.get("unanimous") and totals[0] is None:
            self.add_error("votes_for", "Au scrutin secret, saisissez les totaux du dépouillement.")
        if kind in ("show_of_hands", "secret_ballot"):
            self._check_totals(data, totals)
        return data

    TOTALS = (("votes_for", "pour"), ("votes_against", "contre"), ("abstentions", "abstentions"))

    def _check_totals(self, data, totals) -> None:
        """Impossible totals are refused here, at the field, against the voters the core counts."""
        voters = self.voters
        given = [(name, label, value) for (name, label), value in zip(self.TOTALS, totals, strict=True)]
        given = [(name, label, value) for name, label, value in given if value is not None]
        if voters is not None:
            for name, label, value in given:
                if value > voters:
                    self.add_error(name, f"{value} voix « {label} » pour {voters} votants à cette question.")
            total = sum(value for _name, _label, value in given)
            if len(given) == 3 and total != voters:
                detail = " + ".join(f"{label} {value}" for _name, label, value in given)
                self.add_error("abstentions", f"{detail} = {total}, pour {voters} votants à cette question.")
            elif len(given) < 3 and total > voters:
                self.add_error(given[-1][0], f"{total} voix saisies pour {voters} votants à cette question.")
        against = data.get("votes_against")
        abstentions = data.get("abstentions")
        if data.get("unanimous"):
            if against:
                self.add_error("unanimous", f"Unanimité cochée, mais {against} voix contre sont saisies.")
            elif voters is not None and len(given) == 3 and data.get("votes_for") == 0:
                self.add_error("unanimous", "Unanimité cochée, mais aucune voix pour n'est saisie.")
        elif len(given) == 3 and data.get("votes_for") and not against and not abstentions:
            self.add_error(
                "unanimous",
                "Les totaux donnent l'unanimité (aucune voix contre, aucune abstention) : cochez la case, "
                "ou corrigez les totaux.",
            )


class RollCallForm(Accessible, forms.Form):
    """Roll-call: each member's ballot, cast in person or through the proxy they gave."""

    CHOICES = [("", "— ne vote pas —"), *Item.BALLOTS]

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.members = list(item.meeting.council.members.all())
        cast = dict(item.ballots.values_list("member_id", "choice"))
        for member in self.members:
            self.fields[f"m{member.pk}"] = forms.ChoiceField(
                label=member_label(member),
                choices=self.CHOICES,
                required=False,
                initial=cast.get(member.pk, ""),
                error_messages={"invalid_choice": "Choisissez pour, contre, abstention ou « ne vote pas »."},
            )

    def save(self) -> None:
        with transaction.atomic():
            if self.item.vote_kind != "roll_call":
                self.item.vote_kind = "roll_call"
                self.item.votes_for = self.item.votes_against = self.item.abstentions = None
                self.item.unanimous = False
                self.item.save()
            self.item.ballots.all().delete()
            RollCallBallot.objects.bulk_create(
                RollCallBallot(item=self.item, member=member, choice=self.cleaned_data[f"m{member.pk}"])
                for member in self.members
                if self.cleaned_data.get(f"m{member.pk}")
            )


# -- deliberations ----------------------------------------------------------------------------

ACTES_CODE = re.compile(r"^[1-9](\.[0-9]{1,2}){0,4}$")


class DeliberationForm(Accessible, forms.ModelForm):
    class Meta:
        model = Deliberation
        fields = ["title", "decision", "text", "budget_line", "actes_code"]
        labels = {
            "title": "Objet",
            "decision": "Décision",
            "text": "Texte intégral",
            "budget_line": "Inscription budgétaire",
            "actes_code": "Matière (nomenclature ACTES)",
        }
        help_texts = {"actes_code": "Par exemple 7.5 pour « Subventions »."}
        widgets = {"decision": forms.Textarea(attrs={"rows": 4}), "text": forms.Textarea(attrs={"rows": 10})}
        error_messages = {
            "title": {
                "required": "Saisissez l'objet de la délibération.",
                "max_length": "L'objet compte 500 caractères au plus.",
            }
        }

    def clean_actes_code(self):
        code = self.cleaned_data["actes_code"].strip()
        if code and not ACTES_CODE.match(code):
            raise forms.ValidationError("Saisissez un code de la nomenclature ACTES, par exemple 7.5.")
        return code


class CorrectionForm(Accessible, forms.Form):
    """A rectification or a withdrawal: a new act, its reason, and the question that decides it."""

    kind = forms.ChoiceField(
        label="Nature",
        choices=[
            (Deliberation.RECTIFICATION, "Rectification d'erreur matérielle"),
            (Deliberation.WITHDRAWAL, "Retrait"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez rectification ou retrait."},
    )
    reason = forms.CharField(
        label="Motif",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Saisissez le motif : il figure dans le nouvel acte."},
    )
    item = forms.ModelChoiceField(
        label="Question qui en décide",
        queryset=Item.objects.none(),
        empty_label="— choisir —",
        help_text="La même question si seule la rédaction est à rectifier (le vote reste celui de l'acte) ; "
        "une question d'une séance ultérieure si le conseil vote à nouveau (retrait, ou vote mal consigné).",
        error_messages={
            "required": "Choisissez la question.",
            "invalid_choice": "Choisissez une question de la liste.",
        },
    )

    def __init__(self, *args, original: Deliberation, **kwargs):
        super().__init__(*args, **kwargs)
        self.original = original
        meeting = original.item.meeting
        free = Item.objects.filter(
            meeting__council__authority=original.authority,
            meeting__date__gte=meeting.date,
            deliberations__isnull=True,
        ).select_related("meeting")
        self.fields["item"].queryset = (
            (Item.objects.filter(pk=original.item_id) | free)
            .select_related("meeting")
            .order_by("-meeting__date", "position")
        )
        self.fields["item"].label_from_instance = self._item_label

    def _item_label(self, item: Item) -> str:
        same = " (question de l'acte)" if item.pk == self.original.item_id else ""
        return f"Séance du {item.meeting.date:%d/%m/%Y} — question n°{item.number} {item.title}{same}".strip()

    def clean(self):
        data = super().clean()
        if data.get("kind") == Deliberation.WITHDRAWAL and data.get("item") == self.original.item:
            self.add_error(
                "item", "Un retrait est voté à nouveau : choisissez une question d'une séance ultérieure."
            )
        return data

    def save(self) -> Deliberation:
        original, data = self.original, self.cleaned_data
        prefix = "Retrait" if data["kind"] == Deliberation.WITHDRAWAL else "Rectification"
        return Deliberation.objects.create(
            authority=original.authority,
            item=data["item"],
            corrects=original,
            kind=data["kind"],
            reason=data["reason"],
            title=f"{prefix} de la délibération n°{original.number} : {original.title}"[:500],
            decision=original.decision if data["kind"] == Deliberation.RECTIFICATION else "",
            text=original.text if data["kind"] == Deliberation.RECTIFICATION else "",
            budget_line=original.budget_line,
            actes_code=original.actes_code,
        )
