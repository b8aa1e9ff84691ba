from __future__ import annotations

from rest_framework import serializers

from registre.opendata import actes
from registre.web.register.models import Authority, Deliberation, Meeting


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
    authority = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    meeting = serializers.IntegerField(source="item.meeting_id", read_only=True)
    meeting_date = serializers.DateField(source="item.meeting.date", read_only=True)
    item = serializers.IntegerField(source="item.number", read_only=True)
    subject = serializers.SerializerMethodField()
    votes = serializers.SerializerMethodField()

    class Meta:
        model = Deliberation
        fields = [
            "id",
            "number",
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
        ]
        read_only_fields = fields

    def get_subject(self, deliberation) -> str | None:
        known = actes.subject(deliberation.actes_code)
        return known.scdl_name if known else None

    @staticmethod
    def _figures(deliberation) -> dict | None:
        data = getattr(deliberation, "open_data", None)
        if data is None:
            return None
        return {
            "members_in_office": data.members_in_office,
            "voters": data.voters,
            "votes_for": data.votes_for,
            "votes_against": data.votes_against,
            "abstentions": data.abstentions,
            "source": data.figures_source,
        }

    def get_votes(self, deliberation) -> VoteFiguresSerializer(allow_null=True):  # type: ignore[valid-type]
        try:
            return self._figures(deliberation)
        except Deliberation.open_data.RelatedObjectDoesNotExist:
            return None


class DeliberationDetailSerializer(DeliberationSerializer):
    class Meta(DeliberationSerializer.Meta):
        fields = DeliberationSerializer.Meta.fields + ["text", "decision", "budget_line", "corrects"]
        read_only_fields = fields


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
    authority = serializers.SlugRelatedField(source="council.authority", slug_field="slug", read_only=True)
    council = serializers.CharField(source="council.name", read_only=True)
    deliberations = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = ["id", "authority", "council", "date", "place", "members_in_office", "deliberations"]

    def get_deliberations(self, meeting) -> list[str]:
        return list(
            Deliberation.objects.filter(item__meeting=meeting, status=Deliberation.PUBLISHED)
            .order_by("item__position", "pk")
            .values_list("number", flat=True)
        )


class FindingSerializer(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True)
    line = serializers.IntegerField(allow_null=True)
    field = serializers.CharField(allow_null=True)
    rule = serializers.CharField()
    message = serializers.CharField()
    value = serializers.CharField(allow_null=True)


class PublicationRefusedSerializer(serializers.Serializer):
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
