"""The public connectivity pages: the section « Internet et téléphone » of the commune and EPCI
pages, the département page and « Ma connexion » for residents (`/connexion/`)."""

import html
import re
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.connectivite.models import Edition, Signalement, Statut
from sun.connectivite.pages import classe_fibre
from tests.connectivite import factories as f
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db


def texte(contenu) -> str:
    """What a reader sees: tags removed, entities decoded, blanks collapsed."""
    if hasattr(contenu, "content"):
        contenu = contenu.content.decode()
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", contenu)).split())


def _section(page: str) -> str:
    return page.split('id="connectivite"')[1].split("</section>")[0]


def _blocs(section: str) -> dict[str, str]:
    """{h3 heading: its content up to the next h3}."""
    parties = re.split(r"<h3 [^>]*>(.*?)</h3>", section)
    return dict(zip(parties[1::2], parties[2::2], strict=True))


def _signalements(code: str, n: int, statut: str = Statut.NOUVEAU) -> None:
    maintenant = timezone.make_aware(datetime(2026, 2, 1, 10))
    Signalement.objects.bulk_create(
        Signalement(commune=commune(code), categorie="refus_tiers_technique", adresse="1 rue",
                    description="Poteau", statut=statut, cree_le=maintenant,
                    modifie_le=maintenant)
        for _ in range(n)
    )  # fmt: skip


def test_classes_et_masquage():
    assert classe_fibre(None, 100) is None and classe_fibre(10, 0) is None
    assert classe_fibre(10, 100) == 0 and classe_fibre(80, 100) == 3
    assert classe_fibre(999, 1000) == 4 and classe_fibre(1000, 1000) == 5


def test_section_commune_sans_donnees(client):
    commune("11011")
    page = client.get(reverse("commune", args=["11011"])).content.decode()
    section = texte(_section(page))
    assert "Internet et téléphone" in section
    assert "Aucune donnée sur l'internet fixe" in section
    assert "maconnexioninternet.arcep.fr" in _section(page)
    assert reverse("connectivite_fiche", kwargs={"code_insee": "11011"}) in page


def test_section_commune_complete_chaque_chiffre_a_sa_source_et_sa_date(client):
    commune("11011")
    f.commune_complete("11011")
    page = client.get(reverse("commune", args=["11011"])).content.decode()
    section = _section(page)
    lu = texte(section)
    assert "80,0 % des locaux" in lu and "800 sur 1 000" in lu
    assert "Fibre jusqu'au logement (FttH)" in lu
    assert (
        'role="img"' in section and 'aria-labelledby="con-courbe-titre con-courbe-desc"' in section
    )
    assert "T4 2017" in lu and "T4 2025" in lu  # curve table
    assert "30 Mbit/s ou plus" in lu  # wired speeds
    assert "50 locaux n'ont pas de très haut débit filaire" in lu
    assert "Cohésion numérique des territoires" in lu and "300 €" in lu and "600 €" in lu
    assert "Lot de fermeture 3" in lu and "31 janvier 2026" in lu and "31 janvier 2027" in lu
    assert "refus de tiers 12" in lu and "blocage d'éligibilité 3" in lu
    assert "Orange" in lu and "SFR" in lu and "90,0 %" in lu  # 4G good + very good
    assert "monreseaumobile.arcep.fr" in section
    assert reverse("connectivite_fiche_pdf", kwargs={"code_insee": "11011"}) in section
    assert "données de démonstration" not in lu
    # Every block of figures says where it comes from and as of when.
    for titre, bloc in _blocs(section).items():
        if titre == "Pour aller plus loin":
            continue
        assert "Source :" in bloc, titre
        assert re.search(r"(édition|décompte|lus?) du? ?\d|édition du \d|au \d", texte(bloc)), titre


def test_decompte_a_rebours_du_cuivre(client):
    from sun.connectivite.pages import section_commune

    f.cuivre("11011")
    section = section_commune("11011", date(2026, 1, 1))
    assert section.explication.jours_avant_prochaine == 30
    assert section.explication.prochaine == "fermeture commerciale"


def test_historique_du_cuivre_quand_les_fichiers_different(client):
    commune("11011")
    f.cuivre("11011", date_fc=date(2026, 1, 31), date_edition=date(2024, 1, 10))
    f.cuivre("11011", date_fc=date(2027, 1, 31), date_edition=date(2025, 3, 31),
             genre="cuivre_gouv")  # fmt: skip
    lu = texte(_section(client.get(reverse("commune", args=["11011"])).content.decode()))
    assert "ne donnent pas tous les mêmes dates" in lu
    assert "31/01/2026" in lu and "31/01/2027" in lu


