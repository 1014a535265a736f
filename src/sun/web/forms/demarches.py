"""Public forms of the portal of démarches: the search (GET, works without JavaScript), the
deposit of a request through this site's own form, and the tracking of a request."""

from django import forms

from sun.relation.catalogue.recherche import PUBLICS, THEMES
from sun.relation.models import Canal
from sun.relation.registre.services import Coordonnees

_INCONNU = "« %(value)s » n'est pas un choix proposé."


class RechercheDemarchesForm(forms.Form):
    q = forms.CharField(label="Rechercher une démarche", required=False, max_length=200,
                        help_text="Par exemple : autonomie, handicap, RSA, assistant maternel.",
                        widget=forms.TextInput(attrs={"type": "search"}))  # fmt: skip
    theme = forms.ChoiceField(label="Thème", required=False,
                              error_messages={"invalid_choice": _INCONNU})  # fmt: skip
    public = forms.MultipleChoiceField(label="Pour qui ?", required=False,
                                       widget=forms.CheckboxSelectMultiple,
                                       error_messages={"invalid_choice": _INCONNU})  # fmt: skip
    canal = forms.MultipleChoiceField(label="Comment la faire ?", required=False,
                                      choices=Canal.Type.choices,
                                      widget=forms.CheckboxSelectMultiple,
                                      error_messages={"invalid_choice": _INCONNU})  # fmt: skip

    def __init__(self, *args, themes=(), publics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Tous les thèmes")] + [
            (t, THEMES.get(t, t)) for t in themes
        ]
        self.fields["public"].choices = [(p, PUBLICS.get(p, p)) for p in publics]

    def criteres(self) -> dict:
        """What can be used of the search (an unknown choice is left out)."""
        self.is_valid()
        donnees = getattr(self, "cleaned_data", {})
        theme = donnees.get("theme")
        return {"texte": donnees.get("q", ""), "themes": [theme] if theme else [],
                "publics": donnees.get("public", []), "canaux": donnees.get("canal", [])}  # fmt: skip


class DepotForm(forms.Form):
    nom = forms.CharField(label="Votre nom et prénom", max_length=150,
                          widget=forms.TextInput(attrs={"autocomplete": "name"}))  # fmt: skip
    courriel = forms.EmailField(label="Votre adresse électronique", required=False,
                                help_text="Pour recevoir l'accusé de réception par courriel.",
                                error_messages={"invalid": "Indiquez une adresse électronique "
                                                "valide, par exemple nom@exemple.fr."},
                                widget=forms.EmailInput(attrs={"autocomplete": "email"}))  # fmt: skip
    telephone = forms.CharField(label="Votre téléphone", required=False, max_length=30,
                                widget=forms.TextInput(attrs={"type": "tel",
                                                              "autocomplete": "tel"}))  # fmt: skip
    adresse = forms.CharField(label="Votre adresse postale", required=False, max_length=500,
                              widget=forms.Textarea(attrs={"rows": 2,
                                                           "autocomplete": "street-address"}))  # fmt: skip
    code_postal = forms.CharField(label="Votre code postal", required=False, max_length=5,
                                  help_text="5 chiffres. Il vous servira aussi à suivre votre "
                                  "demande.",
                                  widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                                "autocomplete": "postal-code"}))  # fmt: skip
    objet = forms.CharField(label="L'objet de votre demande", max_length=300,
                            help_text="En une phrase : ce que vous demandez.")  # fmt: skip
    message = forms.CharField(label="Votre message", required=False, max_length=2000,
                              help_text="Si vous voulez préciser votre situation. N'écrivez pas "
                              "d'informations de santé ni de numéro de sécurité sociale.",
                              widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
    # Robots fill every field; people do not see this one (hidden by the stylesheet).
    site_internet = forms.CharField(required=False, label="Ne pas remplir ce champ")

    def __init__(self, *args, reclamation: bool = False, services=(), **kwargs):
        """For a complaint (`reclamation`), its kind and, if known, the service concerned
        (`services`: (id, name) pairs)."""
        super().__init__(*args, **kwargs)
        if reclamation:
            from sun.relation.models import Typologie

            self.fields["typologie"] = forms.ChoiceField(
                label="Votre réclamation porte sur", choices=[("", "Choisissez…"), *Typologie.choices],
                error_messages={"required": "Dites sur quoi porte votre réclamation."},
            )  # fmt: skip
            self.fields["service_concerne"] = forms.TypedChoiceField(
                label="Le service concerné, si vous le savez", required=False, coerce=int,
                empty_value=None, choices=[("", "Je ne sais pas"), *services],
            )  # fmt: skip
            self.order_fields(["nom", "courriel", "telephone", "adresse", "code_postal",
                               "typologie", "service_concerne", "objet", "message"])  # fmt: skip

    def clean_telephone(self):
        from sun.core.telephone import international

        telephone = self.cleaned_data["telephone"].strip()
        if telephone and international(telephone) is None:
            raise forms.ValidationError("Indiquez un numéro de téléphone complet, par exemple "
                                        "04 68 11 68 11.")  # fmt: skip
        return telephone

    def clean_code_postal(self):
        code = self.cleaned_data["code_postal"].replace(" ", "")
        if code and not (len(code) == 5 and code.isdigit()):
            raise forms.ValidationError("Le code postal doit compter 5 chiffres.")
        return code

    def clean(self):
        donnees = super().clean()
        if donnees.get("site_internet"):
            raise forms.ValidationError("Demande refusée.")
        if self.errors:
            return donnees
        if not (donnees.get("courriel") or donnees.get("telephone", "").strip()
                or donnees.get("adresse", "").strip()):  # fmt: skip
            raise forms.ValidationError("Indiquez au moins un moyen de vous répondre : adresse "
                                        "électronique, téléphone ou adresse postale.")  # fmt: skip
        if donnees.get("adresse", "").strip() and not donnees.get("code_postal"):
            self.add_error("code_postal", "Avec une adresse postale, indiquez son code postal.")
        return donnees

    def coordonnees(self) -> Coordonnees:
        d = self.cleaned_data
        return Coordonnees(nom=d["nom"], courriel=d.get("courriel", ""),
                           telephone=d.get("telephone", ""), adresse=d.get("adresse", ""),
                           code_postal=d.get("code_postal", ""))  # fmt: skip


class SuiviForm(forms.Form):
    code = forms.CharField(label="Code de suivi", max_length=20,
                           help_text="Il figure sur votre accusé de réception, par exemple "
                           "K7MP-3WHX.",
                           widget=forms.TextInput(attrs={"autocomplete": "off",
                                                         "autocapitalize": "characters",
                                                         "spellcheck": "false"}))  # fmt: skip
    preuve = forms.CharField(label="Votre code postal ou votre nom", max_length=150,
                             help_text="Le code postal ou le nom donné lors de la demande.")  # fmt: skip
