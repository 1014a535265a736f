"""Writes of the feeds wing: publication of the catalogue's datasets to data.gouv.fr.

Only the dataset's publication fields are written (`datagouv_*`, and each resource's
`datagouv_id`), never its metadata or files: a failure leaves the local catalogue as it was,
stores the French message in `datagouv_erreur` and keeps `datagouv_a_jour` False, so the next
run (the daily job) sends it again. Remote ids are stored as soon as data.gouv.fr gives them,
so that a run stopped halfway updates the next time instead of creating a duplicate."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from sun.donnees.flux import datagouv
from sun.donnees.flux.adresses import Adresses, base_configuree
from sun.donnees.flux.queries import jeux_a_envoyer, ressources_publiees
from sun.donnees.models import JeuDeDonnees, Ressource, StatutJeu

DESACTIVEE = "Publication sur data.gouv.fr désactivée : rien n'a été envoyé."


@dataclass
class Envoi:
    """What one dataset's publication did, told in French."""

    jeu: JeuDeDonnees
    reussi: bool
    message: str
    envoye: bool = True  # False: nothing was attempted (disabled, not published, busy)
    ressources: list[str] = field(default_factory=list)


def _echec(jeu: JeuDeDonnees, message: str) -> Envoi:
    JeuDeDonnees.objects.filter(pk=jeu.pk).update(datagouv_erreur=message, datagouv_a_jour=False)
    jeu.datagouv_erreur, jeu.datagouv_a_jour = message, False
    return Envoi(jeu, False, message)


def _inchange(jeu: JeuDeDonnees) -> Q:
    """The dataset as it was read: a change during the sending keeps it « not up to date »."""
    donnees = Q(modifie_le=jeu.modifie_le) if jeu.modifie_le else Q(modifie_le__isnull=True)
    return Q(pk=jeu.pk, metadonnees_modifiees_le=jeu.metadonnees_modifiees_le) & donnees


def _envoyer(jeu: JeuDeDonnees, r: datagouv.Reglages, a: Adresses) -> tuple[str, list[str]]:
    charge = datagouv.charge_jeu(jeu, r)
    if jeu.datagouv_id:
        datagouv.echanger(r, "PUT", f"/datasets/{jeu.datagouv_id}/", charge)
        action = f"mis à jour (identifiant {jeu.datagouv_id})"
    else:
        distant = datagouv.echanger(r, "POST", "/datasets/", charge)
        jeu.datagouv_id = str(distant["id"])[:50]
        JeuDeDonnees.objects.filter(pk=jeu.pk).update(datagouv_id=jeu.datagouv_id)
        action = f"créé (identifiant {jeu.datagouv_id})"
    faites = []
    for publiee in ressources_publiees(jeu):
        ressource = publiee.ressource
        charge = datagouv.charge_ressource(jeu, publiee, a)
        chemin = f"/datasets/{jeu.datagouv_id}/resources/"
        if ressource.datagouv_id:
            datagouv.echanger(r, "PUT", f"{chemin}{ressource.datagouv_id}/", charge)
            faites.append(f"« {ressource.titre} » mise à jour")
        else:
            distant = datagouv.echanger(r, "POST", chemin, charge)
            ressource.datagouv_id = str(distant["id"])[:50]
            Ressource.objects.filter(pk=ressource.pk).update(datagouv_id=ressource.datagouv_id)
            faites.append(f"« {ressource.titre} » créée")
    return action, faites


def publier_jeu(jeu: JeuDeDonnees, *, base: str | None = None) -> Envoi:
    """Create or update `jeu` on data.gouv.fr, then each resource that has a published file
    as a remote resource at SUN's stable address. `base`: the site's address (from the
    request); default the configured one."""
    r = datagouv.reglages()
    if not r.actif:
        return Envoi(jeu, False, DESACTIVEE, envoye=False)
    if jeu.statut != StatutJeu.PUBLIE:
        return Envoi(jeu, False, f"Le jeu « {jeu.titre} » n'est pas publié dans le catalogue : "
                     "il n'est pas envoyé à data.gouv.fr.", envoye=False)  # fmt: skip
    base = (base or base_configuree()).rstrip("/")
    if not base.startswith(("http://", "https://")):
        return _echec(jeu, "L'adresse publique du site n'est pas configurée : data.gouv.fr ne "
                      "peut pas pointer vers les fichiers. Demandez-la à l'exploitant de SUN.")  # fmt: skip
    verrou = f"donnees:datagouv:{jeu.pk}"
    if not cache.add(verrou, 1, int(r.delai * 20) + 60):
        return Envoi(jeu, False, f"Un envoi du jeu « {jeu.titre} » à data.gouv.fr est déjà en "
                     "cours : réessayez dans quelques minutes.", envoye=False)  # fmt: skip
    try:
        try:
            action, ressources = _envoyer(jeu, r, Adresses(base))
        except datagouv.ErreurDatagouv as exc:
            return _echec(jeu, exc.message)
        maintenant = timezone.now()
        a_jour = JeuDeDonnees.objects.filter(_inchange(jeu)).update(
            datagouv_a_jour=True, datagouv_publie_le=maintenant, datagouv_erreur=""
        )
        if not a_jour:  # changed meanwhile: sent as it was, sent again next run
            JeuDeDonnees.objects.filter(pk=jeu.pk).update(datagouv_publie_le=maintenant,
                                                          datagouv_erreur="")  # fmt: skip
        jeu.datagouv_a_jour, jeu.datagouv_publie_le = bool(a_jour), maintenant
        jeu.datagouv_erreur = ""
        detail = f" ; ressources : {', '.join(ressources)}" if ressources else \
            " ; aucune ressource publiée"  # fmt: skip
        return Envoi(jeu, True, f"Jeu « {jeu.titre} » {action} sur data.gouv.fr{detail}.",
                     ressources=ressources)  # fmt: skip
    finally:
        cache.delete(verrou)


def publier_en_attente(base: str | None = None) -> list[Envoi]:
    """Send every published dataset not up to date on data.gouv.fr (none if disabled)."""
    if not datagouv.active():
        return []
    return [publier_jeu(jeu, base=base) for jeu in jeux_a_envoyer()]
