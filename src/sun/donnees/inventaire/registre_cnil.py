"""The record of processing activities (GDPR article 30) as a spreadsheet in the layout of the
CNIL's model « Le registre des activités de traitement » (registre-rgpd-basique, cnil.fr): a
common sheet (the organisation, its DPO, the list of activities) and one sheet per activity
with the model's headings in its order — description of the processing, actors, purposes,
security measures, categories of personal data, categories of persons, recipients, transfers
outside the EU, retention. SUN adds one line the basic model leaves to free text: the legal
basis (GDPR art. 6). Only the entries holding personal data are exported."""

from typing import BinaryIO

from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from sun.core.tableur import ajouter_ligne_xlsx
from sun.donnees.inventaire import queries
from sun.donnees.models import EntreeInventaire

TITRE_COMMUN = "Registre des activités de traitement"
# (section, heading, value) — the order of the CNIL's « fiche de registre ».
SECTIONS = (
    "Description du traitement", "Acteurs", "Finalité(s) du traitement effectué",
    "Mesures de sécurité", "Catégories de données personnelles concernées",
    "Catégories de personnes concernées", "Destinataires", "Transferts des données hors UE",
    "Durées de conservation",
)  # fmt: skip
GRAS = Font(bold=True)


def _nom_feuille(n: int, entree: EntreeInventaire, pris: set[str]) -> str:
    # Excel: 31 characters at most, none of []:*?/\ ; unique.
    propre = "".join(c for c in entree.nom if c not in "[]:*?/\\")
    nom = f"{n:02d} {propre}"[:31].strip()
    while nom in pris:
        nom = nom[:28] + f"~{len(pris)}"
    pris.add(nom)
    return nom


def lignes_fiche(e: EntreeInventaire, organisation: str, dpo: str) -> list[tuple[str, str, str]]:
    return [
        (SECTIONS[0], "Nom / sigle", e.nom),
        (SECTIONS[0], "N° / REF", e.code or f"INV-{e.pk}"),
        (SECTIONS[0], "Date de création", e.cree_le.date().isoformat()),
        (SECTIONS[0], "Mise à jour", e.modifie_le.date().isoformat()),
        (SECTIONS[1], "Responsable du traitement", organisation),
        (SECTIONS[1], "Service mettant en œuvre le traitement", e.service),
        (SECTIONS[1], "Référent", e.referent),
        (SECTIONS[1], "Délégué à la protection des données", dpo),
        (SECTIONS[1], "Application", e.application),
        (SECTIONS[2], "Finalité principale", e.finalite),
        (SECTIONS[2], "Base légale (RGPD, article 6)",
         e.get_base_legale_display() if e.base_legale else ""),
        (SECTIONS[3], "Description des mesures de sécurité", "\n\n".join(
            m for m in (e.mesures_securite, e.mesures_complementaires) if m)),
        (SECTIONS[4], "Catégories de données", e.categories_donnees),
        (SECTIONS[4], "Données sensibles (RGPD, article 9)", e.donnees_sensibles or "Aucune"),
        (SECTIONS[5], "Catégories de personnes concernées", e.categories_personnes),
        (SECTIONS[6], "Destinataires internes et externes", e.destinataires),
        (SECTIONS[7], "Transferts hors de l'Union européenne", e.transferts_hors_ue or "Aucun"),
        (SECTIONS[8], "Durées de conservation", e.duree_conservation),
    ]  # fmt: skip


def ecrire_registre(fichier: BinaryIO) -> int:
    """Write the workbook; returns the number of activities."""
    organisation = queries.nom_organisation()
    dpo = getattr(settings, "SUN_DPO_EMAIL", "") or "(non renseigné)"
    entrees = list(queries.registre_rgpd())
    classeur = Workbook()
    commun = classeur.active
    commun.title = "Registre"
    ajouter_ligne_xlsx(commun, [f"{TITRE_COMMUN} de {organisation}"])
    commun["A1"].font = Font(bold=True, size=14)
    ajouter_ligne_xlsx(commun, [])
    ajouter_ligne_xlsx(commun, ["Coordonnées du responsable de l'organisme", organisation])
    ajouter_ligne_xlsx(commun, ["Nom et coordonnées du délégué à la protection des données", dpo])
    ajouter_ligne_xlsx(commun, [])
    ajouter_ligne_xlsx(commun, ["Activités de l'organisme impliquant le traitement de données "
                                "personnelles"])  # fmt: skip
    ajouter_ligne_xlsx(commun, ["Activités", "Désignation des activités", "Service",
                                "Fiche"])  # fmt: skip
    for cellule in commun[commun.max_row]:
        cellule.font = GRAS
    pris: set[str] = {"Registre"}
    for n, e in enumerate(entrees, start=1):
        nom = _nom_feuille(n, e, pris)
        ajouter_ligne_xlsx(commun, [f"Activité {n}", e.nom, e.service, nom])
        feuille = classeur.create_sheet(nom)
        ajouter_ligne_xlsx(feuille, [f"Fiche de registre : {e.nom}"])
        feuille["A1"].font = Font(bold=True, size=13)
        section = ""
        for titre, intitule, valeur in lignes_fiche(e, organisation, dpo):
            if titre != section:
                ajouter_ligne_xlsx(feuille, [])
                ajouter_ligne_xlsx(feuille, [titre])
                feuille.cell(feuille.max_row, 1).font = GRAS
                section = titre
            ajouter_ligne_xlsx(feuille, [intitule, valeur or ""])
            feuille.cell(feuille.max_row, 2).alignment = Alignment(wrap_text=True,
                                                                   vertical="top")  # fmt: skip
        feuille.column_dimensions["A"].width = 42
        feuille.column_dimensions["B"].width = 100
    commun.column_dimensions["A"].width = 42
    commun.column_dimensions["B"].width = 70
    commun.column_dimensions["C"].width = 40
    classeur.save(fichier)
    return len(entrees)
