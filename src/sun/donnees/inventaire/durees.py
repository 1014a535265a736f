"""The retention of each of SUN's processing, as a French sentence read from the settings SUN
already applies (its purges), and the sentence of a rule of the tableau de gestion."""

from django.conf import settings

REGLE_A_VENIR = ("La durée d'utilité administrative et le sort final suivent la règle du "
                 "tableau de gestion de ces enregistrements.")  # fmt: skip


def _comptes() -> str:
    jours = getattr(settings, "SUN_CONNEXION_CONSERVATION_JOURS", 180)
    return ("Un compte est conservé tant que la personne exerce la fonction qui le justifie, "
            "puis désactivé ; les tentatives de connexion échouées et le journal des "
            f"connexions (identifiant, adresse IP, navigateur) sont supprimés après {jours} "
            "jours, chaque jour.")  # fmt: skip


def _demandes() -> str:
    ans = getattr(settings, "SUN_RELATION_CONSERVATION_ANS", 5)
    return ("Les coordonnées d'un usager sont conservées tant qu'une de ses demandes est "
            f"ouverte, puis {ans} ans après la dernière décision (délais de recours) ; elles "
            "sont alors effacées et les demandes restent, anonymes, pour les statistiques.")  # fmt: skip


def _appels() -> str:
    cle = bool(getattr(settings, "SUN_TELEPHONIE_CLE", ""))
    return ("Le numéro de l'appelant n'est jamais enregistré"
            + (" : seule son empreinte (HMAC) est gardée, pour compter les rappels. "
               if cle else " (aucune clé d'empreinte n'est réglée : il est écarté à "
               "l'import). ")
            + REGLE_A_VENIR)  # fmt: skip


DUREES = {
    "comptes": _comptes,
    "traces": lambda: (
        "Le nom de l'auteur reste attaché à l'enregistrement tant que celui-ci "
        "est conservé ; un compte supprimé laisse l'enregistrement sans nom."
    ),
    "demandes": _demandes,
    "appels": _appels,
    "signalements_lieux": lambda: (
        "Le message et le courriel facultatif sont conservés le "
        "temps de traiter la correction. " + REGLE_A_VENIR
    ),
    "orientations": lambda: (
        "Aucune donnée d'identification n'est enregistrée ; les "
        "orientations, anonymes, restent pour les statistiques."
    ),
    "activites": lambda: (
        "Les comptes rendus d'activité ne nomment pas les personnes "
        "accompagnées ; la fiche d'un médiateur est conservée tant qu'il "
        "exerce, puis marquée inactive. " + REGLE_A_VENIR
    ),
    "avis": lambda: (
        "Les avis sont anonymes ; leur commentaire est masqué dès la réception "
        "(courriels, numéros, noms). " + REGLE_A_VENIR
    ),
    "connectivite": lambda: (
        "Un signalement est conservé jusqu'à sa clôture puis le temps du "
        "suivi du déploiement ; un compte de commune tant que la fonction "
        "est exercée. " + REGLE_A_VENIR
    ),
    "dons": lambda: (
        "Le dossier d'un don (convention, bénéficiaire, preuve du réemploi) est "
        "conservé pour justifier la sortie du patrimoine et le taux de réemploi. " + REGLE_A_VENIR
    ),
    "formations": lambda: (
        "La fiche d'un agent et ses inscriptions sont conservées tant qu'il travaille au "
        "Département (livret individuel de formation, décret 2008-830) ; celle d'un élu pendant "
        "son mandat ou jusqu'au retrait de son consentement : les inscriptions restent alors, "
        "anonymes, pour les chiffres. " + REGLE_A_VENIR
    ),
    "diagnostics": lambda: (
        "Un diagnostic est conservé tant que la personne travaille au Département ; elle le "
        "supprime quand elle veut. Les chiffres par direction ne gardent que des moyennes."
    ),
    "referents": lambda: (
        "Une fiche de référent est conservée tant que l'agent exerce ce rôle, puis désactivée."
    ),
    "panels": lambda: (
        "La fiche d'un volontaire est conservée jusqu'à ce qu'il quitte le panel (supprimée à "
        "l'instant) ; ses avis restent, sans nom."
    ),
    "reparateurs": lambda: (
        "Une fiche est conservée tant que l'acteur exerce et accepte "
        "d'être publié ; retirée à sa demande."
    ),
}


def phrase(cle: str) -> str:
    return DUREES[cle]()


def texte_regle(regle) -> str:
    """« Règle D-12 (Demandes des usagers) : durée d'utilité administrative 5 an(s) à compter
    de : Clôture du dossier ; sort final : Détruire ; données personnelles anonymisées après
    12 mois. »"""
    texte = (f"Règle {regle.code} ({regle.typologie}) : durée d'utilité administrative "
             f"{regle.dua_valeur} {regle.get_dua_unite_display()} à compter de : "
             f"{regle.get_point_depart_display()} ; sort final : "
             f"{regle.get_sort_final_display()}")  # fmt: skip
    if regle.rgpd_valeur is not None:
        texte += (f" ; données personnelles anonymisées après {regle.rgpd_valeur} "
                  f"{regle.get_rgpd_unite_display()}")  # fmt: skip
    return texte + "."
