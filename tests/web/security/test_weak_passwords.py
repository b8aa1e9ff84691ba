"""Finding 2 (passwords): « password » and « 12345678 » were accepted. Django's four validators
now judge every password set, with their French messages."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from registre.web.accounts.models import User


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password", "Ce mot de passe est trop courant."),
        ("12345678", "Ce mot de passe est entièrement numérique."),
        ("courtmdp", "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères."),
        ("qwertyuiop123", "Ce mot de passe est trop courant."),
        ("greffe-besancon", "Le mot de passe est trop semblable au champ «\u00a0nom d’utilisateur\u00a0»."),
    ],
)
def test_weak_passwords_are_refused_in_french(db, password, message):
    user = User(username="greffe-besancon", email="greffe@besancon.example")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert message in refused.value.messages


def test_a_strong_password_is_accepted(db):
    validate_password("Délibération-du-7-octobre-2021", User(username="greffe"))


def test_the_administrator_cannot_give_a_weak_password(client_for, demo):
    response = client_for("admin").post(
        "/admin/accounts/user/add/",
        {
            "username": "nouveau-greffe",
            "password1": "12345678",
            "password2": "12345678",
            "usable_password": "true",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce mot de passe est entièrement numérique." in html
    assert not User.objects.filter(username="nouveau-greffe").exists()
