"""« Signaler une erreur » on a place's public page: no account, no personal data required.

Against spam and abuse: a field hidden from people that robots fill in, a signed time stamp
(a form sent within seconds of being shown, or after hours, is refused) and a limit per
client address (SUN_LIMITE_SIGNALEMENTS, the shared counters of `sun.core.limites`: a report
is counted, atomically, when it is accepted, so a burst of concurrent posts cannot pass it).
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MinLengthValidator

from sun.core.limites import compter, lire_regle
from sun.inclusion.models import SignalementErreur

DELAI_MIN_S = 3
DELAI_MAX_S = 2 * 3600
SEL_HORODATAGE = "sun.signalement"


def horodatage() -> str:
    return signing.dumps(int(time.time()), salt=SEL_HORODATAGE)


class SignalementForm(forms.ModelForm):
    # Robots fill every field; people do not see this one (hidden by the stylesheet).
    site_internet = forms.CharField(required=False, label="Ne pas remplir ce champ")
    horodatage = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = SignalementErreur
        fields = ["sujet", "message", "courriel"]
        widgets = {
            "sujet": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        }
        help_texts = {
            "message": "Dites ce qui est faux et, si vous le savez, la bonne information. "
            "N'indiquez pas d'informations personnelles.",
            "courriel": "Seulement si vous acceptez qu'on vous recontacte à ce sujet.",
        }

    def __init__(self, *args, adresse_reseau: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.adresse_reseau = adresse_reseau
        self.fields["sujet"].choices = SignalementErreur.Sujet.choices
        self.fields["message"].validators.append(
            MinLengthValidator(10, "Décrivez l'erreur en quelques mots (au moins 10 caractères).")
        )
        if not self.is_bound:
            self.initial["horodatage"] = horodatage()

    def clean(self):
        donnees = super().clean()
        if donnees.get("site_internet"):
            raise forms.ValidationError("Signalement refusé.")
        try:
            envoye = signing.loads(donnees.get("horodatage", ""), salt=SEL_HORODATAGE)
        except signing.BadSignature as exc:
            raise forms.ValidationError(
                "Le formulaire a expiré : rechargez la page et recommencez."
            ) from exc
        ecoule = time.time() - envoye
        if ecoule < DELAI_MIN_S:
            raise forms.ValidationError(
                "Envoi trop rapide : relisez votre message puis renvoyez-le."
            )
        if ecoule > DELAI_MAX_S:
            raise forms.ValidationError(
                "Le formulaire a expiré : rechargez la page et recommencez."
            )
        if not self.errors:
            regle = lire_regle(settings.SUN_LIMITE_SIGNALEMENTS, "SUN_LIMITE_SIGNALEMENTS")
            if not compter("signalements", self.adresse_reseau, regle).permis:
                raise forms.ValidationError(
                    "Vous avez déjà envoyé plusieurs signalements : réessayez dans une heure."
                )
        return donnees

    def save(self, lieu, commit=True):
        signalement = super().save(commit=False)
        signalement.lieu = lieu
        if commit:
            signalement.save()
        return signalement
