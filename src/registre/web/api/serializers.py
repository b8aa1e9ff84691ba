from __future__ import annotations

import datetime as dt

from rest_framework import serializers

from registre.opendata import actes
from registre.web.register.models import Authority, Deliberation, Meeting, PublishedAct


class AuthoritySerializer(serializers.ModelSerializer):
    class Meta:
        model = Authority
        fields = ["slug", "name", "kind", "siret"]


class VoteFiguresSerializer(serializers.Serializer):
    members_in_office = serializers.IntegerField(
        allow_null=True, help_text="conseillers en exercice (VOTE_EFFECTIF)"
    )
    voters = serializers.IntegerField(allow_null=True, help_text="votants (VOTE_REEL)")
    votes_for = serializers.IntegerField(allow_null=True)
    votes_against = serializers.IntegerField(allow_null=True)
    abstentions = serializers.IntegerField(allow_null=True)
    source = serializers.ChoiceField(choices=["engine", "scdl"], allow_null=True)


class DeliberationSerializer(serializers.ModelSerializer):
    """A published act is read from its frozen snapshot (what was published, never the live rows);
    a clerk's draft from its record."""

    authority = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    meeting = serializers.IntegerField(source="item.meeting_id", read_only=True)
    number = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    actes_code = serializers.SerializerMethodField()
    meeting_date = serializers.SerializerMethodField()
    item = serializers.SerializerMethodField()
    subject = serializers.SerializerMethodField()
    votes = serializers.SerializerMethodField()
    fingerprint = serializers.SerializerMethodField(help_text="SHA-256 de l'acte publié (JSON canonique)")
    previous_fingerprint = serializers.SerializerMethodField(
        help_text="empreinte de l'acte précédent de la collectivité (chaîne)"
    )
    in_force = serializers.SerializerMethodField(help_text="faux si un acte publié le rectifie ou le retire")
    corrected_by = serializers.SerializerMethodField(
        help_text="numéros des actes qui le rectifient ou le retirent"
    )

    class Meta:
        model = Deliberation
        fields = [
            "id",
            "number",
            "kind",
            "authority",
            "meeting",
            "meeting_date",
            "item",
            "title",
            "actes_code",
            "subject",
            "status",
            "published_at",
            "prefecture_transmission_id",
            "prefecture_transmitted_on",
            "votes",
            "fingerprint",
            "previous_fingerprint",
            "in_force",
            "corrected_by",
        ]
        read_only_fields = fields

    @staticmethod
    def _act(deliberation):
        if not deliberation.is_published:
            return None
        try:
            return deliberation.act
        except Deliberation.act.RelatedObjectDoesNotExist:
            return None

    def get_number(self, deliberation) -> str | None:
        act = self._act(deliberation)
        return act.number if act else (deliberation.number or None)

    def get_title(self, deliberation) -> str:
        act = self._act(deliberation)
        return act.title if act else deliberation.title

    def get_actes_code(self, deliberation) -> str:
        act = self._act(deliberation)
        return act.actes_code if act else deliberation.actes_code

    def get_meeting_date(self, deliberation) -> dt.date:
        act = self._act(deliberation)
        return act.meeting_date if act else deliberation.item.meeting.date

    def get_item(self, deliberation) -> int | None:
        act = self._act(deliberation)
        if act is not None:
            return (act.data.get("item") or {}).get("number")
        return deliberation.item.number

    def get_subject(self, deliberation) -> str | None:
        known = actes.subject(self.get_actes_code(deliberation))
        return known.scdl_name if known else None

    def get_votes(self, deliberation) -> VoteFiguresSerializer(allow_null=True):  # type: ignore[valid-type]
        act = self._act(deliberation)
        if act is None:
            return None
        figures = act.data["figures"]
        return {
            "members_in_office": figures["members_in_office"],
            "voters": figures["voters"],
            "votes_for": figures["votes_for"],
            "votes_against": figures["votes_against"],
            "abstentions": figures["abstentions"],
            "source": figures["source"],
        }

    def get_fingerprint(self, deliberation) -> str | None:
        act = self._act(deliberation)
        return act.fingerprint if act else None

    def get_previous_fingerprint(self, deliberation) -> str | None:
        act = self._act(deliberation)
        return (act.previous_fingerprint or None) if act else None

    def get_in_force(self, deliberation) -> bool | None:
        act = self._act(deliberation)
        return not act.corrections.exists() if act else None

    def get_corrected_by(self, deliberation) -> list[str]:
        act = self._act(deliberation)
        return list(act.corrections.order_by("position").values_list("number", flat=True)) if act else []


