"""« Trouver de l'aide numérique »: the public search page, a place's page, error reports."""

import time
from urllib.parse import urlencode

import pytest
from django.core import signing

from sun.comptes.roles import Role
from sun.inclusion.lieux.services import fermer_lieu, importer_lieux
from sun.inclusion.models import Lieu, SignalementErreur
from sun.web.forms.signalement import SEL_HORODATAGE
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db

DEMARCHES = "Aide aux démarches administratives"
NOMS = ["Arago", "Barbès", "Courbet", "Diderot", "Eluard", "Fermat", "Gambetta", "Hugo", "Ingres",
        "Jaurès", "Kléber", "Lamartine", "Molière", "Nerval", "Pasteur", "Queneau", "Rabelais", "Sand",
        "Trenet", "Utrillo", "Voltaire", "Watteau", "Yourcenar", "Zola", "Aragon"]  # fmt: skip


@pytest.fixture
def lieux(tmp_path):
    """25 places around Carcassonne (to page through), one in Limoux."""
    lignes = [
        lieu_v1(id=f"c{i}", nom=f"{NOMS[i]} numérique", commune="Carcassonne", code_postal="11000",
                code_insee="11069", latitude=f"{43.2130 + i * 0.004:.4f}", longitude="2.3491",
                adresse=f"{i + 1} rue {NOMS[i]}", telephone=f"04 68 10 00 {i:02d}", courriels="",
                services=DEMARCHES if i % 2 else "Accès internet et matériel informatique")
        for i in range(25)
    ] + [lieu_v1(id="limoux", nom="France services de Limoux", commune="Limoux", code_postal="11300",
                 code_insee="11206", latitude="43.0546", longitude="2.2187")]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")


def test_page_de_recherche_sans_recherche(client):
    page = texte(client.get("/trouver/"))
    assert "Trouver de l'aide numérique près de chez moi" in page
    assert "Autour de moi" in page and 'name="ou"' in page


def test_recherche_par_commune_paginee_et_partageable(client, lieux):
    page = texte(
        client.get("/trouver/", {"ou": "Carcassonne", "rayon": "10", "services": DEMARCHES})
    )
    assert "11 lieux à moins de 10 km de Carcassonne (11)" in page  # the 12th is 10.2 km away
    assert page.count('class="lieu-resume"') == 11 and "km</strong>" in page
    tous = texte(client.get("/trouver/", {"ou": "Carcassonne", "rayon": "50"}))
    assert "26 lieux" in tous and tous.count('class="lieu-resume"') == 20 and "Page 1 sur 2" in tous
    # The next page keeps every criterion, repeated filters included.
    reponse = client.get("/trouver/?ou=Carcassonne&rayon=50&services=A&services=B")
    assert "services=A&amp;services=B" in texte(reponse) or "services=A&services=B" in texte(
        reponse
    )
    suite = texte(client.get("/trouver/", {"ou": "Carcassonne", "rayon": "50", "page": "2"}))
    assert suite.count('class="lieu-resume"') == 6 and 'start="21"' in suite


def test_carte_des_resultats_et_source(client, lieux):
    page = texte(client.get("/trouver/", {"ou": "Limoux", "rayon": "5"}))
    assert "data-points=" in page and "/geo/communes/11206.geojson" in page
    assert "Source : registre des lieux de médiation numérique" in page


@pytest.mark.parametrize(
    ("parametres", "message"),
    [
        ({"ou": ""}, "Indiquez une commune, un code postal ou une adresse"),
        ({"ou": "Carcasonnne"}, "Aucune commune ne correspond"),
        (
            {"ou": "Limoux", "rayon": "500"},
            "Le rayon doit être un nombre de kilomètres entre 1 et 100",
        ),
        ({"ou": "Limoux", "rayon": "dix"}, "Le rayon doit être un nombre de kilomètres"),
        ({"lat": "95", "lon": "2"}, "La position reçue n'est pas valable"),
        ({"lat": "abc", "lon": "2"}, "La position reçue n'est pas valable"),
        ({"ou": "Limoux", "jour": "funday"}, "Jour inconnu"),
    ],
)
def test_mauvaises_saisies_expliquees(client, parametres, message):
    reponse = client.get("/trouver/", parametres)
    assert reponse.status_code == 200 and message in texte(reponse)
    assert 'role="alert"' in texte(reponse)


