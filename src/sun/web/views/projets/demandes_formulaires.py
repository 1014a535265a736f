"""Forms of the wing « demandes »: submit a request, qualify it, mark it as a duplicate, filter
the backlog. They only read and check the shape of what was typed; the rules are the
services' (sun.projets.demandes.services)."""

from django import forms

from sun.competences.models import Direction
from sun.projets.demandes import queries
from sun.projets.models import Demande, Nature, TypeDemande

FREQUENCES = [("", "— (non renseignée)"), *Demande.Frequence.choices]
EFFORTS = [("", "— (à estimer)"), ("1", "1 — très faible"), ("2", "2 — faible"),
           ("3", "3 — moyen"), ("4", "4 — important"), ("5", "5 — très important")]  # fmt: skip
STATUTS = [(v, lib) for v, lib in Demande.Statut.choices if v != Demande.Statut.DOUBLON]


def _nom_outil(o) -> str:
    return f"{o.nom} (démonstration)" if getattr(o, "demonstration", False) else o.nom


def _nom_direction(d) -> str:
    return f"{d.nom} (démonstration)" if d.demonstration else d.nom


class _Outil(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _nom_outil(obj)


class _Direction(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _nom_direction(obj)


class DemandeForm(forms.Form):
    titre = forms.CharField(label="Titre", max_length=255, required=False,
                            help_text="En une phrase : ce qu'il faudrait pouvoir faire, ou ce "
                            "qui ne fonctionne pas.")  # fmt: skip
    description = forms.CharField(label="Description", required=False,
                                  widget=forms.Textarea(attrs={"rows": 6}),
                                  help_text="Le contexte, ce que vous faites aujourd'hui, ce "
                                  "que vous attendez.")  # fmt: skip
    nature = forms.ChoiceField(label="Nature", choices=Nature.choices, required=False)
    type = forms.ModelChoiceField(TypeDemande.objects.none(), label="Type", required=False,
                                  empty_label="— (je ne sais pas)")  # fmt: skip
    outil = _Outil(queries.outils(), label="Outil concerné", required=False,
                   empty_label="— (aucun outil en particulier)")  # fmt: skip
    direction = _Direction(Direction.objects.order_by("nom"), label="Direction", required=False,
                           empty_label="— (non précisée)")  # fmt: skip
    utilisateurs_concernes = forms.IntegerField(label="Nombre d'utilisateurs concernés",
                                                required=False, min_value=0,
                                                help_text="Une estimation suffit.")  # fmt: skip
    frequence = forms.ChoiceField(label="Fréquence d'usage", choices=FREQUENCES, required=False)
    pas_la_meme = forms.BooleanField(label="Ce n'est pas la même demande", required=False)

    def __init__(self, *args, nature: str = "", doublon: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = TypeDemande.objects.proposes(nature)
        if nature and nature != Nature.EVOLUTION:
            del self.fields["utilisateurs_concernes"], self.fields["frequence"]
        if not doublon:
            del self.fields["pas_la_meme"]

    def champs_principaux(self):
        return [self[n] for n in self.fields if n != "pas_la_meme"]


class QualificationForm(forms.Form):
    statut = forms.ChoiceField(label="Statut", choices=STATUTS)
    type = forms.ModelChoiceField(TypeDemande.objects.order_by("libelle"), label="Type",
                                  required=False, empty_label="— (à préciser)")  # fmt: skip
    outil = _Outil(queries.outils(), label="Outil concerné", required=False,
                   empty_label="— (aucun outil en particulier)")  # fmt: skip
    utilisateurs_concernes = forms.IntegerField(label="Nombre d'utilisateurs concernés",
                                                required=False, min_value=0)  # fmt: skip
    frequence = forms.ChoiceField(label="Fréquence d'usage", choices=FREQUENCES, required=False)
    obligation_legale = forms.BooleanField(label="Obligation légale ou réglementaire",
                                           required=False)  # fmt: skip
    effort = forms.TypedChoiceField(label="Effort estimé", choices=EFFORTS, required=False,
                                    coerce=int, empty_value=None)  # fmt: skip

    @staticmethod
    def initial_de(d: Demande) -> dict:
        return {"statut": d.statut, "type": d.type_id, "outil": d.outil_id,
                "utilisateurs_concernes": d.utilisateurs_concernes, "frequence": d.frequence,
                "obligation_legale": d.obligation_legale,
                "effort": "" if d.effort is None else str(d.effort)}  # fmt: skip


class DoublonForm(forms.Form):
    original = forms.IntegerField(label="Doublon de la demande n°", min_value=1, required=False)


class FiltreCarnetForm(forms.Form):
    outil = forms.ChoiceField(label="Outil", required=False)
    direction = forms.ChoiceField(label="Direction", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outil"].choices = [("", "Tous les outils")] + [
            (o.slug, _nom_outil(o)) for o in queries.outils()
        ]
        self.fields["direction"].choices = [("", "Toutes les directions")] + [
            (d.code, _nom_direction(d)) for d in Direction.objects.order_by("nom")
        ]
