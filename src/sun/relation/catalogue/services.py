"""Every write to the catalogue: load a catalogue file, edit a démarche or a service, confirm
its facts, change its silence rule (and recompute the dates of its requests, set-based)."""

from pathlib import Path

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from sun.core.versions import donnees_ecrites
from sun.relation.catalogue.fichier import CatalogueInvalide, FichierCatalogue, lire
from sun.relation.models import Canal, Demande, Demarche, Evenement, ServiceInstructeur
from sun.relation.models.registre import OUVERTS
from sun.relation.registre import compteurs
from sun.relation.sql import expression_dans_les_temps, expression_echeance

CHAMPS_DEMARCHE = ("titre", "titre_falc", "resume", "publics", "theme", "documents", "cout",
                   "base_legale", "voies_de_recours", "saisine_electronique", "teleservice_exclusif",
                   "page_service_public", "delai_annonce_jours", "demarche_phare", "reclamation",
                   "ouverte_le", "publiee", "a_verifier", "source")  # fmt: skip
CHAMPS_SERVICE = ("nom", "adresse_postale", "telephone", "courriel", "horaires")
CHAMPS_CANAL = ("type", "outil", "url", "telephone", "courriel", "adresse", "horaires",
                "precisions")  # fmt: skip


class RapportCatalogue:
    def __init__(self):
        self.crees, self.modifies, self.inchanges = 0, 0, 0
        self.absents: list[str] = []
        self.regimes_changes: list[str] = []

    def lignes(self) -> list[str]:
        lignes = [f"Catalogue chargé : {self.crees} élément(s) créé(s), {self.modifies} "
                  f"modifié(s), {self.inchanges} inchangé(s)."]  # fmt: skip
        if self.regimes_changes:
            lignes.append("Régime modifié, dates des demandes recalculées : "
                          + ", ".join(self.regimes_changes))  # fmt: skip
        if self.absents:
            lignes.append("Démarches absentes du fichier (conservées) : " + ", ".join(self.absents))
        return lignes


def _journaliser(chemin: Path, auteur, rapport: RapportCatalogue | None, erreur: str = ""):
    from sun.core.imports import Rapport
    from sun.core.services import enregistrer_import

    resume = Rapport(genre="catalogue-demarches", libelle="Catalogue des démarches",
                     fichier=Path(chemin).name, format=Path(chemin).suffix.lstrip(".").upper())  # fmt: skip
    if rapport is not None:
        resume.nouveaux, resume.modifies, resume.inchanges = (rapport.crees, rapport.modifies,
                                                              rapport.inchanges)  # fmt: skip
    enregistrer_import(resume, auteur=auteur, erreur=erreur)


def charger(chemin: Path, *, auteur=None) -> RapportCatalogue:
    """Check the whole file, then write it in one transaction. Raises CatalogueInvalide."""
    try:
        fichier = lire(chemin)
    except CatalogueInvalide as exc:
        _journaliser(chemin, auteur, None, "\n".join(exc.erreurs))
        raise
    rapport = ecrire(fichier, auteur=auteur)
    _journaliser(chemin, auteur, rapport)
    return rapport


def _maj(objet, valeurs: dict) -> bool:
    change = [c for c, v in valeurs.items() if getattr(objet, c) != v]
    for c in change:
        setattr(objet, c, valeurs[c])
    return bool(change)


@transaction.atomic
def ecrire(fichier: FichierCatalogue, *, auteur=None) -> RapportCatalogue:
    rapport = RapportCatalogue()
    for s in fichier.services:
        service, cree = ServiceInstructeur.objects.get_or_create(
            code=s.code, defaults={c: getattr(s, c) for c in CHAMPS_SERVICE}
        )
        if cree:
            rapport.crees += 1
        elif _maj(service, {c: getattr(s, c) for c in CHAMPS_SERVICE}):
            service.save()
            rapport.modifies += 1
        else:
            rapport.inchanges += 1
    services = {s.code: s for s in ServiceInstructeur.objects.all()}
    for d in fichier.demarches:
        valeurs = {c: getattr(d, c) for c in CHAMPS_DEMARCHE}
        valeurs["service"] = services[d.service]
        demarche = Demarche.objects.filter(slug=d.code).first()
        if demarche is None:
            demarche = Demarche.objects.create(slug=d.code, regime=d.regime,
                                               delai_valeur=d.delai.valeur,
                                               delai_unite=d.delai.unite, **valeurs)  # fmt: skip
            rapport.crees += 1
            _canaux(demarche, d.canaux)
            continue
        change = _maj(demarche, valeurs)
        if (demarche.regime, demarche.delai_valeur, demarche.delai_unite) != (
            d.regime,
            d.delai.valeur,
            d.delai.unite,
        ):
            changer_regime(demarche, d.regime, d.delai.valeur, d.delai.unite, auteur=auteur,
                           appliquer_aux_demandes="toutes")  # fmt: skip
            rapport.regimes_changes.append(d.code)
            change = True
        if change:
            demarche.save()
        change = _canaux(demarche, d.canaux) or change
        rapport.modifies += change
        rapport.inchanges += not change
    codes = {d.code for d in fichier.demarches}
    rapport.absents = list(Demarche.objects.exclude(slug__in=codes).values_list("slug", flat=True))
    return rapport


