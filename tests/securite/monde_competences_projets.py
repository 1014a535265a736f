"""The objects the addresses of training, skills and projects name, for the access matrix:
the agent identity's own person, registration (present, certificate issued) and finished
diagnosis; a referent, an elected official, a type, a request, a need, a panel member and
consultation, a call and an application."""

from datetime import timedelta


def monde(comptes: dict, agent: str, informatique: str) -> dict:
    from django.utils import timezone

    from sun.competences.models import Inscription, Personne
    from sun.competences.referentiel import COMPETENCES
    from tests.competences.factories import (
        DiagnosticFactory,
        DirectionFactory,
        InscriptionFactory,
        PersonneFactory,
        ReferentFactory,
        SessionFactory,
    )
    from tests.core.factories import JournalImportFactory
    from tests.projets import factories as p

    direction = DirectionFactory(code="matrice-direction", nom="Direction de la matrice")
    moi = PersonneFactory(compte=comptes[agent], direction=direction)
    debut = timezone.now() - timedelta(days=3)
    session = SessionFactory(debut=debut, fin=debut + timedelta(hours=7))
    inscription = InscriptionFactory(session=session, personne=moi,
                                     statut=Inscription.Statut.PRESENT,
                                     attestation="ATT-2026-000001")  # fmt: skip
    diagnostic = DiagnosticFactory(personne=moi, reponses={c.code: 3 for c in COMPETENCES},
                                   termine_le=timezone.now())  # fmt: skip
    referent = ReferentFactory(direction=direction)
    elu = PersonneFactory(categorie=Personne.Categorie.ELU, direction=None)
    type_ = p.TypeDemandeFactory(libelle="Logiciel > Matrice")
    demande = p.DemandeFactory(direction=direction, demandeur=comptes[agent], type=type_)
    journal = JournalImportFactory(genre="tickets_glpi")
    objets = {
        "direction": direction, "personne": moi, "session": session,
        "inscription": inscription, "diagnostic": diagnostic, "referent": referent,
        "elu": elu, "type": type_, "demande": demande, "journal": journal,
    }  # fmt: skip
    return _parametres(objets) | _parametres_projets(comptes, objets, informatique)


def _parametres(o: dict) -> dict:
    par = {
        "direction_modifier": o["direction"], "personne_responsable": o["personne"],
        "elu_retirer": o["elu"], "referents_modifier": o["referent"],
        "referents_desactiver": o["referent"], "diagnostic_resultat": o["diagnostic"],
        "diagnostic_partager": o["diagnostic"], "diagnostic_supprimer": o["diagnostic"],
        "session": o["session"], "inscrire": o["session"], "session_modifier": o["session"],
        "session_annuler": o["session"], "inscrits": o["session"],
        "inscrire_personne": o["session"], "inscrits_csv": o["session"],
        "inscription_annuler": o["inscription"], "presence": o["inscription"],
        "satisfaction": o["inscription"], "attestation": o["inscription"],
        "parcours_personne": o["personne"],
    }  # fmt: skip
    return {f"espace:competences_{nom}": {"pk": objet.pk} for nom, objet in par.items()}


def _parametres_projets(comptes: dict, o: dict, informatique: str) -> dict:
    from tests.projets import factories as p

    besoin = p.BesoinFactory(direction=o["direction"], redige_par=comptes[informatique])
    membre = p.MembrePanelFactory()
    consultation = p.ConsultationFactory(demande=o["demande"])
    from sun.pilotage.models import Action

    appel = p.AppelFactory()
    # On the world's action: another plan would become the current one.
    candidature = p.CandidatureFactory(appel=appel, action=Action.objects.order_by("pk").first())
    pk = {
        "typologie_modifier": o["type"], "typologie_activite": o["type"],
        "tickets_rapport": o["journal"],
        "demande": o["demande"], "demande_soutenir": o["demande"],
        "demande_qualifier": o["demande"], "demande_doublon": o["demande"],
        "demande_doublon_annuler": o["demande"],
        "besoin": besoin, "besoin_modifier": besoin, "besoin_soumettre": besoin,
        "besoin_statut": besoin, "besoin_pdf": besoin, "besoin_impression": besoin,
        "panel_consultation": consultation,
        "appels_detail": appel, "appels_modifier": appel, "appels_candidature_nouvelle": appel,
        "appels_candidature_modifier": candidature,
    }  # fmt: skip
    parametres = {f"espace:projets_{nom}": {"pk": objet.pk} for nom, objet in pk.items()}
    parametres["espace:projets_statistiques_csv"] = {"tableau": "type"}
    parametres["panel_quitter"] = {"jeton": membre.jeton}
    parametres["panel_avis"] = {"pk": consultation.pk, "jeton": membre.jeton}
    return parametres
