"""The REST API: public reads (published records only) and clerks' writes (per-authority tokens)."""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q
from django.http import Http404
from django.utils.text import capfirst
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, mixins, parsers, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ParseError, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from registre.opendata.popolo import meeting_popolo, roster
from registre.opendata.reader import ScdlFileError
from registre.opendata.schemas import DELIBERATIONS, GRANTS
from registre.web.opendata.scdl_import import ImportReport, import_scdl_file
from registre.web.opendata.views import scdl_download
from registre.web.register import services
from registre.web.register.acts import meeting_tally_of_acts, roster_of_act
from registre.web.register.audit import attribute_to
from registre.web.register.models import Authority, Council, Deliberation, Meeting, PublishedAct

from . import serializers as s
from .auth import AuthorityTokenAuthentication, ClerkToken

ERRORS = {
    400: OpenApiResponse(s.ErrorSerializer, description="requête invalide"),
    404: OpenApiResponse(s.ErrorSerializer, description="introuvable (ou non publié)"),
}
AUTH_ERRORS = {
    401: OpenApiResponse(s.ErrorSerializer, description="jeton absent, inconnu ou révoqué"),
    403: OpenApiResponse(s.ErrorSerializer, description="réservé au secrétariat de la collectivité"),
}


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        """An unreadable page_size is an error (400), not silently the default."""
        values = request.query_params.getlist(self.page_size_query_param)
        if not values:
            return self.page_size
        try:
            sizes = [int(v) for v in values]
        except ValueError:
            raise ValidationError({"page_size": "Un nombre entier de 1 à 500 est attendu."}) from None
        if any(not 1 <= size <= self.max_page_size for size in sizes):
            raise ValidationError({"page_size": "Un nombre entier de 1 à 500 est attendu."})
        return sizes[-1]

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update({"minimum": 1})
        return parameters


def _messages(detail) -> list[str]:
    if isinstance(detail, dict):
        return [f"{key} : {message}" for key, value in detail.items() for message in _messages(value)]
    if isinstance(detail, (list, tuple)):
        return [message for value in detail for message in _messages(value)]
    return [str(detail)]


def exception_handler(error, context):
    """Every error of this API is {"detail": "…", "errors": {champ: [messages]}} (errors for 400 only),
    in French: Django's own "No Deliberation matches the given query." never reaches a client."""
    if isinstance(error, Http404):
        error = NotFound(_french_not_found(error, context.get("view")))
    elif isinstance(error, ParseError):
        error = ParseError(_french_parse_error(str(error.detail)))
    response = drf_exception_handler(error, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        response.data = {"detail": str(data["detail"])}
    else:
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        response.data = {
            "detail": "Requête invalide : " + " ; ".join(_messages(data)),
            "errors": {key: _messages(value) for key, value in errors.items()},
        }
    return response


def _french_parse_error(detail: str) -> str:
    """DRF's parsers speak English ("JSON parse error - Expecting value: line 1 column 2 (char 1)")."""
    if detail.startswith("JSON parse error"):
        where = re.search(r"line (\d+) column (\d+)", detail)
        place = f" (ligne {where.group(1)}, colonne {where.group(2)})" if where else ""
        return f"Corps de la requête illisible : ce n'est pas du JSON valide{place}."
    if detail.startswith("Multipart form parse error"):
        return "Corps de la requête illisible : formulaire multipart mal formé."
    return detail


def _french_not_found(error: Http404, view) -> str:
    """Our own Http404 messages are French; Django's get_object_or_404 one is replaced."""
    message = str(error)
    if message and not message.startswith("No "):
        return message
    queryset = getattr(view, "queryset", None)
    if queryset is not None:
        return f"{capfirst(queryset.model._meta.verbose_name)} introuvable."
    return "Introuvable."


class ApiMixin:
    permission = "api"
    not_found = ""  # the French 404 message; default: "<Model> introuvable."
    lookup_value_regex = "[^/]+"

    def get_exception_handler(self):
        return exception_handler

    def get_object(self):
        lookup = self.lookup_url_kwarg or self.lookup_field
        if lookup == "pk":
            self.kwargs[lookup] = _int(self.kwargs.get(lookup))
        try:
            return super().get_object()
        except Http404:
            raise NotFound(self.not_found or _french_not_found(Http404(), self)) from None


class PublicMixin(ApiMixin):
    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]


