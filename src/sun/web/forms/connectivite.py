"""Forms of the difficulties reported by communes (agent space). They check what was typed and
hand plain values to `sun.connectivite.signalements.services`; they never write."""

from django import forms

from sun.connectivite.models import Categorie, Statut
from sun.connectivite.signalements.services import LOCAUX_MAX, LONGUEUR_MAX_DESCRIPTION

AIDE_DONNEES = (
    "N'indiquez ni nom, ni téléphone, ni courriel d'habitant : ils seraient masqués avant "
    "l'enregistrement. L'adresse et la situation suffisent."
)


class SignalementForm(forms.Form):
    """A new case. `communes`: the communes the user may report for (a commune account: its
    own, fixed and shown, not chosen)."""

    commune = forms.ModelChoiceField(label="Commune", queryset=None, empty_label="Choisir…")
    categorie = forms.ChoiceField(label="Type de difficulté", choices=Categorie.choices,
                                  widget=forms.RadioSelect)  # fmt: skip
    adresse = forms.CharField(label="Adresse concernée", max_length=300,
                              help_text="Numéro et voie, ou lieu-dit (les locaux concernés).")  # fmt: skip
    identifiant_ban = forms.CharField(
        label="Identifiant de l'adresse dans la Base adresse nationale", max_length=50,
        required=False, help_text="Facultatif, par exemple 11011_0030_00012.",
    )  # fmt: skip
    nombre_locaux = forms.IntegerField(label="Nombre de locaux concernés", min_value=1,
                                       max_value=LOCAUX_MAX, initial=1)  # fmt: skip
    description = forms.CharField(
        label="Description", max_length=LONGUEUR_MAX_DESCRIPTION, help_text=AIDE_DONNEES,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": LONGUEUR_MAX_DESCRIPTION}),
    )  # fmt: skip

    def __init__(self, *args, communes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes
        if len(communes) == 1:  # a commune account: its commune, fixed
            self.fields["commune"].initial = communes[0]
            self.fields["commune"].empty_label = None
            self.fields["commune"].disabled = True


class StatutForm(forms.Form):
    vers = forms.ChoiceField(label="Nouveau statut")
    operateur = forms.CharField(
        label="Opérateur ou gestionnaire saisi", max_length=100, required=False,
        help_text="Quand le signalement lui est transmis (facultatif).",
    )  # fmt: skip
    commentaire = forms.CharField(
        label="Commentaire pour la commune", required=False, max_length=2000,
        help_text="Obligatoire pour clore : ce qui a été fait, ou pourquoi c'est sans suite.",
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )  # fmt: skip

    def __init__(self, *args, suivants: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vers"].choices = [(s, Statut(s).label) for s in suivants]


class CommentaireForm(forms.Form):
    commentaire = forms.CharField(label="Commentaire", max_length=2000, help_text=AIDE_DONNEES,
                                  widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}))  # fmt: skip


class RetraitForm(forms.Form):
    commentaire = forms.CharField(
        label="Pourquoi le retirer ? (facultatif)", max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 2000}),
    )  # fmt: skip
