"""Forms of the donation pages. They read and type the fields; the rules (SIRET, RNA,
erasure, €300 cap…) are the services' (`sun.parc.dons.services`), whose refusals are shown
as the page's error."""

from django import forms

from sun.parc.models import Don
from sun.parc.referentiel import BaseLegaleDon, TypeEquipement


def _date(label: str, requis: bool = False, aide: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=requis, help_text=aide,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))  # fmt: skip


class DonForm(forms.Form):
    lieu = forms.UUIDField(required=False, widget=forms.HiddenInput)
    beneficiaire = forms.CharField(label="Bénéficiaire", max_length=200, required=False,
                                   help_text="Pour un lieu du registre : son nom, si vous "
                                   "laissez ce champ vide.")  # fmt: skip
    siret = forms.CharField(label="SIRET", max_length=20, required=False,
                            help_text="14 chiffres. Un lieu du registre, ou un SIRET, ou un "
                            "numéro RNA est obligatoire (sauf don aux agents).")  # fmt: skip
    rna = forms.CharField(label="Numéro RNA (associations)", max_length=12, required=False,
                          help_text="W suivi de 9 chiffres, par exemple W111000000.")  # fmt: skip
    adresse = forms.CharField(label="Adresse", max_length=250, required=False)
    contact = forms.CharField(label="Contact (nom, courriel ou téléphone)", max_length=200,
                              required=False)  # fmt: skip
    base_legale = forms.ChoiceField(label="Base légale", choices=BaseLegaleDon.choices,
                                    initial=BaseLegaleDon.L3212_2_11)  # fmt: skip
    etat_materiel = forms.ChoiceField(label="État du matériel", choices=Don.Etat.choices,
                                      initial=Don.Etat.BON)  # fmt: skip
    commentaire = forms.CharField(label="Commentaire", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}))  # fmt: skip


class AcceptationForm(forms.Form):
    date_convention = _date("Convention signée le", requis=True)
    engagement_reemploi = forms.BooleanField(
        label="Engagement de réemploi signé par le bénéficiaire",
        required=False,
        help_text="Sans lui, le don ne compte pas dans le taux de réemploi (décret n° 2023-266).",
    )


class RemiseForm(forms.Form):
    date_remise = _date("Remis le", requis=True)
    effacement = forms.ChoiceField(label="Effacement des données", required=False,
                                   choices=[("", "—"), *Don.Effacement.choices],
                                   help_text="Obligatoire pour les ordinateurs, tablettes, "
                                   "smartphones et serveurs.")  # fmt: skip
    effacement_date = _date("Date de l'effacement")
    effacement_outil = forms.CharField(label="Outil ou procédure d'effacement", max_length=200,
                                       required=False)  # fmt: skip
    valeur_unitaire = forms.DecimalField(label="Valeur unitaire estimée (€)", min_value=0,
                                         max_digits=8, decimal_places=2, required=False,
                                         help_text="300 € au plus par bien cédé gratuitement "
                                         "(CGPPP D3212-3).")  # fmt: skip
    engagement_reemploi = forms.BooleanField(label="Engagement de réemploi signé",
                                             required=False)  # fmt: skip
    pour_le_reemploi = forms.BooleanField(
        label="Compter ce don dans le taux de réemploi",
        required=False,
        initial=True,
        help_text="Demande l'engagement de réemploi signé avant la remise.",
    )


class PreuveForm(forms.Form):
    date_preuve = _date("Preuve du réemploi reçue le", requis=True)
    reference = forms.CharField(label="Référence de la preuve", max_length=200, required=False)


class AnnulationForm(forms.Form):
    motif = forms.CharField(label="Motif de l'annulation", required=False,
                            widget=forms.Textarea(attrs={"rows": 2, "maxlength": 2000}))  # fmt: skip


class VisibiliteForm(forms.Form):
    visible_sur_lieu = forms.BooleanField(
        label="Afficher « Matériel reçu du Département » sur la page publique du lieu",
        required=False,
    )


TYPES = [("", "Tous les types"), *TypeEquipement.choices]
