"""The public page « Réparer et reconditionner » (filters by activity, commune and EPCI
without JavaScript, map and table, demonstration labelled, pages of ten) and the agent pages
per role (list, create, edit, unpublish, import)."""

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.parc.models import Reparateur
from sun.parc.reparateurs.services import depublier
from sun.territoire.models import Commune
from tests.parc.reparateurs.outils import acteur, donnees

pytestmark = pytest.mark.django_db
PUBLIQUE = reverse("reparateurs_public")


@pytest.fixture
def annuaire():
    retire = acteur(nom="Fermé", activites=["repair_cafe"], commune="11262", code_postal="")
    depublier(retire)
    return {
        "bit": acteur(),
        "cafe": acteur(
            nom="Repair café de Narbonne",
            activites=["repair_cafe"],
            commune="11262",
            code_postal="",
        ),
        "demo": acteur(nom="Atelier fictif", activites=["reconditionnement"], demonstration=True),
        "retire": retire,
    }


def _noms(reponse) -> set[str]:
    return {f.acteur.nom for f in reponse.context["lignes"]}


def test_page_publique_carte_tableau_et_demonstration(client, annuaire):
    reponse = client.get(PUBLIQUE)
    assert reponse.status_code == 200
    assert _noms(reponse) == {"Atelier du Bit", "Repair café de Narbonne", "Atelier fictif"}
    html = reponse.content.decode()
    assert 'role="img"' in html and "rep-carte-titre" in html and "<circle" in html
    assert "04 68 11 20 30" in html and "démonstration" in html
    assert "Source : annuaire de la réparation" in html
    assert "Fermé" not in html


def test_filtres_par_activite_commune_et_epci(client, annuaire):
    assert _noms(client.get(PUBLIQUE, {"activite": "repair_cafe"})) == {"Repair café de Narbonne"}
    assert _noms(client.get(PUBLIQUE, {"commune": "11069"})) == {"Atelier du Bit",
                                                                  "Atelier fictif"}  # fmt: skip
    narbonne = Commune.objects.select_related("epci").get(code_insee="11262")
    assert _noms(client.get(PUBLIQUE, {"epci": narbonne.epci.code_siren})) == {
        "Repair café de Narbonne"
    }
    # A value the form does not offer is ignored, not an error page.
    reponse = client.get(PUBLIQUE, {"activite": "jardinage", "commune": "<script>"})
    assert reponse.status_code == 200 and len(_noms(reponse)) == 3
    vide = client.get(PUBLIQUE, {"activite": "collecte"})
    assert "Aucun acteur pour ces critères" in vide.content.decode()


def test_pages_de_dix(client):
    for n in range(12):
        acteur(nom=f"Atelier {n:02d}")
    premiere = client.get(PUBLIQUE)
    assert len(premiere.context["lignes"]) == 10
    assert "Page suivante" in premiere.content.decode()
    seconde = client.get(PUBLIQUE, {"page": 2})
    assert [f.n for f in seconde.context["lignes"]] == [11, 12]


IDENTITES = {
    "anonyme": None, "sans_role": (), "agent": (Role.AGENT,), "mediateur": (Role.MEDIATEUR,),
    "pilote": (Role.PILOTE,), "instructeur": (Role.INSTRUCTEUR,),
    "administrateur": (Role.ADMINISTRATEUR,), "informatique": (Role.INFORMATIQUE,),
    "commune": (Role.COMMUNE,), "partenaire": (Role.PARTENAIRE,),
}  # fmt: skip
OUVERTS = {"agent", "administrateur", "informatique"}


@pytest.mark.parametrize("identite", IDENTITES)
def test_pages_de_l_espace_par_role(client, utilisateur_avec_role, identite):
    a = acteur()
    if IDENTITES[identite] is not None:
        client.force_login(utilisateur_avec_role(*IDENTITES[identite]))
    for adresse in (reverse("espace:reparateurs"), reverse("espace:reparateur_nouveau"),
                    reverse("espace:reparateurs_importer"),
                    reverse("espace:reparateur_modifier", args=[a.pk])):  # fmt: skip
        reponse = client.get(adresse)
        attendu = 302 if identite == "anonyme" else 200 if identite in OUVERTS else 403
        assert reponse.status_code == attendu, (identite, adresse)
    assert client.get(PUBLIQUE).status_code == 200


def _formulaire(**champs) -> dict:
    valeurs = donnees(**champs)
    valeurs["labels"] = " | ".join(valeurs["labels"])
    return {k: v for k, v in valeurs.items() if v not in (None, False)}


def test_creer_modifier_et_retirer_depuis_l_espace(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    reponse = client.post(reverse("espace:reparateur_nouveau"), _formulaire(siret="123"))
    assert reponse.status_code == 400 and "14 chiffres" in reponse.content.decode()
    assert not Reparateur.objects.exists()
    reponse = client.post(reverse("espace:reparateur_nouveau"), _formulaire(labels=["ESUS"]))
    assert reponse.status_code == 302
    a = Reparateur.objects.get()
    modifier = reverse("espace:reparateur_modifier", args=[a.pk])
    assert client.get(modifier).context["form"].initial["latitude"] is None  # commune centre
    reponse = client.post(modifier, _formulaire(nom="Atelier renommé", horaires="Sa 10:00-12:00"))
    assert reponse.status_code == 302
    a.refresh_from_db()
    assert (a.nom, a.horaires, a.labels) == ("Atelier renommé", "Sa 10:00-12:00", [])
    client.post(modifier, {"action": "depublier"})
    assert not Reparateur.objects.get(pk=a.pk).publie
    assert "Atelier renommé" not in {f.acteur.nom for f in client.get(PUBLIQUE).context["lignes"]}
    client.post(modifier, {"action": "publier"})
    assert Reparateur.objects.get(pk=a.pk).publie


def test_import_depuis_l_espace(client, utilisateur_avec_role, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sun.parc.reparateurs.importation import ecrire_modele

    client.force_login(utilisateur_avec_role(Role.AGENT))
    contenu = ecrire_modele(tmp_path / "modele.csv").read_bytes()
    adresse = reverse("espace:reparateurs_importer")
    essai = client.post(adresse, {"fichier": SimpleUploadedFile("a.csv", contenu), "essai": "on"})
    assert essai.status_code == 200 and not Reparateur.objects.exists()
    assert "essai à blanc" in essai.content.decode()
    reel = client.post(adresse, {"fichier": SimpleUploadedFile("a.csv", contenu)})
    assert reel.status_code == 200 and Reparateur.objects.count() == 1