class AttendanceNamesSerializer(serializers.Serializer):
    present = serializers.ListField(child=serializers.CharField())
    represented = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField()), help_text="[mandant, mandataire]"
    )
    absent = serializers.ListField(child=serializers.CharField())
    interested_members = serializers.ListField(child=serializers.CharField())


class DeliberationDetailSerializer(DeliberationSerializer):
    text = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    budget_line = serializers.SerializerMethodField()
    corrects = serializers.SerializerMethodField(help_text="numéro de l'acte rectifié ou retiré")
    reason = serializers.SerializerMethodField()
    council = serializers.SerializerMethodField()
    authority_name = serializers.SerializerMethodField()
    attendance = serializers.SerializerMethodField()
    rules = serializers.SerializerMethodField()
    warnings_acknowledged = serializers.SerializerMethodField()

    class Meta(DeliberationSerializer.Meta):
        fields = DeliberationSerializer.Meta.fields + [
            "text",
            "decision",
            "budget_line",
            "corrects",
            "reason",
            "council",
            "authority_name",
            "attendance",
            "rules",
            "warnings_acknowledged",
        ]
        read_only_fields = fields

    def _field(self, deliberation, name):
        act = self._act(deliberation)
        return act.data["act"][name] if act else getattr(deliberation, name)

    def get_text(self, deliberation) -> str:
        return self._field(deliberation, "text")

    def get_decision(self, deliberation) -> str:
        return self._field(deliberation, "decision")

    def get_budget_line(self, deliberation) -> str:
        return self._field(deliberation, "budget_line")

    def get_reason(self, deliberation) -> str:
        return self._field(deliberation, "reason")

    def get_corrects(self, deliberation) -> str | None:
        act = self._act(deliberation)
        if act is not None:
            return (act.data["act"]["corrects"] or {}).get("number")
        return deliberation.corrects.number if deliberation.corrects_id else None

    def get_council(self, deliberation) -> str:
        act = self._act(deliberation)
        return act.data["council"] if act else deliberation.item.meeting.council.name

    def get_authority_name(self, deliberation) -> str:
        act = self._act(deliberation)
        return act.authority_name if act else deliberation.authority.name

    def get_attendance(self, deliberation) -> AttendanceNamesSerializer(allow_null=True):  # type: ignore[valid-type]
        act = self._act(deliberation)
        names = act.data.get("names") if act else None
        if not names:
            return None
        return {key: names[key] for key in ("present", "represented", "absent", "interested_members")}

    def get_rules(self, deliberation) -> str | None:
        act = self._act(deliberation)
        return act.data["engine"]["rules"] if act else None

    def get_warnings_acknowledged(self, deliberation) -> list[str]:
        act = self._act(deliberation)
        return [w["message"] for w in act.data["warnings_acknowledged"]] if act else []


