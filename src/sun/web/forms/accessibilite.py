"""Forms of the accessibility register and plan. They check what was typed (the models'
`clean` included: a rate over 100 %, a date in the future) and hand plain values to
`sun.accessibilite.services`; they never write."""

from django import forms
from django.db import models

from sun.accessibilite import rgaa
from sun.accessibilite.models import (
    ActionAccessibilite,
    ContenuNonAccessible,
    SchemaPluriannuel,
    ServiceNumerique,
)
from sun.web.forms.relation import DateInput

LIGNES = {"rows": 3}


def _dates(form: forms.ModelForm) -> None:
    for champ in form.fields.values():
        if isinstance(champ, forms.DateField):
            champ.widget = DateInput()
        elif isinstance(champ.widget, forms.Textarea):
            champ.widget.attrs.update(LIGNES)


def _champ(champ_modele, **options):
    """Model field → form field; an address typed without scheme is read as https://."""
    if isinstance(champ_modele, models.URLField):
        options["assume_scheme"] = "https"
    return champ_modele.formfield(**options)


class ServiceNumeriqueForm(forms.ModelForm):
    class Meta:
        model = ServiceNumerique
        fields = [
            "slug", "nom", "url", "type", "service", "responsable", "public", "date_audit",
            "methode", "audite_par", "criteres_valides", "criteres_applicables", "taux",
            "declaration_etablie_le", "declaration_maj_le", "declaration_url", "refonte_le",
            "technologies", "environnement_test", "outils", "pages_testees", "contact_courriel",
            "contact_formulaire", "contact_autre", "pages_a_controler",
        ]  # fmt: skip
        formfield_callback = _champ

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Vide : tiré du nom. " + self.fields["slug"].help_text
        if services is not None:
            self.fields["service"].queryset = services
        self.fields["taux"].help_text = (
            "À remplir seulement si l'audit ne donne que le taux ; sinon il est calculé à partir "
            "des critères validés et applicables."
        )


class GrilleForm(forms.Form):
    """The audit entered criterion by criterion: the 106 criteria of the RGAA, C / NC / NA."""

    date_audit = forms.DateField(label="Date de l'audit", widget=DateInput())
    audite_par = forms.CharField(label="Audit réalisé par", max_length=200, required=False)
    methode = forms.ChoiceField(label="Méthode", choices=[(n, n) for n, _ in rgaa.VERSIONS],
                                initial=rgaa.VERSION_EN_VIGUEUR)  # fmt: skip

    def __init__(self, *args, initiaux: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        choix = [("", "—"), *rgaa.EtatCritere.choices]
        for theme in rgaa.themes():
            for critere in theme.criteres:
                self.fields[self.nom(critere.numero)] = forms.ChoiceField(
                    label=f"{critere.numero} {critere.titre}", choices=choix,
                    initial=(initiaux or {}).get(critere.numero, ""),
                    error_messages={"required": f"Critère {critere.numero} : choisissez C, NC ou NA."},
                )  # fmt: skip

    @staticmethod
    def nom(numero: str) -> str:
        return "c_" + numero.replace(".", "_")

    def etats(self) -> dict[str, str]:
        return {n: self.cleaned_data[self.nom(n)] for n in rgaa.numeros()}

    def par_theme(self):
        return [(t, [self[self.nom(c.numero)] for c in t.criteres]) for t in rgaa.themes()]


class ContenuForm(forms.ModelForm):
    class Meta:
        model = ContenuNonAccessible
        fields = ["categorie", "description", "criteres", "justification", "alternative"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)


class SchemaForm(forms.ModelForm):
    class Meta:
        model = SchemaPluriannuel
        fields = ["titre", "debut", "fin", "adopte_le", *SchemaPluriannuel.SECTIONS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)


class ActionForm(forms.ModelForm):
    class Meta:
        model = ActionAccessibilite
        fields = ["annee", "intitule", "nature", "service_numerique", "service", "prevue_le",
                  "statut", "realisee_le", "commentaire"]  # fmt: skip

    def __init__(self, *args, schema=None, **kwargs):
        super().__init__(*args, **kwargs)
        if schema is not None:
            self.instance.schema = schema
            self.fields["annee"].widget = forms.Select(choices=[(a, a) for a in schema.annees])
        _dates(self)