def _canaux(demarche: Demarche, canaux) -> bool:
    """Replace the channels of `demarche` by `canaux` if they differ; True if they did."""
    voulus = [({c: getattr(f, c) for c in CHAMPS_CANAL}, sorted(f.lieux)) for f in canaux]
    actuels = [({c: getattr(k, c) for c in CHAMPS_CANAL},
                sorted(str(pk) for pk in k.lieux.values_list("pk", flat=True)))
               for k in demarche.canaux.all()]  # fmt: skip
    if voulus == actuels:
        return False
    demarche.canaux.all().delete()
    for ordre, (valeurs, lieux) in enumerate(voulus):
        canal = Canal.objects.create(demarche=demarche, ordre=ordre, **valeurs)
        if lieux:
            canal.lieux.set(lieux)
    return True


def modifier_demarche(demarche: Demarche, valeurs: dict, *, auteur=None) -> Demarche:
    """Edit the descriptive fields of a démarche (the regime has `changer_regime`)."""
    inconnus = set(valeurs) - set(CHAMPS_DEMARCHE) - {"service"}
    if inconnus:
        raise ValueError(f"Champs non modifiables ici : {', '.join(sorted(inconnus))}")
    if _maj(demarche, valeurs):
        demarche.save()
    return demarche


def confirmer_demarche(demarche: Demarche, *, auteur) -> Demarche:
    """An agent of the service confirms the facts of the démarche: no longer « à vérifier »."""
    demarche.a_verifier = False
    demarche.verifiee_le = timezone.now()
    demarche.verifiee_par = auteur
    demarche.save()
    return demarche


def modifier_service(service: ServiceInstructeur, valeurs: dict) -> ServiceInstructeur:
    if _maj(service, {c: v for c, v in valeurs.items() if c in CHAMPS_SERVICE}):
        service.save()
    return service


@transaction.atomic
def changer_regime(
    demarche: Demarche,
    regime: str,
    valeur: int,
    unite: str,
    *,
    base_legale: str | None = None,
    auteur=None,
    appliquer_aux_demandes: str = "toutes",
) -> int:
    """Change the silence rule of `demarche`. `appliquer_aux_demandes`: « toutes » (the
    catalogue was wrong: every request of the démarche takes the new rule, its dates are
    computed again in two UPDATEs, and each open request's history says so) or « nouvelles »
    (the rule changes from today: requests already received keep theirs). Returns the number
    of requests recomputed."""
    if regime not in ("sva", "svr", "aucun") or unite not in ("jours", "semaines", "mois"):
        raise ValueError("Régime ou unité de délai inconnus.")
    if valeur < 1:
        raise ValueError("Le délai doit être d'au moins un jour, une semaine ou un mois.")
    demarche.regime, demarche.delai_valeur, demarche.delai_unite = regime, valeur, unite
    if base_legale is not None:
        demarche.base_legale = base_legale
    demarche.save()
    if appliquer_aux_demandes != "toutes":
        return 0
    demandes = Demande.objects.filter(demarche=demarche)
    differentes = demandes.filter(
        ~Q(regime=regime) | ~Q(delai_valeur=valeur) | ~Q(delai_unite=unite)
    )
    _historique_regime(differentes.filter(statut__in=OUVERTS), demarche, auteur)
    n = demandes.update(regime=regime, delai_valeur=valeur, delai_unite=unite,
                        date_decision_implicite=expression_echeance(regime, valeur, unite))  # fmt: skip
    demandes.update(dans_les_temps=expression_dans_les_temps(demarche.delai_annonce_jours, regime))
    donnees_ecrites(Demande)
    compteurs.recompter([demarche.service_id])
    return n


def _historique_regime(demandes, demarche: Demarche, auteur) -> None:
    """One history line per open request whose rule changes, in one INSERT … SELECT."""
    texte = (f"Régime de la démarche : {demarche.get_regime_display()}, "
             f"{demarche.delai_valeur} {demarche.delai_unite}")  # fmt: skip
    sql, params = demandes.values("pk").query.sql_with_params()
    table, demandes_table = Evenement._meta.db_table, Demande._meta.db_table
    par = (auteur.get_full_name() or auteur.username) if auteur else ""
    with connection.cursor() as curseur:
        curseur.execute(
            f"INSERT INTO {table} (demande_id, le, auteur_id, auteur_libelle, type, de_statut, "
            f"vers_statut, commentaire) SELECT id, %s, %s, %s, %s, '', '', %s "
            f"FROM {demandes_table} WHERE id IN ({sql})",
            [timezone.now(), auteur.pk if auteur else None, par, Evenement.Type.REGIME, texte,
             *params],
        )  # fmt: skip
    donnees_ecrites(Evenement)
