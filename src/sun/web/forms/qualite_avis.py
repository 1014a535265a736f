"""Forms of the satisfaction questionnaire (one question per screen, each answer a submit
button) and of its agent-space pages (results filters, tablet set-up, JDMA import).

Against abuse, as the error reports of places: a field people do not see and robots fill in
(`site_internet`), bounded sizes, and a limit per client address counted when an answer is
created (views)."""

import uuid

from django import forms

from sun.qualite.models import Moderation, Satisfaction
from sun.qualite.satisfaction import questionnaire as q

HORS_ECHELLE = "Réponse refusée : choisissez une des réponses proposées."


class _Piege(forms.Form):
    # Robots fill every field; people do not see this one (hidden by the stylesheet).
    site_internet = forms.CharField(required=False, max_length=200, label="Ne pas remplir ce champ")

    def clean(self):
        donnees = super().clean()
        if donnees.get("site_internet"):
            raise forms.ValidationError("Avis refusé.")
        return donnees


class SatisfactionForm(_Piege):
    contexte = forms.CharField(widget=forms.HiddenInput, max_length=2000)
    satisfaction = forms.ChoiceField(choices=Satisfaction.choices, error_messages={
        "required": "Choisissez « Pas bien », « Moyen » ou « Très bien ».",
        "invalid_choice": "Réponse refusée : choisissez « Pas bien », « Moyen » ou « Très bien ».",
    })  # fmt: skip


class NoteForm(forms.Form):
    """A 1–5 answer (clarity, quality of the help); « passer » skips the question."""

    note = forms.TypedChoiceField(
        choices=[(n, str(n)) for n in q.ECHELLE_1_5], coerce=int, required=False,
        error_messages={"invalid_choice": "Réponse refusée : la note va de 1 à 5."},
    )  # fmt: skip
    passer = forms.CharField(required=False, max_length=10)

    def clean(self):
        donnees = super().clean()
        if not donnees.get("passer") and donnees.get("note") in (None, "") and not self.errors:
            raise forms.ValidationError("Choisissez une note de 1 à 5, ou passez la question.")
        return donnees


class AidesForm(forms.Form):
    aides = forms.MultipleChoiceField(
        choices=[(o.code, o.libelle) for o in q.CONTACT_TRIED if o.code != q.AIDE_SANS_BESOIN],
        required=False, widget=forms.CheckboxSelectMultiple, label=q.QUESTION_CONTACT_TRIED,
        error_messages={"invalid_choice": HORS_ECHELLE},
    )  # fmt: skip
    sans_besoin = forms.CharField(required=False, max_length=10)
    passer = forms.CharField(required=False, max_length=10)

    def codes(self) -> list[str]:
        if self.cleaned_data.get("sans_besoin"):
            return [q.AIDE_SANS_BESOIN, *self.cleaned_data.get("aides", [])]
        return list(self.cleaned_data.get("aides", []))

    def clean(self):
        donnees = super().clean()
        vide = not donnees.get("aides") and not donnees.get("sans_besoin")
        if not donnees.get("passer") and vide and not self.errors:
            raise forms.ValidationError(
                "Cochez au moins un moyen d'aide, choisissez « Je n'ai pas eu besoin d'aide » "
                "ou passez la question."
            )
        return donnees


class OuiNonForm(forms.Form):
    reponse = forms.ChoiceField(choices=[("oui", "Oui"), ("non", "Non")], required=False,
                                error_messages={"invalid_choice": "Réponse refusée : « Oui » ou « Non »."})  # fmt: skip
    passer = forms.CharField(required=False, max_length=10)

    def clean(self):
        donnees = super().clean()
        if not donnees.get("passer") and not donnees.get("reponse") and not self.errors:
            raise forms.ValidationError("Répondez « Oui » ou « Non », ou passez la question.")
        return donnees


class CommentaireForm(_Piege):
    verbatim = forms.CharField(
        required=False, label=q.QUESTION_VERBATIM, max_length=q.VERBATIM_MAX,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": q.VERBATIM_MAX, "autocomplete": "off"}),
        error_messages={"max_length": f"Votre commentaire est trop long : {q.VERBATIM_MAX} "
                        "caractères au plus."},
    )  # fmt: skip
    passer = forms.CharField(required=False, max_length=10)


# --- Agent space --------------------------------------------------------------------------
class FiltresAvisForm(forms.Form):
    service = forms.ModelChoiceField(queryset=None, required=False, empty_label="Tous")
    demarche = forms.ModelChoiceField(queryset=None, required=False, empty_label="Toutes",
                                      label="Démarche")  # fmt: skip
    canal = forms.ChoiceField(required=False)
    du = forms.DateField(required=False, label="Reçus du")
    au = forms.DateField(required=False, label="au")

    def __init__(self, *args, services, demarches, canaux, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["demarche"].queryset = demarches
        self.fields["canal"].choices = [("", "Tous"), *canaux]
        for nom in ("du", "au"):
            self.fields[nom].widget = forms.DateInput(attrs={"type": "date"})

    def filtres(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class BorneForm(forms.Form):
    service = forms.ModelChoiceField(queryset=None, label="Service",
                                     help_text="Le service dont la tablette recueille les avis.")  # fmt: skip
    lieu = forms.CharField(
        required=False, max_length=300, label="Lieu d'accueil (facultatif)",
        help_text="L'adresse de la page publique du lieu, ou son identifiant.",
    )  # fmt: skip
    demarche = forms.ModelChoiceField(queryset=None, required=False, empty_label="Aucune",
                                      label="Démarche (facultatif)")  # fmt: skip

    def __init__(self, *args, services, demarches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["demarche"].queryset = demarches

    def clean_lieu(self) -> str:
        texte = self.cleaned_data.get("lieu", "").strip().rstrip("/")
        if not texte:
            return ""
        try:
            return str(uuid.UUID(texte.rsplit("/", 1)[-1]))
        except ValueError as exc:
            raise forms.ValidationError(
                "Lieu non reconnu : collez l'adresse de sa page publique (…/lieux/<identifiant>/)."
            ) from exc


class ImportAvisForm(forms.Form):
    fichier = forms.FileField(label="Export CSV de « Je donne mon avis »")
    service = forms.ModelChoiceField(queryset=None, required=False, empty_label="Aucun",
                                     label="Service des avis (facultatif)")  # fmt: skip
    demarche = forms.ModelChoiceField(queryset=None, required=False, empty_label="Aucune",
                                      label="Démarche des avis (facultatif)")  # fmt: skip
    essai = forms.BooleanField(required=False, label="Essai à blanc (rien n'est enregistré)")
    confirmer = forms.BooleanField(
        required=False, label="Importer même si plus de 20 % des lignes sont refusées"
    )

    def __init__(self, *args, services, demarches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["demarche"].queryset = demarches

    def clean(self):
        donnees = super().clean()
        service, demarche = donnees.get("service"), donnees.get("demarche")
        if service and demarche and demarche.service_id != service.pk:
            raise forms.ValidationError("Cette démarche n'est pas traitée par ce service.")
        return donnees


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(Moderation.ACCEPTE, "Accepter"), (Moderation.ECARTE, "Écarter")],
        error_messages={"invalid_choice": "Décision inconnue : « Accepter » ou « Écarter »."},
    )
