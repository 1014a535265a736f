"""Forms of the wing « panels »: volunteer, join as an agent, open a consultation, answer.
They check only the shape of what was typed; the rules are sun.projets.panels.services'."""

from django import forms

from sun.projets.models import Avis, Demande, ExpressionBesoin

CONSENTEMENT = (
    "J'accepte que le Département de l'Aude conserve mon prénom, mon adresse électronique, ma "
    "commune (si je l'indique), mes sujets d'intérêt et mes réponses, dans le seul but de me "
    "demander mon avis sur les évolutions de ses outils numériques, jusqu'à ce que je quitte "
    "le panel. Je peux quitter le panel à tout moment avec le lien reçu dans chaque courriel : "
    "mes données sont alors supprimées et mes réponses déjà données restent anonymes."
)
CONSENTEMENT_AGENT = (
    "J'accepte que mon prénom, mon adresse électronique professionnelle, mes sujets d'intérêt "
    "et mes réponses soient conservés, dans le seul but de me demander mon avis sur les "
    "évolutions des outils numériques du Département, jusqu'à ce que je quitte le panel "
    "(depuis cette page ou avec le lien reçu par courriel) : mes données sont alors supprimées "
    "et mes réponses restent anonymes."
)


class InscriptionForm(forms.Form):
    prenom = forms.CharField(label="Prénom", max_length=100, required=False)
    courriel = forms.CharField(label="Adresse électronique", max_length=254, required=False,
                               widget=forms.EmailInput(attrs={"autocomplete": "email"}))  # fmt: skip
    code_insee = forms.CharField(label="Commune (facultatif)", max_length=5, required=False,
                                 help_text="Le code INSEE à 5 chiffres de votre commune "
                                 "(par exemple 11069 pour Carcassonne).")  # fmt: skip
    centres_interet = forms.CharField(label="Sujets qui vous intéressent (facultatif)",
                                      max_length=300, required=False,
                                      help_text="Par exemple : démarches en ligne, site "
                                      "internet, transports scolaires.")  # fmt: skip
    consentement = forms.BooleanField(label=CONSENTEMENT, required=False)


class RejoindreForm(forms.Form):
    centres_interet = InscriptionForm.base_fields["centres_interet"]
    consentement = forms.BooleanField(label=CONSENTEMENT_AGENT, required=False)


def _titre(objet) -> str:
    return f"n° {objet.pk} — {objet.titre}" + (" (démonstration)" if objet.demonstration else "")


class _Choix(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _titre(obj)


class ConsultationForm(forms.Form):
    demande = _Choix(Demande.objects.none(), label="Demande sur un outil", required=False,
                     empty_label="— (aucune : je consulte sur un besoin)")  # fmt: skip
    besoin = _Choix(ExpressionBesoin.objects.none(), label="ou besoin exprimé", required=False,
                    empty_label="— (aucun)")  # fmt: skip
    question = forms.CharField(label="Question posée", required=False,
                               initial="Cette évolution vous serait-elle utile ?",
                               widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    publics = forms.ChoiceField(label="Membres consultés", initial="tous",
                                choices=[("tous", "Tous les membres"), ("agent", "Les agents"),
                                         ("usager", "Les usagers")])  # fmt: skip
    close_le = forms.DateField(label="Réponses jusqu'au", required=False,
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               help_text="Au format JJ/MM/AAAA ou AAAA-MM-JJ.")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["demande"].queryset = Demande.objects.ouvertes().order_by("-pk")
        self.fields["besoin"].queryset = ExpressionBesoin.objects.order_by("-pk")


class AvisForm(forms.Form):
    reponse = forms.ChoiceField(label="Cette évolution serait pour vous…", required=False,
                                choices=Avis.Reponse.choices, widget=forms.RadioSelect)  # fmt: skip
    commentaire = forms.CharField(label="Commentaire (facultatif)", required=False,
                                  max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text="N'indiquez ni nom ni information personnelle.")  # fmt: skip
