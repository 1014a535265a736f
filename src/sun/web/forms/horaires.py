"""The weekly opening-hours editor of a form: ordinary fields, no OSM syntax typed.

For each day: « Fermé », slot 1 start–end, slot 2 start–end (time inputs); then « jours
fériés : fermé / ouvert ». The form's `horaires` field becomes the advanced field: empty when
the stored hours fit the editor, holding them as they are when they do not (« horaires
particuliers conservés »), so that nothing is lost. See sun.core.horaires_semaine.
"""

from django import forms

from sun.core.horaires import JOURS, HorairesInvalides
from sun.core.horaires_semaine import (
    CHOIX_FERIES,
    CRENEAUX_PAR_JOUR,
    FERIES_FERME,
    Semaine,
    depuis_osm,
    equivalentes,
    verifier_jour,
    vers_osm,
)

HEURE = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
AIDE_AVANCEE = (
    "Seulement pour des horaires que la semaine ci-dessus ne sait pas décrire "
    "(semaines paires, dates, saisons), en syntaxe OpenStreetMap. Laissé vide, "
    "les horaires sont ceux de la semaine."
)


def nom_champ(jour: str, partie: str) -> str:
    """« h_lundi_debut1 », « h_lundi_ferme »…"""
    return f"h_{jour}_{partie}"


def champs_editeur() -> dict[str, forms.Field]:
    champs: dict[str, forms.Field] = {}
    for jour in JOURS:
        champs[nom_champ(jour, "ferme")] = forms.BooleanField(label="Fermé", required=False)
        for n in range(1, CRENEAUX_PAR_JOUR + 1):
            for partie, libelle in (("debut", "début"), ("fin", "fin")):
                champs[nom_champ(jour, f"{partie}{n}")] = forms.TimeField(
                    label=f"Créneau {n}, {libelle}",
                    required=False,
                    widget=HEURE,
                    input_formats=["%H:%M", "%H:%M:%S", "%Hh%M", "%Hh"],
                    error_messages={"invalid": "Heure invalide (exemple : 09:30)."},
                )
    champs["h_feries"] = forms.ChoiceField(
        label="Jours fériés",
        required=False,
        choices=CHOIX_FERIES,
        initial=FERIES_FERME,
        widget=forms.RadioSelect,
    )
    return champs


def initial_editeur(expression: str) -> tuple[dict, str]:
    """Initial values of the editor for stored hours, and the hours kept as they are ("" when
    the editor shows them exactly)."""
    try:
        semaine = depuis_osm(expression)
    except HorairesInvalides:
        semaine = None
    if semaine is None:
        return {"h_feries": FERIES_FERME}, expression
    initial = {"h_feries": semaine.feries}
    for jour, creneaux in zip(JOURS, semaine.jours, strict=True):
        initial[nom_champ(jour, "ferme")] = bool(expression) and not creneaux
        for n, (debut, fin) in enumerate(creneaux, start=1):
            initial[nom_champ(jour, f"debut{n}")] = debut
            initial[nom_champ(jour, f"fin{n}")] = fin
    return initial, ""


def _heure(form: forms.Form, nom: str) -> str | None:
    valeur = form.cleaned_data.get(nom)
    return valeur.strftime("%H:%M") if valeur else None


def semaine_saisie(form: forms.Form) -> Semaine | None:
    """The week typed in the editor; errors are added to the day's fields (None then)."""
    semaine = Semaine(feries=form.cleaned_data.get("h_feries") or FERIES_FERME)
    correcte = True
    for i, jour in enumerate(JOURS):
        creneaux = []
        for n in range(1, CRENEAUX_PAR_JOUR + 1):
            debut = _heure(form, nom_champ(jour, f"debut{n}"))
            fin = _heure(form, nom_champ(jour, f"fin{n}"))
            if debut and fin:
                creneaux.append((debut, fin))
            elif debut or fin:
                manquant = f"fin{n}" if debut else f"debut{n}"
                form.add_error(
                    nom_champ(jour, manquant),
                    f"{jour.capitalize()} : indiquez le début et la fin du créneau {n}.",
                )
                correcte = False
        if form.cleaned_data.get(nom_champ(jour, "ferme")) and creneaux:
            form.add_error(
                nom_champ(jour, "ferme"),
                f"{jour.capitalize()} : cochez « Fermé » ou indiquez des horaires, pas les deux.",
            )
            correcte = False
        elif probleme := verifier_jour(creneaux):
            form.add_error(nom_champ(jour, "fin1"), f"{jour.capitalize()} : {probleme}.")
            correcte = False
        semaine.jours[i] = creneaux
    return semaine if correcte else None


def horaires_du_formulaire(form: forms.Form, avancees: str) -> str | None:
    """The OSM expression to store: the advanced field when filled, else the week typed.
    None when the editor has errors (added to the form)."""
    semaine = semaine_saisie(form)
    if semaine is None:
        return None
    saisies = vers_osm(semaine)
    if avancees and saisies and not equivalentes(avancees, saisies):
        form.add_error(
            "horaires",
            "Les horaires particuliers et la semaine ci-dessus se contredisent : videz ce "
            "champ pour garder la semaine, ou videz la semaine pour garder ces horaires.",
        )
        return None
    return avancees or saisies


def jours(form: forms.Form) -> list[dict]:
    """Bound fields of the editor, day by day, for the template."""
    return [
        {
            "nom": jour,
            "ferme": form[nom_champ(jour, "ferme")],
            "creneaux": [
                (form[nom_champ(jour, f"debut{n}")], form[nom_champ(jour, f"fin{n}")])
                for n in range(1, CRENEAUX_PAR_JOUR + 1)
            ],
        }
        for jour in JOURS
    ]
