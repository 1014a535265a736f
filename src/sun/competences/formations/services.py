"""Writes of the training wing: sessions (training service), registrations (oneself, a
manager for their team, the training service for anyone), attendance, the satisfaction
answer, the certificate's number and the reminder's mark. Every write checks first and raises
`Refus` with a French message: nothing is written on bad input."""

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from sun.competences import referentiel
from sun.competences.erreurs import Refus
from sun.competences.models import Inscription, Personne, Session

# The audience (referentiel.PUBLICS) a person's category belongs to.
PUBLIC_DE_CATEGORIE = {
    Personne.Categorie.AGENT: "agents",
    Personne.Categorie.ENCADRANT: "encadrants",
    Personne.Categorie.ELU: "elus",
}
LIBELLES_PUBLICS = dict(referentiel.PUBLICS)
CHAMPS_SESSION = ("titre", "description", "theme", "publics", "competences", "organisme",
                  "format", "duree_heures", "debut", "fin", "lieu", "lien", "places", "cout")  # fmt: skip


def _maintenant(maintenant: datetime | None) -> datetime:
    return maintenant or timezone.now()


# --- registrations ----------------------------------------------------------------------------
def inscrire(session: Session, personne: Personne, par=None,
             maintenant: datetime | None = None) -> Inscription:  # fmt: skip
    """Register `personne` to `session` (a cancelled registration of theirs is revived)."""
    maintenant = _maintenant(maintenant)
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.annulee:
            raise Refus("Cette session est annulée : on ne peut plus s'y inscrire.")
        if session.debut <= maintenant:
            raise Refus("Cette session a déjà commencé ou est passée : on ne peut plus s'y "
                        "inscrire.")  # fmt: skip
        public = PUBLIC_DE_CATEGORIE.get(personne.categorie)
        if public not in session.publics:
            ouverts = ", ".join(LIBELLES_PUBLICS.get(p, p).lower() for p in session.publics)
            raise Refus(f"Cette session est réservée aux publics suivants : {ouverts or 'aucun'}"
                        f" ; {personne} ({personne.get_categorie_display().lower()}) ne peut "
                        "pas s'y inscrire.", champ="personne")  # fmt: skip
        existante = Inscription.objects.filter(session=session, personne=personne).first()
        if existante is not None and existante.statut != Inscription.Statut.ANNULE:
            raise Refus(f"{personne} est déjà inscrit(e) à cette session.", champ="personne")
        occupees = Inscription.objects.filter(session=session).actives().count()
        if occupees >= session.places:
            raise Refus(f"La session est complète ({session.places} place(s), toutes prises) : "
                        "choisissez une autre date ou demandez au service formation.")  # fmt: skip
        if existante is not None:
            existante.statut = Inscription.Statut.INSCRIT
            existante.categorie = personne.categorie
            existante.direction = personne.direction
            existante.inscrite_par = par
            existante.rappel_envoye_le = None
            existante.save(update_fields=["statut", "categorie", "direction", "inscrite_par",
                                          "rappel_envoye_le"])  # fmt: skip
            return existante
        return Inscription.objects.create(
            session=session, personne=personne, categorie=personne.categorie,
            direction=personne.direction, inscrite_par=par,
        )  # fmt: skip


def annuler_inscription(inscription: Inscription, par=None,
                        maintenant: datetime | None = None) -> Inscription:  # fmt: skip
    """Cancel a registration, before the session starts."""
    maintenant = _maintenant(maintenant)
    with transaction.atomic():
        inscription = (
            Inscription.objects.select_for_update().select_related("session").get(pk=inscription.pk)
        )
        if inscription.statut == Inscription.Statut.ANNULE:
            raise Refus("Cette inscription est déjà annulée.")
        if inscription.session.debut <= maintenant:
            raise Refus("La session a déjà commencé : l'inscription ne peut plus être annulée.")
        inscription.statut = Inscription.Statut.ANNULE
        inscription.save(update_fields=["statut"])
    return inscription


