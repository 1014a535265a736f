"""The public questionnaire « Je donne mon avis », as a person answers it: one question per
screen, each answer saved at once (step 1 counts alone), context from the démarche or place
page, anonymity of the stored row, forged and out-of-scale answers refused with nothing
written, honeypot, and the flood of one address stopped by its limit (429)."""

import html
import re

import pytest
from django.urls import reverse

from sun.qualite.models import Avis, Emplacement, Moderation
from tests.relation.factories import DemarcheFactory, ServiceFactory

pytestmark = pytest.mark.django_db
ADRESSE, NAVIGATEUR = "203.0.113.77", "Mozilla/5.0 (Linux; Android 14) TestAvis/1.0"


@pytest.fixture
def demarche():
    return DemarcheFactory(slug="apa", titre="Demander l'APA",
                           service=ServiceFactory(code="autonomie", nom="Direction de l'autonomie"))  # fmt: skip


def _lire(reponse) -> str:
    return html.unescape(reponse.content.decode())


def _contexte(reponse) -> str:
    return re.search(r'name="contexte" value="([^"]+)"', reponse.content.decode()).group(1)


def _poster(client, url, donnees, **entetes):
    return client.post(url, donnees, REMOTE_ADDR=ADRESSE, HTTP_USER_AGENT=NAVIGATEUR, **entetes)


def commencer(client, parametres: str = "", satisfaction: str = "good"):
    page = client.get(reverse("avis") + parametres, REMOTE_ADDR=ADRESSE)
    assert page.status_code == 200
    return _poster(client, reverse("avis") + parametres,
                   {"contexte": _contexte(page), "satisfaction": satisfaction})  # fmt: skip


def test_parcours_complet_un_ecran_par_question(client, demarche):
    r = commencer(client, "?demarche=apa&canal=en_ligne")
    assert r.status_code == 302
    avis = Avis.objects.get()  # saved after step 1 already
    assert (avis.satisfaction, avis.demarche, avis.service.code) == ("good", demarche, "autonomie")
    assert (avis.emplacement, avis.canal, avis.demonstration) == (
        Emplacement.DEMARCHE,
        "en_ligne",
        False,
    )
    page = client.get(r.url)
    contenu = _lire(page)
    assert "Qu'avez-vous pensé des informations et des instructions fournies ?" in contenu
    assert "Question 2 sur 4" in contenu and "la démarche « Demander l'APA »" in contenu
    r = _poster(client, r.url, {"note": "4"})
    assert Avis.objects.get().comprehension == 4
    contenu = _lire(client.get(r.url))
    assert "Durant votre parcours, avez-vous tenté d'obtenir de l'aide" in contenu
    assert "Je n'ai pas eu besoin d'aide" in contenu
    r = _poster(client, r.url, {"aides": ["telephone", "proche", "guichet"]})
    avis = Avis.objects.get()
    assert avis.contact_tried == ["guichet", "telephone", "proche"] and avis.autonome is False
    # One screen per administration channel tried: reached? then quality if reached.
    contenu = _lire(client.get(r.url))
    assert "avez-vous réussi à joindre l'administration ?" in contenu
    assert "Au guichet avec l'administration" in contenu and "Question 4 sur 6" in contenu
    r = _poster(client, r.url, {"reponse": "oui"})
    assert "Excellente" in _lire(client.get(r.url))
    r = _poster(client, r.url, {"note": "5"})
    r = _poster(client, r.url, {"reponse": "non"})  # téléphone: not reached, no quality asked
    contenu = _lire(client.get(r.url))
    assert "Souhaitez-vous nous en dire plus ?" in contenu and "données personnelles" in contenu
    r = _poster(
        client,
        r.url,
        {"verbatim": "Très bien reçue par M. Dupont, rappelez-moi au 06 12 34 56 78."},
    )
    assert r.url == reverse("avis_merci")
    assert "Merci beaucoup" in _lire(client.get(r.url))
    avis = Avis.objects.get()
    assert avis.contact_reached == {"guichet": True, "telephone": False}
    assert avis.contact_satisfaction == {"guichet": 5}
    assert (
        avis.verbatim == "Très bien reçue par M. [nom masqué], rappelez-moi au [téléphone masqué]."
    )
    assert avis.moderation == Moderation.A_LIRE


def test_apres_l_etape_1_l_avis_compte_deja_et_les_etapes_se_passent(client, demarche):
    r = commencer(client, "?lieu=pas-un-uuid&service=inconnu", satisfaction="bad")
    avis = Avis.objects.get()
    assert (avis.satisfaction, avis.lieu, avis.service, avis.emplacement) == (
        "bad",
        None,
        None,
        Emplacement.SITE,
    )
    r = _poster(client, r.url, {"passer": "1"})
    r = _poster(client, r.url, {"sans_besoin": "1"})
    avis.refresh_from_db()
    assert avis.comprehension is None and avis.contact_tried == ["aucune"] and avis.autonome is True
    r = _poster(client, r.url, {"passer": "1"})  # « Terminer sans commentaire »
    assert r.url == reverse("avis_merci")
    avis.refresh_from_db()
    assert avis.verbatim == "" and avis.moderation == ""