def test_commune_inconnue_suggere_des_noms(client):
    page = texte(client.get("/trouver/", {"ou": "Carcasonnne"}))
    assert "Vouliez-vous dire" in page and "Carcassonne (11, 11000)" in page


def test_filtre_inconnu_ignore_avec_avis(client, lieux):
    page = texte(client.get("/trouver/", {"ou": "Limoux", "services": "Cuisine"}))
    assert "Filtre ignoré : « Cuisine »" in page and "lieu" in page


def test_autour_de_moi(client, lieux):
    page = texte(client.get("/trouver/", {"lat": "43.0546", "lon": "2.2187", "rayon": "2"}))
    assert "1 lieu à moins de 2 km de votre position" in page


def test_aucun_resultat_propose_d_elargir(client, lieux):
    page = texte(client.get("/trouver/", {"ou": "Narbonne", "rayon": "2"}))
    assert "Aucun lieu à moins de 2 km" in page and "Chercher jusqu'à 100 km" in page


def test_page_d_un_lieu(client, lieux):
    lieu = Lieu.objects.get(nom="France services de Limoux")
    page = texte(client.get(f"/lieux/{lieu.pk}/"))
    for attendu in ["France services de Limoux", 'href="tel:+33468270000"', "04 68 27 00 00",
                    "On vous aide à faire vos démarches en ligne", "Horaires d'ouverture habituels",
                    "Mardi", "Signaler une erreur", "Source : Hub test", "Médiathèque, bibliothèque",
                    "SIRET ou RNA"]:  # fmt: skip
        assert attendu in page, attendu


def test_lieu_ferme_renvoie_vers_les_plus_proches(client, lieux):
    lieu = Lieu.objects.get(nom="Arago numérique")
    fermer_lieu(lieu, commentaire="test")
    page = texte(client.get(f"/lieux/{lieu.pk}/"))
    assert "Ce lieu est fermé" in page and "Les lieux ouverts les plus proches" in page
    assert "Barbès numérique" in page


def _signalement(**valeurs) -> dict:
    """A report sent 30 s after the form was shown (« maintenant »: at once)."""
    age = 0 if valeurs.get("horodatage") == "maintenant" else 30
    horodatage = signing.dumps(int(time.time()) - age, salt=SEL_HORODATAGE)
    valeurs = (
        {"horodatage": horodatage, **valeurs}
        if valeurs.get("horodatage") != "maintenant"
        else {**valeurs, "horodatage": horodatage}
    )
    return {
        "sujet": "horaires",
        "message": "Le lieu est fermé le mardi désormais.",
        "courriel": "",
        **valeurs,
    }


def test_signaler_une_erreur_sans_compte(client, lieux):
    lieu = Lieu.objects.get(nom="France services de Limoux")
    reponse = client.post(f"/lieux/{lieu.pk}/", _signalement())
    assert reponse.status_code == 302
    signalement = SignalementErreur.objects.get()
    assert signalement.lieu == lieu and signalement.statut == "nouveau"
    assert "Merci" in texte(client.get(reponse["Location"]))


@pytest.mark.parametrize(
    ("valeurs", "message"),
    [
        ({"site_internet": "http://spam.example"}, "Signalement refusé"),
        ({"horodatage": "maintenant"}, "Envoi trop rapide"),
        ({"horodatage": "falsifié"}, "Le formulaire a expiré"),
        ({"message": "court"}, "au moins 10 caractères"),
        ({"sujet": "inconnu"}, "Sélectionnez un choix valide"),
        ({"courriel": "pas-un-courriel"}, "adresse de courriel valide"),
    ],
)
def test_signalement_refuse_sans_rien_perdre(client, lieux, valeurs, message):
    lieu = Lieu.objects.get(nom="France services de Limoux")
    reponse = client.post(f"/lieux/{lieu.pk}/", _signalement(**valeurs))
    assert reponse.status_code == 400 and message in texte(reponse)
    assert SignalementErreur.objects.count() == 0
    if "message" not in valeurs:
        assert "Le lieu est fermé le mardi désormais." in texte(reponse)  # what was typed is kept


