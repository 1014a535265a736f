"""The quick activity form (« compte rendu d'activité ») and the import form.

The form only gathers what the médiateur typed; the rules are La Coop's and live in
`sun.inclusion.activites.valider`, shared with the imports. Nothing about the person is asked
but anonymous categories (gender, age band, social status), all optional.
"""

from django import forms
from django.utils import timezone

from sun.inclusion.activites import coop
from sun.inclusion.activites import regles as activites
from sun.inclusion.models import Lieu, Mediateur
from sun.inclusion.reseau.queries import lieux_en_cours
from sun.territoire.positions import PositionIntrouvable, resoudre
from sun.web.forms.fichiers import verifier_lisible

DUREES = [
    (str(m), f"{m // 60} h {m % 60:02d}" if m >= 60 else f"{m} min") for m in coop.DUREES_PROPOSEES
]
OUI_NON = [("", "Non renseigné"), ("oui", "Oui"), ("non", "Non")]
# Form fields that carry an error reported on a La Coop attribute.
CHAMP_DU_FORMULAIRE = {
    "structure_id": "lieu", "lieu_code_insee": "commune", "accompagnements": "participants",
    "thematiques": "thematiques", "genre": "participants", "age": "participants", "statut": "participants",
}  # fmt: skip


def _choix(valeurs: list[tuple]) -> list[tuple[str, str]]:
    return [(code, libelle) for _, code, libelle in valeurs]


