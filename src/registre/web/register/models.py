"""Stored meetings and deliberations. The rules live in registre.core: these
records are converted into core objects (conversion.py) to be judged."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from registre.core import member_key


class PublishedRecordError(ValidationError):
    """A published deliberation, and the vote and attendance it rests on, are read-only."""

    def __init__(self, message: str = ""):
        super().__init__(
            message
            or "Cette délibération est publiée : elle n'est plus modifiable. "
            "Pour la rectifier, créez une délibération de correction."
        )


def _changed_fields(record, names=None) -> list[str]:
    """Concrete fields whose value differs from the stored row (empty for a new record)."""
    if record.pk is None:
        return []
    fields = [
        f for f in record._meta.concrete_fields if not f.primary_key and (names is None or f.name in names)
    ]
    stored = type(record).objects.filter(pk=record.pk).values(*[f.attname for f in fields]).first()
    if stored is None:
        return []
    return [f.name for f in fields if stored[f.attname] != getattr(record, f.attname)]


class Authority(models.Model):
    KINDS = [
        ("commune", "Commune"),
        ("epci", "EPCI"),
        ("departement", "Département"),
        ("region", "Région"),
    ]
    name = models.CharField("nom", max_length=200, unique=True)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    kind = models.CharField("nature", max_length=20, choices=KINDS, default="commune")
    siret = models.CharField("SIRET", max_length=14, blank=True)

    class Meta:
        verbose_name = "collectivité"
        ordering = ["name"]

    SLUG_FROZEN = (
        "Cette collectivité a des actes publiés : son identifiant, qui figure dans leurs adresses "
        "publiques, ne peut plus changer."
    )

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self._slug_change_refused():
            raise PublishedRecordError(self.SLUG_FROZEN)
        super().save(*args, **kwargs)

    def clean(self):
        if self._slug_change_refused():
            raise ValidationError({"slug": self.SLUG_FROZEN})

    def _slug_change_refused(self) -> bool:
        return bool(
            self.pk is not None
            and "slug" in _changed_fields(self, ["slug"])
            and PublishedAct.objects.filter(authority_id=self.pk).exists()
        )


class Council(models.Model):
    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="councils")
    name = models.CharField("nom", max_length=200)

    class Meta:
        verbose_name = "assemblée"
        unique_together = [("authority", "name")]

    def __str__(self) -> str:
        return f"{self.name} — {self.authority}"


class Member(models.Model):
    CIVILITIES = [("M.", "M."), ("Mme", "Mme")]
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    civility = models.CharField("civilité", max_length=4, choices=CIVILITIES, blank=True)
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    commune = models.CharField("commune", max_length=120, blank=True)
    substitute = models.BooleanField("suppléant", default=False)
    key = models.CharField(max_length=220, editable=False, db_index=True)

    class Meta:
        verbose_name = "conseiller"
        ordering = ["last_name", "first_name"]
        constraints = [models.UniqueConstraint(fields=["council", "key"], name="unique_member_per_council")]

    def __str__(self) -> str:
        return f"{self.civility} {self.name}".strip()

    def save(self, *args, **kwargs):
        self.key = member_key(self.first_name, self.last_name)
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Meeting(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField("date")
    place = models.CharField("lieu", max_length=300, blank=True)
    convened_on = models.DateField("date de convocation", null=True, blank=True)
    chair = models.ForeignKey(
        Member,
        verbose_name="président de séance",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    secretary = models.ForeignKey(
        Member,
        verbose_name="secrétaire de séance",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.TimeField("ouverture", null=True, blank=True)
    closed_at = models.TimeField("clôture", null=True, blank=True)
    members_in_office = models.PositiveIntegerField("conseillers en exercice", null=True, blank=True)
    reconvened_without_quorum = models.BooleanField("réunie sans condition de quorum", default=False)
    first_convocation = models.ForeignKey(
        "self",
        verbose_name="séance dont le quorum n'a pas été atteint (première convocation)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="second_convocations",
        help_text="CGCT L2121-17 al. 2 : la séance convoquée à nouveau délibère sans condition de quorum.",
    )

    class Meta:
        verbose_name = "séance"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"Séance du {self.date:%d/%m/%Y} — {self.council.authority}"

    LOCKED_MESSAGE = "Une délibération de cette séance est publiée : la séance n'est plus modifiable."

    def save(self, *args, **kwargs):
        if self.is_locked and _changed_fields(self):
            raise PublishedRecordError(self.LOCKED_MESSAGE)
        super().save(*args, **kwargs)

    def clean(self):
        if self.is_locked and _changed_fields(self):
            raise PublishedRecordError(self.LOCKED_MESSAGE)
        if self.first_convocation_id and self.first_convocation_id == self.pk:
            raise ValidationError(
                {"first_convocation": "Une séance ne peut être sa propre première convocation."}
            )

    @property
    def authority(self) -> Authority:
        return self.council.authority

    @property
    def is_locked(self) -> bool:
        """A published deliberation rests on this meeting's attendance and proxies: they are read-only."""
        return (
            self.pk is not None
            and Deliberation.objects.filter(item__meeting_id=self.pk, status=Deliberation.PUBLISHED).exists()
        )


