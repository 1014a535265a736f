"""« Signaler une erreur » on a place's public page: no account, no personal data required.

Against spam and abuse: a field hidden from people that robots fill in, a signed time stamp
(a form sent within seconds of being shown, or after hours, is refused) and a limit per
network address, counted under a hash in the cache and never stored.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.validators import MinLengthValidator

from sun.inclusion.models import SignalementErreur

DELAI_MIN_S = 3
DELAI_MAX_S = 2 * 3600
LIMITE_PAR_HEURE = 5
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

    def _cle_limite(self) -> str:
        empreinte = hashlib.sha256(
            f"{settings.SECRET_KEY}{self.adresse_reseau}".encode()
        ).hexdigest()
        return f"signalements:{empreinte[:24]}"

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
        if cache.get(self._cle_limite(), 0) >= LIMITE_PAR_HEURE:
            raise forms.ValidationError(
                "Vous avez déjà envoyé plusieurs signalements : réessayez dans une heure."
            )
        return donnees

    def save(self, lieu, commit=True):
        signalement = super().save(commit=False)
        signalement.lieu = lieu
        if commit:
            signalement.save()
            cle = self._cle_limite()
            cache.add(cle, 0, 3600)
            try:
                cache.incr(cle)
            except ValueError:
                cache.set(cle, 1, 3600)
        return signalement
