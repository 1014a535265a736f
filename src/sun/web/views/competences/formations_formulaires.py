"""Forms of the training pages: the catalogue's filters, a session (the rules are the
service's: `sun.competences.formations.services`), the satisfaction answer."""

from django import forms
from django.utils import timezone

from sun.competences import referentiel

FORMAT_DATE = "%Y-%m-%dT%H:%M"
TOUS = [("", "Tous")]


class FiltresForm(forms.Form):
    theme = forms.ChoiceField(
        label="Thème", required=False, choices=TOUS + list(referentiel.THEMES)
    )
    public = forms.ChoiceField(label="Public", required=False,
                               choices=TOUS + list(referentiel.PUBLICS))  # fmt: skip
    format = forms.ChoiceField(label="Format", required=False,
                               choices=TOUS + list(referentiel.FORMATS))  # fmt: skip

    def valeurs(self) -> dict:
        """The chosen filters (an unknown value is ignored)."""
        if not self.is_valid():
            return {"theme": "", "public": "", "format": ""}
        return {c: self.cleaned_data.get(c) or "" for c in ("theme", "public", "format")}


class DateHeure(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format=FORMAT_DATE)


class SessionForm(forms.Form):
    titre = forms.CharField(label="Intitulé", max_length=200)
    description = forms.CharField(label="Description", required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
    theme = forms.ChoiceField(label="Thème", choices=referentiel.THEMES)
    publics = forms.MultipleChoiceField(label="Publics", choices=referentiel.PUBLICS,
                                        widget=forms.CheckboxSelectMultiple,
                                        help_text="Au moins un public.")  # fmt: skip
    competences = forms.MultipleChoiceField(
        label="Compétences du CRCN travaillées", required=False,
        choices=[(c.code, f"{c.code} {c.libelle}") for c in referentiel.COMPETENCES],
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune cochée : celles que le thème travaille habituellement.",
    )  # fmt: skip
    organisme = forms.ChoiceField(label="Organisme", choices=referentiel.ORGANISMES)
    format = forms.ChoiceField(label="Format", choices=referentiel.FORMATS)
    duree_heures = forms.DecimalField(label="Durée (heures)", min_value=0, max_digits=5,
                                      decimal_places=1)  # fmt: skip
    debut = forms.DateTimeField(label="Début", widget=DateHeure(), input_formats=[FORMAT_DATE,
                                "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"])  # fmt: skip
    fin = forms.DateTimeField(label="Fin", widget=DateHeure(), input_formats=[FORMAT_DATE,
                              "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"])  # fmt: skip
    lieu = forms.CharField(label="Lieu", max_length=300, required=False,
                           help_text="Obligatoire en présentiel.")  # fmt: skip
    lien = forms.URLField(label="Lien de connexion ou d'inscription", max_length=500,
                          required=False, assume_scheme="https", help_text="Obligatoire à distance.")  # fmt: skip
    places = forms.IntegerField(label="Places", min_value=0)
    cout = forms.DecimalField(label="Coût (€)", required=False, max_digits=10, decimal_places=2)

    @staticmethod
    def initial_de(session) -> dict:
        initial = {c: getattr(session, c) for c in SessionForm.base_fields}
        initial["debut"] = timezone.localtime(session.debut)
        initial["fin"] = timezone.localtime(session.fin)
        return initial


class SatisfactionForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label="Cette formation vous sera-t-elle utile dans votre travail ?", coerce=int,
        choices=[(4, "4 — Tout à fait"), (3, "3 — Plutôt oui"), (2, "2 — Plutôt non"),
                 (1, "1 — Pas du tout")], widget=forms.RadioSelect,
    )  # fmt: skip
    commentaire = forms.CharField(label="Commentaire (facultatif)", required=False,
                                  max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