class Item(models.Model):
    """A question on the agenda; ``position`` is its rank in the order of passage."""

    VOTE_KINDS = [
        ("show_of_hands", "À main levée"),
        ("roll_call", "Scrutin public"),
        ("secret_ballot", "Scrutin secret"),
        ("no_vote", "Sans vote (prend acte)"),
    ]
    BALLOTS = [("for", "Pour"), ("against", "Contre"), ("abstain", "Abstention")]
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveIntegerField("numéro", validators=[MinValueValidator(1)])
    position = models.PositiveIntegerField("rang dans l'ordre de passage")
    title = models.CharField("titre", max_length=500, blank=True)
    rapporteur = models.CharField("rapporteur", max_length=200, blank=True)
    committee = models.CharField("commission", max_length=300, blank=True)
    interested_members = models.ManyToManyField(
        Member, blank=True, related_name="interests", verbose_name="conseillers intéressés"
    )
    vote_kind = models.CharField(
        "mode de scrutin", max_length=20, choices=VOTE_KINDS, default="show_of_hands"
    )
    unanimous = models.BooleanField("à l'unanimité", default=False)
    votes_for = models.PositiveIntegerField("pour", null=True, blank=True)
    votes_against = models.PositiveIntegerField("contre", null=True, blank=True)
    abstentions = models.PositiveIntegerField("abstentions", null=True, blank=True)
    chair_ballot = models.CharField("vote du président", max_length=10, choices=BALLOTS, blank=True)

    class Meta:
        verbose_name = "question"
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_item_number"),
            models.UniqueConstraint(fields=["meeting", "position"], name="unique_item_position"),
        ]

    def __str__(self) -> str:
        return f"Question n°{self.number} — {self.title}"

    LOCKED_MESSAGE = (
        "La délibération de cette question est publiée : la question et son vote ne sont plus modifiables."
    )

    def save(self, *args, **kwargs):
        if self.is_locked and _changed_fields(self):
            raise PublishedRecordError(self.LOCKED_MESSAGE)
        super().save(*args, **kwargs)

    def clean(self):
        if self.is_locked and _changed_fields(self):
            raise PublishedRecordError(self.LOCKED_MESSAGE)

    @property
    def is_locked(self) -> bool:
        """Its deliberation is published: the vote and the interested members are read-only."""
        return self.pk is not None and self.deliberations.filter(status=Deliberation.PUBLISHED).exists()


