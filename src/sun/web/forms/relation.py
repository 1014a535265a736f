"""Forms of the register of requests and of the catalogue in the agent space. They check what
was typed and hand plain values to the services (`sun.relation.registre.services`,
`sun.relation.catalogue.services*`); they never write."""

from pathlib import Path

from django import forms

from sun.core.imports.bornes import YAML_TAILLE_MAX, en_mo
from sun.relation.catalogue.recherche import PUBLICS, THEMES
from sun.relation.models import (
    Canal,
    CanalDemande,
    Demarche,
    Regime,
    ServiceInstructeur,
    Statut,
    Typologie,
    Unite,
)
from sun.relation.registre.statuts import suivants


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _date(label: str, **options) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), **options)


NOUVELLE_PERSONNE = "nouvelle"


class DemandeForm(forms.Form):
    """A request received on any channel, in the order a phone agent asks: who, what, how,
    when. The person is either one found again (`usager`) or a new one (name + one contact)."""

    usager = forms.ChoiceField(label="La personne", widget=forms.RadioSelect, required=False)
    nom = forms.CharField(label="Nom et prénom", max_length=150, required=False,
                          widget=forms.TextInput(attrs={"autocomplete": "off"}))  # fmt: skip
    telephone = forms.CharField(label="Téléphone", max_length=30, required=False,
                                widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}))  # fmt: skip
    code_postal = forms.CharField(label="Code postal", max_length=5, required=False,
                                  help_text="La personne le donnera pour suivre sa demande.",
                                  widget=forms.TextInput(attrs={"inputmode": "numeric"}))  # fmt: skip
    courriel = forms.EmailField(label="Courriel", required=False,
                                help_text="S'il est donné, l'accusé de réception part aussitôt.",
                                widget=forms.EmailInput(attrs={"autocomplete": "off"}))  # fmt: skip
    adresse = forms.CharField(label="Adresse postale", required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    demarche = forms.ChoiceField(label="Démarche")
    objet = forms.CharField(label="Objet", max_length=300, required=False,
                            help_text="En quelques mots, si utile.")  # fmt: skip
    canal = forms.ChoiceField(label="Reçue par", choices=CanalDemande.choices,
                              initial=CanalDemande.TELEPHONE)  # fmt: skip
    recue_le = _date("Reçue le")
    typologie = forms.ChoiceField(label="Type de réclamation", required=False,
                                  choices=[("", "—"), *Typologie.choices])  # fmt: skip
    service_concerne = forms.ModelChoiceField(
        label="Service concerné par la réclamation", required=False,
        queryset=ServiceInstructeur.objects.order_by("nom"), empty_label="—",
    )  # fmt: skip

    def __init__(self, *args, groupes=(), trouves=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["demarche"].choices = [("", "— Choisir la démarche —")] + [
            (theme, [(d.slug, d.titre) for d in liste]) for theme, liste in groupes
        ]
        self.reclamations = {d.slug for _, liste in groupes for d in liste if d.reclamation}
        self.fields["usager"].choices = [(str(u.pk), u.nom) for u in trouves] + [
            (NOUVELLE_PERSONNE, "Une nouvelle personne")
        ]

    def clean_demarche(self):
        slug = self.cleaned_data["demarche"]
        demarche = Demarche.objects.select_related("service").filter(slug=slug).first()
        if demarche is None:
            raise forms.ValidationError("Démarche inconnue.")
        return demarche

    def clean_code_postal(self):
        cp = self.cleaned_data["code_postal"].strip()
        if cp and not (len(cp) == 5 and cp.isdigit()):
            raise forms.ValidationError("Le code postal doit compter 5 chiffres.")
        return cp

    def clean(self):
        donnees = super().clean()
        demarche = donnees.get("demarche")
        choix = donnees.get("usager") or NOUVELLE_PERSONNE
        donnees["usager"] = choix
        if choix == NOUVELLE_PERSONNE:
            if not (donnees.get("nom") or "").strip():
                self.add_error("nom", "Indiquez le nom de la personne.")
            elif not any((donnees.get(c) or "").strip()
                         for c in ("telephone", "courriel", "adresse")):  # fmt: skip
                self.add_error("telephone", "Indiquez au moins un moyen de répondre : "
                                            "téléphone, courriel ou adresse postale.")  # fmt: skip
        if demarche is not None and demarche.reclamation:
            if not donnees.get("typologie"):
                self.add_error("typologie", "Une réclamation doit avoir un type.")
            if not donnees.get("service_concerne"):
                self.add_error("service_concerne", "Indiquez le service concerné.")
        elif demarche is not None:
            donnees["typologie"], donnees["service_concerne"] = "", None
        return donnees


class _Statut(forms.ChoiceField):
    """Shows the statuses the workflow allows now, accepts any status: a page left open while
    the request moved on gets the workflow's own reason (registre.statuts), not « choix
    invalide »."""

    def valid_value(self, value) -> bool:
        return value in Statut.values


class StatutForm(forms.Form):
    vers = _Statut(label="Nouveau statut")
    le = _date("Date de la décision", required=False,
               help_text="Aujourd'hui si vide (pour une décision).")  # fmt: skip
    commentaire = forms.CharField(label="Commentaire", required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args, statut: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vers"].choices = [(s.value, s.label) for s in suivants(statut)]


class PiecesForm(forms.Form):
    pieces = forms.CharField(label="Pièces ou informations manquantes",
                             help_text="Une par ligne.", max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    a_fournir_avant = _date("À fournir avant le")
    le = _date("Demandées le", required=False, help_text="Aujourd'hui si vide.")
    commentaire = forms.CharField(label="Commentaire", required=False, max_length=2000)

    def clean_pieces(self):
        return [
            ligne.strip() for ligne in self.cleaned_data["pieces"].splitlines() if ligne.strip()
        ]


class ReceptionPiecesForm(forms.Form):
    le = _date("Pièces reçues le", required=False, help_text="Aujourd'hui si vide.")


class NoteForm(forms.Form):
    texte = forms.CharField(label="Note", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class AccuseForm(forms.Form):
    MOYENS = [("courriel", "Envoyer par courriel maintenant"),
              ("courrier", "Envoyé par courrier"),
              ("main propre", "Remis en main propre")]  # fmt: skip
    moyen = forms.ChoiceField(label="Accusé de réception", choices=MOYENS, widget=forms.RadioSelect)


# --- Catalogue ---------------------------------------------------------------------------


class ListeLignes(forms.CharField):
    """A list typed one item per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        return [ligne.strip() for ligne in (value or "").splitlines() if ligne.strip()]


class DemarcheForm(forms.Form):
    titre = forms.CharField(label="Titre", max_length=200)
    titre_falc = forms.CharField(label="Titre facile à lire", max_length=200, required=False)
    resume = forms.CharField(label="En bref (phrases courtes, sans jargon)",
                             widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    publics = forms.MultipleChoiceField(label="Pour qui", choices=list(PUBLICS.items()),
                                        widget=forms.CheckboxSelectMultiple, required=False)  # fmt: skip
    theme = forms.ChoiceField(label="Thème", choices=list(THEMES.items()))
    service = forms.ModelChoiceField(label="Service en charge",
                                     queryset=ServiceInstructeur.objects.order_by("nom"))  # fmt: skip
    documents = ListeLignes(label="Pièces à fournir", required=False, help_text="Une par ligne.")
    cout = forms.CharField(label="Coût", max_length=200)
    voies_de_recours = forms.CharField(
        label="Voies et délais de recours, s'ils sont particuliers", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Un recours préalable obligatoire, un autre tribunal… Vide : les voies "
        "générales (recours gracieux ou hiérarchique, tribunal administratif, deux mois). "
        "« {tribunal} » écrit le tribunal réglé pour le site.",
    )  # fmt: skip
    saisine_electronique = forms.BooleanField(label="Saisine par voie électronique (CRPA L112-8)",
                                              required=False)  # fmt: skip
    teleservice_exclusif = forms.BooleanField(
        label="Téléservice seul valable en ligne (CRPA L112-9)", required=False)  # fmt: skip
    page_service_public = forms.URLField(label="Page service-public.fr", required=False,
                                         assume_scheme="https")  # fmt: skip
    delai_annonce_jours = forms.IntegerField(label="Délai de traitement annoncé (jours)",
                                             required=False, min_value=1, max_value=3650)  # fmt: skip
    demarche_phare = forms.BooleanField(label="Démarche phare (Services Publics+)", required=False)
    reclamation = forms.BooleanField(label="Démarche de réclamation (médiateur)", required=False)
    ouverte_le = _date("Proposée depuis le")
    publiee = forms.BooleanField(label="Publiée sur le portail", required=False)
    source = forms.CharField(label="Source des informations", max_length=300, required=False)

    def __init__(self, *args, admin: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not admin:
            del self.fields["service"]  # only administrators move a démarche to another service

    @classmethod
    def de(cls, demarche: Demarche, donnees=None, *, admin: bool = False) -> "DemarcheForm":
        initial = {f: getattr(demarche, f) for f in cls.base_fields if f != "service"}
        initial["service"] = demarche.service_id
        return cls(donnees, initial=initial, admin=admin)


class RegimeForm(forms.Form):
    regime = forms.ChoiceField(label="Décision implicite", choices=Regime.choices)
    delai_valeur = forms.IntegerField(label="Délai", min_value=1, max_value=366)
    delai_unite = forms.ChoiceField(label="Unité du délai", choices=Unite.choices)
    base_legale = forms.CharField(label="Base légale", max_length=300, required=False)
    appliquer = forms.ChoiceField(
        label="À quelles demandes s'applique la nouvelle règle ?", widget=forms.RadioSelect,
        choices=[("nouvelles", "Aux nouvelles demandes seulement (la règle change à partir "
                               "d'aujourd'hui)"),
                 ("toutes", "À toutes les demandes déjà reçues aussi (le catalogue était faux) : "
                            "leurs dates sont recalculées")],
    )  # fmt: skip

    def clean(self):
        donnees = super().clean()
        if donnees.get("regime") in (Regime.SVA, Regime.SVR) and not donnees.get("base_legale"):
            self.add_error("base_legale", "Un régime de décision implicite doit donner sa base "
                                          "légale (par exemple : CRPA L231-1).")  # fmt: skip
        return donnees


class CanalForm(forms.Form):
    type = forms.ChoiceField(label="Canal", choices=Canal.Type.choices)
    outil = forms.ChoiceField(label="Outil en ligne", choices=Canal.Outil.choices, required=False)
    url = forms.URLField(label="Adresse du formulaire en ligne", required=False,
                         assume_scheme="https")  # fmt: skip
    telephone = forms.CharField(label="Téléphone", max_length=30, required=False)
    courriel = forms.EmailField(label="Adresse électronique", required=False)
    adresse = forms.CharField(label="Adresse (courrier ou guichet)", required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    horaires = forms.CharField(label="Horaires", max_length=300, required=False)
    precisions = forms.CharField(label="Ce qu'il faut savoir", required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    @classmethod
    def de(cls, canal: Canal | None, donnees=None) -> "CanalForm":
        initial = {f: getattr(canal, f) for f in cls.base_fields} if canal else {}
        return cls(donnees, initial=initial)


class CatalogueFichierForm(forms.Form):
    fichier = forms.FileField(label="Fichier de catalogue",
                              help_text=f"YAML ou CSV, {en_mo(YAML_TAILLE_MAX)} au plus. Un "
                                        "fichier avec une erreur est refusé en entier.")  # fmt: skip

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if Path(fichier.name or "").suffix.lower() not in (".yaml", ".yml", ".csv"):
            raise forms.ValidationError("Le fichier doit être un YAML (.yaml) ou un CSV (.csv).")
        if fichier.size > YAML_TAILLE_MAX:
            raise forms.ValidationError(
                f"Fichier trop volumineux : {en_mo(YAML_TAILLE_MAX)} au plus. Rien n'a été "
                "enregistré."
            )
        return fichier


class ServiceForm(forms.Form):
    nom = forms.CharField(label="Désignation", max_length=200)
    adresse_postale = forms.CharField(label="Adresse postale",
                                      widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    telephone = forms.CharField(label="Téléphone", max_length=30)
    courriel = forms.EmailField(label="Adresse électronique", required=False)
    horaires = forms.CharField(label="Horaires d'accueil", max_length=300, required=False)

    @classmethod
    def de(cls, service: ServiceInstructeur, donnees=None) -> "ServiceForm":
        return cls(donnees, initial={f: getattr(service, f) for f in cls.base_fields})


class InstructeurForm(forms.Form):
    utilisateur = forms.ModelChoiceField(label="Compte ayant le rôle Instructeur", queryset=None,
                                         empty_label="— Choisir —")  # fmt: skip

    def __init__(self, *args, possibles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["utilisateur"].queryset = possibles
