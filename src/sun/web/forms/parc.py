"""Forms of the fleet's inventory (agent space, module « parc »). They check what was typed
and hand plain values to `sun.parc.services` (and `sun.parc.sites`); they never write. A
refusal of the life cycle (`RefusCycleVie`) goes back on its field with `rattacher`."""

from django import forms
from django.conf import settings

from sun.parc.models import Equipement, EvenementCycleVie, Reparateur, Site
from sun.parc.referentiel import VALEUR_DON_MAX, Destination, Etat, Voie
from sun.territoire.models import Commune

FORMATS_DATE = ["%Y-%m-%d", "%d/%m/%Y"]
CHAMPS_EQUIPEMENT = [
    "type", "nom", "fabricant", "modele", "numero_inventaire", "numero_serie",
    "date_acquisition", "prix_acquisition", "achat", "reconditionneur", "date_fin_garantie",
    "proprietaire", "site", "commune", "date_mise_en_service", "duree_vie_cible",
    "informations_classifiees", "obligations_securite", "commentaire",
]  # fmt: skip
ETATS_INITIAUX = [(e.value, e.label) for e in (Etat.EN_SERVICE, Etat.EN_STOCK, Etat.COMMANDE)]
EXPLICATION_OBJECTIF = (
    "Pour l'objectif du décret n° 2023-266 (50 % des équipements réformés orientés vers le "
    "réemploi dès 2025), une sortie ne compte que si : sa voie est le réemploi, la "
    "réutilisation ou le don ; le preneur s'est engagé par écrit à réemployer l'équipement "
    "au plus tard le jour de la sortie ; et il a ensuite prouvé ce réemploi. Le recyclage et "
    "la destruction ne comptent jamais, ni un équipement de plus de dix ans le jour de sa "
    "réforme, ni les serveurs, équipements réseau et vidéoprojecteurs (hors du champ)."
)


def date_field(label: str, required: bool = True, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, input_formats=FORMATS_DATE,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs,
    )  # fmt: skip


def texte_long(label: str, required: bool = False, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}), **kwargs)  # fmt: skip


def rattacher(form: forms.Form, refus) -> None:
    """Show a refusal of the life cycle on its field (or above the form)."""
    form.add_error(refus.champ if refus.champ in form.fields else None, refus.message)


def communes_du_departement():
    return Commune.objects.filter(departement__code=settings.SUN_DEPARTEMENT).order_by("nom")


def reparateurs():
    return Reparateur.objects.order_by("nom")


