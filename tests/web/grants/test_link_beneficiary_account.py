"""The administrator links a beneficiary account to its organisation (Django admin); the SIRET is checked."""

from registre.web.grants.models import Beneficiary


def test_an_account_is_linked_and_then_sees_the_agreement(client_for, demo, other_agreement):
    from registre.web.accounts.models import User

    admin = client_for("admin")
    user = User.objects.create_user("tresoriere-pole", password="x", role=User.BENEFICIARY)
    pole = Beneficiary.objects.get(name="Pôle des Microtechniques")
    data = {
        "authority": pole.authority_id,
        "name": pole.name,
        "siret": "",
        "email": pole.email,
        "accounts": [str(u.pk) for u in pole.accounts.all()] + [str(user.pk)],
    }
    response = admin.post(f"/admin/grants/beneficiary/{pole.pk}/change/", data)
    assert response.status_code == 302
    treasurer = client_for("tresoriere-pole")
    html = treasurer.get("/subventions/portail/").content.decode()
    assert "2021/005795" in html and other_agreement.reference not in html


def test_an_invalid_siret_is_refused_in_the_admin(client_for, demo):
    response = client_for("admin").post(
        "/admin/grants/beneficiary/add/",
        {"authority": demo["authority"].pk, "name": "Fab Lab", "siret": "12345678901234"},
    )
    assert response.status_code == 200
    assert "SIRET invalide : la clé de contrôle ne correspond pas." in response.content.decode()
    assert not Beneficiary.objects.filter(name="Fab Lab").exists()


def test_agreements_are_read_only_in_the_admin(client_for, agreement):
    admin = client_for("admin")
    response = admin.post(f"/admin/grants/agreement/{agreement.pk}/change/", {"amount": "90000"})
    assert response.status_code == 403
    agreement.refresh_from_db()
    assert agreement.amount == 45000
