"""Forms of the network directory: a médiateur's record, a place where they work, an employer."""

from django import forms
from django.utils import timezone

from sun.comptes.roles import Role
from sun.inclusion.lieux import normalisation
from sun.inclusion.models import Lieu, Mediateur, Structure
from sun.territoire.models import Commune

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MediateurForm(forms.ModelForm):
    class Meta:
        model = Mediateur
        fields = ["prenom", "nom", "profil", "aidant_connect", "employeur", "courriel", "telephone", "actif"]  # fmt: skip
        help_texts = {
            "courriel": "Adresse professionnelle uniquement.",
            "telephone": "Numéro professionnel uniquement (standard ou ligne du poste).",
        }

    def __init__(self, *args, administrateur: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employeur"].queryset = Structure.objects.order_by("nom")
        self.fields["employeur"].empty_label = "— Aucune —"
        if administrateur:
            # Only an administrator links a record to an account (which then may edit it).
            self.fields["compte"] = forms.ModelChoiceField(
                label="Compte SUN du médiateur", required=False, initial=self.instance.compte_id,
                queryset=Mediateur._meta.get_field("compte").related_model.objects.filter(
                    groups__name=Role.MEDIATEUR.value).order_by("username"),
                help_text="Le titulaire de ce compte pourra mettre à jour sa fiche.",
            )  # fmt: skip

    def clean_telephone(self) -> str:
        signalements = normalisation.Signalements()
        numero = normalisation.telephone(self.cleaned_data["telephone"], signalements)
        if self.cleaned_data["telephone"] and not numero:
            raise forms.ValidationError("Numéro de téléphone invalide (exemple : 04 68 11 22 33).")
        return numero

    def clean_compte(self):
        compte = self.cleaned_data.get("compte")
        if compte and Mediateur.objects.filter(compte=compte).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Ce compte est déjà relié à une autre fiche.")
        return compte

    def save(self, commit=True):
        if "compte" in self.cleaned_data:
            self.instance.compte = self.cleaned_data["compte"]
        return super().save(commit)


class LieuActiviteForm(forms.Form):
    lieu = forms.ModelChoiceField(
        label="Lieu", queryset=Lieu.objects.none(), empty_label="— Choisir un lieu —"
    )
    debut = forms.DateField(label="Depuis le", widget=DATE)

    def __init__(self, *args, code_departement: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lieu"].queryset = Lieu.objects.filter(
            statut=Lieu.Statut.ACTIF, code_insee__startswith=code_departement[:2]
        ).order_by("commune", "nom")
        self.fields["lieu"].label_from_instance = lambda lieu: f"{lieu.commune} — {lieu.nom}"
        self.fields["debut"].initial = timezone.localdate()

    def clean_debut(self):
        debut = self.cleaned_data["debut"]
        if debut > timezone.localdate():
            raise forms.ValidationError("La date de début ne peut pas être dans le futur.")
        return debut


class FinActiviteForm(forms.Form):
    fin = forms.DateField(label="Dernier jour", widget=DATE)


class StructureForm(forms.ModelForm):
    code_insee = forms.CharField(label="Code INSEE de la commune", max_length=5, required=False)

    class Meta:
        model = Structure
        fields = ["nom", "pivot", "adresse"]
        labels = {"pivot": "SIRET (ou RNA pour une association sans SIRET)"}

    def clean_pivot(self) -> str:
        signalements = normalisation.Signalements()
        valeur = normalisation.pivot(self.cleaned_data["pivot"], signalements)
        if not valeur:
            raise forms.ValidationError(
                "Indiquez un SIRET (14 chiffres) ou un RNA (W suivi de 9 caractères)."
            )
        if Structure.objects.filter(pivot=valeur).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Une structure porte déjà le SIRET ou RNA {valeur}.")
        return valeur

    def clean_code_insee(self):
        code = self.cleaned_data["code_insee"].strip().upper()
        if not code:
            return None
        commune = Commune.objects.filter(code_insee=code).first()
        if commune is None:
            raise forms.ValidationError(f"Aucune commune n'a le code INSEE « {code} ».")
        return commune

    def save(self, commit=True):
        self.instance.commune_ref = self.cleaned_data.get("code_insee")
        return super().save(commit)