class ChoixReparateur(forms.ModelChoiceField):
    """A repairer of the directory, its demonstration ones said so."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.nom} (démonstration)" if obj.demonstration else obj.nom


_DATES = {"date_acquisition", "date_fin_garantie", "date_mise_en_service"}
_CHAMPS_MODELE = forms.fields_for_model(
    Equipement, fields=CHAMPS_EQUIPEMENT,
    widgets={nom: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for nom in _DATES}
    | {"commentaire": forms.Textarea(attrs={"rows": 3}),
       "prix_acquisition": forms.TextInput(attrs={"inputmode": "decimal"})},
    localized_fields=["prix_acquisition"],
    error_messages={"type": {"invalid_choice": "Type d'équipement inconnu : « %(value)s ».",
                             "required": "Choisissez le type de l'équipement."}},
    help_texts={"numero_inventaire": "Il identifie l'équipement (à défaut, son numéro de "
                                     "série) : deux équipements n'ont pas le même.",
                "prix_acquisition": "En euros hors taxes, par exemple 849,90.",
                "nom": "Le nom de la machine (hors nom de personne)."},
)  # fmt: skip


class _BaseEquipement(forms.Form):
    def __init__(self, *args, creation: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for nom in _DATES:
            self.fields[nom].input_formats = FORMATS_DATE
        self.fields["commune"].queryset = communes_du_departement()
        self.fields["site"].queryset = Site.objects.order_by("nom")
        self.fields["reconditionneur"].queryset = reparateurs()
        if not creation:
            del self.fields["etat"]


EquipementForm = type("EquipementForm", (_BaseEquipement,), {
    "etat": forms.ChoiceField(label="État à l'entrée dans l'inventaire", choices=ETATS_INITIAUX,
                              initial=Etat.EN_SERVICE),
    **_CHAMPS_MODELE,
})  # fmt: skip


class EtatForm(forms.Form):
    etat = forms.ChoiceField(label="Nouvel état")
    date = date_field("Date du changement")
    commentaire = texte_long("Commentaire")

    def __init__(self, *args, etats=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["etat"].choices = list(etats)


class ReformeForm(forms.Form):
    date = date_field("Date de réforme")
    commentaire = texte_long("Motif de la réforme",
                             help_text="Panne, obsolescence, fin de la durée de vie prévue…")  # fmt: skip


class SortieForm(forms.Form):
    voie = forms.ChoiceField(
        label="Voie de sortie", choices=Voie.choices, widget=forms.RadioSelect,
        error_messages={"required": "Une sortie du parc doit dire sa voie : réemploi, "
                                    "réutilisation, don, recyclage ou destruction.",
                        "invalid_choice": "Voie de sortie inconnue : « %(value)s »."},
    )  # fmt: skip
    destination = forms.ChoiceField(
        label="Preneur", choices=[("", "Choisir…"), *Destination.choices],
        error_messages={"required": "Indiquez qui prend l'équipement (preneur)."},
    )  # fmt: skip
    destinataire = forms.CharField(label="Nom du preneur", max_length=200,
                                   error_messages={"required": "Indiquez le nom du preneur."})  # fmt: skip
    destinataire_siret = forms.RegexField(
        label="SIRET du preneur", regex=r"^\d{14}$", required=False,
        error_messages={"invalid": "Un SIRET a 14 chiffres, sans espace."},
        help_text="14 chiffres (facultatif ; pas pour un agent).",
    )  # fmt: skip
    prestataire = ChoixReparateur(label="Prestataire (réparateur, reconditionneur, "
                                         "filière)", queryset=Reparateur.objects.none(),
                                         required=False, empty_label="Aucun")  # fmt: skip
    date = date_field("Date de sortie", error_messages={"required": "Indiquez la date de sortie."})
    justification = texte_long(
        "Justification", required=True,
        help_text="Motif, décision, bon d'enlèvement ou numéro de convention.",
        error_messages={"required": "Justifiez la sortie (motif, bon d'enlèvement, décision…)."},
    )  # fmt: skip
    date_engagement = date_field(
        "Engagement de réemploi du preneur signé le", required=False,
        help_text="Au plus tard le jour de la sortie, pour que la sortie compte.",
    )  # fmt: skip
    reference_engagement = forms.CharField(label="Référence de l'engagement", max_length=200,
                                           required=False)  # fmt: skip
    date_preuve = date_field("Preuve du réemploi reçue le", required=False,
                             help_text="Après la sortie ; vous pourrez l'ajouter plus tard.")  # fmt: skip
    reference_preuve = forms.CharField(label="Référence de la preuve", max_length=200,
                                       required=False)  # fmt: skip
    valeur_unitaire = forms.DecimalField(
        label="Valeur unitaire (€), pour un don", required=False, max_digits=8,
        decimal_places=2, localize=True, widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=f"Un bien donné gratuitement vaut au plus {VALEUR_DON_MAX} € (CGPPP D3212-3).",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prestataire"].queryset = reparateurs()

    def clean_valeur_unitaire(self):
        valeur = self.cleaned_data.get("valeur_unitaire")
        if valeur is not None and valeur < 0:
            raise forms.ValidationError("Une valeur ne peut pas être négative.")
        return valeur


class PreuveForm(forms.Form):
    date_preuve = date_field("Preuve du réemploi reçue le")
    reference_preuve = forms.CharField(label="Référence de la preuve", max_length=200,
                                       required=False,
                                       help_text="Attestation, bon de réemploi, courriel…")  # fmt: skip


class AnnulationForm(forms.Form):
    motif = texte_long("Pourquoi annuler cette sortie ?", required=True,
                       error_messages={"required": "Dites pourquoi la sortie est annulée."})  # fmt: skip


Genre = EvenementCycleVie.Genre
INTERVENTIONS = [(g.value, g.label) for g in (Genre.REPARATION, Genre.AMELIORATION,
                                               Genre.RECONDITIONNEMENT)]  # fmt: skip


class InterventionForm(forms.Form):
    genre = forms.ChoiceField(label="Intervention", choices=INTERVENTIONS,
                              widget=forms.RadioSelect,
                              error_messages={"invalid_choice": "Intervention inconnue."})  # fmt: skip
    date = date_field("Date de l'intervention")
    prestataire = ChoixReparateur(label="Réparateur ou reconditionneur",
                                         queryset=Reparateur.objects.none(), required=False,
                                         empty_label="Service informatique (en interne)")  # fmt: skip
    commentaire = texte_long("Ce qui a été fait",
                             help_text="Pièce changée, mémoire ajoutée, système réinstallé…")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prestataire"].queryset = reparateurs()


class SiteForm(forms.Form):
    nom = forms.CharField(label="Nom", max_length=200)
    genre = forms.ChoiceField(label="Genre", choices=Site.Genre.choices)
    code_uai = forms.CharField(label="Code UAI (collège)", max_length=8, required=False,
                               help_text="Sept chiffres et une lettre, par exemple 0110001A.")  # fmt: skip
    commune = forms.ModelChoiceField(label="Commune", queryset=Commune.objects.none(),
                                     required=False, empty_label="Aucune")  # fmt: skip
    effectif = forms.IntegerField(label="Effectif (agents)", required=False, min_value=0,
                                  help_text="Pour l'empreinte par agent ; vide si inconnu.")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_du_departement()
