"""« Trouver de l'aide numérique près de chez moi »: the public search, a place's page and the
« signaler une erreur » form. Everything works without JavaScript; the whole search is in the
URL, so it can be shared and bookmarked."""

import re

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from sun.core.client import adresse_client
from sun.core.horaires import Horaires
from sun.inclusion.lieux.publics import prochaines_ouvertures
from sun.inclusion.lieux.queries import lieu_public
from sun.inclusion.lieux.recherche import (
    FILTRES,
    JOURS,
    RAYON_DEFAUT_KM,
    RAYON_MAX_KM,
    RAYON_MIN_KM,
    RAYONS_PROPOSES,
    STATUTS_VISIBLES,
    CritereInvalide,
    Criteres,
    code_departement,
    lieux_proches_ouverts,
    lire_filtres,
    lire_jour,
    rechercher,
    verifier_position,
    verifier_rayon,
)
from sun.inclusion.lieux.services import enregistrer_signalement
from sun.inclusion.lieux.standard import ENUMERATIONS
from sun.parc.dons.queries import materiel_recu
from sun.relation.catalogue.queries import guichets_de_la_demarche
from sun.territoire.positions import PositionIntrouvable, position_appareil, resoudre
from sun.territoire.timezones import heure_locale
from sun.web.cartes import fond_de_carte, grouper_points
from sun.web.forms.position import requete_a_position_arrondie
from sun.web.forms.signalement import SignalementForm


def _nombre(texte: str) -> float:
    return float((texte or "").strip().replace(",", "."))


def _points(resultats, position) -> list[dict]:
    """What the map draws: the searched point and the numbered places of the page, one marker
    per address (linking to the first of its places in the list)."""
    points = [{"lat": position.latitude, "lon": position.longitude, "centre": True,
               "nom": f"Point de recherche : {position.libelle}"}]  # fmt: skip
    debut = resultats.page.start_index()
    for rang, trouve in enumerate(resultats.trouves, start=debut):
        if trouve.lieu.latitude is not None:
            points.append({"lat": trouve.lieu.latitude, "lon": trouve.lieu.longitude, "n": rang,
                           "nom": trouve.lieu.nom,
                           "lien": reverse("lieu_public", args=[trouve.lieu.pk])})  # fmt: skip
    return grouper_points(points, ancre="lieu-")


def _resume_criteres(ouvert_maintenant: bool, jour: int | None, filtres: dict) -> list[str]:
    """The criteria beyond the place and the radius, in words, for the line above the results."""
    resume = ["ouvert maintenant"] if ouvert_maintenant else []
    if jour is not None:
        resume.append(f"ouvert le {JOURS[jour]}")
    resume += [
        f"{FILTRES[champ].lower()} : {', '.join(valeurs)}" for champ, valeurs in filtres.items()
    ]
    return resume


def _choix_communes(communes, ou: str) -> list[tuple]:
    """The communes of a shared postcode, each with what to search for it: its name and the
    postcode that was typed (a commune may have several)."""
    cherche = re.search(r"\b\d{5}\b", ou)
    code = cherche.group(0) if cherche else ""
    return [(c, f"{c.nom} {code if code in c.codes_postaux else (c.codes_postaux or [''])[0]}".strip())
            for c in communes]  # fmt: skip


