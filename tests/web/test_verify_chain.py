"""`registre verify` recomputes the chain of published acts: intact on the demo; once a stored word
is changed behind the database's back (its triggers dropped), it names the act."""

import datetime as dt
import json

from django.db import connection

from registre.cli.main import main
from registre.opendata.chain import canonical, fingerprint
from registre.web.register import immutability
from registre.web.register.models import Deliberation, PublishedAct

from .conftest import publish_accepting_warnings, small_meeting


def _second_act(demo):
    item = small_meeting(demo["authority"], dt.date(2021, 11, 4), 1)[0]
    draft = Deliberation.objects.create(
        authority=demo["authority"], item=item, title="Voirie", actes_code="8.3"
    )
    return publish_accepting_warnings(draft)


def _tamper(sql, params):
    immutability.uninstall(connection)  # what someone with the database in hand could do
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    immutability.install(connection)


def test_the_demo_chain_is_intact(demo, capsys):
    assert main(["verify"]) == 0
    out = capsys.readouterr().out
    assert (
        out.startswith("Chaîne intacte : 1 acte(s) publié(s) de 1 collectivité(s)") and out.count("\n") == 1
    )
    assert main(["verify", "--authority", "grand-besancon-metropole"]) == 0
    assert main(["verify", "--authority", "inconnue"]) == 2


def test_a_changed_word_is_named(demo, capsys):
    second = _second_act(demo)
    assert second.previous_fingerprint == demo["deliberation"].act.fingerprint
    act = demo["deliberation"].act
    assert "Microtechniques" in act.content
    _tamper(
        "UPDATE register_publishedact SET content = %s WHERE id = %s",
        [act.content.replace("Microtechniques", "Macrotechniques"), act.pk],
    )
    capsys.readouterr()
    assert main(["verify"]) == 1
    err = capsys.readouterr().err
    assert (
        "grand-besancon-metropole : acte n°2021/005795 : son contenu ne correspond plus à son empreinte"
        in err
    )
    assert f"acte n°{second.number}" not in err  # its link still names the stored fingerprint
    assert "Chaîne rompue : 1 acte(s) sur 2" in err


def test_a_rewritten_act_with_its_fingerprint_breaks_the_next_link(demo, capsys):
    second = _second_act(demo)
    act = demo["deliberation"].act
    data = json.loads(act.content)
    data["act"]["title"] = "Objet réécrit"
    text = canonical(data)
    _tamper(
        "UPDATE register_publishedact SET content = %s, fingerprint = %s, title = %s WHERE id = %s",
        [text, fingerprint(text), "Objet réécrit", act.pk],
    )
    capsys.readouterr()
    assert main(["verify"]) == 1
    err = capsys.readouterr().err
    assert f"acte n°{second.number} : son lien vers l'acte précédent ne correspond plus" in err
    assert "acte n°2021/005795 : la délibération (title) ne dit plus ce que dit l'acte" in err


def test_a_column_read_by_lists_and_exports_is_checked_too(demo, capsys):
    act = demo["deliberation"].act
    _tamper("UPDATE register_publishedact SET votes_for = 1 WHERE id = %s", [act.pk])
    capsys.readouterr()
    assert main(["verify"]) == 1
    assert "acte n°2021/005795 : la colonne votes_for ne dit pas ce que dit l'acte" in capsys.readouterr().err
    assert PublishedAct.objects.get(pk=act.pk).votes_for == 1
