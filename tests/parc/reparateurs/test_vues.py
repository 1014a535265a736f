"""The public page « Réparer et reconditionner » (filters by activity, commune and EPCI
without JavaScript, map and table, demonstration labelled, pages of ten) and the agent pages
per role (list, create, edit, unpublish, import)."""

import re

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
    assert 'role="group"' in html and "rep-carte-titre" in html and "<circle" in html
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
                    reverse("espace:reparateurs_importer"), reverse("espace:reparateurs_modele_csv"),
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


def test_chaque_point_de_la_carte_mene_a_sa_ligne(client, annuaire):
    html = client.get(PUBLIQUE).content.decode()
    carte = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    ancres = re.findall(r'<a href="#(acteur-\d+)" aria-label="(\d+)\. ([^"]+)"><circle', carte)
    assert len(ancres) == 3
    for ancre, n, _nom in ancres:
        assert ancre == f"acteur-{n}"
        assert re.search(rf'<tr id="{ancre}"><th scope="row">{n}\. ', html), ancre
    assert {nom.split(" : ")[0] for _, _, nom in ancres} == {
        "Atelier du Bit",
        "Repair café de Narbonne",
        "Atelier fictif (démonstration)",
    }
    assert "Chaque numéro est un lien vers la ligne du tableau" in html


def test_ecrire_au_departement_mene_quelque_part(client, settings, annuaire):
    settings.SUN_CONTACT_EMAIL = ""
    html = client.get(PUBLIQUE).content.decode()
    assert "Écrivez au département." not in html
    assert "service informatique du Département" in html
    assert f'href="{reverse("mentions_legales")}">mentions légales</a>' in html
    settings.SUN_CONTACT_EMAIL = "numerique@exemple.fr"
    html = client.get(PUBLIQUE).content.decode()
    assert '<a href="mailto:numerique@exemple.fr">numerique@exemple.fr</a>' in html


def test_la_liste_de_l_espace_montre_les_libelles_des_activites(client, utilisateur_avec_role):
    acteur(activites=["reparation", "reconditionnement", "vente"])
    acteur(nom="Café", activites=["repair_cafe", "atelier_ess"], commune="11262", code_postal="")
    client.force_login(utilisateur_avec_role(Role.AGENT))
    html = client.get(reverse("espace:reparateurs")).content.decode()
    assert "Réparation, Reconditionnement, Vente de matériel reconditionné" in html
    assert "Repair café, Atelier d&#x27;insertion ou de l&#x27;ESS" in html
    assert "repair_cafe" not in html and "reconditionnement, vente" not in html


def test_modele_a_telecharger_depuis_la_page_d_import(client, utilisateur_avec_role, tmp_path):
    from sun.parc.reparateurs.importation import ecrire_modele, importer

    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    page = client.get(reverse("espace:reparateurs_importer")).content.decode()
    assert f'href="{reverse("espace:reparateurs_modele_csv")}"' in page
    assert "sun parc" not in page and "<code>sun " not in page
    assert "cinq premières" not in page
    assert (
        "Seules les colonnes <code>nom</code>, <code>activites</code> et <code>commune</code>"
        in page
    )
    reponse = client.get(reverse("espace:reparateurs_modele_csv"))
    assert reponse.status_code == 200 and reponse["Content-Type"].startswith("text/csv")
    assert reponse["Content-Disposition"] == 'attachment; filename="modele-reparateurs.csv"'
    # The same bytes as `sun parc reparateurs modele`, and the file imports as it is.
    assert reponse.content == ecrire_modele(tmp_path / "cli.csv").read_bytes()
    telecharge = tmp_path / "telecharge.csv"
    telecharge.write_bytes(reponse.content)
    assert importer(telecharge).nouveaux == 1
    assert client.post(reverse("espace:reparateurs_modele_csv")).status_code == 405


def test_pages_du_numerique_responsable_dans_le_plan_du_site_le_sitemap_et_le_pied(client):
    publiques = [reverse(n) for n in ("numerique_responsable", "reparateurs_public", "sobriete")]
    plan = client.get(reverse("plan_du_site")).content.decode()
    contenu = plan.split('class="pied"')[0]
    for adresse in publiques:
        assert f'href="{adresse}"' in contenu, adresse
    assert "Numérique responsable" in contenu
    xml = client.get(reverse("sitemap")).content.decode()
    adresses = re.findall(r"<loc>http://testserver([^<]+)</loc>", xml)
    assert set(publiques) <= set(adresses)
    pied = client.get(reverse("accueil")).content.decode().split('class="pied"')[1]
    assert f'<a href="{reverse("sobriete")}">Sobriété numérique</a>' in pied
