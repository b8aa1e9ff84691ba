def _agreement():
    from registre.web.grants.models import Agreement

    return Agreement.objects.first()


def test_officer_and_beneficiary_download(client_for, demo):
    agreement = _agreement()
    url = f"/documents/conventions/{agreement.pk}/convention.pdf"
    response = client_for("subventions").get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    beneficiary = agreement.beneficiary.accounts.first()
    assert client_for(beneficiary.username).get(url).status_code == 200


def test_others_get_404(client_for, demo):
    from registre.web.accounts.models import User
    from registre.web.grants.models import Beneficiary

    agreement = _agreement()
    url = f"/documents/conventions/{agreement.pk}/convention.pdf"
    assert client_for("greffe-voisine").get(url).status_code == 404
    other = User.objects.create_user("autre-asso", password="x", role=User.BENEFICIARY)
    Beneficiary.objects.create(authority=demo["authority"], name="Autre association").accounts.add(other)
    assert client_for("autre-asso").get(url).status_code == 404
