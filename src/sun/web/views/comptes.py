"""Accounts: the page shown when too many logins failed (django-axes' lockout response), the
password change of every signed-in account and the « mot de passe oublié » flow by e-mail.

Django's views, with French templates in the site's layout and the forms of web/forms/comptes.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy

from sun.comptes.services import debloquer
from sun.core.client import adresse_client
from sun.web.forms.comptes import (
    ChangerMotDePasseForm,
    MotDePasseOublieForm,
    NouveauMotDePasseForm,
)


def connexion_bloquee(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: too many failures for this account from this address."""
    contexte = {
        "echecs_max": settings.SUN_CONNEXION_ECHECS_MAX,
        "minutes": settings.SUN_CONNEXION_BLOCAGE_MINUTES,
    }
    reponse = render(request, "web/comptes/connexion_bloquee.html", contexte, status=429)
    reponse["Retry-After"] = str(settings.SUN_CONNEXION_BLOCAGE_MINUTES * 60)
    return reponse


class ChangerMotDePasse(auth_views.PasswordChangeView):
    """Signed-in accounts only (Django's view requires the login)."""

    template_name = "web/comptes/mot_de_passe_changer.html"
    form_class = ChangerMotDePasseForm
    success_url = reverse_lazy("mot_de_passe_change")


class MotDePasseChange(auth_views.PasswordChangeDoneView):
    template_name = "web/comptes/mot_de_passe_change.html"


class MotDePasseOublie(auth_views.PasswordResetView):
    template_name = "web/comptes/mot_de_passe_oublie.html"
    form_class = MotDePasseOublieForm
    email_template_name = "web/comptes/courriel_reinitialisation.txt"
    subject_template_name = "web/comptes/courriel_reinitialisation_objet.txt"
    success_url = reverse_lazy("mot_de_passe_oublie_envoye")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "adresse_reseau": adresse_client(self.request)}

    def form_invalid(self, form):
        reponse = super().form_invalid(form)
        if getattr(form, "refus_limite", False):
            reponse.status_code = 429
        return reponse


class MotDePasseOublieEnvoye(auth_views.PasswordResetDoneView):
    template_name = "web/comptes/mot_de_passe_oublie_envoye.html"


class NouveauMotDePasse(auth_views.PasswordResetConfirmView):
    template_name = "web/comptes/mot_de_passe_nouveau.html"
    form_class = NouveauMotDePasseForm
    success_url = reverse_lazy("mot_de_passe_reinitialise")

    def form_valid(self, form):
        reponse = super().form_valid(form)
        debloquer(form.user.username)  # a new password lifts a lockout of the old one
        return reponse


class MotDePasseReinitialise(auth_views.PasswordResetCompleteView):
    template_name = "web/comptes/mot_de_passe_reinitialise.html"