def test_donnees_de_demonstration_signalees(client):
    commune("11011")
    f.fixe("11011")
    Edition.objects.update(demonstration=True)
    lu = texte(_section(client.get(reverse("commune", args=["11011"])).content.decode()))
    assert "données de démonstration" in lu


def test_signalements_comptes_tels_quels_hors_demonstration(client):
    """Counts of cases, not of people: shown as they are, as on the commune sheet."""
    commune("11011")
    f.fixe("11011")
    _signalements("11011", 3)
    _signalements("11011", 6, Statut.RESOLU)
    lu = texte(_section(client.get(reverse("commune", args=["11011"])).content.decode()))
    assert "En cours : 3" in lu and "résolues : 6" in lu and "démonstration non comptés" in lu


def test_section_epci(client):
    aragon = commune("11011")
    f.fixe("11011", nbr=100, ftth=50, cu_30=40, sat=10)
    f.cuivre("11011")
    page = client.get(reverse("epci", args=[aragon.epci.code_siren])).content.decode()
    lu = texte(_section(page))
    assert "Internet et téléphone" in lu
    assert "Aragon" in lu and "31/01/2026" in lu  # copper calendar of its communes
    assert "Source :" in lu


def test_page_du_departement(client):
    commune("11011")
    f.commune_complete("11011")
    reponse = client.get(reverse("connectivite_departement"))
    assert reponse.status_code == 200
    page = reponse.content.decode()
    lu = texte(page)
    assert "Internet et téléphone dans le département de l'Aude" in lu
    assert 'id="con-carte-titre"' in page and "<path" in page  # choropleth drawn
    assert "100 % (tous les locaux)" in lu and "pas de donnée" in lu  # legend
    assert "Aragon" in lu and "de 80 à moins de 95 %" in lu  # table of communes
    assert "31/01/2026" in lu and "31/01/2027" in lu  # copper calendar
    assert "T4 2025" in lu  # département curve
    assert lu.count("Source :") >= 3


def test_ma_connexion_sans_commune_et_lien_de_connexion(client):
    page = client.get(reverse("ma_connexion"))
    assert page.status_code == 200
    lu = texte(page.content.decode())
    assert "Espace des agents et des communes : se connecter" in lu
    assert reverse("connexion") in page.content.decode()
    assert "65-557" in lu and "66-457" in lu and "L51" in lu and "mairie" in lu


def test_ma_connexion_ancien_lien_de_connexion_redirige(client):
    reponse = client.get("/connexion/?next=/espace/")
    assert reponse.status_code == 302
    assert reponse["Location"] == reverse("connexion") + "?next=%2Fespace%2F"


def test_ma_connexion_commune_choisie(client):
    commune("11011")
    f.commune_complete("11011")
    reponse = client.get(reverse("ma_connexion"), {"q": "Aragon"})
    lu = texte(reponse.content.decode())
    assert "Commune : Aragon" in lu
    assert "80,0 % des locaux" in lu and "Fermeture commerciale" in lu
    assert "Se faire aider près de chez vous" in lu
    assert lu.count("Cohésion numérique des territoires") >= 1
    direct = texte(client.get(reverse("ma_connexion"), {"commune": "11011"}).content.decode())
    assert "Commune : Aragon" in direct


def test_ma_connexion_commune_inconnue(client):
    reponse = client.get(reverse("ma_connexion"), {"q": "Xqzwvtt"})
    assert reponse.status_code == 200
    lu = texte(reponse.content.decode())
    assert "Aucune commune ne correspond à « Xqzwvtt »" in lu
    assert 'role="alert"' in reponse.content.decode()
    inconnu = texte(client.get(reverse("ma_connexion"), {"commune": "99999"}).content.decode())
    assert "Aucune commune n'a le code « 99999 »" in inconnu


def test_le_calendrier_du_cuivre_resume_par_lot(client):
    f.cuivre("11011", lot="3", date_fc=date(2026, 1, 31), date_ft=date(2027, 1, 31))
    f.cuivre("11022", lot="3", date_fc=date(2026, 1, 31), date_ft=date(2030, 12, 31))
    f.cuivre("11023", lot="4", date_fc=date(2027, 1, 31), date_ft=date(2028, 1, 31))
    lu = texte(client.get(reverse("connectivite_departement")).content.decode())
    assert "Calendrier du cuivre, lot par lot" in lu
    assert "3 2 31/01/2026 du 31/01/2027 au 31/12/2030" in lu
    assert "4 1 31/01/2027 31/01/2028" in lu
