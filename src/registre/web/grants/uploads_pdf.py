"""PDF uploads, opened with qpdf (pikepdf): refused when they are not really PDF (a web page
behind a ``%PDF-`` header), or carry active content a reader would run or unpack: JavaScript,
launch actions, embedded files, XFA forms."""

from __future__ import annotations

import io
import re

import pikepdf
from django.core.exceptions import ValidationError

_HTML = re.compile(rb"<\s*(html|script|body|head|iframe|svg|!doctype)\b", re.IGNORECASE)
_MAX_DEPTH = 50
JAVASCRIPT = (
    "Ce PDF contient du JavaScript, qu'un lecteur exécuterait à l'ouverture : il est refusé. "
    "Imprimez-le à nouveau en PDF (« Imprimer », « Enregistrer au format PDF ») puis déposez-le."
)
EMBEDDED = (
    "Ce PDF contient des fichiers incorporés (pièces jointes) : ils ne sont pas acceptés. "
    "Déposez chaque pièce séparément."
)
LAUNCH = "Ce PDF contient une commande qui lancerait un programme ou un formulaire actif : il est refusé."


def check_pdf(data: bytes) -> None:
    if _HTML.search(data[:4096]):
        raise ValidationError(
            "Ce fichier commence comme un PDF mais contient une page web (HTML) : il est refusé."
        )
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise ValidationError(
            "Ce PDF est protégé par un mot de passe : déposez-le sans protection."
        ) from None
    except (pikepdf.PdfError, ValueError, RecursionError):
        raise ValidationError(
            "Ce PDF est illisible ou abîmé : enregistrez-le à nouveau (« Exporter au format PDF ») "
            "puis déposez-le."
        ) from None
    with pdf:
        if len(pdf.pages) == 0:
            raise ValidationError("Ce PDF n'a aucune page.")
        problem = active_content(pdf)
    if problem:
        raise ValidationError(problem)


def active_content(pdf: pikepdf.Pdf) -> str | None:
    """The French reason to refuse the first active content found, or None."""
    for obj in pdf.objects:
        problem = _judge(obj, 0)
        if problem:
            return problem
    return _judge(pdf.trailer, 0)


def _judge(obj, depth: int) -> str | None:
    if depth > _MAX_DEPTH:
        return None
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Array):
        children = list(obj)
    elif isinstance(obj, pikepdf.Dictionary):
        problem = _dictionary_problem(obj)
        if problem:
            return problem
        children = [obj[key] for key in obj.keys()]
    else:
        return None
    for child in children:
        if not isinstance(child, pikepdf.Object) or child.is_indirect:
            continue  # a number or a name; or an object judged on its own, as one of pdf.objects
        problem = _judge(child, depth + 1)
        if problem:
            return problem
    return None


def _dictionary_problem(dictionary: pikepdf.Dictionary) -> str | None:
    keys = set(dictionary.keys())
    action = dictionary.get("/S")
    if "/JS" in keys or "/JavaScript" in keys or action == pikepdf.Name.JavaScript:
        return JAVASCRIPT
    if "/EmbeddedFiles" in keys or "/EF" in keys or dictionary.get("/Type") == pikepdf.Name.EmbeddedFile:
        return EMBEDDED
    if dictionary.get("/Subtype") in (pikepdf.Name.FileAttachment, pikepdf.Name.RichMedia):
        return EMBEDDED
    if (
        action in (pikepdf.Name.Launch, pikepdf.Name.ImportData, pikepdf.Name.RichMediaExecute)
        or "/XFA" in keys
    ):
        return LAUNCH
    return None