class ClerkMixin(ApiMixin):
    authentication_classes = [AuthorityTokenAuthentication]
    permission_classes = [ClerkToken]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        attribute_to(request.user)  # the audit trail names the token's clerk


def published():
    return Deliberation.objects.filter(status=Deliberation.PUBLISHED)


MAX_ID = 2**31 - 1


@extend_schema_field({"type": "integer", "minimum": 0, "maximum": MAX_ID})
class IntegerFilter(filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class DeliberationFilter(filters.FilterSet):
    authority = filters.CharFilter(field_name="authority__slug", help_text="collectivité (identifiant)")
    year = IntegerFilter(field_name="year")
    meeting = IntegerFilter(field_name="item__meeting_id")
    date_from = filters.DateFilter(field_name="item__meeting__date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="item__meeting__date", lookup_expr="lte")
    in_force = filters.BooleanFilter(
        method="by_force", help_text="actes en vigueur (ni rectifiés ni retirés)"
    )
    subject = filters.CharFilter(method="by_subject", help_text="matière ACTES : « 7 » ou « 7.5 »")
    q = filters.CharFilter(method="by_words", help_text="mots de l'objet")

    class Meta:
        model = Deliberation
        fields = ["authority", "year", "meeting", "date_from", "date_to", "subject", "q", "in_force"]

    def by_force(self, queryset, name, value):
        corrected = Q(act__corrections__isnull=False)
        return queryset.exclude(corrected).distinct() if value else queryset.filter(corrected).distinct()

    def by_subject(self, queryset, name, value):
        return queryset.filter(Q(actes_code=value) | Q(actes_code__startswith=value + "."))

    def by_words(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(title__icontains=word)
        return queryset


@extend_schema_view(
    list=extend_schema(summary="Collectivités", responses={200: s.AuthoritySerializer(many=True), **ERRORS}),
    retrieve=extend_schema(summary="Une collectivité", responses={200: s.AuthoritySerializer, **ERRORS}),
)
class AuthorityViewSet(PublicMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.AuthoritySerializer
    pagination_class = Pages
    lookup_field = "slug"
    queryset = Authority.objects.order_by("name")


@extend_schema_view(
    list=extend_schema(
        summary="Délibérations publiées", responses={200: s.DeliberationSerializer(many=True), **ERRORS}
    ),
    retrieve=extend_schema(
        summary="Une délibération publiée", responses={200: s.DeliberationDetailSerializer, **ERRORS}
    ),
)
class DeliberationViewSet(PublicMixin, viewsets.ReadOnlyModelViewSet):
    not_found = "Délibération introuvable, ou non publiée."
    pagination_class = Pages
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = DeliberationFilter

    queryset = Deliberation.objects.none()

    def get_queryset(self):
        return (
            published()
            .select_related("authority", "item__meeting", "act")
            .order_by("-act__meeting_date", "-pk")
        )

    def get_serializer_class(self):
        return s.DeliberationDetailSerializer if self.action == "retrieve" else s.DeliberationSerializer


def _published_meeting(pk: int) -> Meeting:
    meeting = (
        Meeting.objects.select_related("council__authority")
        .filter(pk=pk, items__deliberations__status=Deliberation.PUBLISHED)
        .first()
    )
    if meeting is None:
        raise Http404("Séance sans délibération publiée.")
    return meeting


class MeetingViewSet(PublicMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.MeetingSerializer
    queryset = Meeting.objects.all()

    @extend_schema(
        summary="Une séance (ses délibérations publiées)", responses={200: s.MeetingSerializer, **ERRORS}
    )
    def retrieve(self, request, pk=None, format=None):  # format: the router's ".json" suffix
        return Response(self.get_serializer(_published_meeting(_int(pk))).data)

    @extend_schema(
        summary="Votes de la séance au format Popolo",
        description="Organization, Person, Membership, Motion, VoteEvent, Count et Vote (scrutin public) ; "
        "seules les questions ayant une délibération publiée ont leur vote.",
        responses={200: OpenApiTypes.OBJECT, **ERRORS},
    )
    @action(detail=True, methods=["get"])
    def popolo(self, request, pk=None, format=None):
        meeting = _published_meeting(_int(pk))
        acts = PublishedAct.objects.filter(deliberation__item__meeting=meeting).order_by(
            "deliberation__item__position", "pk"
        )
        core_meeting, meeting_tally = meeting_tally_of_acts(list(acts))
        numbers = {act.data["item"]["number"]: act.number for act in acts if act.data.get("item")}
        return Response(meeting_popolo(core_meeting, meeting_tally, deliberation_ids=numbers))


def _int(value) -> int:
    """A path identifier: a database id, or 404 (never an overflow deep in the database driver)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Http404("Identifiant invalide.") from None
    if not 0 < number <= MAX_ID:
        raise Http404("Identifiant invalide.")
    return number


class CouncilRosterView(PublicMixin, APIView):
    @extend_schema(
        summary="Composition d'une assemblée au format Popolo (Organization, Person, Membership)",
        responses={200: OpenApiTypes.OBJECT, **ERRORS},
    )
    def get(self, request, pk):
        council = (
            Council.objects.filter(pk=_int(pk), meetings__items__deliberations__status=Deliberation.PUBLISHED)
            .distinct()
            .first()
        )
        if council is None:
            raise NotFound("Assemblée introuvable, ou sans délibération publiée.")
        return Response(roster(roster_of_act(_latest_act_with_roster(council))))


def _latest_act_with_roster(council):
    """The council's latest published act that records the meeting's roster (its names as they were)."""
    for act in PublishedAct.objects.filter(deliberation__item__meeting__council=council).order_by(
        "-meeting_date", "-position"
    ):
        if act.data.get("item") is not None:
            return act
    raise NotFound("Aucun acte publié de cette assemblée ne nomme ses membres.")


CSV_RESPONSES = {
    (200, "text/csv"): OpenApiResponse(
        OpenApiTypes.STR,
        description="fichier CSV UTF-8 conforme au schéma SCDL ; une ligne invalide est écartée et "
        "nommée dans le rapport (en-tête Link, rel=describedby)",
    ),
    (404, "application/json"): OpenApiResponse(s.ErrorSerializer, description="collectivité inconnue"),
}


AUTHORITY_PARAM = OpenApiParameter("authority", str, description="limiter à une collectivité (identifiant)")


class CsvRenderer(BaseRenderer):
    """Lets a client that asks for text/csv have the CSV files (the views stream them themselves)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # only an error can come here: its message as a one-column CSV
        detail = str(data.get("detail", "")) if isinstance(data, dict) else str(data)
        return ("detail\r\n" + '"' + detail.replace('"', '""') + '"\r\n').encode("utf-8")


class ScdlDeliberationsView(PublicMixin, APIView):
    renderer_classes = [JSONRenderer, CsvRenderer]

    @extend_schema(
        summary="Délibérations publiées au format SCDL Délibérations 2.1.5 (CSV)",
        parameters=[AUTHORITY_PARAM],
        responses=CSV_RESPONSES,
    )
    def get(self, request):
        return scdl_download(
            DELIBERATIONS, request.query_params.get("authority"), request.build_absolute_uri("/")
        )


class ScdlGrantsView(PublicMixin, APIView):
    renderer_classes = [JSONRenderer, CsvRenderer]

    @extend_schema(
        summary="Subventions au format SCDL Subventions 2.1.1 (CSV)",
        parameters=[AUTHORITY_PARAM],
        responses=CSV_RESPONSES,
    )
    def get(self, request):
        return scdl_download(GRANTS, request.query_params.get("authority"), request.build_absolute_uri("/"))


# ----- clerks: per-authority tokens -----


@extend_schema_view(
    list=extend_schema(
        summary="Délibérations de ma collectivité (brouillons compris)",
        responses={200: s.DeliberationSerializer(many=True), **ERRORS, **AUTH_ERRORS},
    ),
    retrieve=extend_schema(
        summary="Une délibération de ma collectivité",
        responses={200: s.DeliberationDetailSerializer, **ERRORS, **AUTH_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Modifier un brouillon",
        request=s.ClerkDeliberationUpdateSerializer,
        responses={200: s.DeliberationDetailSerializer, 409: s.ErrorSerializer, **ERRORS, **AUTH_ERRORS},
    ),
)
class ClerkDeliberationViewSet(
    ClerkMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    pagination_class = Pages
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = DeliberationFilter
    http_method_names = ["get", "patch", "post", "head", "options"]
    queryset = Deliberation.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Deliberation.objects.none()
        return (
            Deliberation.objects.filter(authority_id=self.request.auth.authority_id)
            .select_related("authority", "item__meeting__council", "act", "corrects")
            .order_by("-year", "-sequence")
        )

    def get_serializer_class(self):
        if self.action == "partial_update":
            return s.ClerkDeliberationUpdateSerializer
        return s.DeliberationDetailSerializer if self.action == "retrieve" else s.DeliberationSerializer

    def partial_update(self, request, *args, **kwargs):
        deliberation = self.get_object()
        if deliberation.is_published:
            return Response(
                {"detail": "Délibération publiée : en lecture seule (une correction est un nouvel acte)."},
                status=status.HTTP_409_CONFLICT,
            )
        serializer = s.ClerkDeliberationUpdateSerializer(deliberation, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(s.DeliberationDetailSerializer(self.get_object()).data)

    @extend_schema(
        summary="Publier (contrôles du moteur de règles et de la ligne SCDL ; acte figé et chaîné)",
        description="Refusée (400) tant qu'un motif bloquant demeure ; les avertissements doivent être "
        "pris en compte explicitement : renvoyer leurs clés dans « acknowledged ».",
        request=s.PublishRequestSerializer,
        responses={
            200: s.DeliberationDetailSerializer,
            400: OpenApiResponse(
                s.PublicationRefusedSerializer,
                description="publication refusée (motifs, chiffres et texte de loi), avertissements à "
                "reconnaître, ou requête invalide",
            ),
            409: s.ErrorSerializer,
            404: s.ErrorSerializer,
            **AUTH_ERRORS,
        },
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        deliberation = self.get_object()
        if deliberation.is_published:
            return Response({"detail": "Délibération déjà publiée."}, status=status.HTTP_409_CONFLICT)
        body = s.PublishRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            services.publish(
                deliberation,
                actor=request.user,
                acknowledged=body.validated_data["acknowledged"],
                base_url=request.build_absolute_uri("/"),
            )
        except services.PublicationRefused as refused:
            review = refused.review
            return Response(
                {
                    "detail": refused.summary() + " " + " ".join(refused.lines()),
                    "code": "acknowledgement_required"
                    if refused.needs_acknowledgement
                    else "publication_refused",
                    "reasons": review.as_dicts(refused.reasons),
                    "warnings": review.as_dicts(review.warnings),
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(s.DeliberationDetailSerializer(self.get_object()).data)


class ClerkScdlImportView(ClerkMixin, generics.GenericAPIView):
    parser_classes = [parsers.MultiPartParser]
    serializer_class = s.ImportUploadSerializer

    @extend_schema(
        summary="Importer un fichier SCDL de ma collectivité (une transaction par fichier)",
        request={"multipart/form-data": s.ImportUploadSerializer},
        responses={200: s.ImportReportSerializer, 400: s.ErrorSerializer, **AUTH_ERRORS},
    )
    def post(self, request):
        upload = self.get_serializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        if file.size > 50 * 1024 * 1024:
            return Response({"detail": "Fichier trop volumineux (plus de 50 Mo)."}, status=400)
        try:
            report = import_scdl_file(
                file.name,
                file.read(),
                authority=request.auth.authority,
                strict=upload.validated_data["strict"],
                name=file.name,
            )
        except ScdlFileError as error:
            # the request was understood; the file is refused as a whole: the report says why
            report = ImportReport(file.name, "", error=error.reason)
        return Response(report.as_dict())