class RollCallBallot(models.Model):
    """One member's ballot in a roll-call, cast in person or through a proxy; its choice (for,
    against, abstain) is a core Ballot. Not named Ballot: in the core, Ballot is the choice."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="ballots")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField("vote", max_length=10, choices=Item.BALLOTS)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="one_ballot_per_member")]

    def __str__(self) -> str:
        return f"{self.member} : {self.get_choice_display()}"

    def save(self, *args, **kwargs):
        guard_item(self.item)
        super().save(*args, **kwargs)


class WindowFields(models.Model):
    """Items of the order of passage a line applies to, bounds inclusive (see core.Window)."""

    from_item = models.PositiveIntegerField("à compter de la question", null=True, blank=True)
    until_item = models.PositiveIntegerField("jusqu'à la question (incluse)", null=True, blank=True)
    except_items = models.JSONField("sauf les questions", default=list, blank=True)
    loose_end = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True


class Attendance(WindowFields):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField("présent")
    arrival_time = models.TimeField("heure d'arrivée", null=True, blank=True)
    departure_time = models.TimeField("heure de départ", null=True, blank=True)

    class Meta:
        verbose_name = "présence"
        ordering = ["meeting", "-present", "member__last_name"]

    def __str__(self) -> str:
        return f"{self.member} — {'présent' if self.present else 'absent'}"

    def save(self, *args, **kwargs):
        guard_meeting(self.meeting)
        super().save(*args, **kwargs)


class Proxy(WindowFields):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="proxies")
    principal = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="proxies_given", verbose_name="mandant"
    )
    holder = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="proxies_held", verbose_name="mandataire"
    )

    class Meta:
        verbose_name = "procuration"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(principal=models.F("holder")), name="proxy_to_someone_else"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.principal} → {self.holder}"

    def save(self, *args, **kwargs):
        guard_meeting(self.meeting)
        super().save(*args, **kwargs)

    def clean(self):
        if self.principal_id and self.principal_id == self.holder_id:
            raise ValidationError({"holder": "Un conseiller ne peut pas se donner procuration à lui-même."})


class Deliberation(models.Model):
    """The act a vote produced. Published only through register.services.publish, which freezes it
    in a PublishedAct; a correction or a withdrawal is a new act."""

    DRAFT, PUBLISHED = "draft", "published"
    STATUSES = [(DRAFT, "Brouillon"), (PUBLISHED, "Publiée")]
    DELIBERATION, RECTIFICATION, WITHDRAWAL = "deliberation", "rectification", "withdrawal"
    KINDS = [
        (DELIBERATION, "Délibération"),
        (RECTIFICATION, "Rectification d'erreur matérielle"),
        (WITHDRAWAL, "Retrait"),
    ]
    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="deliberations")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="deliberations")
    # A draft has no number: it gets the next one of its year when published (no gaps from
    # abandoned drafts). An imported act keeps the number its source gave it.
    number = models.CharField("numéro", max_length=40, blank=True)
    year = models.PositiveIntegerField("année", null=True, blank=True)
    sequence = models.PositiveIntegerField("numéro d'ordre", null=True, blank=True)
    kind = models.CharField("nature", max_length=20, choices=KINDS, default=DELIBERATION)
    reason = models.TextField("motif", blank=True)
    title = models.CharField("objet", max_length=500)
    text = models.TextField("texte", blank=True)
    decision = models.TextField("décision", blank=True)
    budget_line = models.CharField("inscription budgétaire", max_length=500, blank=True)
    actes_code = models.CharField("matière ACTES", max_length=10, blank=True)
    prefecture_transmission_id = models.CharField("identifiant de transmission", max_length=100, blank=True)
    prefecture_transmitted_on = models.DateField("transmise en préfecture le", null=True, blank=True)
    status = models.CharField("état", max_length=10, choices=STATUSES, default=DRAFT, editable=False)
    published_at = models.DateTimeField("publiée le", null=True, blank=True, editable=False)
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name="corrige",
    )
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = "délibération"
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "year", "sequence"], name="unique_deliberation_number"
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    # What a publication fixes (the database's triggers refuse any change to them once published).
    # Transmission to the prefecture comes after publication.
    CONTENT_FIELDS = (
        "authority",
        "item",
        "number",
        "year",
        "sequence",
        "kind",
        "reason",
        "title",
        "text",
        "decision",
        "budget_line",
        "actes_code",
        "corrects",
        "status",
        "published_at",
    )

    def __str__(self) -> str:
        return f"Délibération {self.label}"

    def save(self, *args, **kwargs):
        if self._content_change_refused():
            raise PublishedRecordError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk is not None and self._stored_status() == self.PUBLISHED:
            raise PublishedRecordError(
                "Cette délibération est publiée : elle ne peut pas être supprimée. "
                "Un retrait est un nouvel acte, lié à celle-ci."
            )
        return super().delete(*args, **kwargs)

    @property
    def label(self) -> str:
        """ "n°2021/005795", or "brouillon" while a draft has no number."""
        return f"n°{self.number}" if self.number else "(brouillon, numérotée à la publication)"

    def clean(self):
        if self._content_change_refused():
            raise PublishedRecordError()

    def _stored_status(self) -> str | None:
        return type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()

    def _content_change_refused(self) -> bool:
        if self.pk is None or self._stored_status() != self.PUBLISHED:
            return False
        return bool(_changed_fields(self, self.CONTENT_FIELDS))

    @property
    def is_published(self) -> bool:
        return self.status == self.PUBLISHED

    @property
    def is_correction(self) -> bool:
        return self.kind != self.DELIBERATION

    @property
    def meeting(self) -> Meeting:
        return self.item.meeting

    @staticmethod
    def format_number(year: int, sequence: int) -> str:
        return f"{year}/{sequence:06d}"


class PublishedAct(models.Model):
    """An act as it was published: every word and figure it states, frozen (canonical JSON in
    ``content``), chained to the authority's previous act by its SHA-256 ``fingerprint``.

    Written once by register.services; the database refuses any UPDATE or DELETE (triggers,
    migration 0005). The other columns repeat what ``content`` says, for lists and exports;
    ``registre verify`` checks that they agree with it and that every link of the chain holds.
    """

    deliberation = models.OneToOneField(
        Deliberation, on_delete=models.PROTECT, related_name="act", verbose_name="délibération"
    )
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="acts")
    position = models.PositiveIntegerField("rang dans la chaîne")
    number = models.CharField("numéro", max_length=40)
    year = models.PositiveIntegerField("année")
    sequence = models.PositiveIntegerField("numéro d'ordre")
    kind = models.CharField("nature", max_length=20, choices=Deliberation.KINDS)
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    published_at = models.DateTimeField("publiée le")
    meeting_date = models.DateField("date de la séance")
    title = models.CharField("objet", max_length=500)
    actes_code = models.CharField("matière ACTES", max_length=10, blank=True)
    budget_line = models.CharField("inscription budgétaire", max_length=500, blank=True)
    authority_name = models.CharField("collectivité (à la publication)", max_length=200)
    authority_siret = models.CharField("SIRET (à la publication)", max_length=14, blank=True)
    members_in_office = models.PositiveIntegerField(null=True, blank=True)
    voters = models.PositiveIntegerField(null=True, blank=True)
    votes_for = models.PositiveIntegerField(null=True, blank=True)
    votes_against = models.PositiveIntegerField(null=True, blank=True)
    abstentions = models.PositiveIntegerField(null=True, blank=True)
    content = models.TextField("contenu (JSON canonique)")
    fingerprint = models.CharField("empreinte SHA-256", max_length=64, unique=True)
    previous_fingerprint = models.CharField("empreinte de l'acte précédent", max_length=64, blank=True)

    class Meta:
        verbose_name = "acte publié"
        verbose_name_plural = "actes publiés"
        ordering = ["authority", "position"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "position"], name="one_link_per_position"),
            models.UniqueConstraint(fields=["authority", "year", "sequence"], name="one_act_per_number"),
        ]

    def __str__(self) -> str:
        return f"Acte publié n°{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PublishedRecordError("Un acte publié ne se modifie pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PublishedRecordError("Un acte publié ne se supprime pas.")

    @property
    def data(self) -> dict:
        """The content, parsed once per instance."""
        cached = self.__dict__.get("_data")
        if cached is None:
            import json

            cached = self.__dict__["_data"] = json.loads(self.content)
        return cached


def guard_item(item: Item) -> None:
    """Model-level guard: refuse to change what a published deliberation of this item rests on."""
    if item.is_locked:
        raise PublishedRecordError(
            "La délibération de cette question est publiée : son vote n'est plus modifiable."
        )


def guard_meeting(meeting: Meeting) -> None:
    if meeting.is_locked:
        raise PublishedRecordError(
            "Une délibération de cette séance est publiée : "
            "les présences et les procurations ne sont plus modifiables."
        )
