"""Duplicates across sources: scoring, automatic merge, review queue, remembered decisions."""

import pytest

from sun.comptes.roles import Role
from sun.inclusion.lieux.doublons import SEUIL_EXAMEN, SEUIL_FUSION, Fiche, comparer, en_dict, score
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Lieu, PaireDoublon
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte


def fiche(cle="a", nom="Médiathèque Grain d'Aile", adresse="12 rue de la République", insee="11203",
          lat=43.2009, lon=2.7575, exacte=True, tel="", source=None):  # fmt: skip
    # Each record from its own source unless told: a source's own records are never merged.
    return Fiche.depuis(cle, nom, adresse, insee, lat, lon, exacte, tel, [], source or cle)


def test_meme_lieu_ecrit_autrement():
    valeur, details = score(
        fiche(),
        fiche(
            "b",
            nom="MEDIATHEQUE GRAIN D AILE",
            adresse="12 r. de la Republique",
            lat=43.2011,
            lon=2.7577,
        ),
    )
    assert valeur >= SEUIL_FUSION, details
    assert details["distance_m"] < 40


def test_deux_fiches_d_une_meme_source_ne_sont_jamais_fusionnees_seules():
    a, b = fiche(source="Hub"), fiche("b", nom="MEDIATHEQUE GRAIN D AILE", source="Hub")
    valeur, _ = score(a, b)
    assert SEUIL_EXAMEN <= valeur < SEUIL_FUSION  # a review pair at most
    fusionne = fiche("c", source="Hub|Cartographie")  # already merged from that source
    assert score(fusionne, fiche("d", source="Hub"))[0] < SEUIL_FUSION
    assert score(fusionne, fiche("e", source="France services"))[0] >= SEUIL_FUSION


def test_le_nom_de_la_commune_ne_rapproche_pas_deux_services():
    mairie = Fiche.depuis("a", "Mairie de Rethel", "2 place de la Mairie", "08362", 49.51, 4.367,
                          True, "+33324391111", [], "A", "Rethel")  # fmt: skip
    mds = Fiche.depuis("b", "MDS de Rethel", "2 place de la Mairie", "08362", 49.51, 4.367,
                       True, "+33324391111", [], "B", "Rethel")  # fmt: skip
    assert score(mairie, mds)[0] < SEUIL_FUSION


def test_deux_lieux_dans_la_meme_rue():
    valeur, _ = score(
        fiche(),
        fiche(
            "b",
            nom="Espace numérique du Lac",
            adresse="40 rue de la République",
            lat=43.2020,
            lon=2.7590,
        ),
    )
    assert valeur < SEUIL_EXAMEN


def test_sans_coordonnees_jamais_a_distance_nulle():
    _, details = score(fiche(exacte=False), fiche("b", exacte=False))
    assert details["distance_m"] is None
    valeur, _ = score(fiche(adresse="", exacte=False), fiche("b", adresse="", exacte=False))
    assert valeur < SEUIL_FUSION  # same name, nothing else known: a person decides


def test_meme_nom_generique_autre_commune():
    valeur, _ = score(fiche(nom="Médiathèque municipale"),
                      fiche("b", nom="Médiathèque municipale", adresse="3 place du Marché", insee="11069", lat=43.21, lon=2.35))  # fmt: skip
    assert valeur < SEUIL_EXAMEN