class ActiviteForm(forms.Form):
    type = forms.ChoiceField(
        label="Type", choices=coop.TypeActivite.choices, widget=forms.RadioSelect
    )
    date = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    duree = forms.ChoiceField(
        label="Durée",
        choices=[*DUREES, ("autre", "Autre durée")],
        widget=forms.RadioSelect,
        initial="30",
    )
    duree_minutes = forms.IntegerField(
        label="Autre durée, en minutes", required=False, min_value=1, max_value=activites.DUREE_MAX
    )
    type_lieu = forms.ChoiceField(
        label="Où",
        choices=coop.TypeLieu.choices,
        widget=forms.RadioSelect,
        initial=coop.TypeLieu.LIEU_ACTIVITE,
    )
    lieu = forms.ModelChoiceField(
        label="Lieu d'activité", queryset=Lieu.objects.none(), required=False,
        empty_label="— Choisir —", help_text="Pour une activité dans un de vos lieux d'activité.",
    )  # fmt: skip
    commune = forms.CharField(
        label="Commune", required=False, max_length=100,
        help_text="Pour une activité à domicile ou dans un autre lieu : nom, code postal ou code INSEE.",
    )  # fmt: skip
    thematiques = forms.MultipleChoiceField(
        label="Thématiques (au moins une)", choices=coop.THEMATIQUES_MEDIATION.items(),
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    demarches = forms.MultipleChoiceField(
        label="Domaines de la démarche administrative", choices=coop.THEMATIQUES_DEMARCHES.items(),
        widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    precisions_demarche = forms.CharField(
        label="Précisions sur la démarche", required=False, max_length=500
    )
    materiel = forms.MultipleChoiceField(
        label="Matériel utilisé",
        choices=coop.MATERIEL.items(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    # Individual accompaniment
    autonomie = forms.ChoiceField(
        label="Autonomie de la personne",
        choices=[("", "Non renseignée"), *coop.Autonomie.choices],
        required=False,
    )
    oriente_vers_structure = forms.ChoiceField(
        label="Orientée vers une structure ?", choices=OUI_NON, required=False
    )
    structure_de_redirection = forms.ChoiceField(
        label="Vers quelle structure ?",
        choices=[("", "—"), *coop.StructureDeRedirection.choices],
        required=False,
    )
    genre = forms.ChoiceField(
        label="Genre", choices=[("", "Non communiqué"), *_choix(coop.GENRES)[:2]], required=False
    )
    tranche_age = forms.ChoiceField(
        label="Tranche d'âge",
        choices=[("", "Non communiquée"), *_choix(coop.TRANCHES_AGE)[:-1]],
        required=False,
    )
    statut_social = forms.ChoiceField(
        label="Statut",
        choices=[("", "Non communiqué"), *_choix(coop.STATUTS_SOCIAUX)[:-1]],
        required=False,
    )
    deja_accompagne = forms.BooleanField(
        label="Personne déjà accompagnée auparavant", required=False
    )
    # Collective workshop
    titre_atelier = forms.CharField(label="Titre de l'atelier", required=False, max_length=200)
    niveau_atelier = forms.ChoiceField(
        label="Niveau de l'atelier",
        choices=[("", "—"), *coop.NiveauAtelier.choices],
        required=False,
    )
    participants = forms.IntegerField(
        label="Nombre de participants", required=False, min_value=1, max_value=500
    )
    deja_accompagnes = forms.IntegerField(
        label="Dont déjà accompagnés auparavant", required=False, min_value=0, max_value=500
    )

    def __init__(self, *args, mediateur: Mediateur | None, code_departement: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()
        lieux = Lieu.objects.filter(statut=Lieu.Statut.ACTIF)
        if mediateur is not None and mediateur.lieux_activite.exists():
            lieux = lieux.filter(
                mediateurs__in=mediateur.lieux_activite.filter(lieux_en_cours())
            ).distinct()
        else:
            lieux = lieux.filter(code_insee__startswith=code_departement[:2])
        self.fields["lieu"].queryset = lieux.order_by("commune", "nom")
        self.fields["lieu"].label_from_instance = lambda lieu: f"{lieu.nom} ({lieu.commune})"
        # Counters of anonymous workshop participants, one number field per category.
        for prefixe, categories, _titre in coop.CATEGORIES_PUBLIC:
            for suffixe, _, libelle in categories[:-1]:
                self.fields[f"{prefixe}_{suffixe}"] = forms.IntegerField(
                    label=libelle, required=False, min_value=0, max_value=500
                )
        self.donnees_activite: dict = {}

    def groupes_public(self):
        """(title, bound fields) per category, for the workshop's fieldsets."""
        return [
            (titre, [self[f"{prefixe}_{suffixe}"] for suffixe, *_ in categories[:-1]])
            for prefixe, categories, titre in coop.CATEGORIES_PUBLIC
        ]

    def clean(self):
        d = super().clean()
        if self.errors:
            return d
        donnees = {
            "type": d["type"], "date": d["date"].isoformat(), "type_lieu": d["type_lieu"],
            "duree": d["duree_minutes"] if d["duree"] == "autre" else int(d["duree"]),
            "lieu": d["lieu"] if d["type_lieu"] == coop.TypeLieu.LIEU_ACTIVITE else None,
            "thematiques": [*d["thematiques"], *d["demarches"]], "materiel": d["materiel"],
            "precisions_demarche": d["precisions_demarche"],
        }  # fmt: skip
        if d["duree"] == "autre" and not d["duree_minutes"]:
            self.add_error("duree_minutes", "Indiquez la durée en minutes.")
            return d
        if d["demarches"] and "aide_aux_demarches_administratives" not in donnees["thematiques"]:
            donnees["thematiques"].insert(0, "aide_aux_demarches_administratives")
        if d["type_lieu"] == coop.TypeLieu.LIEU_ACTIVITE and d["lieu"] is None:
            self.add_error("lieu", "Choisissez le lieu d'activité.")
            return d
        if d["commune"] and d["type_lieu"] != coop.TypeLieu.LIEU_ACTIVITE:
            try:
                position = resoudre(d["commune"])
            except PositionIntrouvable as exc:
                message = str(exc)
                if exc.choix:  # a shared postcode: the name says which commune
                    noms = ", ".join(c.nom for c in exc.suggestions[:12])
                    suite = "…" if len(exc.suggestions) > 12 else ""
                    message += f" Indiquez le nom de la commune ({noms}{suite})."
                self.add_error("commune", message)
                return d
            if position.commune is not None:
                donnees["lieu_code_insee"] = position.commune.code_insee
        if d["type"] == coop.TypeActivite.INDIVIDUEL:
            donnees.update(self._individuel(d))
        else:
            donnees.update(self._collectif(d))
        verification = activites.valider(donnees)
        for champ, _valeur, raison in verification.problemes:
            nom = CHAMP_DU_FORMULAIRE.get(champ, champ if champ in self.fields else None)
            self.add_error(nom, f"{raison[0].upper()}{raison[1:]}.")
        self.donnees_activite = verification.valeurs
        return d

    @staticmethod
    def _individuel(d) -> dict:
        donnees = {
            "accompagnements": 1, "autonomie": d["autonomie"],
            "oriente_vers_structure": d["oriente_vers_structure"],
            "structure_de_redirection": d["structure_de_redirection"] if d["oriente_vers_structure"] == "oui" else "",
            "deja_accompagnes": 1 if d["deja_accompagne"] else 0,
        }  # fmt: skip
        for prefixe, choix, categories in (("genre", d["genre"], coop.GENRES), ("age", d["tranche_age"], coop.TRANCHES_AGE),
                                           ("statut", d["statut_social"], coop.STATUTS_SOCIAUX)):  # fmt: skip
            for suffixe, code, _ in categories:
                if code == choix:
                    donnees[f"{prefixe}_{suffixe}"] = 1
        return donnees

    def _collectif(self, d) -> dict:
        if not d["participants"]:
            self.add_error("participants", "Indiquez le nombre de participants.")
        donnees = {
            "accompagnements": d["participants"], "titre_atelier": d["titre_atelier"],
            "niveau_atelier": d["niveau_atelier"], "deja_accompagnes": d["deja_accompagnes"] or 0,
        }  # fmt: skip
        for nom in coop.champs_public():
            if d.get(nom):
                donnees[nom] = d[nom]
        return donnees


class ImportActivitesForm(forms.Form):
    fichier = forms.FileField(
        label="Fichier d'activités",
        help_text="JSON de l'API de La Coop (GET /api/v1/activites) ou CSV du modèle SUN, 20 Mo au plus.",
    )
    essai = forms.BooleanField(
        label="Essai à blanc : vérifier sans rien enregistrer", required=False
    )

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if fichier.size > 20 * 1024 * 1024:
            raise forms.ValidationError(
                "Fichier trop volumineux (20 Mo au plus) : demandez à l'administrateur de "
                "l'importer sur le serveur (sun inclusion activites importer FICHIER)."
            )
        verifier_lisible(fichier)
        return fichier


def valeurs_initiales(activite) -> dict:
    """The form's fields for an activity already recorded (to edit or duplicate it)."""
    preset = str(activite.duree) if activite.duree in coop.DUREES_PROPOSEES else "autre"
    initiales = {
        "type": activite.type, "date": activite.date, "duree": preset,
        "duree_minutes": activite.duree if preset == "autre" else None,
        "type_lieu": activite.type_lieu, "lieu": activite.lieu_id,
        "commune": activite.commune.nom if activite.commune_id and not activite.lieu_id else "",
        "thematiques": [t for t in activite.thematiques if t in coop.THEMATIQUES_MEDIATION],
        "demarches": [t for t in activite.thematiques if t in coop.THEMATIQUES_DEMARCHES],
        "precisions_demarche": activite.precisions_demarche, "materiel": activite.materiel,
        "autonomie": activite.autonomie, "structure_de_redirection": activite.structure_de_redirection,
        "oriente_vers_structure": {True: "oui", False: "non"}.get(activite.oriente_vers_structure, ""),
        "titre_atelier": activite.titre_atelier, "niveau_atelier": activite.niveau_atelier,
    }  # fmt: skip
    if activite.type == coop.TypeActivite.INDIVIDUEL:
        initiales["deja_accompagne"] = bool(activite.deja_accompagnes)
        for champ, prefixe, categories in (("genre", "genre", coop.GENRES), ("tranche_age", "age", coop.TRANCHES_AGE),
                                           ("statut_social", "statut", coop.STATUTS_SOCIAUX)):  # fmt: skip
            initiales[champ] = next(
                (
                    code
                    for suffixe, code, _ in categories[:-1]
                    if getattr(activite, f"{prefixe}_{suffixe}")
                ),
                "",
            )
    else:
        initiales["participants"] = activite.accompagnements
        initiales["deja_accompagnes"] = activite.deja_accompagnes
        for nom in coop.champs_public():
            if not nom.endswith("_non_communique"):
                initiales[nom] = getattr(activite, nom) or None
    return initiales