def test_signalements_limites_par_adresse(client, lieux):
    lieu = Lieu.objects.get(nom="France services de Limoux")
    for _ in range(5):
        assert client.post(f"/lieux/{lieu.pk}/", _signalement()).status_code == 302
    reponse = client.post(f"/lieux/{lieu.pk}/", _signalement())
    assert reponse.status_code == 400 and "réessayez dans une heure" in texte(reponse)


def test_file_des_signalements_echappe_et_reservee(client, lieux, utilisateur_avec_role):
    lieu = Lieu.objects.get(nom="France services de Limoux")
    client.post(
        f"/lieux/{lieu.pk}/", _signalement(message="<script>alert('x')</script> horaires faux")
    )
    for role, statut in [(Role.PILOTE, 403), (Role.MEDIATEUR, 403), (Role.AGENT, 200)]:
        client.force_login(utilisateur_avec_role(role))
        assert client.get("/espace/lieux/signalements/").status_code == statut
    brut = client.get("/espace/lieux/signalements/").content.decode()
    assert "<script>alert" not in brut and "&lt;script&gt;" in brut
    signalement = SignalementErreur.objects.get()
    client.post("/espace/lieux/signalements/", {"signalement": signalement.pk, "statut": "traite"})
    signalement.refresh_from_db()
    assert signalement.statut == "traite" and signalement.traite_par is not None
    client.logout()
    assert client.get("/espace/lieux/signalements/").status_code == 302  # to the login page


# --- results where the eye is --------------------------------------------------------------
def test_apres_une_recherche_les_resultats_viennent_avant_les_criteres_replies(client, lieux):
    page = texte(client.get("/trouver/", {"ou": "Carcassonne", "rayon": "10", "services": DEMARCHES,
                                          "jour": "mardi"}))  # fmt: skip
    assert page.index('id="resultats-titre"') < page.index('<form method="get"')
    # The criteria are folded under « Modifier la recherche », « Plus de critères » too.
    repli = page[page.index('<details class="modifier-recherche">') :]
    assert "<summary>Modifier la recherche</summary>" in repli
    assert repli.index('<form method="get"') < repli.index("</details>")
    assert '<details class="criteres">' in page and '<details class="criteres" open' not in page
    assert "Critères : ouvert le mardi · services proposés : " + DEMARCHES in page


def test_sans_recherche_le_formulaire_est_ouvert(client):
    page = texte(client.get("/trouver/"))
    assert "modifier-recherche" not in page and '<form method="get"' in page
    erreur = texte(client.get("/trouver/", {"ou": "", "services": DEMARCHES}))
    assert "modifier-recherche" not in erreur and '<details class="criteres" open>' in erreur


def test_titre_de_la_page_autour_de_la_position(client, lieux):
    page = texte(client.get("/trouver/", {"lat": "43.0546", "lon": "2.2187", "rayon": "2"}))
    assert "<title>Aide numérique autour de votre position —" in page
    assert "autour de autour" not in page


