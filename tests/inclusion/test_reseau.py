"""The network directory: filters, who may read and who may write, places worked since when."""

from datetime import date, timedelta

import pytest

from sun.comptes.roles import Role
from sun.inclusion.models import LieuActivite, Mediateur, Structure
from sun.inclusion.reseau import queries as reseau
from tests.inclusion.factories import (
    LieuActiviteFactory,
    LieuFactory,
    MediateurFactory,
    StructureFactory,
)
from tests.outils import texte
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def reseau_aude():
    employeur = StructureFactory(pivot="22110001600017", nom="Département de l'Aude")
    limoux = LieuFactory(
        nom="France services de Limoux",
        commune_ref=commune("11206"),
        latitude=43.0546,
        longitude=2.2187,
        structure=employeur,
        dispositif_programmes_nationaux=["France Services", "Conseillers numériques"],
    )
    carcassonne = LieuFactory(
        nom="Médiathèque de Carcassonne",
        commune_ref=commune("11069"),
        latitude=43.2130,
        longitude=2.3491,
        structure=employeur,
    )
    cn = MediateurFactory(
        prenom="Alix",
        nom="Fabre",
        profil="conseiller_numerique",
        employeur=employeur,
        courriel="alix.fabre@aude.fr",
    )
    aidant = MediateurFactory(
        prenom="Lou", nom="Marty", profil="aidant", aidant_connect=True, employeur=None, courriel=""
    )
    ancien = MediateurFactory(
        prenom="Noa", nom="Vidal", profil="mediateur", employeur=None, courriel=""
    )
    LieuActiviteFactory(mediateur=cn, lieu=limoux, debut=date(2023, 1, 2))
    LieuActiviteFactory(mediateur=aidant, lieu=carcassonne, debut=date(2024, 5, 1))
    # Noa left Carcassonne last year: no longer listed there.
    LieuActiviteFactory(
        mediateur=ancien, lieu=carcassonne, debut=date(2022, 1, 1), fin=date(2025, 6, 30)
    )
    return {
        "cn": cn,
        "aidant": aidant,
        "ancien": ancien,
        "limoux": limoux,
        "carcassonne": carcassonne,
    }


def _noms(**filtres) -> set[str]:
    return {m.nom for m in reseau.annuaire(reseau.FiltresAnnuaire(**filtres))}


def test_filtres_de_l_annuaire(reseau_aude):
    assert _noms() == {"Fabre", "Marty", "Vidal"}
    assert _noms(commune="11069") == {"Marty"}  # Vidal's activity there has ended
    assert _noms(epci=reseau_aude["limoux"].commune_ref.epci.code_siren) == {"Fabre"}
    assert _noms(programme="conseillers_numeriques") == {"Fabre"}
    assert _noms(programme="aidants_connect") == {"Marty"}
    assert _noms(programme="france_services") == {"Fabre"}
    assert _noms(profil="aidant") == {"Marty"}
    assert _noms(q="départ") == {"Fabre"}  # by employer
    reseau_aude["ancien"].actif = False
    reseau_aude["ancien"].save()
    assert "Vidal" not in _noms() and "Vidal" in _noms(anciens=True)


def test_filtres_inconnus_ignores():
    filtres = reseau.FiltresAnnuaire.depuis({"programme": "<script>", "profil": "pape", "q": " x "})
    assert (filtres.programme, filtres.profil, filtres.q) == ("", "", "x")


@pytest.mark.parametrize("role", [Role.AGENT, Role.MEDIATEUR, Role.PILOTE, Role.ADMINISTRATEUR])
def test_chaque_role_lit_l_annuaire(client, utilisateur_avec_role, reseau_aude, role):
    client.force_login(utilisateur_avec_role(role))
    page = texte(client.get("/espace/reseau/?programme=conseillers_numeriques"))
    assert "Alix Fabre" in page and "alix.fabre@aude.fr" in page and "Lou Marty" not in page
    assert "France services de Limoux (Limoux), depuis le 02/01/2023" in page
    assert client.get(f"/espace/reseau/{reseau_aude['cn'].pk}/").status_code == 200
    assert client.get("/espace/reseau/structures/").status_code == 200


def test_sans_role_ou_anonyme(client, utilisateur_avec_role, reseau_aude):
    assert client.get("/espace/reseau/")["Location"].startswith("/se-connecter/")
    client.force_login(utilisateur_avec_role())
    for url in [
        "/espace/reseau/",
        f"/espace/reseau/{reseau_aude['cn'].pk}/",
        "/espace/reseau/structures/",
    ]:
        assert client.get(url).status_code == 403


