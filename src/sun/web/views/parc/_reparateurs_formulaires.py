"""Forms of the repair directory: the public filters (GET), an actor's sheet, the import.
They check types only; the rules (SIRET key, phone, hours, commune) are the services'."""

from django import forms

from sun.parc.models import Activite
from sun.web.forms.fichiers import verifier_lisible


class FiltresForm(forms.Form):
    """The public page's filters; a value that is not offered is ignored (no error page)."""

    activite = forms.ChoiceField(label="Activité", required=False)
    commune = forms.ChoiceField(label="Commune", required=False)
    epci = forms.ChoiceField(label="Intercommunalité (EPCI)", required=False)

    def __init__(self, *args, communes, epcis, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activite"].choices = [("", "Toutes"), *Activite.choices]
        self.fields["commune"].choices = [("", "Toutes"), *communes]
        self.fields["epci"].choices = [("", "Toutes"), *epcis]

    def valeurs(self) -> dict:
        if not self.is_valid():
            return {
                nom: v if v in dict(self.fields[nom].choices) else ""
                for nom, v in ((n, self.data.get(n, "")) for n in self.fields)
            }  # fmt: skip
        return dict(self.cleaned_data)


def _liste(texte: str) -> list[str]:
    return [v.strip() for v in (texte or "").split("|") if v.strip()]


class ReparateurForm(forms.Form):
    nom = forms.CharField(label="Nom", max_length=200)
    activites = forms.MultipleChoiceField(label="Activités", choices=Activite.choices,
                                          widget=forms.CheckboxSelectMultiple)  # fmt: skip
    description = forms.CharField(label="Description", required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    adresse = forms.CharField(label="Adresse (numéro et voie)", max_length=250, required=False)
    code_postal = forms.CharField(label="Code postal", max_length=5, required=False)
    commune = forms.CharField(label="Commune (nom ou code INSEE)", max_length=100,
                              help_text="Sans position, le point est placé au centre de la "
                              "commune.")  # fmt: skip
    telephone = forms.CharField(label="Téléphone", max_length=30, required=False,
                                widget=forms.TextInput(attrs={"type": "tel",
                                                              "autocomplete": "off"}))  # fmt: skip
    courriel = forms.CharField(label="Courriel", max_length=254, required=False,
                               widget=forms.EmailInput)  # fmt: skip
    site_web = forms.CharField(label="Site web", max_length=200, required=False)
    siret = forms.CharField(label="SIRET", max_length=20, required=False,
                            help_text="14 chiffres ; la clé de contrôle est vérifiée.")  # fmt: skip
    horaires = forms.CharField(
        label="Horaires (format OpenStreetMap)", max_length=250, required=False,
        help_text="Par exemple « Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00 ».",
    )  # fmt: skip
    labels = forms.CharField(label="Labels", max_length=250, required=False,
                             help_text="Séparés par « | » : QualiRépar, ESUS, Répar'acteurs…")  # fmt: skip
    pour_particuliers = forms.BooleanField(label="Accueille les particuliers", required=False,
                                           initial=True)  # fmt: skip
    pour_collectivites = forms.BooleanField(label="Travaille avec les collectivités",
                                            required=False)  # fmt: skip
    latitude = forms.FloatField(label="Latitude (facultatif)", required=False,
                                min_value=-90, max_value=90)  # fmt: skip
    longitude = forms.FloatField(label="Longitude (facultatif)", required=False,
                                 min_value=-180, max_value=180)  # fmt: skip

    @classmethod
    def initial_de(cls, acteur) -> dict:
        initial = {nom: getattr(acteur, nom) for nom in cls.base_fields
                   if nom not in ("commune", "labels")}  # fmt: skip
        initial["commune"] = acteur.commune.code_insee if acteur.commune_id else ""
        initial["labels"] = " | ".join(acteur.labels or [])
        commune = acteur.commune
        if commune and (acteur.latitude, acteur.longitude) == (commune.latitude, commune.longitude):
            initial["latitude"] = initial["longitude"] = None  # the commune's centre
        return initial

    def donnees(self) -> dict:
        """The cleaned values as the services read them."""
        return {**self.cleaned_data, "labels": _liste(self.cleaned_data["labels"])}


class ImportReparateursForm(forms.Form):
    fichier = forms.FileField(label="Fichier", help_text="CSV (ou XLSX) au modèle de SUN : une "
                              "ligne par acteur, colonnes en français.")  # fmt: skip
    essai = forms.BooleanField(label="Essai à blanc : montrer ce qui changerait sans rien "
                               "enregistrer", required=False, initial=True)  # fmt: skip
    confirmer = forms.BooleanField(label="Importer même si beaucoup de lignes sont refusées",
                                   required=False)  # fmt: skip

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        verifier_lisible(fichier)
        return fichier
