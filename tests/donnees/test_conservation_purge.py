"""The purge on a copy of a database with old records: the dry run changes nothing; the purge
anonymises personal data at once (counts kept), proposes elimination slips (nothing deleted),
prepares transfers (SEDA manifest parsed back); an archivist's visa (and only an archivist's)
lets the next run delete exactly the listed records; a received transfer removes its own."""

import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from axes.models import AccessLog

from sun.comptes.roles import Role, RoleManquant
from sun.connectivite.models import Signalement
from sun.core.models import JournalImport
from sun.donnees.catalogue import stockage
from sun.donnees.conservation import services, types
from sun.donnees.conservation.purge import purger, resume
from sun.donnees.conservation.seda import NS
from sun.donnees.conservation.types import EFFACE
from sun.donnees.models import (
    BordereauElimination,
    ExecutionPurge,
    StatutBordereau,
    StatutVersement,
    Versement,
)
from sun.inclusion.models import Orientation, SignalementErreur
from sun.qualite.models import Appel, Avis
from sun.relation.models import CompteurDemandes, Demande, Evenement, Usager
from sun.relation.registre.compteurs import recompter
from tests.donnees.fabriques_conservation import base_ancienne

pytestmark = pytest.mark.django_db
MODELES = (Demande, Usager, Evenement, Appel, Avis, SignalementErreur, Orientation, AccessLog,
           Signalement, JournalImport, BordereauElimination, Versement, ExecutionPurge)  # fmt: skip


@pytest.fixture
def base(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    assert services.charger_defauts().accepte
    return base_ancienne()


def _photo():
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in MODELES}


def _recharger(*objets):
    return [type(o).objects.filter(pk=o.pk).first() for o in objets]


def _bordereau(type_code: str) -> BordereauElimination:
    return BordereauElimination.objects.get(type_enregistrement=type_code)


def _compteurs():
    return sorted(CompteurDemandes.objects.filter(nombre__gt=0).values_list(
        "service_id", "demarche_id", "statut", "nombre"))  # fmt: skip


def test_essai_rien_ne_change(base, tmp_path):
    avant = _photo()
    execution = purger(essai=True)
    assert _photo() == avant and execution.pk is None
    assert not list(tmp_path.rglob("*.zip"))
    par_type = {r["type"]: r for r in execution.resultats}
    assert par_type["relation.demande"]["anonymises"] == 2
    assert par_type["relation.demande"]["proposes"] == 1
    assert par_type["relation.demande"]["verses"] == 1
    assert par_type["qualite.appel"] == {**par_type["qualite.appel"], "anonymises": 2,
                                         "proposes": 1}  # fmt: skip
    assert par_type["comptes.connexion"]["anonymises"] == 1
    assert par_type["comptes.connexion"]["proposes"] == 0  # erased, not on a slip
    assert resume(execution).startswith("ESSAI, rien n'a été écrit")


