"""Forms of the inventory pages: they only parse; the checks that matter are the service's
(sun.donnees.inventaire.services), whose messages are tied back to the fields."""

from django import forms

from sun.donnees.models import (
    BaseLegale,
    JeuDeDonnees,
    MotifFermeture,
    Nature,
    Ouverture,
    RegleConservation,
    StatutJeu,
)
from sun.donnees.referentiel import Frequence


def _choix(enum, vide: str = "—") -> list:
    return [("", vide), *enum.choices]


def _texte(label: str, lignes: int = 3, aide: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=False, help_text=aide,
                           widget=forms.Textarea(attrs={"rows": lignes}))  # fmt: skip


class EntreeForm(forms.Form):
    nom = forms.CharField(label="Nom", max_length=200)
    nature = forms.ChoiceField(label="Nature", choices=Nature.choices, initial=Nature.JEU)
    description = _texte("Description")
    service = forms.CharField(label="Service propriétaire", max_length=200)
    referent = forms.CharField(label="Référent (administrateur de la donnée)", max_length=200,
                               required=False)  # fmt: skip
    application = forms.CharField(label="Application source", max_length=200, required=False)
    finalite = forms.CharField(label="Finalité", widget=forms.Textarea(attrs={"rows": 3}))
    champs = _texte("Champs (un par ligne)", 5)
    frequence = forms.ChoiceField(label="Fréquence de mise à jour", choices=Frequence.choices,
                                  initial=Frequence.INCONNUE)  # fmt: skip
    ouverture = forms.ChoiceField(label="Ouverture", choices=Ouverture.choices,
                                  initial=Ouverture.A_OUVRIR)  # fmt: skip
    motif_fermeture = forms.ChoiceField(label="Motif de non-ouverture", required=False,
                                        choices=_choix(MotifFermeture),
                                        help_text="Obligatoire pour une donnée restreinte ou "
                                        "non communicable.")  # fmt: skip
    motif_detail = _texte("Précisions sur le motif", 2)
    jeu = forms.ModelChoiceField(label="Jeu publié du catalogue", required=False,
                                 queryset=JeuDeDonnees.objects.filter(statut=StatutJeu.PUBLIE),
                                 help_text="Seulement pour une donnée ouverte.")  # fmt: skip
    donnees_personnelles = forms.BooleanField(label="Contient des données personnelles",
                                              required=False)  # fmt: skip
    categories_donnees = _texte("Catégories de données personnelles",
                                aide="Obligatoire avec des données personnelles (RGPD, "
                                "article 30), comme les cinq champs suivants.")  # fmt: skip
    donnees_sensibles = _texte("Données sensibles (RGPD, article 9)", 2)
    categories_personnes = _texte("Catégories de personnes concernées", 2)
    base_legale = forms.ChoiceField(label="Base légale (RGPD, article 6)", required=False,
                                    choices=_choix(BaseLegale))  # fmt: skip
    destinataires = _texte("Destinataires", 2)
    transferts_hors_ue = _texte("Transferts hors de l'Union européenne", 2)
    duree_conservation = _texte("Durées de conservation", 2)
    mesures_securite = _texte("Mesures de sécurité")
    regle = forms.ModelChoiceField(label="Règle du tableau de gestion", required=False,
                                   queryset=RegleConservation.objects.all())  # fmt: skip


class CompletementForm(forms.Form):
    """The fields of a SUN-kept entry a person completes (services.CHAMPS_SUN_LIBRES)."""

    service = forms.CharField(label="Service propriétaire", max_length=200)
    referent = forms.CharField(label="Référent (administrateur de la donnée)", max_length=200,
                               required=False)  # fmt: skip
    application = forms.CharField(label="Application (nom donné par le Département)",
                                  max_length=200, required=False)  # fmt: skip
    regle = forms.ModelChoiceField(label="Règle du tableau de gestion", required=False,
                                   queryset=RegleConservation.objects.all())  # fmt: skip
    mesures_complementaires = _texte("Mesures de sécurité complémentaires", 4,
                                     "Hébergement, sauvegardes, habilitations… ce que SUN ne "
                                     "peut pas savoir.")  # fmt: skip


def lier_erreurs(form: forms.Form, erreurs: dict[str, str]) -> None:
    for champ, message in erreurs.items():
        form.add_error(champ if champ in form.fields else None, message)
