"""The GET forms of the footprint pages: the year, the factor edition, the share of
refurbished purchases. A wrong value is told in French and the defaults are used."""

from django import forms

from sun.parc.empreinte.facteurs import editions

ANNEES_OFFERTES = 15


def _choix_annees(courante: int) -> list[tuple[int, str]]:
    return [(a, str(a)) for a in range(courante + 1, courante - ANNEES_OFFERTES, -1)]


class ChoixEmpreinteForm(forms.Form):
    annee = forms.TypedChoiceField(label="Année", coerce=int, required=False)
    edition = forms.ChoiceField(label="Facteurs d'émission", required=False)

    def __init__(self, *args, courante: int, edition: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = _choix_annees(courante)
        self.fields["annee"].initial = courante
        self.fields["edition"].choices = [(e, e) for e in editions()]
        self.fields["edition"].initial = edition


class ScenariosForm(ChoixEmpreinteForm):
    reconditionne = forms.IntegerField(
        label="Part des achats en reconditionné (%)", min_value=0, max_value=100, required=False,
        initial=30, help_text="De 0 à 100 : la part des achats faits neufs qui le seraient en reconditionné.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["annee"]


def lire(form: forms.Form, cle: str, defaut):
    """The cleaned value of `cle`, else `defaut` (form unbound, invalid or field empty)."""
    if not form.is_bound or not form.is_valid():
        return defaut
    valeur = form.cleaned_data.get(cle)
    return defaut if valeur in (None, "") else valeur