def noter_presence(inscription: Inscription, statut: str, par=None,
                   maintenant: datetime | None = None) -> Inscription:  # fmt: skip
    """Mark a registrant present or absent, once the session started."""
    maintenant = _maintenant(maintenant)
    if statut not in (Inscription.Statut.PRESENT, Inscription.Statut.ABSENT):
        raise Refus("Indiquez « présent » ou « absent ».", champ="statut")
    with transaction.atomic():
        inscription = (
            Inscription.objects.select_for_update().select_related("session").get(pk=inscription.pk)
        )
        if inscription.statut == Inscription.Statut.ANNULE:
            raise Refus("Cette inscription a été annulée : sa présence ne se note pas.")
        if inscription.session.debut > maintenant:
            raise Refus("La présence se note une fois la session commencée.")
        if statut == Inscription.Statut.ABSENT and inscription.attestation:
            raise Refus("Une attestation a déjà été délivrée pour cette inscription : la "
                        "présence ne peut plus être retirée.")  # fmt: skip
        inscription.statut = statut
        inscription.presence_notee_le = maintenant
        inscription.save(update_fields=["statut", "presence_notee_le"])
    return inscription


def repondre_satisfaction(inscription: Inscription, note, commentaire: str = "",
                          par=None) -> Inscription:  # fmt: skip
    """The participant's answer to « Cette formation vous sera-t-elle utile dans votre
    travail ? » (1 = pas du tout … 4 = tout à fait), with an optional comment."""
    try:
        note = int(note)
    except (TypeError, ValueError):
        note = 0
    if note not in (1, 2, 3, 4):
        raise Refus("Choisissez une réponse de 1 (pas du tout) à 4 (tout à fait).",
                    champ="satisfaction")  # fmt: skip
    commentaire = (commentaire or "").strip()
    if len(commentaire) > 2000:
        raise Refus("Le commentaire est trop long (2 000 caractères au plus).",
                    champ="commentaire")  # fmt: skip
    with transaction.atomic():
        inscription = Inscription.objects.select_for_update().get(pk=inscription.pk)
        if inscription.statut != Inscription.Statut.PRESENT:
            raise Refus("Seules les personnes présentes à la session répondent à la question "
                        "de satisfaction.")  # fmt: skip
        inscription.satisfaction = note
        inscription.commentaire = commentaire
        inscription.save(update_fields=["satisfaction", "commentaire"])
    return inscription


def numero_attestation(inscription: Inscription, annee: int) -> str:
    return f"ATT-{annee}-{inscription.pk:06d}"


def delivrer_attestation(inscription: Inscription, maintenant: datetime | None = None) -> str:
    """The certificate's number, given once to a present participant and kept."""
    annee = timezone.localtime(_maintenant(maintenant)).year
    with transaction.atomic():
        inscription = Inscription.objects.select_for_update().get(pk=inscription.pk)
        if inscription.statut != Inscription.Statut.PRESENT:
            raise Refus("L'attestation de formation n'est délivrée qu'aux personnes présentes.")
        if not inscription.attestation:
            inscription.attestation = numero_attestation(inscription, annee)
            inscription.save(update_fields=["attestation"])
    return inscription.attestation


def marquer_rappel_envoye(inscription: Inscription, quand: datetime) -> None:
    Inscription.objects.filter(pk=inscription.pk).update(rappel_envoye_le=quand)


# --- sessions ---------------------------------------------------------------------------------
def _decimal(valeur, champ: str, libelle: str) -> Decimal | None:
    if valeur in (None, ""):
        return None
    try:
        return Decimal(str(valeur))
    except InvalidOperation as exc:
        raise Refus(f"{libelle} : nombre attendu.", champ=champ) from exc


