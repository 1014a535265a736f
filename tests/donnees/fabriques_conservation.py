"""A copy of a database « with old records »: old and recent records of every kind the
tableau de gestion applies to, dated relative to today (the connection journal's purge reads
the clock). Contents are synthetic."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from axes.models import AccessLog
from django.utils import timezone

from sun.connectivite.models import Signalement
from sun.core.models import JournalImport
from sun.inclusion.models import Orientation, SignalementErreur
from sun.qualite.models import Avis
from sun.relation.models import Demande
from sun.relation.registre.services import changer_statut
from tests.comptes.factories import UtilisateurFactory
from tests.inclusion.factories import OrientationFactory, SignalementFactory
from tests.qualite.factories import AppelFactory
from tests.relation.factories import DemarcheFactory, demande
from tests.territoire.factories import commune

PARIS = ZoneInfo("Europe/Paris")


def il_y_a(jours: int) -> date:
    return timezone.localdate() - timedelta(days=jours)


def instant(jour: date) -> datetime:
    return datetime.combine(jour, time(10, 0), tzinfo=PARIS)


def an(annee: int, mois: int = 6, jour: int = 15) -> date:
    return date(annee, mois, jour)


@dataclass
class Base:
    demande_detruite: Demande  # decided 7 years ago, a year not kept by the sample
    demande_gardee: Demande  # decided in a year ending in 0 or 5, over 5 years ago
    demande_recente: Demande  # decided a year ago
    demande_ouverte: Demande  # received long ago, still open
    appel_ancien: object
    appel_moyen: object  # past the personal-data period, not the DUA
    appel_recent: object
    avis_ancien: Avis
    avis_recent: Avis
    erreur_ancienne: SignalementErreur
    erreur_ouverte: SignalementErreur
    orientation_ancienne: Orientation
    orientation_recente: Orientation
    connexion_ancienne: AccessLog
    connexion_recente: AccessLog
    difficulte_detruite: Signalement
    difficulte_gardee: Signalement
    import_ancien: JournalImport
    import_recent: JournalImport


def _demande(demarche, recue: date, decidee: date | None, nom: str, objet: str) -> Demande:
    d = demande(demarche, recue_le=recue, nom=nom, courriel=f"{nom.split()[0].lower()}@exemple.fr",
                aujourd_hui=recue + timedelta(days=1), objet=objet)  # fmt: skip
    if decidee is not None:
        d = changer_statut(
            d, "en_instruction", le=recue, aujourd_hui=decidee, commentaire=f"Appel de {nom}"
        )
        d = changer_statut(d, "accepte", le=decidee, aujourd_hui=decidee)
    return Demande.objects.get(pk=d.pk)


def _annee_non_gardee(annee: int) -> int:
    return annee if annee % 5 else annee - 1


def _annee_gardee(annee: int) -> int:
    return annee - annee % 5


def _connexion(jours: int, nom: str) -> AccessLog:
    log = AccessLog.objects.create(user_agent="Firefox", ip_address="192.0.2.7", username=nom,
                                   http_accept="*/*", path_info="/se-connecter/")  # fmt: skip
    AccessLog.objects.filter(pk=log.pk).update(attempt_time=timezone.now() - timedelta(days=jours))
    return log


def _difficulte(clos: date, adresse: str) -> Signalement:
    return Signalement.objects.create(
        commune=commune(), categorie="elagage", adresse=adresse, description=f"Câble au sol, {adresse}",
        nombre_locaux=3, statut="resolu", cree_le=instant(clos - timedelta(days=30)),
        modifie_le=instant(clos), clos_le=instant(clos),
    )  # fmt: skip


def base_ancienne() -> Base:
    aujourd_hui = timezone.localdate()
    demarche = DemarcheFactory()
    agent = UtilisateurFactory(username="agent-import")
    detruite = an(_annee_non_gardee(aujourd_hui.year - 7))
    gardee = an(_annee_gardee(aujourd_hui.year - 6))
    b = Base(
        demande_detruite=_demande(demarche, detruite - timedelta(days=40), detruite,
                                  "Jeanne Ancienne", "Aide de Jeanne Ancienne"),
        demande_gardee=_demande(demarche, gardee - timedelta(days=40), gardee, "Paul Garde",
                                "Aide de Paul Garde"),
        demande_recente=_demande(demarche, il_y_a(400), il_y_a(365), "Marie Recente",
                                 "Aide de Marie Recente"),
        demande_ouverte=_demande(demarche, an(aujourd_hui.year - 7), None, "Luc Ouvert",
                                 "Aide de Luc Ouvert"),
        appel_ancien=AppelFactory(debut=instant(il_y_a(800)), appelant="a" * 64),
        appel_moyen=AppelFactory(debut=instant(il_y_a(400)), appelant="b" * 64),
        appel_recent=AppelFactory(debut=instant(il_y_a(30)), appelant="c" * 64),
        avis_ancien=Avis.objects.create(recu_le=instant(il_y_a(800)), emplacement="site",
                                        satisfaction="good", comprehension=4,
                                        verbatim="Très bien reçu par Mme Durand"),
        avis_recent=Avis.objects.create(recu_le=instant(il_y_a(20)), emplacement="site",
                                        satisfaction="bad", verbatim="Trop d'attente"),
        erreur_ancienne=SignalementFactory(courriel="habitant@exemple.fr", statut="traite",
                                           traite_le=instant(il_y_a(500))),
        erreur_ouverte=SignalementFactory(courriel="voisin@exemple.fr"),
        orientation_ancienne=OrientationFactory(),
        orientation_recente=OrientationFactory(),
        connexion_ancienne=_connexion(200, "agent-ancien"),
        connexion_recente=_connexion(3, "agent-recent"),
        difficulte_detruite=_difficulte(an(_annee_non_gardee(aujourd_hui.year - 7)), "3 rue Basse"),
        difficulte_gardee=_difficulte(an(_annee_gardee(aujourd_hui.year - 6)), "5 rue Haute"),
        import_ancien=JournalImport.objects.create(genre="lieux", libelle="Lieux", auteur=agent,
                                                   statut="enregistre", fichier="lieux.csv"),
        import_recent=JournalImport.objects.create(genre="lieux", libelle="Lieux", auteur=agent,
                                                   statut="enregistre", fichier="lieux2.csv"),
    )  # fmt: skip
    SignalementErreur.objects.filter(pk=b.erreur_ancienne.pk).update(cree_le=instant(il_y_a(520)))
    Orientation.objects.filter(pk=b.orientation_ancienne.pk).update(date=il_y_a(365 * 5))
    JournalImport.objects.filter(pk=b.import_ancien.pk).update(date=instant(il_y_a(365 * 6)))
    return b
