"""Forms of the action page: what a pilot steers, and dated progress notes."""

from django import forms
from django.utils import timezone

from sun.pilotage.models import Action, NoteSuivi, ValeurIndicateur
from sun.pilotage.queries import comptes_pilotes
from sun.web.identifiants import ChoixMultiplesBornes


class ActionForm(forms.ModelForm):
    """`peut_assigner`: the pilots are chosen here (among the accounts with the pilot role)
    only by those who may assign them; for others the field shows them and is ignored."""

    class Meta:
        model = Action
        fields = [
            "statut",
            "priorite",
            "pilotes",
            "date_debut",
            "date_fin_prevue",
            "description",
            "objectifs",
            "publique",
        ]
        widgets = {
            "pilotes": forms.CheckboxSelectMultiple,
            "date_debut": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "date_fin_prevue": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "objectifs": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"pilotes": ChoixMultiplesBornes}  # no server error on a huge key

    def __init__(self, *args, peut_assigner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        champ = self.fields["pilotes"]
        champ.queryset = comptes_pilotes(self.instance)
        champ.label_from_instance = lambda compte: compte.get_full_name() or compte.username
        champ.help_text = (
            "Parmi les comptes qui ont le rôle « pilote » ; les pilotes modifient l'action."
            if peut_assigner
            else "Seul un administrateur désigne les pilotes."
        )
        champ.disabled = not peut_assigner

    def clean(self):
        donnees = super().clean()
        debut, fin = donnees.get("date_debut"), donnees.get("date_fin_prevue")
        if debut and fin and fin < debut:
            self.add_error("date_fin_prevue", "La fin prévue ne peut pas précéder le début.")
        return donnees


class NoteForm(forms.ModelForm):
    class Meta:
        model = NoteSuivi
        fields = ["date", "texte"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "texte": forms.Textarea(attrs={"rows": 3})}  # fmt: skip
        labels = {"texte": "Ce qui a été fait, ce qui bloque"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class ValeurForm(forms.ModelForm):
    class Meta:
        model = ValeurIndicateur
        fields = ["date", "resultat", "objectif", "source", "commentaire"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "commentaire": forms.Textarea(attrs={"rows": 2})}  # fmt: skip
        help_texts = {"source": "D'où vient la valeur : outil, rapport, service…"}

    def clean(self):
        donnees = super().clean()
        if donnees.get("resultat") is None and donnees.get("objectif") is None:
            raise forms.ValidationError("Indiquez un résultat, une cible, ou les deux.")
        return donnees