def test_purge_complete(base, utilisateur_avec_role):
    b = base
    admin = utilisateur_avec_role(Role.ADMINISTRATEUR)
    totaux = {m: m.objects.count() for m in (Demande, Appel, Avis, SignalementErreur,
                                              Orientation, Signalement, JournalImport)}  # fmt: skip
    execution = purger(essai=False, par=admin)
    assert execution.pk and not execution.erreurs, execution.erreurs

    # (a) personal data anonymised at once, non-personal content and counts kept
    assert {m: m.objects.count() for m in totaux} == totaux
    detruite, gardee, recente, ouverte = _recharger(b.demande_detruite, b.demande_gardee,
                                                    b.demande_recente, b.demande_ouverte)  # fmt: skip
    assert (detruite.objet, detruite.usager_id) == ("", None) and gardee.objet == ""
    assert detruite.statut == "accepte" and detruite.decidee_le == b.demande_detruite.decidee_le
    assert not Evenement.objects.filter(demande=detruite).exclude(commentaire="").exists()
    assert recente.objet == "Aide de Marie Recente" and recente.usager_id
    assert ouverte.objet and ouverte.usager_id
    assert set(Usager.objects.values_list("nom", flat=True)) == {"Marie Recente", "Luc Ouvert"}
    ancien, moyen, appel_recent = _recharger(b.appel_ancien, b.appel_moyen, b.appel_recent)
    assert (ancien.appelant, moyen.appelant, appel_recent.appelant) == ("", "", "c" * 64)
    assert ancien.conversation_s == 180
    avis, avis_recent = _recharger(b.avis_ancien, b.avis_recent)
    assert avis.verbatim == "" and avis.comprehension == 4 and avis_recent.verbatim
    erreur, ouverte_err = _recharger(b.erreur_ancienne, b.erreur_ouverte)
    assert (erreur.courriel, erreur.message) == ("", EFFACE) and ouverte_err.courriel
    (difficulte,) = _recharger(b.difficulte_detruite)
    assert difficulte.adresse == EFFACE and difficulte.nombre_locaux == 3
    assert JournalImport.objects.get(pk=b.import_ancien.pk).auteur is None
    assert JournalImport.objects.get(pk=b.import_recent.pk).auteur is not None
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["agent-recent"]

    # (b) one slip per rule, the records past their DUA to destroy, nothing deleted
    attendus = {"relation.demande": [b.demande_detruite.pk], "qualite.appel": [b.appel_ancien.pk],
                "qualite.avis": [b.avis_ancien.pk],
                "inclusion.signalementerreur": [b.erreur_ancienne.pk],
                "inclusion.orientation": [b.orientation_ancienne.pk],
                "connectivite.signalement": [b.difficulte_detruite.pk]}  # fmt: skip
    slips = {s.type_enregistrement: s for s in BordereauElimination.objects.all()}
    assert {t: s.identifiants for t, s in slips.items()} == attendus
    assert all(s.statut == StatutBordereau.PROPOSE and s.cree_par == admin for s in slips.values())
    assert slips["relation.demande"].date_fin == b.demande_detruite.decidee_le
    # (d) transfers of the records to keep
    assert {v.type_enregistrement: v.identifiants for v in Versement.objects.all()} == {
        "relation.demande": [b.demande_gardee.pk],
        "connectivite.signalement": [b.difficulte_gardee.pk],
        "core.journalimport": [b.import_ancien.pk]}  # fmt: skip
    # the log holds counts, never content
    journal = json.dumps(execution.resultats, ensure_ascii=False)
    assert "Jeanne" not in journal and "Durand" not in journal and "rue" not in journal

    # never twice the same records
    purger(essai=False)
    assert BordereauElimination.objects.count() == 6 and Versement.objects.count() == 3

    # (c) only an archivist approves; only approved slips are executed
    with pytest.raises(RoleManquant):
        services.viser(slips["relation.demande"], admin)
    archiviste = utilisateur_avec_role(Role.ARCHIVISTE)
    services.viser(slips["relation.demande"], archiviste)
    services.viser(slips["qualite.appel"], archiviste)
    services.refuser(slips["qualite.avis"], archiviste, "Échantillon à garder pour l'étude.")
    purger(essai=False)
    assert not Demande.objects.filter(pk=b.demande_detruite.pk).exists()
    assert Demande.objects.filter(pk__in=[b.demande_gardee.pk, b.demande_recente.pk,
                                          b.demande_ouverte.pk]).count() == 3  # fmt: skip
    assert not Appel.objects.filter(pk=b.appel_ancien.pk).exists()
    assert Appel.objects.filter(pk__in=[b.appel_moyen.pk, b.appel_recent.pk]).count() == 2
    assert Avis.objects.filter(pk=b.avis_ancien.pk).exists()  # refused: kept
    assert Orientation.objects.filter(pk=b.orientation_ancienne.pk).exists()  # not approved
    execute = BordereauElimination.objects.get(pk=slips["relation.demande"].pk)
    assert (execute.statut, execute.nombre_elimine) == (StatutBordereau.EXECUTE, 1)
    avant = _compteurs()
    recompter()
    assert _compteurs() == avant  # the dashboards' counters follow the deletion
    assert BordereauElimination.objects.filter(type_enregistrement="qualite.avis").count() == 1