class ClerkDeliberationUpdateSerializer(serializers.ModelSerializer):
    """What a clerk may change on a draft before publishing it."""

    class Meta:
        model = Deliberation
        fields = [
            "title",
            "actes_code",
            "budget_line",
            "prefecture_transmission_id",
            "prefecture_transmitted_on",
        ]
        extra_kwargs = {"title": {"required": False}}

    def validate_actes_code(self, value: str) -> str:
        if value and actes.subject(value) is None:
            raise serializers.ValidationError(
                f"« {value} » n'est pas un code de matière ACTES de niveau 2 (1.1 à 9.4)."
            )
        return value


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting as its published acts state it (the first one's snapshot)."""

    authority = serializers.SlugRelatedField(source="council.authority", slug_field="slug", read_only=True)
    council = serializers.SerializerMethodField()
    date = serializers.SerializerMethodField()
    place = serializers.SerializerMethodField()
    members_in_office = serializers.SerializerMethodField()
    deliberations = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = ["id", "authority", "council", "date", "place", "members_in_office", "deliberations"]

    def _acts(self, meeting):
        cached = getattr(meeting, "_published_acts", None)
        if cached is None:
            cached = meeting._published_acts = list(
                PublishedAct.objects.filter(deliberation__item__meeting=meeting).order_by(
                    "deliberation__item__position", "pk"
                )
            )
        return cached

    def _meeting(self, meeting) -> dict:
        return self._acts(meeting)[0].data["meeting"]

    def get_council(self, meeting) -> str:
        return self._acts(meeting)[0].data["council"]

    def get_date(self, meeting) -> dt.date:
        return dt.date.fromisoformat(self._meeting(meeting)["date"])

    def get_place(self, meeting) -> str:
        return self._meeting(meeting).get("place") or ""

    def get_members_in_office(self, meeting) -> int | None:
        return self._meeting(meeting).get("members_in_office")

    def get_deliberations(self, meeting) -> list[str]:
        return [act.number for act in self._acts(meeting)]


class FindingSerializer(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True)
    line = serializers.IntegerField(allow_null=True)
    field = serializers.CharField(allow_null=True)
    rule = serializers.CharField()
    message = serializers.CharField()
    value = serializers.CharField(allow_null=True)


class PublicationFindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    blocking = serializers.BooleanField(
        help_text="vrai : publication refusée ; faux : avertissement à reconnaître"
    )
    source = serializers.CharField(help_text="texte de loi ou règle appliquée")
    members = serializers.ListField(child=serializers.CharField())
    items = serializers.ListField(child=serializers.IntegerField())
    field = serializers.CharField(allow_null=True)
    key = serializers.CharField(
        allow_null=True, help_text="avertissement : clé à renvoyer dans « acknowledged »"
    )


class PublishRequestSerializer(serializers.Serializer):
    acknowledged = serializers.ListField(
        child=serializers.CharField(
            max_length=64,
            error_messages={
                "max_length": "Une clé d'avertissement a au plus 64 caractères.",
                "blank": "Une clé d'avertissement ne peut pas être vide.",
                "invalid": "Une clé d'avertissement est un texte.",
            },
        ),
        error_messages={"not_a_list": "Une liste de clés d'avertissement est attendue."},
        required=False,
        default=list,
        help_text="clés des avertissements explicitement pris en compte (réponse précédente)",
    )


class ScdlRefusedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    findings = FindingSerializer(many=True)


class FindingGroupSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True)
    rule = serializers.CharField()
    message = serializers.CharField()
    lines = serializers.ListField(child=serializers.IntegerField())


class ImportReportSerializer(serializers.Serializer):
    file = serializers.CharField()
    kind = serializers.CharField()
    read = serializers.IntegerField(help_text="lignes lues (lignes vides et en-têtes répétés à part)")
    stored = serializers.IntegerField(help_text="lignes gardées au registre par cet import")
    with_findings = serializers.IntegerField(help_text="dont gardées avec réserves (non publiées)")
    already_there = serializers.IntegerField()
    refused_rows = serializers.ListField(child=serializers.IntegerField())
    refusals = FindingSerializer(many=True)
    findings = FindingGroupSerializer(many=True, help_text="réserves des lignes gardées, par champ et règle")
    notes = serializers.ListField(child=serializers.CharField())
    error = serializers.CharField(allow_null=True)
    layout = serializers.CharField(allow_null=True)
    encoding = serializers.CharField(allow_null=True)
    delimiter = serializers.CharField(allow_null=True)


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        allow_empty_file=True, help_text="fichier CSV au format SCDL Délibérations ou Subventions"
    )
    strict = serializers.BooleanField(
        default=False, help_text="refuser tout le fichier si une ligne est refusée ou a des réserves"
    )


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="pour une requête invalide : les messages par champ",
    )


class PublicationRefusedSerializer(ErrorSerializer):
    """A refused publication: its code, reasons and warnings; a request that cannot be read gets
    only the error's ``detail`` and ``errors``."""

    code = serializers.ChoiceField(
        choices=["publication_refused", "acknowledgement_required"], required=False
    )
    reasons = PublicationFindingSerializer(many=True, required=False)
    warnings = PublicationFindingSerializer(many=True, required=False)