@pytest.mark.django_db
def test_fusion_automatique_entre_deux_sources(tmp_path):
    importer_lieux(
        ecrire_csv(
            tmp_path / "a.csv",
            [
                lieu_v1(
                    id="A1",
                    date_maj="2024-01-10",
                    services="Aide aux démarches administratives",
                    horaires="Mo 09:00-12:00",
                )
            ],
        ),
        "Cartographie nationale",
    )
    b = lieu_v1(id="B7", nom="Médiathèque municipale de Lézignan", date_maj="2024-06-01", latitude="43.2010", longitude="2.7576",
                services="Accès internet et matériel informatique", horaires="", telephone="04 68 27 00 00")  # fmt: skip
    rapport = importer_lieux(ecrire_csv(tmp_path / "b.csv", [b]), "Hub régional")
    assert rapport.compteurs["fusionnes"] == 1
    lieu = Lieu.objects.get()
    assert set(lieu.sources.values_list("source", flat=True)) == {
        "Cartographie nationale",
        "Hub régional",
    }
    assert lieu.nom == "Médiathèque municipale de Lézignan"  # most recent wins
    assert lieu.horaires == "Mo 09:00-12:00"  # gap filled from the older record
    assert set(lieu.services) == {
        "Aide aux démarches administratives",
        "Accès internet et matériel informatique",
    }
    assert lieu.historique.filter(action="fusion").exists()
    # Both sources keep updating the merged place.
    rapport = importer_lieux(ecrire_csv(tmp_path / "b.csv", [b]), "Hub régional")
    assert rapport.compteurs["inchanges"] == 1 and Lieu.objects.count() == 1


DOUTEUX = {
    "nom": "Médiathèque Lézignan",
    "latitude": "",
    "longitude": "",
    "adresse": "",
    "telephone": "",
    "courriels": "",
}


@pytest.fixture
def paire_en_attente(tmp_path):
    """Same name, no address, no exact coordinates: too little to merge without a person."""
    sans_position = lieu_v1(id="A1", latitude="", longitude="", adresse="")
    importer_lieux(ecrire_csv(tmp_path / "a.csv", [sans_position]), "Source A")
    rapport = importer_lieux(
        ecrire_csv(tmp_path / "b.csv", [lieu_v1(id="B1", **DOUTEUX)]), "Source B"
    )
    assert rapport.compteurs["doublons_a_examiner"] == 1
    return PaireDoublon.objects.get()


@pytest.mark.django_db
def test_file_d_examen_et_decision_memorisee(
    tmp_path, client, utilisateur_avec_role, paire_en_attente
):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/lieux/doublons/"))
    assert "Médiathèque Lézignan" in page and "coordonnées approximatives" in page
    client.post("/espace/lieux/doublons/", {"paire": paire_en_attente.pk, "decision": "distincts"})
    paire_en_attente.refresh_from_db()
    assert paire_en_attente.statut == PaireDoublon.Statut.DISTINCTS
    change = lieu_v1(id="B1", **DOUTEUX, horaires="Mo 10:00-11:00")
    importer_lieux(ecrire_csv(tmp_path / "c.csv", [change]), "Source B")
    assert PaireDoublon.objects.count() == 1 and Lieu.objects.count() == 2


@pytest.mark.django_db
def test_fusion_depuis_la_file(client, utilisateur_avec_role, paire_en_attente):
    decision = {"paire": paire_en_attente.pk, "decision": "fusionner"}
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    assert client.post("/espace/lieux/doublons/", decision).status_code == 403
    client.force_login(utilisateur_avec_role(Role.AGENT))
    client.post("/espace/lieux/doublons/", decision)
    assert Lieu.objects.count() == 1
    assert Lieu.objects.get().sources.count() == 2


