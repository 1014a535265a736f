"""CSV exports of the inventory: the « cartographie des données » (every entry, every field)
and the yearly répertoire des informations publiques (CRPA L322-6: the main documents holding
public information, published updated every year), through sun.core.tableur."""

import io

from django.conf import settings

from sun.core.tableur import ecrivain_csv
from sun.donnees.inventaire import queries
from sun.donnees.models import EntreeInventaire
from sun.donnees.referentiel import Frequence, Licence

CARTOGRAPHIE = (
    ("code", "Code"), ("origine", "Origine"), ("nature", "Nature"), ("nom", "Nom"),
    ("description", "Description"), ("service", "Service propriétaire"),
    ("referent", "Référent"), ("application", "Application source"),
    ("finalite", "Finalité"), ("champs", "Champs"), ("frequence", "Fréquence de mise à jour"),
    ("ouverture", "Ouverture"), ("motif_fermeture", "Motif de non-ouverture"),
    ("motif_detail", "Précisions sur le motif"), ("jeu", "Jeu publié"),
    ("donnees_personnelles", "Données personnelles"),
    ("categories_donnees", "Catégories de données personnelles"),
    ("donnees_sensibles", "Données sensibles"),
    ("categories_personnes", "Catégories de personnes concernées"),
    ("base_legale", "Base légale"), ("destinataires", "Destinataires"),
    ("transferts_hors_ue", "Transferts hors UE"), ("duree_conservation", "Durées de conservation"),
    ("mesures_securite", "Mesures de sécurité"),
    ("mesures_complementaires", "Mesures de sécurité complémentaires"),
    ("regle", "Règle de conservation"),
    ("modifie_le", "Modifiée le"),
)  # fmt: skip
REPERTOIRE = ("Année", "Type", "Identifiant", "Titre", "Description", "Service producteur",
              "Ouverture", "Motif de non-ouverture", "Licence", "Fréquence de mise à jour",
              "Adresse", "Dernière mise à jour")  # fmt: skip


def _cellule(entree: EntreeInventaire, champ: str) -> str:
    if champ == "donnees_personnelles":
        return "oui" if entree.donnees_personnelles else "non"
    if champ in ("origine", "nature", "frequence", "ouverture", "motif_fermeture", "base_legale"):
        return getattr(entree, f"get_{champ}_display")() if getattr(entree, champ) else ""
    if champ == "jeu":
        return entree.jeu.slug if entree.jeu else ""
    if champ == "regle":
        return entree.regle.code if entree.regle else ""
    if champ == "modifie_le":
        return entree.modifie_le.date().isoformat()
    return getattr(entree, champ) or ""


def ecrire_cartographie(fichier: io.TextIOBase) -> int:
    ecrivain = ecrivain_csv(fichier)
    ecrivain.writerow([titre for _, titre in CARTOGRAPHIE])
    n = 0
    for entree in queries.entrees().order_by("service", "nom"):
        ecrivain.writerow([_cellule(entree, c) for c, _ in CARTOGRAPHIE])
        n += 1
    return n


def adresse_jeu(slug: str) -> str:
    base = (getattr(settings, "SUN_ADRESSE_SITE", "") or "").rstrip("/")
    return f"{base}/donnees/{slug}/"


def ecrire_repertoire(fichier: io.TextIOBase, annee: int) -> int:
    ecrivain = ecrivain_csv(fichier)
    ecrivain.writerow(REPERTOIRE)
    n = 0
    for e in queries.entrees_repertoire(annee):
        jeu = e.jeu
        ecrivain.writerow([
            annee, e.get_nature_display(), e.code or f"inventaire-{e.pk}", e.nom, e.description,
            e.service, e.get_ouverture_display(),
            e.get_motif_fermeture_display() if e.motif_fermeture else "",
            jeu.get_licence_display() if jeu and jeu.licence else "",
            e.get_frequence_display(), adresse_jeu(jeu.slug) if jeu else "",
            e.modifie_le.date().isoformat(),
        ])  # fmt: skip
        n += 1
    for j in queries.jeux_repertoire(annee):
        maj = j.modifie_le or j.publie_le
        ecrivain.writerow([
            annee, "Jeu de données publié", j.slug, j.titre, j.description, j.service or j.editeur,
            "Ouvert (publié)", "", Licence(j.licence).label if j.licence else "",
            Frequence(j.frequence).label, adresse_jeu(j.slug), maj.date().isoformat() if maj else "",
        ])  # fmt: skip
        n += 1
    return n
