"""Password forms of every account: change (signed in), « mot de passe oublié » (request a
link by e-mail, limited per client address and per e-mail address), new password (from the
link). Django's own forms, with help texts in plain sentences (Django's is an HTML list, which
cannot sit in the help paragraph of `web/includes/champ.html`)."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms

from sun.core.limites import Regle, compter, lire_regle

AIDE_MOT_DE_PASSE = (
    "Au moins 10 caractères, pas uniquement des chiffres, ni un mot de passe courant, "
    "ni un mot de passe proche de votre identifiant ou de votre nom."
)


def _aide_en_phrase(form) -> None:
    for nom in ("new_password1", "new_password2"):
        if nom in form.fields:
            form.fields[nom].help_text = AIDE_MOT_DE_PASSE if nom == "new_password1" else ""
            form.fields[nom].label = {
                "new_password1": "Nouveau mot de passe",
                "new_password2": "Nouveau mot de passe, à nouveau",
            }[nom]


class ChangerMotDePasseForm(auth_forms.PasswordChangeForm):
    """The current password is checked at most SUN_CONNEXION_ECHECS_MAX times an hour per
    account: a session left open is no way to guess it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Mot de passe actuel"
        self.fields["old_password"].widget.attrs.pop("autofocus", None)
        _aide_en_phrase(self)

    def clean_old_password(self):
        regle = Regle(settings.SUN_CONNEXION_ECHECS_MAX, 3600)
        if not compter("mot-de-passe-actuel", f"compte:{self.user.pk}", regle).permis:
            raise forms.ValidationError(
                "Trop d'essais du mot de passe actuel : réessayez dans une heure, ou utilisez "
                "« Mot de passe oublié ? » sur la page de connexion."
            )
        return super().clean_old_password()


class NouveauMotDePasseForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _aide_en_phrase(self)


class MotDePasseOublieForm(auth_forms.PasswordResetForm):
    """The same answer whether the address is known or not; refused, whoever asks, beyond
    SUN_LIMITE_MOT_DE_PASSE_OUBLIE per client address or per e-mail address."""

    def __init__(self, *args, adresse_reseau: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.adresse_reseau = adresse_reseau
        champ = self.fields["email"]
        champ.label = "Adresse électronique de votre compte"
        champ.help_text = "L'adresse professionnelle enregistrée avec votre compte."
        champ.error_messages = {
            "required": "Indiquez l'adresse électronique de votre compte.",
            "invalid": "Indiquez une adresse électronique valide, par exemple prenom.nom@aude.fr.",
        }

    def clean(self):
        donnees = super().clean()
        email = (donnees.get("email") or "").strip().lower()
        if not email:
            return donnees
        regle = lire_regle(
            settings.SUN_LIMITE_MOT_DE_PASSE_OUBLIE, "SUN_LIMITE_MOT_DE_PASSE_OUBLIE"
        )
        # Both counters always count, so that neither tells whether the other was reached.
        par_adresse = compter("mot_de_passe_oublie", self.adresse_reseau, regle)
        par_email = compter("mot_de_passe_oublie_email", email, regle)
        if not (par_adresse.permis and par_email.permis):
            minutes = max(1, round(max(par_adresse.attente, par_email.attente) / 60))
            self.refus_limite = True
            raise forms.ValidationError(
                "Trop de demandes de réinitialisation en peu de temps. Par sécurité, attendez "
                f"{minutes} minute(s) avant de recommencer, ou demandez à l'administrateur de "
                "la plateforme de vous aider."
            )
        return donnees