def test_comparaison_en_bloc_egale_comparaison_par_paire():
    """The all-at-once comparison finds the same pairs, with the same scores, as comparing
    each candidate pair on its own; pairs far apart are not candidates."""
    fiches = [
        fiche("a"),
        fiche("b", nom="MEDIATHEQUE GRAIN D AILE", adresse="12 r. de la Republique", lat=43.2011),
        fiche("c", nom="Espace numérique du Lac", adresse="40 rue de la République", lat=43.2020),
        fiche("d", exacte=False, adresse=""),
        fiche("e", nom="Grain d'Aile", insee="11069", lat=43.3, lon=2.9, tel="+33468000000"),
        fiche(
            "f",
            nom="Point numérique Grain d'Aile",
            adresse="",
            exacte=False,
            insee="11069",
            tel="+33468000000",
        ),
    ]
    resultats = comparer(fiches)
    assert [r[2] for r in resultats] == sorted((r[2] for r in resultats), reverse=True)
    trouves = {
        (fiches[i].cle, fiches[j].cle): (valeur, en_dict(d)) for i, j, valeur, d in resultats
    }
    attendus = {}
    for x, y in [
        ("a", "b"),
        ("a", "c"),
        ("a", "d"),
        ("b", "c"),
        ("b", "d"),
        ("c", "d"),
        ("e", "f"),
    ]:
        a, b = (next(f for f in fiches if f.cle == c) for c in (x, y))
        valeur, details = score(a, b)
        if valeur >= SEUIL_EXAMEN:
            attendus[(x, y)] = (valeur, details)
    assert trouves == attendus
    assert ("a", "b") in trouves and ("e", "f") in trouves
    # Only the pairs involving the places just imported.
    assert {(fiches[i].cle, fiches[j].cle) for i, j, *_ in comparer(fiches, {"f"})} == {("e", "f")}


@pytest.mark.django_db
def test_cles_de_comparaison_a_jour_a_chaque_enregistrement(tmp_path):
    importer_lieux(ecrire_csv(tmp_path / "a.csv", [lieu_v1(id="A1")]), "Source A")
    lieu = Lieu.objects.get()
    assert lieu.cles_doublons.startswith("mediatheque de lezignan")
    lieu.nom = "Espace numérique Louise Michel"
    lieu.save(update_fields=["nom"])
    lieu.refresh_from_db()
    assert lieu.cles_doublons.split("\x1f")[1] == "louise michel"


@pytest.mark.django_db
def test_registre_compare_par_parties_comme_d_un_bloc(tmp_path, monkeypatch):
    """A national register is compared one département at a time, with a halo: pairs across
    a border are still found, and the result is the one of a single pass."""
    from sun.inclusion.lieux import doublons_partitions

    monkeypatch.setattr(doublons_partitions, "TAILLE_MIN", 0)
    # Montpellier is not in the test territory: its places keep the codes they were given.
    a = lieu_v1(id="a", nom="Médiathèque Émile Zola", commune="Montpellier", code_postal="34000",
                code_insee="34172", latitude="43.6085", longitude="3.8862",
                adresse="218 boulevard de l'Aéroport International")  # fmt: skip
    limoux = lieu_v1(id="l", nom="France services de Limoux", commune="Limoux",
                     code_postal="11300", code_insee="11206", latitude="43.0546",
                     longitude="2.2187", adresse="5 place de la République")  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "a.csv", [a, limoux]), "Source A")
    # The same médiathèque from a source that gives no commune (another part, a 1° square):
    # only the halos bring them together. The France services found by its coordinates.
    b = lieu_v1(id="b", nom="Médiathèque Emile Zola", code_insee="", commune="", code_postal="",
                latitude="43.60855", longitude="3.88625",
                adresse="218 bd de l'Aéroport International")  # fmt: skip
    sans_code = lieu_v1(id="s", nom="France services de Limoux", code_insee="", commune="",
                        code_postal="", latitude="43.0546", longitude="2.2187",
                        adresse="5 place de la République")  # fmt: skip
    rapport = importer_lieux(ecrire_csv(tmp_path / "b.csv", [b, sans_code]), "Source B")
    assert rapport.autres["fusionnes"] == 2, rapport.lignes()
    assert Lieu.objects.count() == 2


