"""The kinds of SUN's own records a retention rule can apply to: for each, where its period
starts (creation date, and the closing date when the rule starts at « clôture »), how its
personal data are anonymised (blanking or replacing the personal fields, keeping the
non-personal content and the counts), what an elimination slip lists (an identifier and a
date, never personal content) and how its records are written for a transfer.

Demonstration records are left out of everything (they are regenerated, never archived)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db import models
from django.db.models import Q, QuerySet

from sun.donnees.conservation.erreurs import RefusConservation

# What replaces a personal free text that is not optional in its model.
EFFACE = "[effacé : durée de conservation écoulée]"


@dataclass(frozen=True)
class TypeEnregistrement:
    code: str
    libelle: str
    modele: str  # app_label.ModelName
    champ_date: str  # creation of the record
    # Closing date when a rule starts at « clôture »; empty: a record is closed when created.
    champ_cloture: str = ""
    # Restricts to the closed records (e.g. a request decided); None: the closing date says it.
    clos: Callable[[QuerySet], QuerySet] | None = None
    # Records still holding personal data (so that anonymising twice counts nothing).
    personnel: Callable[[QuerySet], QuerySet] | None = None
    # Anonymise a queryset of records past the personal-data period (and that period's limit
    # day); returns how many.
    anonymiser: Callable[[QuerySet, date], int] | None = None
    # Overrides the selection of records past a limit (limit, starting point) → queryset.
    selection: Callable[[date, str], QuerySet] | None = None
    # (field, label) listed on a slip per record: an identifier and a date.
    champs_bordereau: tuple[tuple[str, str], ...] = (("pk", "Identifiant"),)
    # Fields written for a transfer (CSV columns).
    colonnes_versement: tuple[str, ...] = ()
    # Delete records by primary key; returns how many (None: a plain delete).
    supprimer: Callable[[list], int] | None = None
    # Anonymising erases the whole record (a contact, a log line are nothing but personal data).
    efface: bool = False

    def model(self) -> type[models.Model]:
        return apps.get_model(self.modele)

    def tous(self) -> QuerySet:
        qs = self.model()._default_manager.all()
        if any(f.name == "demonstration" for f in self.model()._meta.get_fields()):
            qs = qs.filter(demonstration=False)
        return qs

    def champ_fin(self) -> str:
        return self.champ_cloture or self.champ_date

    def detruire(self, pks: list) -> int:
        if not pks:
            return 0
        if self.supprimer is not None:
            return self.supprimer(pks)
        modele = self.model()
        _, parties = modele._default_manager.filter(pk__in=pks).delete()
        return parties.get(modele._meta.label, 0)


_TYPES: dict[str, TypeEnregistrement] = {}


def declarer(t: TypeEnregistrement) -> TypeEnregistrement:
    _TYPES[t.code] = t
    return t


def tous() -> list[TypeEnregistrement]:
    return list(_TYPES.values())


def codes() -> list[str]:
    return list(_TYPES)


def obtenir(code: str) -> TypeEnregistrement:
    try:
        return _TYPES[code]
    except KeyError:
        raise RefusConservation(
            f"Type d'enregistrement inconnu : « {code} ». Types connus : {', '.join(_TYPES)}."
        ) from None


def existe(code: str) -> bool:
    return code in _TYPES


def _blanchir(**valeurs) -> Callable[[QuerySet], int]:
    def anonymiser(qs: QuerySet, limite: date) -> int:
        return qs.update(**valeurs)

    return anonymiser


# --- relation: requests and contacts --------------------------------------------------------
def _demandes_personnelles(qs):
    return qs.filter(~Q(objet="") | Q(usager__isnull=False) | ~Q(lien_externe="")
                     | Q(evenements__commentaire__gt="")).distinct()  # fmt: skip


def _anonymiser_demandes(qs, limite: date) -> int:
    from sun.core.versions import donnees_ecrites
    from sun.relation.models import Demande, Evenement, Usager
    from sun.relation.registre.conservation import effacer_contacts

    pks = list(qs.values_list("pk", flat=True))
    usagers = set(Demande.objects.filter(pk__in=pks, usager__isnull=False)
                  .values_list("usager_id", flat=True))  # fmt: skip
    Evenement.objects.filter(demande_id__in=pks).exclude(commentaire="").update(commentaire="")
    n = Demande.objects.filter(pk__in=pks).update(objet="", usager=None, lien_externe="")
    # A contact no other request needs any more is erased with the link (never left orphaned).
    orphelins = Usager.objects.filter(pk__in=usagers, demandes__isnull=True)
    effacer_contacts(list(orphelins.values_list("pk", flat=True)))
    donnees_ecrites(Demande)
    return n


def _demandes_closes(qs):
    from sun.relation.models.registre import FINALS

    return qs.filter(statut__in=FINALS)


def _supprimer_demandes(pks) -> int:
    from sun.core.versions import donnees_ecrites
    from sun.relation.models import Demande
    from sun.relation.registre.compteurs import recompter

    qs = Demande.objects.filter(pk__in=pks)
    services = list(qs.values_list("service_id", flat=True).distinct())
    _, parties = qs.delete()
    recompter(services)
    donnees_ecrites(Demande)
    return parties.get("relation.Demande", 0)


def _contacts(limite: date, point_depart: str):
    from sun.relation.registre.conservation import contacts_a_effacer

    return contacts_a_effacer(limite).filter(demonstration=False)


def _effacer_contacts(qs, limite: date) -> int:
    from sun.relation.registre.conservation import effacer_contacts

    pks = list(qs.values_list("pk", flat=True))
    effacer_contacts(pks)
    return len(pks)


declarer(TypeEnregistrement(
    "relation.demande", "Demandes des usagers (registre des demandes)", "relation.Demande",
    "recue_le", "decidee_le", clos=_demandes_closes, personnel=_demandes_personnelles,
    anonymiser=_anonymiser_demandes, supprimer=_supprimer_demandes,
    champs_bordereau=(("code_suivi", "Code de suivi"), ("decidee_le", "Décidée le")),
    colonnes_versement=("code_suivi", "demarche__slug", "service__code", "canal", "recue_le",
                        "statut", "regime", "delai_valeur", "delai_unite",
                        "date_decision_implicite", "decidee_le", "dans_les_temps",
                        "typologie"),
))  # fmt: skip
declarer(TypeEnregistrement(
    "relation.usager", "Coordonnées des personnes (registre des demandes)", "relation.Usager",
    "cree_le", selection=_contacts, personnel=lambda qs: qs, anonymiser=_effacer_contacts,
    efface=True, champs_bordereau=(("pk", "Identifiant"), ("cree_le", "Créé le")),
))  # fmt: skip


# --- qualite: calls and satisfaction ----------------------------------------------------------
declarer(TypeEnregistrement(
    "qualite.appel", "Relevés d'appels téléphoniques", "qualite.Appel", "jour",
    personnel=lambda qs: qs.exclude(appelant=""), anonymiser=_blanchir(appelant=""),
    champs_bordereau=(("identifiant", "Identifiant dans la source"), ("jour", "Jour")),
    colonnes_versement=("source", "identifiant", "file__code", "debut", "issue", "attente_s",
                        "conversation_s", "groupe_agents"),
))  # fmt: skip
declarer(TypeEnregistrement(
    "qualite.avis", "Avis des usagers (questionnaire de satisfaction)", "qualite.Avis",
    "recu_le", personnel=lambda qs: qs.exclude(verbatim=""), anonymiser=_blanchir(verbatim=""),
    champs_bordereau=(("pk", "Identifiant"), ("recu_le", "Reçu le")),
    colonnes_versement=("recu_le", "emplacement", "canal", "demarche__slug", "service__code",
                        "satisfaction", "comprehension", "autonome"),
))  # fmt: skip


# --- inclusion: error reports and desk orientations -------------------------------------------
declarer(TypeEnregistrement(
    "inclusion.signalementerreur", "Signalements d'erreur sur les lieux",
    "inclusion.SignalementErreur", "cree_le", "traite_le",
    clos=lambda qs: qs.exclude(statut="nouveau"),
    personnel=lambda qs: qs.filter(~Q(courriel="") | ~Q(message=EFFACE)),
    anonymiser=_blanchir(courriel="", message=EFFACE),
    champs_bordereau=(("pk", "Identifiant"), ("cree_le", "Reçu le")),
    colonnes_versement=("lieu_id", "sujet", "statut", "cree_le", "traite_le"),
))  # fmt: skip
declarer(TypeEnregistrement(
    "inclusion.orientation", "Orientations aux guichets (statistiques anonymes)",
    "inclusion.Orientation", "date", champs_bordereau=(("pk", "Identifiant"), ("date", "Date")),
    colonnes_versement=("date", "commune__code_insee", "niveau", "besoins", "services"),
))  # fmt: skip


# --- connectivite: difficulties reported by communes --------------------------------------------
def _anonymiser_signalements(qs, limite: date) -> int:
    from sun.connectivite.models import EvenementSignalement, Signalement

    pks = list(qs.values_list("pk", flat=True))
    EvenementSignalement.objects.filter(signalement_id__in=pks).exclude(commentaire="").update(
        commentaire=""
    )
    return Signalement.objects.filter(pk__in=pks).update(
        adresse=EFFACE, identifiant_ban="", description=EFFACE
    )


declarer(TypeEnregistrement(
    "connectivite.signalement", "Difficultés de raccordement signalées par les communes",
    "connectivite.Signalement", "cree_le", "clos_le",
    clos=lambda qs: qs.filter(statut__in=("resolu", "sans_suite")),
    personnel=lambda qs: qs.filter(~Q(adresse=EFFACE) | ~Q(description=EFFACE)),
    anonymiser=_anonymiser_signalements,
    champs_bordereau=(("pk", "Identifiant"), ("clos_le", "Clos le")),
    colonnes_versement=("commune__code_insee", "categorie", "nombre_locaux", "statut",
                        "operateur", "cree_le", "transmis_le", "clos_le"),
))  # fmt: skip


# --- core: import journal -------------------------------------------------------------------
declarer(TypeEnregistrement(
    "core.journalimport", "Journal des imports de données", "core.JournalImport", "date",
    personnel=lambda qs: qs.filter(auteur__isnull=False), anonymiser=_blanchir(auteur=None),
    champs_bordereau=(("pk", "Identifiant"), ("date", "Date")),
    colonnes_versement=("date", "genre", "libelle", "source", "fichier", "format", "statut",
                        "message", "compteurs"),
))  # fmt: skip


# --- comptes: the connection journal (django-axes) --------------------------------------------
def _connexions(limite: date, point_depart: str):
    from axes.models import AccessLog

    from sun.donnees.conservation.selection import borne

    return AccessLog.objects.filter(attempt_time__lt=borne(AccessLog, "attempt_time", limite))


def _effacer_connexions(qs, limite: date) -> int:
    """The accounts' own purge (failed attempts and journal lines older than the limit)."""
    from django.utils import timezone

    from sun.comptes.services import purger_connexions

    _, journal = purger_connexions(max(0, (timezone.localdate() - limite).days))
    return journal


declarer(TypeEnregistrement(
    "comptes.connexion", "Journal des connexions à l'espace agents", "axes.AccessLog",
    "attempt_time", selection=_connexions, personnel=lambda qs: qs,
    anonymiser=_effacer_connexions, efface=True,
    champs_bordereau=(("pk", "Identifiant"), ("attempt_time", "Date")),
))  # fmt: skip
