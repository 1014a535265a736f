"""Forms of the catalogue's agent pages. They read and type the fields; the rules (themes,
INSEE codes, dates, licence, what publishing needs) are the services'
(`sun.donnees.catalogue.services`), whose refusals are shown on the field they concern."""

import re

from django import forms

from sun.donnees.catalogue.services import CHAMPS_SUN_MODIFIABLES, MetadonneesJeu
from sun.donnees.models import TypeRessource
from sun.donnees.referentiel import Format, Frequence, Licence, Maille, Theme
from sun.donnees.validation import schemas

_SEPARATEURS = re.compile(r"[,;\n]+")


def _date(label: str) -> forms.DateField:
    return forms.DateField(label=label, required=False,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))  # fmt: skip


class JeuForm(forms.Form):
    titre = forms.CharField(label="Titre", max_length=200)
    description = forms.CharField(
        label="Description", required=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 10000}),
        help_text="Ce que contiennent les données, qui les produit, comment elles sont "
                  "collectées. Obligatoire pour publier ; 100 caractères au moins pour la "
                  "qualité des métadonnées.",
    )  # fmt: skip
    editeur = forms.CharField(label="Éditeur", max_length=200, required=False,
                              help_text="Par exemple : Département de l'Aude.")  # fmt: skip
    service = forms.CharField(label="Service producteur", max_length=200, required=False)
    contact_nom = forms.CharField(label="Point de contact", max_length=200, required=False)
    contact_email = forms.EmailField(label="Courriel du point de contact", required=False,
                                     help_text="Obligatoire pour publier.")  # fmt: skip
    licence = forms.ChoiceField(label="Licence", required=False, initial=Licence.LO_2,
                                choices=[("", "Aucune pour l'instant"), *Licence.choices],
                                help_text="Obligatoire pour publier (décret n° 2017-638).")  # fmt: skip
    themes = forms.MultipleChoiceField(label="Thèmes", required=False, choices=Theme.choices,
                                       widget=forms.CheckboxSelectMultiple)  # fmt: skip
    mots_cles = forms.CharField(label="Mots-clés", required=False, max_length=1000,
                                help_text="Séparés par des virgules.")  # fmt: skip
    couverture_spatiale = forms.CharField(
        label="Couverture spatiale (codes INSEE)", required=False, max_length=5000,
        help_text="Codes des communes (5 caractères) ou des départements, séparés par des "
                  "virgules, par exemple : 11.",
    )  # fmt: skip
    # The values themselves (« Départementale »): the model's labels lost their accents.
    maille = forms.ChoiceField(label="Maille", choices=[(m, m) for m in Maille.values],
                               initial=Maille.DEPARTEMENTALE)  # fmt: skip
    couverture_debut = _date("Début de la couverture temporelle")
    couverture_fin = _date("Fin de la couverture temporelle")
    frequence = forms.ChoiceField(label="Fréquence de mise à jour", choices=Frequence.choices,
                                  initial=Frequence.INCONNUE)  # fmt: skip

    def __init__(self, *args, sun: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if sun:  # a SUN-produced dataset: its declaration fixes the rest
            for nom in list(self.fields):
                if nom not in CHAMPS_SUN_MODIFIABLES:
                    del self.fields[nom]

    @staticmethod
    def initial_de(jeu) -> dict:
        initial = {c: getattr(jeu, c) for c in MetadonneesJeu.__dataclass_fields__}
        initial["mots_cles"] = ", ".join(jeu.mots_cles)
        initial["couverture_spatiale"] = ", ".join(jeu.couverture_spatiale)
        return initial

    def metadonnees(self) -> MetadonneesJeu:
        d = dict(self.cleaned_data)
        for nom in ("mots_cles", "couverture_spatiale"):
            if nom in d:
                d[nom] = [v.strip() for v in _SEPARATEURS.split(d[nom] or "") if v.strip()]
        if "titre" not in d:  # SUN-produced: the service keeps the other values
            d["titre"] = ""
        return MetadonneesJeu(**d)


def _choix_schemas() -> list[tuple[str, str]]:
    return [("", "Aucun schéma")] + [
        (f"{s.id}@{s.version}", f"{s.titre} ({s.id}, version {s.version})")
        for s in schemas.connus()
    ]


class RessourceForm(forms.Form):
    titre = forms.CharField(label="Titre", max_length=200)
    description = forms.CharField(label="Description", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3, "maxlength": 5000}))  # fmt: skip
    format = forms.ChoiceField(label="Format", choices=Format.choices, initial=Format.CSV)
    type = forms.ChoiceField(label="Type", choices=TypeRessource.choices,
                             initial=TypeRessource.PRINCIPALE)  # fmt: skip
    schema = forms.ChoiceField(
        label="Schéma national", required=False,
        help_text="Un schéma de schema.data.gouv.fr : chaque fichier déposé est contrôlé "
                  "contre lui avant sa publication.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schema"].choices = _choix_schemas()

    def schema_choisi(self) -> tuple[str, str]:
        valeur = self.cleaned_data.get("schema") or ""
        schema_id, _, version = valeur.partition("@")
        return schema_id, version


class DepotForm(forms.Form):
    fichier = forms.FileField(label="Fichier",
                              help_text="Le fichier est contrôlé, puis vous décidez de le "
                              "publier.")  # fmt: skip


class PublicationForm(forms.Form):
    motif = forms.CharField(label="Motif de la publication malgré les erreurs", required=False,
                            max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}))  # fmt: skip
