"""Forms of the wing « taux » (agent space): they check what was typed and hand plain values to
`sun.parc.taux.services`, which refuses (in French) what the decrees do not allow; they never
write. Amounts are typed as text (« 1 234,50 ») and read by the service."""

from django import forms

from sun.parc.referentiel import CategorieAchat
from sun.web.forms.relation import DateInput


class AchatForm(forms.Form):
    date = forms.DateField(label="Date de l'achat (ou de la facture)", widget=DateInput())
    categorie = forms.ChoiceField(label="Catégorie de produits (décret n° 2024-134)",
                                  choices=CategorieAchat.choices,
                                  initial=CategorieAchat.INFORMATIQUE)  # fmt: skip
    libelle = forms.CharField(label="Libellé", max_length=250,
                              help_text="Ce qui a été acheté, par exemple « 20 écrans 24 pouces ».")  # fmt: skip
    montant_ht = forms.CharField(label="Montant (€ HT)", max_length=20,
                                 help_text="En euros hors taxes, par exemple 1 234,50.")  # fmt: skip
    issu_reemploi = forms.BooleanField(label="Issu du réemploi ou de la réutilisation "
                                       "(matériel reconditionné, d'occasion)", required=False)  # fmt: skip
    avec_recycle = forms.BooleanField(label="Intègre des matières recyclées", required=False)
    issu_don = forms.BooleanField(label="Reçu en don", required=False)
    valeur_forfaitaire_don = forms.CharField(
        label="Valeur forfaitaire du don (€)", max_length=20, required=False,
        help_text="Seulement pour un bien reçu en don : sa valeur selon la grille de l'arrêté "
                  "du 29 février 2024.",
    )  # fmt: skip
    reference_marche = forms.CharField(label="Référence du marché ou de la commande",
                                       max_length=120, required=False)  # fmt: skip
    fournisseur = forms.CharField(label="Fournisseur", max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["montant_ht"].widget.attrs["inputmode"] = "decimal"
        self.fields["valeur_forfaitaire_don"].widget.attrs["inputmode"] = "decimal"