def recherche(request):
    # A position is rounded to about 100 m, whatever arrives; the page re-emits only that.
    request.GET = parametres = requete_a_position_arrondie(request.GET)
    filtres, inconnues = lire_filtres({champ: parametres.getlist(champ) for champ in FILTRES})
    avis = [f"Filtre ignoré : « {valeur} » n'est pas une valeur connue pour « {FILTRES[champ]} »."
            for champ, valeur in inconnues]  # fmt: skip
    erreurs: dict[str, str] = {}
    rayon = RAYON_DEFAUT_KM
    try:
        rayon = _nombre(parametres.get("rayon", str(RAYON_DEFAUT_KM)))
        verifier_rayon(rayon)
    except (ValueError, CritereInvalide):
        erreurs["rayon"] = (
            f"Le rayon doit être un nombre de kilomètres entre {RAYON_MIN_KM} et {RAYON_MAX_KM}."
        )
    jour = None
    try:
        jour = lire_jour(parametres.get("jour", ""))
    except CritereInvalide as exc:
        erreurs["jour"] = str(exc)
    soumis = any(cle in parametres for cle in ("ou", "lat", "lon"))
    position = resultats = None
    suggestions, question, choix, choix_commune = [], "", [], False
    if soumis:
        if parametres.get("lat") or parametres.get("lon"):
            try:
                latitude, longitude = _nombre(parametres.get("lat")), _nombre(parametres.get("lon"))
                verifier_position(latitude, longitude)
                position = position_appareil(latitude, longitude)
            except (ValueError, CritereInvalide):
                erreurs["ou"] = (
                    "La position reçue n'est pas valable. Indiquez plutôt une commune ou un code postal."
                )
        else:
            try:
                position = resoudre(parametres.get("ou", ""))
            except PositionIntrouvable as exc:
                choix_commune = getattr(exc, "choix", False)
                if choix_commune:  # a postcode shared by several communes: which one?
                    question = str(exc).removesuffix("Laquelle ?").strip()
                    choix = _choix_communes(exc.suggestions, parametres.get("ou", ""))
                else:
                    erreurs["ou"] = str(exc)
                    suggestions = exc.suggestions
    prochaines = []
    if position is not None and not erreurs:
        criteres = Criteres(position.latitude, position.longitude, rayon, filtres,
                            ouvert_maintenant=parametres.get("ouvert") == "maintenant", jour=jour)  # fmt: skip
        resultats = rechercher(criteres, page=parametres.get("page", 1),
                               departement=position.code_departement)  # fmt: skip
        if criteres.ouvert_maintenant and not resultats.total:
            prochaines = prochaines_ouvertures(criteres, departement=position.code_departement)
    # A démarche's « Se faire aider » link: its desks first.
    demarche_aide, guichets = guichets_de_la_demarche(parametres.get("demarche", ""), position)
    return render(request, "web/trouver/recherche.html", {
        "demarche_aide": demarche_aide, "guichets": guichets,
        "soumis": soumis, "position": position, "resultats": resultats, "erreurs": erreurs,
        "avis": avis, "suggestions": suggestions, "filtres": filtres,
        "choix_commune": choix_commune, "question": question, "choix": choix,
        "prochaines": prochaines, "tuiles": fond_de_carte(),
        "resume_criteres": _resume_criteres(parametres.get("ouvert") == "maintenant", jour, filtres),
        "groupes": [(champ, libelle, ENUMERATIONS[champ]) for champ, libelle in FILTRES.items()],
        "rayon": rayon, "rayons": RAYONS_PROPOSES, "jour": jour, "jours": list(enumerate(JOURS)),
        "ouvert_maintenant": parametres.get("ouvert") == "maintenant",
        "ou": parametres.get("ou", "")[:200],
        "points": _points(resultats, position) if resultats else [],
    })  # fmt: skip


def _adresse_reseau(request) -> str:
    return adresse_client(request)


def lieu(request, pk):
    lieu = get_object_or_404(lieu_public(), pk=pk)
    if request.method == "POST":
        form = SignalementForm(request.POST, adresse_reseau=_adresse_reseau(request))
        if form.is_valid():
            enregistrer_signalement(form, lieu)
            messages.success(
                request,
                "Merci ! Votre signalement a été transmis à l'équipe qui tient à jour ces informations.",
            )
            return redirect(reverse("lieu_public", args=[lieu.pk]) + "#signaler")
    else:
        form = SignalementForm(adresse_reseau=_adresse_reseau(request))
    ferme = lieu.statut not in STATUTS_VISIBLES
    horaires = Horaires(lieu.horaires) if lieu.horaires else None
    departement = code_departement(lieu.code_insee) if lieu.code_insee else ""
    etat = horaires.etat(heure_locale(departement or "75")) if horaires and not ferme else None
    return render(request, "web/trouver/lieu.html", {
        "lieu": lieu, "ferme": ferme, "horaires": horaires, "etat": etat, "form": form,
        "proches": lieux_proches_ouverts(lieu) if ferme else [],
        "points": [{"lat": lieu.latitude, "lon": lieu.longitude, "n": 1, "nom": lieu.nom}]
        if lieu.latitude is not None else [],
        "tuiles": fond_de_carte(), "materiel_recu": materiel_recu(lieu),
    }, status=400 if request.method == "POST" else 200)  # fmt: skip
