"""Forms of the wing « besoins »: the functional-specification template (one text per section,
its guidance as help text, the sobriety criteria as check boxes), the status change, the list
filter. They only check the shape of what was typed; the rules are the services'
(sun.projets.besoins.services)."""

from django import forms

from sun.projets.besoins import modele, queries, services
from sun.projets.models import ExpressionBesoin


class _Direction(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nom} (démonstration)" if obj.demonstration else obj.nom


class _Outil(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nom} (démonstration)" if getattr(obj, "demonstration", False) else obj.nom


class BesoinForm(forms.Form):
    titre = forms.CharField(label="Intitulé du besoin", max_length=200, required=False,
                            help_text="En une phrase : ce que le service doit permettre.")  # fmt: skip
    direction = _Direction(label="Direction qui exprime le besoin", required=False,
                           queryset=queries.directions())  # fmt: skip
    outil = _Outil(label="Outil existant concerné (facultatif)", required=False,
                   queryset=queries.outils(), empty_label="— aucun, c'est un besoin nouveau")  # fmt: skip
    criteres_sobriete = forms.MultipleChoiceField(
        label="Critères de sobriété numérique retenus", required=False,
        choices=modele.CRITERES_SOBRIETE, widget=forms.CheckboxSelectMultiple,
        help_text="Inspirés du référentiel général d'écoconception de services numériques "
                  "(RGESN). Cochez au moins un critère avant de soumettre.")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for s in modele.SECTIONS:
            self.fields[s.code] = forms.CharField(
                label=s.titre, required=False, widget=forms.Textarea(attrs={"rows": 4}),
                help_text=f"{s.aide} Exemple : « {s.exemple} »")  # fmt: skip
        # The sections follow the tool, before the criteria.
        ordre = ["titre", "direction", "outil", *modele.CODES_SECTIONS, "criteres_sobriete"]
        self.order_fields(ordre)

    @staticmethod
    def initial_de(b: ExpressionBesoin) -> dict:
        sections = {c: getattr(b, c) for c in modele.CODES_SECTIONS}
        return {"titre": b.titre, "direction": b.direction_id, "outil": b.outil_id,
                "criteres_sobriete": list(b.criteres_sobriete or []), **sections}  # fmt: skip

    def saisie(self) -> services.Saisie:
        d = self.cleaned_data
        return services.Saisie(
            titre=d.get("titre") or "", direction=d.get("direction"), outil=d.get("outil"),
            sections={c: d.get(c) or "" for c in modele.CODES_SECTIONS},
            criteres=list(d.get("criteres_sobriete") or []),
        )  # fmt: skip


STATUTS_ETUDE = [(s.value, s.label) for s in services.STATUTS_ETUDE]


class StatutForm(forms.Form):
    statut = forms.ChoiceField(label="Nouveau statut", choices=STATUTS_ETUDE)


class FiltreForm(forms.Form):
    statut = forms.ChoiceField(label="Statut", required=False,
                               choices=[("", "Tous"), *ExpressionBesoin.Statut.choices])  # fmt: skip
