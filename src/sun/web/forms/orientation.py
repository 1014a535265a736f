"""The desk questionnaire: a person's situation, never their name."""

from django import forms

from sun.inclusion.lieux import orientation as o
from sun.inclusion.lieux.recherche import RAYONS_PROPOSES
from sun.inclusion.lieux.standard import ENUMERATIONS


def _choix(dictionnaire: dict) -> list[tuple[str, str]]:
    return [
        (cle, valeur[0] if isinstance(valeur, tuple) else valeur)
        for cle, valeur in dictionnaire.items()
    ]


class QuestionnaireForm(forms.Form):
    commune = forms.CharField(
        label="Commune de résidence", max_length=200,
        help_text="Nom ou code postal. Sert à proposer les lieux les plus proches ; aucun nom n'est demandé.",
    )  # fmt: skip
    equipements = forms.MultipleChoiceField(
        label="Quels appareils la personne a-t-elle ?", choices=_choix(o.EQUIPEMENTS),
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    connexion = forms.ChoiceField(
        label="A-t-elle accès à internet ?", choices=_choix(o.CONNEXIONS), widget=forms.RadioSelect
    )
    savoir_faire = forms.MultipleChoiceField(
        label="Que sait-elle faire seule ?", choices=_choix(o.SAVOIR_FAIRE),
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Cochez seulement ce qu'elle fait sans aide.",
    )  # fmt: skip
    besoins = forms.MultipleChoiceField(
        label="Pourquoi vient-elle ?", choices=_choix(o.BESOINS),
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    prise_en_charge_specifique = forms.MultipleChoiceField(
        label="A-t-elle besoin d'un accueil adapté ?",
        choices=[(v, v) for v in ENUMERATIONS["prise_en_charge_specifique"]],
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Seuls les lieux qui le proposent seront retenus.",
    )  # fmt: skip
    rayon = forms.TypedChoiceField(
        label="Distance maximale", choices=[(r, f"{r} km") for r in RAYONS_PROPOSES],
        coerce=int, initial=20,
    )  # fmt: skip

    def clean_equipements(self):
        equipements = self.cleaned_data["equipements"]
        if "aucun" in equipements and len(equipements) > 1:
            raise forms.ValidationError("« Aucun appareil » ne va pas avec un appareil coché.")
        return equipements