def test_versement_seda_puis_reception(base, utilisateur_avec_role):
    purger(essai=False)
    v = Versement.objects.get(type_enregistrement="core.journalimport")
    chemin = stockage.chemin_absolu(v.fichier)
    assert v.fichier.startswith("versements/") and chemin.is_file()
    assert hashlib.sha256(chemin.read_bytes()).hexdigest() == v.sha256
    with zipfile.ZipFile(chemin) as z:
        racine = ET.fromstring(z.read("manifest.xml"))
        donnees = z.read("content/core-journalimport.csv")
    ns = {"s": NS}
    assert racine.tag == f"{{{NS}}}ArchiveTransfer"
    assert racine.findtext("s:MessageIdentifier", namespaces=ns) == v.numero
    regle = racine.find(".//s:ArchiveUnit/s:Management/s:AppraisalRule", ns)
    assert regle.findtext("s:Rule", namespaces=ns) == "SUN-COR-IMP"
    assert regle.findtext("s:FinalAction", namespaces=ns) == "Keep"
    assert regle.findtext("s:StartDate", namespaces=ns) == v.date_fin.isoformat()
    contenu = racine.find(".//s:ArchiveUnit/s:Content", ns)
    assert contenu.findtext("s:Title", namespaces=ns).startswith("Journal des imports")
    assert contenu.findtext("s:StartDate", namespaces=ns) == v.date_debut.isoformat()
    objet = racine.find(".//s:BinaryDataObject", ns)
    empreinte = objet.find("s:MessageDigest", ns)
    assert empreinte.get("algorithm") == "SHA-256"
    assert empreinte.text == hashlib.sha256(donnees).hexdigest()
    assert int(objet.findtext("s:Size", namespaces=ns)) == len(donnees)
    lignes = list(io.StringIO(donnees.decode()).readlines())
    assert lignes[0].startswith("id,date,genre") and len(lignes) == 2
    ref = racine.findtext(".//s:ArchiveUnit/s:DataObjectReference/s:DataObjectReferenceId",
                          namespaces=ns)  # fmt: skip
    assert ref == objet.get("id")

    # kept in SUN until the Archives acknowledge it
    purger(essai=False)
    assert JournalImport.objects.filter(pk=base.import_ancien.pk).exists()
    with pytest.raises(RoleManquant):
        services.marquer_recu(v, utilisateur_avec_role(Role.PILOTE))
    services.marquer_recu(v, utilisateur_avec_role(Role.ARCHIVISTE))
    execution = purger(essai=False)
    assert not JournalImport.objects.filter(pk=base.import_ancien.pk).exists()
    assert JournalImport.objects.filter(pk=base.import_recent.pk).exists()
    assert Versement.objects.get(pk=v.pk).execute_le is not None
    assert {r["type"]: r["supprimes"] for r in execution.resultats}["core.journalimport"] == 1
    assert Versement.objects.get(pk=v.pk).statut == StatutVersement.RECU


def test_un_type_en_echec_ne_touche_pas_les_autres(base, monkeypatch):
    t = types.obtenir("qualite.appel")

    def casse(qs, limite):
        qs.update(appelant="")
        raise RuntimeError("panne simulée")

    monkeypatch.setitem(types._TYPES, "qualite.appel",
                        types.TypeEnregistrement(**{**t.__dict__, "anonymiser": casse}))  # fmt: skip
    execution = purger(essai=False)
    assert "panne simulée" in execution.erreurs
    assert Appel.objects.exclude(appelant="").count() == 3  # rolled back
    assert not BordereauElimination.objects.filter(type_enregistrement="qualite.appel").exists()
    assert BordereauElimination.objects.filter(type_enregistrement="qualite.avis").exists()


def test_refus_et_annulation(base, utilisateur_avec_role):
    from sun.donnees.conservation.erreurs import RefusConservation

    purger(essai=False)
    archiviste = utilisateur_avec_role(Role.ARCHIVISTE)
    b = _bordereau("inclusion.orientation")
    with pytest.raises(RefusConservation, match="motif"):
        services.refuser(b, archiviste, "  ")
    services.annuler(b, utilisateur_avec_role(Role.ADMINISTRATEUR))
    with pytest.raises(RefusConservation):
        services.viser(b, archiviste)
    purger(essai=False)  # a cancelled slip's records may be proposed again
    assert BordereauElimination.objects.filter(type_enregistrement="inclusion.orientation",
                                               statut="propose").count() == 1  # fmt: skip
