"""Forms of the register. Values go through the same normalisation as imports."""

from django import forms
from django.forms.utils import ErrorDict

from sun.core.horaires import normaliser
from sun.core.horaires_semaine import equivalentes
from sun.core.imports import CorrespondanceInvalide
from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.importation import correspondance
from sun.inclusion.lieux.importation.conversion import detecter_format
from sun.inclusion.lieux.standard import ENUMERATIONS
from sun.inclusion.models import Lieu
from sun.web.forms import horaires as editeur
from sun.web.forms import position, typologies
from sun.web.forms.fichiers import verifier_lisible

LISTES_TEXTE = ("courriels", "site_web", "autres_formations_labels")


class LieuForm(forms.ModelForm):
    typologie = forms.MultipleChoiceField(
        label="Type de lieu",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez un ou plusieurs types (par exemple : Médiathèque, bibliothèque ; France services).",
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
        help_text="En degrés décimaux (exemple : 43.2124). Cliquez sur la carte, ou « Placer d'après l'adresse ».",
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
            "horaires": editeur.AIDE_AVANCEE,
            "pivot": "SIRET (14 chiffres) ou RNA (W suivi de 9 caractères).",
            "telephone": "Un seul numéro.",
        }
        labels = {"horaires": "Horaires particuliers (avancé)"}
        widgets = {
            "horaires": forms.Textarea(attrs={"rows": 2}),
            "presentation_detail": forms.Textarea(attrs={"rows": 4}),
            "presentation_resume": forms.Textarea(attrs={"rows": 2, "maxlength": 280}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typologie"].choices = typologies.choix(self.instance.typologie)
        self.fields.update(editeur.champs_editeur())
        initial, self.horaires_particuliers = editeur.initial_editeur(self.instance.horaires)
        self.initial.update(initial)
        self.initial["horaires"] = self.horaires_particuliers
        self.placement: position.Placement | None = None
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
        if "horaires" in donnees:
            saisies = editeur.horaires_du_formulaire(self, donnees["horaires"])
            stockees = self.instance.horaires
            if saisies and stockees and equivalentes(saisies, stockees):
                donnees["horaires"] = stockees  # the same hours: no spurious change
            elif saisies is not None:
                donnees["horaires"] = normaliser(saisies) if saisies else ""
        latitude, longitude = donnees.get("latitude"), donnees.get("longitude")
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError("Indiquez la latitude et la longitude, ou aucune des deux.")
        if latitude is not None and (
            ecart := position.ecart_a_la_commune(
                latitude, longitude, donnees.get("code_insee", ""),
                donnees.get("code_postal", ""), donnees.get("commune", ""),
            )
        ):  # fmt: skip
            self.add_error("latitude", ecart)
        return donnees

    typologies_courantes = typologies.COURANTES

    @property
    def autres_typologies_cochees(self) -> bool:
        return bool(set(self["typologie"].value() or []) - typologies.COURANTES)

    def jours(self) -> list[dict]:
        return editeur.jours(self)

    def champs_ordinaires(self):
        """Fields shown in order, the editor's own apart (the template places them)."""
        return [f for f in self if not f.name.startswith("h_") and f.name != "longitude"]

    @classmethod
    def placee(cls, donnees, instance=None) -> "LieuForm":
        """The form shown again after « Placer d'après l'adresse »: the data as typed, the
        position from the geocoder when it is sure. Not a submission: nothing is validated."""
        placement = position.placer(*(donnees.get(c, "") for c in
                                      ("adresse", "code_postal", "commune", "code_insee")))  # fmt: skip
        donnees = donnees.copy()
        if placement.reussi:
            donnees["latitude"], donnees["longitude"] = placement.latitude, placement.longitude
        form = cls(donnees, instance=instance)
        form._errors = ErrorDict()  # shown again, not judged
        form.placement = placement
        return form


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
        fichier = donnees.get("fichier")
        try:
            colonnes = verifier_lisible(fichier) if fichier else None
        except forms.ValidationError as exc:
            self.add_error("fichier", exc)
            return donnees
        sans_correspondance = (
            not donnees.get("correspondance") and "correspondance" not in self.errors
        )
        if sans_correspondance and colonnes is not None and detecter_format(set(colonnes)) is None:
            # Said here in the form's words; the import itself words it for the command line.
            self.add_error("fichier", "Colonnes non reconnues : ce fichier ne suit ni le "
                               "standard v1 ni le v0.1. Joignez un « Fichier de correspondance » "
                               "qui décrit ses colonnes (voir en haut de cette page). "
                               "Colonnes lues : " + ", ".join(colonnes[:20]) + ". Rien n'a été enregistré.")  # fmt: skip
        return donnees
