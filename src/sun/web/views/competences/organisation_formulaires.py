"""Forms of the organisation pages (directions, people, elected officials): they only read
what was typed; the services check it and write."""

from django import forms

from sun.competences.models import Direction, Personne


class MaDirectionForm(forms.Form):
    direction = forms.ModelChoiceField(Direction.objects.all(), label="Ma direction",
                                       empty_label="Choisissez votre direction")  # fmt: skip


class DirectionForm(forms.Form):
    code = forms.CharField(label="Code", max_length=40, required=False,
                           help_text="Minuscules sans accent, chiffres et tirets, par exemple "
                           "« routes-mobilites ». Il ne change plus ensuite.")  # fmt: skip
    nom = forms.CharField(label="Nom", max_length=200, required=False)
    sigle = forms.CharField(label="Sigle", max_length=20, required=False)

    def __init__(self, *args, renommer: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if renommer:
            del self.fields["code"]


class ImportDirectionsForm(forms.Form):
    fichier = forms.FileField(label="Fichier CSV (colonnes code;nom;sigle)")


def _personnes():
    return Personne.objects.agents().order_by("nom", "prenom")


class PersonneForm(forms.Form):
    nom = forms.CharField(label="Nom", max_length=100, required=False)
    prenom = forms.CharField(label="Prénom", max_length=100, required=False)
    courriel = forms.CharField(label="Adresse électronique", max_length=254, required=False)
    categorie = forms.ChoiceField(label="Catégorie", choices=[
        (Personne.Categorie.AGENT, "Agent"), (Personne.Categorie.ENCADRANT, "Encadrant")])  # fmt: skip
    direction = forms.ModelChoiceField(Direction.objects.all(), label="Direction",
                                       required=False, empty_label="Aucune")  # fmt: skip
    responsable = forms.ModelChoiceField(_personnes(), label="Responsable", required=False,
                                         empty_label="Aucun")  # fmt: skip


class ResponsableForm(forms.Form):
    responsable = forms.ModelChoiceField(_personnes(), label="Responsable", required=False,
                                         empty_label="Aucun")  # fmt: skip


class EluForm(forms.Form):
    nom = forms.CharField(label="Nom", max_length=100, required=False)
    prenom = forms.CharField(label="Prénom", max_length=100, required=False)
    courriel = forms.CharField(label="Adresse électronique", max_length=254, required=False)
    consentement_le = forms.DateField(
        label="Consentement recueilli le", required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Sans consentement, l'élu n'est pas enregistré.",
    )  # fmt: skip
    consentement_modalite = forms.CharField(
        label="Comment le consentement a été recueilli", max_length=200, required=False,
        help_text="Par exemple : formulaire signé remis au service formation.",
    )  # fmt: skip