def test_anonymat_aucune_adresse_aucun_navigateur_aucun_cookie(client, demarche):
    r = commencer(client, "?demarche=apa")
    r = _poster(client, r.url, {"note": "3"})
    assert set(client.cookies) <= {"csrftoken"}  # no session, no tracking cookie
    ligne = Avis.objects.values().get()
    stocke = " ".join(str(v) for v in ligne.values())
    assert ADRESSE not in stocke and "TestAvis" not in stocke and "Android" not in stocke
    assert not {"ip", "adresse_ip", "user_agent", "session"} & set(ligne)
    from django.contrib.sessions.models import Session

    assert not Session.objects.exists()


@pytest.mark.parametrize("champ, valeur", [("note", "7"), ("note", "2.5"), ("note", "-1")])
def test_reponse_hors_echelle_refusee_rien_d_ecrit(client, demarche, champ, valeur):
    r = commencer(client)
    avant = Avis.objects.values().get()
    refus = _poster(client, r.url, {champ: valeur})
    assert refus.status_code == 400 and "la note va de 1 à 5" in _lire(refus)
    assert Avis.objects.values().get() == avant


def test_satisfaction_forgee_et_aide_inconnue_refusees(client, demarche):
    page = client.get(reverse("avis"))
    refus = _poster(
        client, reverse("avis"), {"contexte": _contexte(page), "satisfaction": "excellent"}
    )
    assert refus.status_code == 400
    assert "Réponse refusée : choisissez « Pas bien », « Moyen » ou « Très bien »." in _lire(refus)
    assert not Avis.objects.exists()
    refus = _poster(client, reverse("avis"), {"contexte": "falsifié", "satisfaction": "good"})
    assert refus.status_code == 400 and "Le questionnaire a expiré" in _lire(refus)
    assert not Avis.objects.exists()
    r = commencer(client)
    r = _poster(client, r.url, {"passer": "1"})
    refus = _poster(client, r.url, {"aides": ["guichet", "pigeon-voyageur"]})
    assert refus.status_code == 400 and "choisissez une des réponses proposées" in _lire(refus)
    refus = _poster(client, r.url, {"aides": ["guichet"], "sans_besoin": "1"})
    assert refus.status_code == 400 and "ne se coche pas avec un moyen d" in _lire(refus)
    assert Avis.objects.get().contact_tried == []


def test_etape_sans_objet_ou_lien_falsifie(client, demarche):
    from sun.qualite.satisfaction.parcours import jeton_etape

    r = commencer(client)
    avis = Avis.objects.get()
    # « qualité de l'aide au guichet » is no step of an answer that tried no guichet.
    assert (
        client.get(
            reverse("avis_etape", args=[jeton_etape(avis.pk, "qualite:guichet")])
        ).status_code
        == 404
    )
    assert client.get(reverse("avis_etape", args=["abc:def"])).status_code == 404
    assert client.get(r.url).status_code == 200


def test_piege_et_taille_du_commentaire(client, demarche):
    r = commencer(client)
    for _ in range(2):
        r = _poster(client, r.url, {"passer": "1"})
    refus = _poster(
        client, r.url, {"verbatim": "Acheter pas cher", "site_internet": "http://spam.example"}
    )
    assert refus.status_code == 400 and "Avis refusé" in _lire(refus)
    refus = _poster(client, r.url, {"verbatim": "x" * 2001})
    assert refus.status_code == 400 and "trop long : 2000 caractères au plus" in _lire(refus)
    assert Avis.objects.get().verbatim == ""
    page = client.get(reverse("avis"))
    refus = _poster(client, reverse("avis"), {"contexte": _contexte(page), "satisfaction": "good",
                                               "site_internet": "x"})  # fmt: skip
    assert refus.status_code == 400 and Avis.objects.count() == 1


def test_une_reponse_ne_s_ecrit_qu_une_fois(client, demarche):
    r = commencer(client)
    etape_2 = r.url
    _poster(client, etape_2, {"note": "2"})
    encore = _poster(client, etape_2, {"note": "5"})
    assert encore.status_code == 302 and encore.url == reverse("avis_merci")
    assert Avis.objects.get().comprehension == 2


def test_afflux_d_une_adresse_page_429_et_rien_de_plus(client, demarche, settings):
    settings.SUN_LIMITE_AVIS = "3/h"
    for _ in range(3):
        assert commencer(client).status_code == 302
    page = client.get(reverse("avis"))
    refus = _poster(client, reverse("avis"), {"contexte": _contexte(page), "satisfaction": "good"})
    assert refus.status_code == 429 and "Retry-After" in refus
    assert Avis.objects.count() == 3
    # Another address still answers.
    page = client.get(reverse("avis"))
    autre = client.post(reverse("avis"), {"contexte": _contexte(page), "satisfaction": "medium"},
                        REMOTE_ADDR="198.51.100.9")  # fmt: skip
    assert autre.status_code == 302 and Avis.objects.count() == 4


def test_boutons_sur_les_pages_des_demarches_et_des_lieux(client, demarche):
    from tests.inclusion.factories import LieuFactory

    contenu = _lire(client.get(reverse("demarche", args=["apa"])))
    assert f'href="{reverse("avis")}?demarche=apa"' in contenu and "Je donne mon avis" in contenu
    lieu = LieuFactory()
    contenu = _lire(client.get(reverse("lieu_public", args=[lieu.pk])))
    assert f"{reverse('avis')}?lieu={lieu.pk}" in contenu
    commencer(client, f"?lieu={lieu.pk}")
    avis = Avis.objects.get()
    assert avis.lieu == lieu and avis.emplacement == Emplacement.LIEU
