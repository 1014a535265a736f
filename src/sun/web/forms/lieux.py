"""Forms of the register. Values go through the same normalisation as imports."""

from django import forms

from sun.core.imports import CorrespondanceInvalide
from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.importation import correspondance
from sun.inclusion.lieux.standard import ENUMERATIONS, TYPOLOGIES
from sun.inclusion.models import Lieu

LISTES_TEXTE = ("courriels", "site_web", "autres_formations_labels")


class LieuForm(forms.ModelForm):
    typologie = forms.MultipleChoiceField(
        label="Typologie",
        required=False,
        choices=[(t, t) for t in TYPOLOGIES],
        help_text="Codes data·inclusion (BIB : médiathèque, EPN : espace public numérique, RFS : France services…).",
    )
    courriels = forms.CharField(
        label="Courriels",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Un par ligne.",
    )
    site_web = forms.CharField(
        label="Sites web",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Un par ligne.",
    )
    autres_formations_labels = forms.CharField(
        label="Autres formations et labels",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Un par ligne.",
    )
    fiche_acces_libre = forms.URLField(
        label="Fiche Accès libre", required=False, max_length=500, assume_scheme="https"
    )
    prise_rdv = forms.URLField(
        label="Prise de rendez-vous en ligne", required=False, max_length=500, assume_scheme="https"
    )
    latitude = forms.FloatField(
        label="Latitude",
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    longitude = forms.FloatField(
        label="Longitude",
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )

    class Meta:
        model = Lieu
        fields = [
            "nom",
            "pivot",
            "adresse",
            "complement_adresse",
            "code_postal",
            "commune",
            "code_insee",
            "latitude",
            "longitude",
            "typologie",
            "telephone",
            "courriels",
            "site_web",
            "horaires",
            "presentation_resume",
            "presentation_detail",
            "structure_parente",
            *ENUMERATIONS,
            "autres_formations_labels",
            "fiche_acces_libre",
            "prise_rdv",
        ]
        help_texts = {
            "horaires": "Syntaxe OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00",
            "pivot": "SIRET (14 chiffres) ou RNA (W suivi de 9 caractères).",
            "telephone": "Un seul numéro.",
        }
        widgets = {
            "presentation_detail": forms.Textarea(attrs={"rows": 4}),
            "presentation_resume": forms.Textarea(attrs={"rows": 2, "maxlength": 280}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for champ, valeurs in ENUMERATIONS.items():
            self.fields[champ] = forms.MultipleChoiceField(
                label=Lieu._meta.get_field(champ).verbose_name.capitalize(),
                required=False,
                choices=[(v, v) for v in valeurs],
                widget=forms.CheckboxSelectMultiple,
            )
        for champ in LISTES_TEXTE:
            if self.instance and self.instance.pk:
                self.initial[champ] = "\n".join(getattr(self.instance, champ) or [])

    def _normaliser(self, fonction, champ, *args):
        signalements = n.Signalements()
        valeur = (
            fonction(self.cleaned_data.get(champ), *args, signalements)
            if args
            else fonction(self.cleaned_data.get(champ), signalements)
        )
        for s in signalements.liste:
            if s.gravite == "suppression":
                raise forms.ValidationError(s.raison.capitalize() + ".")
        return valeur

    def clean_pivot(self):
        return self._normaliser(n.pivot, "pivot")

    def clean_telephone(self):
        return self._normaliser(n.telephone, "telephone")

    def clean_horaires(self):
        return self._normaliser(n.horaires, "horaires")

    def clean_code_postal(self):
        return (
            self._normaliser(n.code, "code_postal", 5, "code_postal")
            if self.cleaned_data.get("code_postal")
            else ""
        )

    def clean_code_insee(self):
        return (
            self._normaliser(n.code, "code_insee", 5, "code_insee")
            if self.cleaned_data.get("code_insee")
            else ""
        )

    def clean_courriels(self):
        valeurs = n.decouper(self.cleaned_data["courriels"].replace("\n", "|"))
        signalements = n.Signalements()
        propres = n.courriels(valeurs, signalements)
        if signalements.liste:
            raise forms.ValidationError(
                "Adresse invalide : " + ", ".join(s.valeur for s in signalements.liste)
            )
        return propres

    def clean_site_web(self):
        signalements = n.Signalements()
        propres = n.urls(
            "site_web", n.decouper(self.cleaned_data["site_web"].replace("\n", "|")), signalements
        )
        if signalements.liste:
            raise forms.ValidationError(
                "Adresse web invalide : " + ", ".join(s.valeur for s in signalements.liste)
            )
        return propres

    def clean_autres_formations_labels(self):
        return n.decouper(self.cleaned_data["autres_formations_labels"].replace("\n", "|"))

    def clean(self):
        donnees = super().clean()
        if (donnees.get("latitude") is None) != (donnees.get("longitude") is None):
            raise forms.ValidationError("Indiquez la latitude et la longitude, ou aucune des deux.")
        return donnees


class ImportForm(forms.Form):
    fichier = forms.FileField(
        label="Fichier des lieux",
        help_text="CSV, JSON ou XLSX, standard v1 ou v0.1, ou toute source décrite par une correspondance.",
    )
    source = forms.CharField(
        label="Nom de la source",
        max_length=100,
        required=False,
        help_text="Par exemple : Cartographie nationale, Hub Occitanie, France services. Obligatoire sans correspondance.",
    )
    correspondance = forms.FileField(
        label="Fichier de correspondance (YAML, facultatif)", required=False
    )
    essai = forms.BooleanField(
        label="Essai à blanc : montrer ce qui changerait sans rien enregistrer",
        required=False,
        initial=True,
    )
    partiel = forms.BooleanField(
        label="Le fichier ne contient qu'une partie de la source (ne pas fermer les lieux absents)",
        required=False,
    )

    def clean_correspondance(self):
        fichier = self.cleaned_data.get("correspondance")
        if not fichier:
            return None
        try:
            return correspondance.depuis_texte(fichier.read().decode("utf-8"), fichier.name)
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                "Fichier de correspondance illisible : il doit être un texte en UTF-8."
            ) from exc
        except CorrespondanceInvalide as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        donnees = super().clean()
        if not donnees.get("source") and not (
            donnees.get("correspondance") and donnees["correspondance"].source
        ):
            self.add_error("source", "Indiquez le nom de la source.")
        return donnees
