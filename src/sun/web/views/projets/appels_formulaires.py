"""Forms of the wing « appels »: they only parse what was typed (every field optional); the
checks and the French messages are the services' (sun.projets.appels.services)."""

from django import forms

from sun.projets.appels import queries
from sun.projets.models import Candidature

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
RELAYE = [("", "Tous"), ("oui", "Relayés sur le site public"), ("non", "Non relayés")]
ETAT = [("", "Ouverts et clos"), ("ouverts", "Ouverts seulement"), ("clos", "Clos seulement")]
TYPES = [("", "—"), ("investissement", "Investissement"), ("fonctionnement", "Fonctionnement")]


class FiltreForm(forms.Form):
    financeur = forms.ChoiceField(label="Financeur", required=False)
    relaye = forms.ChoiceField(label="Site public", choices=RELAYE, required=False)
    etat = forms.ChoiceField(label="État", choices=ETAT, required=False)

    def __init__(self, *args, financeurs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["financeur"].choices = [("", "Tous"), *((f, f) for f in financeurs)]


class AppelForm(forms.Form):
    titre = forms.CharField(label="Intitulé", required=False)
    financeur = forms.CharField(label="Financeur", required=False)
    programme = forms.CharField(label="Programme", required=False)
    date_limite = forms.DateField(label="Date limite de dépôt", required=False, widget=DATE)
    beneficiaires = forms.CharField(label="Bénéficiaires éligibles", required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    montant_max = forms.CharField(label="Montant maximal par projet (€)", required=False,
                                  help_text="Laisser vide s'il n'y a pas de plafond.")  # fmt: skip
    lien = forms.CharField(label="Lien vers l'appel", required=False,
                           help_text="Adresse web commençant par https://")  # fmt: skip
    description = forms.CharField(label="Description", required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
    relaye = forms.BooleanField(label="Relayer sur la liste publique des appels à projets",
                                required=False)  # fmt: skip
    suivi_par = forms.ModelChoiceField(None, label="Suivi par", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suivi_par"].queryset = queries.suiveurs_possibles()
        self.fields["suivi_par"].label_from_instance = lambda u: u.get_full_name() or u.username


class CandidatureForm(forms.Form):
    action = forms.ModelChoiceField(None, label="Action du schéma", required=False)
    statut = forms.ChoiceField(label="Statut", choices=Candidature.Statut.choices, required=False)
    montant_demande = forms.CharField(label="Montant demandé (€)", required=False)
    deposee_le = forms.DateField(label="Déposée le", required=False, widget=DATE)
    montant_obtenu = forms.CharField(label="Montant obtenu (€)", required=False,
                                     help_text="Seulement pour un financement obtenu.")  # fmt: skip
    decision_le = forms.DateField(label="Décision le", required=False, widget=DATE)
    ligne_budget = forms.ModelChoiceField(None, label="Ligne de budget existante",
                                          required=False, help_text="Une ligne de l'action "
                                          "choisie.")  # fmt: skip
    annee_budget = forms.IntegerField(label="Ou nouvelle ligne : année", required=False)
    type_budget = forms.ChoiceField(label="Nouvelle ligne : type", choices=TYPES, required=False)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        from sun.pilotage.models import Action, LigneBudget

        actions = Action.objects.filter(plan=plan).order_by("code")
        self.fields["action"].queryset = actions
        self.fields["action"].label_from_instance = lambda a: f"{a.code} — {a.titre}"
        lignes = LigneBudget.objects.filter(action__plan=plan).select_related("action")
        self.fields["ligne_budget"].queryset = lignes.order_by("action__code", "annee", "type")
        self.fields["ligne_budget"].label_from_instance = lambda lb: (
            f"{lb.action.code} — {lb.annee} {lb.get_type_display().lower()}"
        )


def donnees(form) -> dict:
    """What was typed, parsed (fields that did not parse are left out: the service refuses)."""
    form.is_valid()  # an unbound form (an empty POST) has no data at all
    return dict(getattr(form, "cleaned_data", {}))


def initial_appel(appel) -> dict:
    return {champ: getattr(appel, champ) for champ in
            ("titre", "financeur", "programme", "date_limite", "beneficiaires", "lien",
             "description", "relaye", "suivi_par")} | {
        "montant_max": f"{appel.montant_max:.2f}" if appel.montant_max is not None else ""}  # fmt: skip


def initial_candidature(c) -> dict:
    def m(v):
        return f"{v:.2f}" if v is not None else ""

    return {"action": c.action, "statut": c.statut, "montant_demande": m(c.montant_demande),
            "deposee_le": c.deposee_le, "montant_obtenu": m(c.montant_obtenu),
            "decision_le": c.decision_le, "ligne_budget": c.ligne_budget, "note": c.note}  # fmt: skip
