"""The datasets SUN produces itself (sun.donnees.declarations): one `JeuDeDonnees` and its
`Ressource` rows per declaration, kept in step with the declarations (`synchroniser_declarations`),
and a new dated version of each resource whenever the data it is made from changed
(`regenerer`).

A resource keeps its uuid (its stable address) for ever: it is found again by its declaration
code, never recreated. A new file is written only when the fingerprint of its data
(`RessourceDeclaree.versions()`) differs from the one of the resource's last version; a file
whose bytes are those of the version already published is dropped (the published version just
takes the new fingerprint), so a fingerprint that moves without the data (a new day, a new
release of the code) piles up no identical versions. A SUN file that does not conform to the
schema it declares is kept unpublished, the previous version stays served, and the bilan says
so. One producer failing never stops the others; storage writes atomically, so no file is ever
half-written."""

import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sun.donnees import declarations
from sun.donnees.catalogue import stockage
from sun.donnees.catalogue.services import CHAMPS_SUN_MODIFIABLES
from sun.donnees.catalogue.versions import enregistrer_version, publier_version
from sun.donnees.models import (
    JeuDeDonnees,
    Origine,
    Ressource,
    StatutJeu,
    StatutValidation,
    VersionRessource,
)
from sun.donnees.referentiel import LICENCE_DEFAUT

journal = logging.getLogger(__name__)
VERSIONS_GARDEES = 30


class Etat:
    NOUVELLE = "nouvelle"  # a new version written and published
    INCHANGEE = "inchangee"  # same fingerprint, or same bytes as the published version
    NON_CONFORME = "non_conforme"  # written, not conforming to its schema: not published
    ERREUR = "erreur"  # the producer failed: nothing written


LIBELLES = {Etat.NOUVELLE: "nouvelle version publiée", Etat.INCHANGEE: "inchangée",
            Etat.NON_CONFORME: "NON CONFORME à son schéma : non publiée",
            Etat.ERREUR: "ERREUR : rien n'a été écrit"}  # fmt: skip


@dataclass
class ResultatRessource:
    jeu: str  # declaration code of the dataset
    ressource: str  # declaration code of the resource
    titre: str
    etat: str
    numero: int | None = None  # the version written (or the current one)
    lignes: int | None = None
    taille: int | None = None
    statut_validation: str = ""
    duree: float = 0.0  # seconds
    message: str = ""
    supprimees: int = 0  # old versions removed


@dataclass
class Bilan:
    resultats: list[ResultatRessource] = field(default_factory=list)
    retires: list[str] = field(default_factory=list)  # datasets whose declaration disappeared
    erreurs_jeux: list[str] = field(default_factory=list)  # declarations not synchronised
    # Datasets left unpublished, and why (no published file yet, no contact).
    en_attente: list[str] = field(default_factory=list)
    duree: float = 0.0

    def _compter(self, etat: str) -> int:
        return sum(1 for r in self.resultats if r.etat == etat)

    @property
    def nouvelles(self) -> int:
        return self._compter(Etat.NOUVELLE)

    @property
    def inchangees(self) -> int:
        return self._compter(Etat.INCHANGEE)

    @property
    def non_conformes(self) -> int:
        return self._compter(Etat.NON_CONFORME)

    @property
    def erreurs(self) -> int:
        return self._compter(Etat.ERREUR) + len(self.erreurs_jeux)

    def resume(self) -> str:
        texte = (f"{len(self.resultats)} ressource(s) : {self.nouvelles} nouvelle(s) version(s), "
                 f"{self.inchangees} inchangée(s)")  # fmt: skip
        if self.non_conformes:
            titres = ", ".join(f"« {r.titre} »" for r in self.resultats
                               if r.etat == Etat.NON_CONFORME)  # fmt: skip
            texte += f", {self.non_conformes} NON CONFORME(S) non publiée(s) ({titres})"
        if self.erreurs:
            texte += f", {self.erreurs} en erreur"
        if self.retires:
            texte += f", {len(self.retires)} jeu(x) retiré(s)"
        texte += f" ({self.duree:.1f} s)"
        if self.en_attente:
            texte += ". Non publiés : " + " ; ".join(self.en_attente)
        return texte


# --- the datasets from their declarations -----------------------------------------------------
def _editeur() -> str:
    """SUN_NOM_ORGANISATION, else « Département de … » (the name the feeds give)."""
    if getattr(settings, "SUN_NOM_ORGANISATION", ""):
        return settings.SUN_NOM_ORGANISATION
    from sun.territoire.queries import departement_configure

    departement = departement_configure()
    return f"Département {departement.nom_avec_de}" if departement else ""