@pytest.fixture
def file_de_trois(tmp_path):
    """Three doubtful pairs: two with « Source B », one with « Source C »."""
    noms = ["Médiathèque Lézignan", "EPN Bram", "Tiers-lieu Cuxac"]
    communes = [("11203", "Lézignan-Corbières", "11200"), ("11049", "Bram", "11150"),
                ("11116", "Cuxac-Cabardès", "11390")]  # fmt: skip
    a = [lieu_v1(id=f"A{i}", nom=n, code_insee=c, commune=v, code_postal=cp, latitude="",
                 longitude="", adresse="", telephone="", courriels="")
         for i, (n, (c, v, cp)) in enumerate(zip(noms, communes, strict=True))]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "a.csv", a), "Source A")
    b = [{**l, "id": f"B{i}", "nom": l["nom"].upper()} for i, l in enumerate(a[:2])]
    importer_lieux(ecrire_csv(tmp_path / "b.csv", b), "Source B")
    c = [{**a[2], "id": "C0", "nom": a[2]["nom"].upper()}]
    importer_lieux(ecrire_csv(tmp_path / "c.csv", c), "Source C")
    assert PaireDoublon.objects.filter(statut=PaireDoublon.Statut.A_REVOIR).count() == 3


@pytest.mark.django_db
def test_decision_en_bloc_pour_une_source(client, utilisateur_avec_role, file_de_trois):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/lieux/doublons/", {"source": "Source B"}))
    assert "Décider pour les 2 paires de ce filtre" in page and "Source C (1)" in page
    lot = {"lot": "oui", "source": "Source B", "score_min": "0", "decision": "fusionner"}
    client.post("/espace/lieux/doublons/", {**lot, "decision": "autre"})  # refused
    assert Lieu.objects.count() == 6
    reponse = client.post("/espace/lieux/doublons/", lot)
    assert reponse.status_code == 302 and "source=Source+B" in reponse["Location"]
    assert Lieu.objects.count() == 4  # two pairs merged, the one of Source C waits
    restantes = PaireDoublon.objects.filter(statut=PaireDoublon.Statut.A_REVOIR)
    assert restantes.count() == 1
    client.post("/espace/lieux/doublons/", {**lot, "source": "", "decision": "distincts"})
    assert not PaireDoublon.objects.filter(statut=PaireDoublon.Statut.A_REVOIR).exists()
    assert PaireDoublon.objects.filter(statut=PaireDoublon.Statut.DISTINCTS).count() == 1


@pytest.mark.django_db
def test_file_classee_et_filtree_par_ressemblance(client, utilisateur_avec_role, file_de_trois):
    scores = list(PaireDoublon.objects.order_by("-score").values_list("score", flat=True))
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.get("/espace/lieux/doublons/")
    assert [p.score for p in reponse.context["page"]] == scores  # most alike first
    reponse = client.get("/espace/lieux/doublons/", {"score_min": scores[0] + 1})
    assert reponse.context["total"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PILOTE, Role.MEDIATEUR])
def test_decision_en_bloc_interdite_sans_droit(client, utilisateur_avec_role, file_de_trois, role):
    client.force_login(utilisateur_avec_role(role))
    lot = {"lot": "oui", "source": "", "score_min": "0", "decision": "fusionner"}
    assert client.post("/espace/lieux/doublons/", lot).status_code == 403
    assert Lieu.objects.count() == 6


@pytest.mark.django_db
def test_une_fiche_sans_date_ne_l_emporte_pas_et_la_localisation_reste_la_meilleure(tmp_path):
    a = lieu_v1(id="A1", date_maj="2023-03-01", telephone="04 68 27 00 00")
    importer_lieux(ecrire_csv(tmp_path / "a.csv", [a]), "Source datée")
    # Undated (the import's date stands in), placed at the town hall, with another phone.
    b = lieu_v1(id="B1", date_maj="", telephone="04 68 99 99 99", latitude="", longitude="",
                commune="lezignan corbieres")  # fmt: skip
    rapport = importer_lieux(ecrire_csv(tmp_path / "b.csv", [b]), "Source sans date")
    assert rapport.compteurs["fusionnes"] == 1, rapport.lignes()
    lieu = Lieu.objects.get()
    assert lieu.telephone == "+33468270000"  # the dated record's value
    assert (lieu.latitude, lieu.longitude) == (43.2009, 2.7575)  # the exact point stays
    assert lieu.precision_localisation == "exacte" and lieu.commune == "Lézignan-Corbières"
