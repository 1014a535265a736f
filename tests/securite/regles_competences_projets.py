"""The access rules of training, skills and projects (merged into the matrix's ATTENDU).
Every member of staff opens the catalogue, their own path and diagnosis, the directory of
referents, the requests and the statistics; the training service (and administrators) manage
sessions, people and elected officials; pilots read the aggregated follow-up; only the person
reads their diagnosis; the IT service (and administrators) keep the typology and import GLPI
tickets."""

from tests.securite.outils_regles import L, regle

PERSONNEL = regle(200, anonyme=L, sans_role=403)
PERSONNEL_POST = regle(405, anonyme=L, sans_role=403)
SUIVI = regle(403, anonyme=L, pilote=200, administrateur=200, formation=200)
GESTION = regle(403, anonyme=L, administrateur=200, formation=200)
GESTION_POST = regle(403, anonyme=L, administrateur=405, formation=405)
ANNUAIRE = regle(403, anonyme=L, administrateur=200, informatique=200, formation=200)
ANNUAIRE_POST = regle(403, anonyme=L, administrateur=405, informatique=405, formation=405)
INFORMATIQUE = regle(403, anonyme=L, administrateur=200, informatique=200)
# A request or a need: its author (the matrix's agent, of the same direction), the IT service
# and administrators; no other role reads its details.
AUTEUR_ET_INFORMATIQUE = regle(403, anonyme=L, agent=200, administrateur=200, informatique=200)
PANEL = regle(403, anonyme=L, pilote=200, administrateur=200, informatique=200)
APPELS_LECTURE = regle(403, anonyme=L, agent=200, pilote=200, administrateur=200)
APPELS_ECRITURE = regle(403, anonyme=L, pilote=200, administrateur=200)


def _c(*noms: str) -> list[str]:
    return [f"espace:competences_{n}" if n else "espace:competences" for n in noms]


def _p(*noms: str) -> list[str]:
    return [f"espace:projets_{n}" for n in noms]


REGLES: dict = {
    **dict.fromkeys(
        _c(
            "",
            "ma_direction",
            "referents",
            "referents_csv",
            "diagnostic",
            "diagnostic_equipe",
            "session",
            "parcours",
        ),
        PERSONNEL,
    ),
    **dict.fromkeys(
        _c(
            "diagnostic_partager",
            "diagnostic_supprimer",
            "inscrire",
            "inscription_annuler",
            "satisfaction",
        ),
        PERSONNEL_POST,
    ),
    **dict.fromkeys(_c("suivi", "directions", "suivi_diagnostics"), SUIVI),
    **dict.fromkeys(
        _c(
            "suivi_noms_csv",
            "direction_nouvelle",
            "direction_modifier",
            "personnes",
            "personne_responsable",
            "elus",
            "elu_retirer",
            "elus_csv",
            "session_nouvelle",
            "session_modifier",
            "inscrits",
            "inscrits_csv",
            "parcours_personne",
        ),
        GESTION,
    ),
    **dict.fromkeys(
        _c("directions_importer", "session_annuler", "inscrire_personne", "presence"), GESTION_POST
    ),
    **dict.fromkeys(_c("referents_ajouter", "referents_modifier"), ANNUAIRE),
    "espace:competences_referents_desactiver": ANNUAIRE_POST,
    # The person's own (the matrix's agent is the person); the training service too.
    "espace:competences_attestation": regle(
        403, anonyme=L, agent=200, administrateur=200, formation=200
    ),
    # Nobody but the person: not the training service, not an administrator.
    "espace:competences_diagnostic_resultat": regle(403, anonyme=L, agent=200),
    **dict.fromkeys(_p("typologie", "statistiques", "statistiques_csv"), PERSONNEL),
    # The form's writes check the IT service's role after the method.
    **dict.fromkeys(
        _p("typologie_ajouter", "typologie_fusionner", "typologie_activite"), PERSONNEL_POST
    ),
    **dict.fromkeys(_p("typologie_modifier", "tickets_importer"), INFORMATIQUE),
    **dict.fromkeys(
        [
            "espace:projets",
            *_p(
                "demande_nouvelle",
                "carnet",
                "carnet_csv",
                "score",
                "besoins",
                "besoin_nouveau",
                "mon_panel",
            ),
        ],
        PERSONNEL,
    ),
    **dict.fromkeys(
        _p(
            "demande_soutenir",
            "demande_qualifier",
            "demande_doublon",
            "demande_doublon_annuler",
            "besoin_soumettre",
            "besoin_statut",
            "mon_panel_quitter",
        ),
        PERSONNEL_POST,
    ),
    **dict.fromkeys(
        _p("demande", "besoin", "besoin_impression", "besoin_pdf"), AUTEUR_ET_INFORMATIQUE
    ),
    # The matrix's need was written by the IT service: only it (and administrators) edit it.
    "espace:projets_besoin_modifier": INFORMATIQUE,
    **dict.fromkeys(_p("panel", "panel_consultation_nouvelle", "panel_consultation"), PANEL),
    **dict.fromkeys(
        ["panel", "panel_merci", "panel_quitter", "panel_avis", "appels_a_projets"], regle(200)
    ),
    **dict.fromkeys(
        _p("appels", "appels_detail", "appels_financements", "appels_financements_csv"),
        APPELS_LECTURE,
    ),
    **dict.fromkeys(
        _p(
            "appels_nouveau",
            "appels_modifier",
            "appels_candidature_nouvelle",
            "appels_candidature_modifier",
        ),
        APPELS_ECRITURE,
    ),
    # The matrix's import journal is not a ticket import: 404.
    "espace:projets_tickets_rapport": regle(403, anonyme=L, administrateur=404, informatique=404),
}