def test_ouvert_maintenant_sans_resultat_propose_les_prochaines_ouvertures(client, tmp_path):
    """Places that open only tomorrow: nothing is open now, whatever the hour of the test."""
    from sun.territoire.timezones import heure_locale

    demain = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][(heure_locale("11").weekday() + 1) % 7]
    lignes = [
        lieu_v1(id="tot", nom="Ouvre tôt", latitude="43.2130", longitude="2.3491",
                horaires=f"{demain} 09:00-12:00"),
        lieu_v1(id="tard", nom="Ouvre tard", latitude="43.2140", longitude="2.3491",
                horaires=f"{demain} 14:00-17:00"),
        lieu_v1(id="sans", nom="Sans horaires", latitude="43.2150", longitude="2.3491", horaires=""),
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    page = texte(
        client.get("/trouver/", {"ou": "Carcassonne", "rayon": "5", "ouvert": "maintenant"})
    )
    assert "Aucun lieu n'est ouvert en ce moment dans ce rayon" in page
    assert (
        'href="?ou=Carcassonne&rayon=5#resultats">Retirer le filtre « Ouvert maintenant »' in page
    )
    prochaines = page[page.index("Les prochaines ouvertures") :]
    assert prochaines.index("Ouvre tôt") < prochaines.index("Ouvre tard")
    assert "ouvre demain à 9 h" in prochaines and "Sans horaires" not in prochaines
    assert "Chercher jusqu'à 100 km" not in page


def test_commune_a_choisir_est_une_question_pas_une_erreur(client, monkeypatch):
    from sun.territoire.models import Commune
    from sun.territoire.positions import PositionIntrouvable
    from sun.web.views import trouver

    communes = [c for c in Commune.objects.filter(departement__code="11").order_by("nom")
                if "11300" in c.codes_postaux]  # fmt: skip
    assert len(communes) > 20

    def resoudre(texte):
        exc = PositionIntrouvable(
            f"Le code postal 11300 est celui de {len(communes)} communes. Laquelle ?", communes
        )
        exc.choix = True
        raise exc

    monkeypatch.setattr(trouver, "resoudre", resoudre)
    page = texte(client.get("/trouver/", {"ou": "11300", "rayon": "10"}))
    assert '<h2 id="laquelle-titre">Laquelle ?</h2>' in page
    assert (
        'role="alert"' not in page
        and "aria-invalid" not in page
        and "Recherche à corriger" not in page
    )
    assert page.count('<ul class="choix-communes">') == 1
    for commune in communes:  # every one, with the postcode that was typed
        lien = urlencode({"ou": f"{commune.nom} 11300", "rayon": "10"})
        assert f'href="?{lien}#resultats">{commune.nom}</a>' in page


# --- maps that orient ------------------------------------------------------------------------
def test_itineraire_depuis_les_resultats_et_la_page_du_lieu(client, lieux):
    page = texte(client.get("/trouver/", {"ou": "Limoux", "rayon": "2"}))
    assert (
        'href="geo:43.054600,2.218700?q=43.054600,2.218700(France%20services%20de%20Limoux)"'
        in page
    )
    osm = (
        "https://www.openstreetmap.org/directions?to=43.054600%2C2.218700#map=17/43.054600/2.218700"
    )
    assert f'href="{osm}"' in page
    lieu = Lieu.objects.get(nom="France services de Limoux")
    fiche = texte(client.get(f"/lieux/{lieu.pk}/"))
    assert "Itinéraire" in fiche and 'href="geo:43.054600,2.218700' in fiche


def test_lieux_a_la_meme_adresse_groupes_sur_la_carte_et_tous_listes(client, tmp_path):
    ici = {
        "commune": "Carcassonne",
        "code_postal": "11000",
        "code_insee": "11069",
        "longitude": "2.3491",
    }
    lignes = [
        lieu_v1(
            id=f"m{i}",
            pivot=f"2211000160001{i}",
            nom=f"Lieu {i} de la mairie",
            latitude="43.2130",
            **ici,
        )
        for i in range(3)
    ]
    lignes.append(lieu_v1(id="seul", pivot="", nom="Lieu à part", latitude="43.2330", **ici))  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    reponse = client.get("/trouver/", {"ou": "Carcassonne", "rayon": "10"})
    marqueurs = [p for p in reponse.context["points"] if not p.get("centre")]
    assert sorted(len(p["numeros"]) for p in marqueurs) == [1, 3]
    groupe = next(p for p in marqueurs if len(p["numeros"]) == 3)
    assert groupe["n"] == "1–3" and groupe["lien"] == "#lieu-1"
    assert "Lieu 0 de la mairie" in groupe["nom"] and "Lieu 2 de la mairie" in groupe["nom"]
    page = texte(reponse)
    assert page.count('class="lieu-resume"') == 4 and 'id="lieu-4"' in page