def test_le_mediateur_met_a_jour_sa_propre_fiche(client, utilisateur_avec_role, reseau_aude):
    compte = utilisateur_avec_role(Role.MEDIATEUR)
    cn = reseau_aude["cn"]
    cn.compte = compte
    cn.save()
    client.force_login(compte)
    assert client.get("/espace/reseau/ma-fiche/")["Location"] == f"/espace/reseau/{cn.pk}/"
    reponse = client.post(f"/espace/reseau/{cn.pk}/modifier/", {
        "prenom": "Alix", "nom": "Fabre", "profil": "conseiller_numerique", "employeur": cn.employeur_id,
        "courriel": "alix.fabre@aude.fr", "telephone": "04 68 11 22 33", "actif": "on",
    })  # fmt: skip
    assert reponse.status_code == 302
    cn.refresh_from_db()
    assert cn.telephone == "+33468112233"
    # A place where Alix now works too, and the end of another.
    reponse = client.post(
        f"/espace/reseau/{cn.pk}/lieux/",
        {"lieu": reseau_aude["carcassonne"].pk, "debut": "2025-09-01"},
    )
    assert cn.lieux_activite.count() == 2
    limoux = cn.lieux_activite.get(lieu=reseau_aude["limoux"])
    reponse = client.post(
        f"/espace/reseau/{cn.pk}/lieux/{limoux.pk}/fin/", {"fin": "2022-12-31"}, follow=True
    )
    assert "précède le début" in texte(reponse)
    client.post(f"/espace/reseau/{cn.pk}/lieux/{limoux.pk}/fin/", {"fin": "2025-12-31"})
    limoux.refresh_from_db()
    assert limoux.fin == date(2025, 12, 31)


def test_un_mediateur_ne_modifie_pas_la_fiche_d_un_autre(
    client, utilisateur_avec_role, reseau_aude
):
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    aidant = reseau_aude["aidant"]
    reponse = client.post(
        f"/espace/reseau/{aidant.pk}/modifier/",
        {"prenom": "X", "nom": "Y", "profil": "aidant"},
        follow=True,
    )
    assert "votre propre fiche" in texte(reponse)
    client.post(
        f"/espace/reseau/{aidant.pk}/lieux/",
        {"lieu": reseau_aude["limoux"].pk, "debut": "2025-01-01"},
    )
    aidant.refresh_from_db()
    assert aidant.nom == "Marty" and aidant.lieux_activite.count() == 1
    assert client.get("/espace/reseau/nouveau/").status_code == 403
    assert client.get("/espace/reseau/structures/nouvelle/").status_code == 403


def test_l_agent_ne_modifie_pas(client, utilisateur_avec_role, reseau_aude):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get(f"/espace/reseau/{reseau_aude['cn'].pk}/"))
    assert "Modifier la fiche" not in page and "Ajouter un lieu" not in page


def test_l_administrateur_cree_structure_et_mediateur(client, utilisateur_avec_role, reseau_aude):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    reponse = client.post(
        "/espace/reseau/structures/nouvelle/",
        {"nom": "Asso X", "pivot": "12", "code_insee": "99999"},
    )
    page = texte(reponse)
    assert "Indiquez un SIRET" in page and "Aucune commune n'a le code INSEE « 99999 »" in page
    assert 'value="Asso X"' in page  # nothing typed is lost
    reponse = client.post(
        "/espace/reseau/structures/nouvelle/",
        {"nom": "Asso X", "pivot": "W113000123", "code_insee": "11069"},
    )
    assert (
        reponse.status_code == 302
        and Structure.objects.get(pivot="W113000123").commune_ref.nom == "Carcassonne"
    )
    compte = utilisateur_avec_role(Role.MEDIATEUR, identifiant="claude")
    reponse = client.post("/espace/reseau/nouveau/", {"prenom": "Claude", "nom": "Roux", "profil": "coordinateur",
                                                      "telephone": "pas un numéro", "compte": compte.pk})  # fmt: skip
    assert (
        "Numéro de téléphone invalide" in texte(reponse)
        and not Mediateur.objects.filter(nom="Roux").exists()
    )
    reponse = client.post("/espace/reseau/nouveau/", {"prenom": "Claude", "nom": "Roux", "profil": "coordinateur", "compte": compte.pk, "actif": "on"})  # fmt: skip
    assert reponse.status_code == 302 and Mediateur.objects.get(nom="Roux").compte == compte


def test_contact_professionnel_seulement():
    champs = {f.name for f in Mediateur._meta.get_fields()}
    assert not champs & {"adresse", "date_naissance", "telephone_personnel", "courriel_personnel"}


def test_fin_avant_debut_refusee_par_la_base(reseau_aude):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        LieuActivite.objects.create(mediateur=reseau_aude["cn"], lieu=reseau_aude["carcassonne"],
                                    debut=date.today(), fin=date.today() - timedelta(days=1))  # fmt: skip
