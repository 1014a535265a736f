"""Forms of Services Publics+ in the agent space: a service's self-assessment of the
commitments for one year, and its improvement actions. They check what was typed and hand
plain values to `sun.qualite.engagements.services`; they never write."""

from django import forms

from sun.qualite.engagements.services import SaisieAction
from sun.qualite.models import ActionAmelioration, Engagement, NiveauEngagement
from sun.web.forms.relation import DateInput

PAS_EVALUE = ""


class AutoEvaluationForm(forms.Form):
    """One level and one finding per commitment (`niveau_<pk>`, `constat_<pk>`)."""

    def __init__(self, *args, engagements: list[Engagement], evaluations: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.engagements = engagements
        choix = [(PAS_EVALUE, "Pas encore évalué"), *NiveauEngagement.choices]
        for e in engagements:
            actuelle = evaluations.get(e.pk)
            self.fields[f"niveau_{e.pk}"] = forms.ChoiceField(
                label=f"Où en est le service (engagement {e.numero})", choices=choix,
                required=False, initial=actuelle.niveau if actuelle else PAS_EVALUE,
            )  # fmt: skip
            self.fields[f"constat_{e.pk}"] = forms.CharField(
                label=f"Constat (engagement {e.numero})", required=False, max_length=4000,
                initial=actuelle.constat if actuelle else "",
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Ce qui marche, ce qui manque, sur quoi le constat s'appuie.",
            )  # fmt: skip

    def lignes(self):
        """(commitment, level field, finding field) in number order, for the template."""
        return [(e, self[f"niveau_{e.pk}"], self[f"constat_{e.pk}"]) for e in self.engagements]

    def clean(self):
        donnees = super().clean()
        for e in self.engagements:
            if donnees.get(f"constat_{e.pk}", "").strip() and not donnees.get(f"niveau_{e.pk}"):
                self.add_error(f"niveau_{e.pk}", "Choisissez un niveau pour garder ce constat.")
        return donnees

    def saisies(self) -> dict[int, tuple[str, str]]:
        d = self.cleaned_data
        return {e.pk: (d[f"niveau_{e.pk}"], d[f"constat_{e.pk}"]) for e in self.engagements}


class ActionForm(forms.Form):
    intitule = forms.CharField(label="Action", max_length=200)
    engagement = forms.ModelChoiceField(
        label="Engagement concerné", queryset=Engagement.objects.order_by("numero"),
        required=False, empty_label="Aucun en particulier",
    )  # fmt: skip
    description = forms.CharField(label="Description", required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    origine = forms.CharField(label="À l'origine", max_length=200, required=False,
                              help_text="Avis des usagers, auto-évaluation, réclamation…")  # fmt: skip
    echeance = forms.DateField(label="Échéance", required=False, widget=DateInput(),
                               help_text="Format : jj/mm/aaaa.")  # fmt: skip
    statut = forms.ChoiceField(label="Statut", choices=ActionAmelioration.Statut.choices,
                               initial=ActionAmelioration.Statut.PREVUE)  # fmt: skip
    avancement = forms.IntegerField(
        label="Avancement (%)", min_value=0, max_value=100, initial=0,
        help_text="De 0 à 100 ; une action réalisée est à 100 %.",
        error_messages={"min_value": "L'avancement va de 0 à 100 %%.",
                        "max_value": "L'avancement va de 0 à 100 %%.",
                        "invalid": "Indiquez un nombre entier, de 0 à 100."},
    )  # fmt: skip
    publique = forms.BooleanField(
        label="Montrer cette action sur la page publique « Nos résultats »", required=False,
        initial=True,
    )  # fmt: skip

    @classmethod
    def pour(cls, action: ActionAmelioration, data=None):
        initial = {
            "intitule": action.intitule, "engagement": action.engagement_id,
            "description": action.description, "origine": action.origine,
            "echeance": action.echeance, "statut": action.statut,
            "avancement": action.avancement, "publique": action.publique,
        }  # fmt: skip
        return cls(data, initial=initial, prefix=f"action-{action.pk}")

    def clean(self):
        donnees = super().clean()
        statut, avancement = donnees.get("statut"), donnees.get("avancement")
        if statut == ActionAmelioration.Statut.PREVUE and avancement == 100:
            self.add_error(
                "statut", "Une action avancée à 100 % est réalisée : changez son statut."
            )
        return donnees

    def saisie(self) -> SaisieAction:
        d = self.cleaned_data
        return SaisieAction(
            intitule=d["intitule"], engagement=d["engagement"], description=d["description"],
            origine=d["origine"], echeance=d["echeance"], statut=d["statut"],
            avancement=d["avancement"], publique=d["publique"],
        )  # fmt: skip


class AnneeForm(forms.Form):
    """The year selector (GET)."""

    annee = forms.TypedChoiceField(label="Année", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, annees: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [(a, str(a)) for a in annees]
        self.fields["annee"].error_messages["invalid_choice"] = (
            "Année sans résultats : choisissez une des années proposées."
        )