def _valeurs_du_jeu(declare: declarations.JeuDeclare) -> dict:
    debut = fin = None
    if declare.couverture is not None:
        try:
            debut, fin = declare.couverture()
        except Exception:  # a coverage that cannot be read leaves the dates empty
            journal.exception("Couverture temporelle illisible : %s", declare.code)
    return {
        "slug": declare.slug, "titre": declare.titre, "description": declare.description,
        "origine": Origine.SUN, "editeur": _editeur(),
        "service": declare.service, "contact_nom": getattr(settings, "SUN_NOM_ORGANISATION", ""),
        "contact_email": getattr(settings, "SUN_CONTACT_EMAIL", ""), "licence": LICENCE_DEFAUT,
        "themes": list(declare.themes), "mots_cles": list(declare.mots_cles),
        "couverture_spatiale": [settings.SUN_DEPARTEMENT], "maille": declare.maille,
        "frequence": declare.frequence, "couverture_debut": debut, "couverture_fin": fin,
    }  # fmt: skip


def _mettre_a_jour(objet, valeurs: dict) -> bool:
    """Set the values that differ; save only then (a run that changes nothing writes nothing)."""
    changes = [nom for nom, valeur in valeurs.items() if getattr(objet, nom) != valeur]
    for nom in changes:
        setattr(objet, nom, valeurs[nom])
    if changes and objet.pk:
        objet.save()
    return bool(changes)


@transaction.atomic
def _synchroniser_jeu(declare: declarations.JeuDeclare) -> JeuDeDonnees:
    valeurs = _valeurs_du_jeu(declare)
    autre = JeuDeDonnees.objects.filter(slug=declare.slug).exclude(declaration=declare.code)
    if autre.exists():
        raise ValueError(
            f"L'adresse « {declare.slug} » est déjà prise par un autre jeu de données."
        )
    jeu = JeuDeDonnees.objects.filter(declaration=declare.code).first()
    if jeu is None:
        # A draft until it has a published file and a contact (_publier_si_pret).
        jeu = JeuDeDonnees(declaration=declare.code, statut=StatutJeu.BROUILLON, **valeurs)
        jeu.save()
    else:
        # Its status is not the declaration's: published when ready, withdrawn by a person.
        # What an agent may change on a SUN dataset (its editor, contact, licence) stays as
        # the agent set it; the settings only fill what is empty.
        for champ in CHAMPS_SUN_MODIFIABLES:
            if getattr(jeu, champ):
                valeurs.pop(champ, None)
        _mettre_a_jour(jeu, valeurs)
    for ordre, declaree in enumerate(declare.ressources):
        schema_id, schema_version = declaree.schema or ("", "")
        valeurs_ressource = {"titre": declaree.titre, "description": declaree.description,
                             "format": declaree.format, "schema_id": schema_id,
                             "schema_version": schema_version, "ordre": ordre}  # fmt: skip
        ressource = jeu.ressources.filter(declaration=declaree.code).first()
        if ressource is None:
            Ressource.objects.create(jeu=jeu, declaration=declaree.code, **valeurs_ressource)
        else:
            _mettre_a_jour(ressource, valeurs_ressource)
    return jeu


def _precedente(ressource: Ressource) -> str:
    """« , la version précédente reste servie » when there is one."""
    servie = ressource.versions.filter(publiee=True).exists()
    return ", la version précédente reste servie" if servie else " (aucune version servie)"


def _publier_si_pret(jeu: JeuDeDonnees) -> str | None:
    """Publish a SUN dataset still in draft once it has a published file and a contact, as
    any dataset (catalogue.services.publier_jeu); else say what it waits for (None: published,
    or withdrawn by a person)."""
    jeu.refresh_from_db()
    if jeu.statut != StatutJeu.BROUILLON:
        return None
    manques = []
    if not VersionRessource.objects.filter(ressource__jeu=jeu, publiee=True).exists():
        manques.append("aucun fichier conforme publié")
    if not jeu.contact_email:
        manques.append("point de contact à renseigner dans l'espace agents")
    if manques:
        return ", ".join(manques)
    jeu.statut, jeu.publie_le = StatutJeu.PUBLIE, timezone.now()
    jeu.save(update_fields=["statut", "publie_le"])
    return None


def synchroniser_declarations() -> tuple[list[str], list[str]]:
    """Create or update the dataset and resources of every declaration; withdraw the SUN
    datasets whose declaration disappeared. Returns (codes withdrawn, French errors)."""
    declares = declarations.tous()
    erreurs = []
    for declare in declares:
        try:
            _synchroniser_jeu(declare)
        except Exception as exc:
            journal.exception("Jeu déclaré non synchronisé : %s", declare.code)
            erreurs.append(f"{declare.code} : {exc}")
    disparus = (JeuDeDonnees.objects.filter(origine=Origine.SUN).exclude(declaration="")
                .exclude(declaration__in=[d.code for d in declares])
                .exclude(statut=StatutJeu.RETIRE))  # fmt: skip
    retires = list(disparus.values_list("declaration", flat=True))
    disparus.update(statut=StatutJeu.RETIRE, retire_le=timezone.now())
    return retires, erreurs


# --- the files ----------------------------------------------------------------------------------
def _nom_fichier(declare: declarations.JeuDeclare, declaree) -> str:
    return declaree.nom_fichier or f"{declare.slug}-{declaree.code}.{declaree.format}"