def _verifier(d: dict, session: Session | None = None) -> dict:
    """The cleaned values of a session, or Refus."""
    d = {c: d.get(c) for c in CHAMPS_SESSION}
    d["titre"] = (d["titre"] or "").strip()
    if not d["titre"]:
        raise Refus("Donnez un intitulé à la session.", champ="titre")
    if d["theme"] not in dict(referentiel.THEMES):
        raise Refus("Choisissez un thème de la liste.", champ="theme")
    if d["organisme"] not in dict(referentiel.ORGANISMES):
        raise Refus("Choisissez un organisme de la liste.", champ="organisme")
    if d["format"] not in dict(referentiel.FORMATS):
        raise Refus("Choisissez un format de la liste.", champ="format")
    publics = [p for p in (d["publics"] or []) if p]
    if not publics:
        raise Refus("Choisissez au moins un public (élus, encadrants ou agents).", champ="publics")
    inconnus = [p for p in publics if p not in LIBELLES_PUBLICS]
    if inconnus:
        raise Refus(f"Public inconnu : {', '.join(inconnus)}.", champ="publics")
    d["publics"] = [p for p, _ in referentiel.PUBLICS if p in publics]
    competences = [c.strip() for c in (d["competences"] or []) if c and c.strip()]
    inconnues = [c for c in competences if c not in referentiel.PAR_CODE]
    if inconnues:
        raise Refus(f"Compétence du CRCN inconnue : {', '.join(inconnues)} (de 1.1 à 5.2).",
                    champ="competences")  # fmt: skip
    d["competences"] = sorted(set(competences)) or list(
        referentiel.THEME_COMPETENCES.get(d["theme"], ())
    )
    duree = _decimal(d["duree_heures"], "duree_heures", "Durée")
    if duree is None or duree <= 0 or duree > 999:
        raise Refus("Indiquez la durée en heures (plus de 0).", champ="duree_heures")
    d["duree_heures"] = duree
    if not d["debut"] or not d["fin"]:
        raise Refus("Indiquez le début et la fin de la session.", champ="debut")
    if d["fin"] <= d["debut"]:
        raise Refus("La fin de la session doit être après son début.", champ="fin")
    try:
        places = int(d["places"])
    except (TypeError, ValueError):
        places = 0
    if places < 1 or places > 10000:
        raise Refus("Indiquez le nombre de places (au moins 1).", champ="places")
    if session is not None:
        occupees = Inscription.objects.filter(session=session).actives().count()
        if places < occupees:
            raise Refus(f"{occupees} personne(s) sont déjà inscrites : le nombre de places ne "
                        f"peut pas descendre sous {occupees}.", champ="places")  # fmt: skip
    d["places"] = places
    cout = _decimal(d["cout"], "cout", "Coût")
    if cout is not None and cout < 0:
        raise Refus("Le coût ne peut pas être négatif.", champ="cout")
    d["cout"] = cout
    d["description"] = (d["description"] or "").strip()
    d["lieu"] = (d["lieu"] or "").strip()
    d["lien"] = (d["lien"] or "").strip()
    if d["format"] == "presentiel" and not d["lieu"]:
        raise Refus("Indiquez le lieu d'une session en présentiel.", champ="lieu")
    if d["format"] in ("distanciel", "elearning") and not d["lien"]:
        raise Refus("Indiquez le lien de connexion d'une session à distance.", champ="lien")
    return d


def creer_session(donnees: dict, par=None, demonstration: bool = False) -> Session:
    d = _verifier(donnees)
    with transaction.atomic():
        return Session.objects.create(**d, creee_par=par, demonstration=demonstration)


def modifier_session(session: Session, donnees: dict, par=None) -> Session:
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.annulee:
            raise Refus("Cette session est annulée : elle ne se modifie plus.")
        d = _verifier(donnees, session)
        for champ, valeur in d.items():
            setattr(session, champ, valeur)
        session.save(update_fields=list(d))
    return session


def annuler_session(session: Session, par=None, maintenant: datetime | None = None) -> Session:
    """Cancel a session not started yet, then e-mail each registered person with an address
    (`session.prevenues`: the number told; a failed e-mail does not undo the cancellation)."""
    from sun.competences.formations.rappels import prevenir_annulation

    maintenant = _maintenant(maintenant)
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.annulee:
            raise Refus("Cette session est déjà annulée.")
        if session.debut <= maintenant:
            raise Refus("La session a déjà commencé : elle ne peut plus être annulée.")
        session.annulee = True
        session.save(update_fields=["annulee"])
        a_prevenir = list(Inscription.objects.a_prevenir(session))
    session.prevenues = prevenir_annulation(session, a_prevenir)
    return session