def elaguer(ressource: Ressource, gardees: int | None = None) -> int:
    """Remove the versions of `ressource` beyond the `gardees` newest (never the latest
    published one), files included; returns how many were removed."""
    gardees = gardees or getattr(settings, "SUN_DONNEES_VERSIONS_GARDEES", VERSIONS_GARDEES)
    publiee = ressource.versions.filter(publiee=True).order_by("-numero").first()
    anciennes = ressource.versions.order_by("-numero")[gardees:]
    a_supprimer = [v for v in anciennes if publiee is None or v.pk != publiee.pk]
    for version in a_supprimer:
        relatif = version.fichier
        version.delete()
        stockage.supprimer(relatif)
    return len(a_supprimer)


def _deja_publiee(version: VersionRessource) -> VersionRessource | None:
    """The version the resource serves, when it holds the very bytes of `version`."""
    servie = (version.ressource.versions.filter(publiee=True).exclude(pk=version.pk)
              .order_by("-numero").first())  # fmt: skip
    return servie if servie is not None and servie.sha256 == version.sha256 else None


def _remplacer_par_l_identique(version: VersionRessource, publiee: VersionRessource) -> None:
    relatif = version.fichier
    with transaction.atomic():
        publiee.empreinte = version.empreinte
        publiee.save(update_fields=["empreinte"])
        version.delete()
    stockage.supprimer(relatif)


def _regenerer_ressource(declare, declaree, ressource: Ressource, force: bool) -> ResultatRessource:
    resultat = ResultatRessource(declare.code, declaree.code, declaree.titre, Etat.INCHANGEE)
    empreinte = declaree.versions()
    derniere = ressource.versions.order_by("-numero").first()
    if derniere is not None and derniere.empreinte == empreinte and not force:
        resultat.numero, resultat.lignes, resultat.taille = derniere.numero, derniere.lignes, \
            derniere.taille  # fmt: skip
        resultat.statut_validation = derniere.statut_validation
        if not derniere.publiee:  # still the non-conforming file of an earlier run
            resultat.etat = Etat.NON_CONFORME
            resultat.message = f"Version non conforme déjà signalée{_precedente(ressource)}."
        return resultat
    version = enregistrer_version(ressource, ecrire=declaree.ecrire, empreinte=empreinte,
                                  nom_fichier=_nom_fichier(declare, declaree))  # fmt: skip
    resultat.numero, resultat.lignes, resultat.taille = version.numero, version.lignes, \
        version.taille  # fmt: skip
    resultat.statut_validation = version.statut_validation
    if version.statut_validation not in (StatutValidation.VALIDE, StatutValidation.SANS_SCHEMA):
        resultat.etat = Etat.NON_CONFORME
        erreurs = version.rapport.get("nombre_erreurs", 0)
        resultat.message = (f"{erreurs} erreur(s) au regard du schéma {version.schema_id} "
                            f"{version.schema_version} ; non publiée{_precedente(ressource)}.")  # fmt: skip
        journal.error("Fichier produit par SUN non conforme : %s/%s v%s", declare.code,
                      declaree.code, version.numero)  # fmt: skip
        return resultat
    identique = _deja_publiee(version)
    if identique is not None:
        _remplacer_par_l_identique(version, identique)
        resultat.numero, resultat.message = (
            identique.numero,
            "Contenu identique à la version publiée.",
        )
        return resultat
    publier_version(version)
    resultat.etat = Etat.NOUVELLE
    return resultat


def regenerer(codes: list[str] | None = None, *, force: bool = False) -> Bilan:
    """Write a new version of each resource (of the declarations `codes`, default all) whose
    data changed (every one with `force`), check it, publish it when it conforms, and prune the
    old versions. An unknown code raises DeclarationInconnue before anything is written."""
    debut = time.perf_counter()
    choisis = [declarations.obtenir(c) for c in codes] if codes else declarations.tous()
    choisis.sort(key=lambda d: d.en_dernier)  # stable: the others keep their order
    bilan = Bilan()
    bilan.retires, bilan.erreurs_jeux = synchroniser_declarations()
    jeux = {j.declaration: j for j in JeuDeDonnees.objects.filter(
        declaration__in=[d.code for d in choisis])}  # fmt: skip
    for declare in choisis:
        jeu = jeux.get(declare.code)
        if jeu is None or jeu.statut == StatutJeu.RETIRE:  # not synchronised (already in
            continue  # erreurs_jeux), or withdrawn: no longer updated
        ressources = {r.declaration: r for r in jeu.ressources.all()}
        for declaree in declare.ressources:
            depart = time.perf_counter()
            try:
                resultat = _regenerer_ressource(declare, declaree, ressources[declaree.code], force)
                resultat.supprimees = elaguer(ressources[declaree.code])
            except Exception as exc:
                journal.exception("Régénération en échec : %s/%s", declare.code, declaree.code)
                resultat = ResultatRessource(declare.code, declaree.code, declaree.titre,
                                             Etat.ERREUR, message=f"{type(exc).__name__} : {exc}")  # fmt: skip
            resultat.duree = time.perf_counter() - depart
            bilan.resultats.append(resultat)
        if (attente := _publier_si_pret(jeu)) is not None:
            bilan.en_attente.append(f"« {jeu.titre} » ({attente})")
    bilan.duree = time.perf_counter() - debut
    return bilan
