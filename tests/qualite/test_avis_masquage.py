"""Masking of free texts, on realistic French sentences: what must be masked (e-mail
addresses, phone numbers, social security numbers, names of persons) and what must stay
(common words, titles, street and school names, the département's places)."""

import pytest

from sun.qualite.satisfaction.masquage import cle_de_lieu, masquer

LIEUX = frozenset(cle_de_lieu(n) for n in ["Carcassonne", "Limoux", "Lézignan-Corbières",
                                            "Castelnaudary", "Montréal", "Saint-Hilaire"])  # fmt: skip
C, T, N, S = "[courriel masqué]", "[téléphone masqué]", "[nom masqué]", "[numéro masqué]"


@pytest.mark.parametrize("texte, attendu", [
    ("Écrivez-moi à jean.dupont@orange.fr pour la suite.", f"Écrivez-moi à {C} pour la suite."),
    ("mon mail : marie-claire.durand+caf@laposte.net.", f"mon mail : {C}."),
    ("contact : j.martin @ gmail.com svp", f"contact : {C} svp"),
    ("écrivez à jean point dupont arobase gmail point com", f"écrivez à {C}"),
    ("adresse paul(at)free.fr", f"adresse {C}"),
])  # fmt: skip
def test_courriels(texte, attendu):
    assert masquer(texte, LIEUX) == attendu


@pytest.mark.parametrize("texte, attendu", [
    ("Rappelez-moi au 06 12 34 56 78 svp.", f"Rappelez-moi au {T} svp."),
    ("Tél. 04.68.11.22.33 ou 0612345678", f"Tél. {T} ou {T}"),
    ("mon portable +33 6 12 34 56 78", f"mon portable {T}"),
    ("joignable au +33612345678, ou 0033 4 68 11 22 33", f"joignable au {T}, ou {T}"),
    ("numéro +33 (0)7 81 22 33 44.", f"numéro {T}."),
    ("au 06-12-34-56-78 le matin", f"au {T} le matin"),
])  # fmt: skip
def test_telephones(texte, attendu):
    assert masquer(texte, LIEUX) == attendu


@pytest.mark.parametrize("texte", [
    "J'ai appelé le 3939 puis le 0 800 123 456, sans réponse.",
    "Dossier déposé le 12/03/2024, réponse en 45 jours pour 1 250 euros.",
    "Le dossier n° 2024-118 est en attente depuis 3 mois.",
    "Code postal 11000, 2 enfants, 15 ans de démarches.",
])  # fmt: skip
def test_nombres_qui_ne_sont_pas_des_telephones(texte):
    assert masquer(texte, LIEUX) == texte


def test_numero_de_securite_sociale():
    assert masquer("Mon numéro de sécu 1 85 05 11 069 123 45 ne passe pas.", LIEUX) == (
        f"Mon numéro de sécu {S} ne passe pas.")  # fmt: skip
    assert masquer("NIR 285057511906912", LIEUX) == f"NIR {S}"


@pytest.mark.parametrize("texte, attendu", [
    ("J'ai été très bien reçue par M. Dupont au guichet de Carcassonne.",
     f"J'ai été très bien reçue par M. {N} au guichet de Carcassonne."),
    ("Madame Martin m'a rappelée le lendemain, merci à elle.", f"Madame {N} m'a rappelée le lendemain, merci à elle."),
    ("Mme de La Tour est venue à domicile.", f"Mme {N} est venue à domicile."),
    ("M. J. Dupont-Moretti a tout expliqué.", f"M. {N} a tout expliqué."),
    ("Merci à Mademoiselle ROUX.", f"Merci à Mademoiselle {N}."),
    ("le Dr Benali de la PMI", f"le Dr {N} de la PMI"),
    ("Bonjour, je m'appelle jean dupont et j'attends depuis 3 mois.",
     f"Bonjour, je m'appelle {N} et j'attends depuis 3 mois."),
    ("Mon nom est Durand, dossier APA en attente.", f"Mon nom est {N}, dossier APA en attente."),
    ("Nom : Garcia. Prénom : Inès.", f"Nom : {N}. Prénom : {N}."),
    ("Je suis Marie Dupont, habitante de Lézignan-Corbières.", f"Je suis {N}, habitante de Lézignan-Corbières."),
    ("Reçue par Julie Ferrand, très gentille.", f"Reçue par {N}, très gentille."),
    ("Pierre Martin m'a aidé à remplir le dossier.", f"{N} m'a aidé à remplir le dossier."),
    ("j'ai vu Kylian MBAPPE à la mairie", f"j'ai vu {N} à la mairie"),
    ("Merci à Sophie pour son aide.", f"Merci à {N} pour son aide."),
    ("Le dossier MDPH est trop long. Cordialement, Paul", f"Le dossier MDPH est trop long. Cordialement, {N}"),
    ("Service lent, personne au téléphone.\nJean-Pierre Castagnet", f"Service lent, personne au téléphone.\n{N}"),
    ("Bien à vous.\nA. Ramirez", f"Bien à vous.\n{N}"),
    ("signé : Paul Martin", f"signé : {N}"),
])  # fmt: skip
def test_noms_de_personnes_masques(texte, attendu):
    assert masquer(texte, LIEUX) == attendu


@pytest.mark.parametrize("texte", [
    "Madame, Monsieur, le délai est beaucoup trop long.",
    "Madame la Maire a répondu. Monsieur le Président aussi.",
    "J'habite rue Jean Jaurès à Carcassonne, près du collège Jean Moulin.",
    "Très MAUVAIS service, la CAF ne répond pas.",
    "La Maison France Services de Limoux m'a bien aidé.",
    "Merci beaucoup.\nCarcassonne",
    "je suis très contente du service, merci !",
    "Le contrat signé hier ne marche toujours pas.",
    "Accueil au Département à Castelnaudary : rapide et clair.",
    "Claire et précise, l'information était bonne.",
    "Le site Internet de la MDPH ne marche pas sur mon téléphone.",
    "Je suis allée à Saint-Hilaire puis à Montréal pour rien.",
    "Moi c'est pareil, trois mois d'attente.",
    "Le formulaire APA est clair. Merci",
])  # fmt: skip
def test_ce_qui_n_est_pas_un_nom_reste(texte):
    assert masquer(texte, LIEUX) == texte


def test_phrase_melant_tout():
    texte = ("Bonjour, je m'appelle Nadia Belkacem, mon dossier RSA est bloqué à Limoux. "
             "Mme Roux m'a dit de rappeler au 04 68 11 22 33 ou d'écrire à n.belkacem@free.fr. "
             "Cordialement,\nNadia B.")  # fmt: skip
    assert masquer(texte, LIEUX) == (
        f"Bonjour, je m'appelle {N}, mon dossier RSA est bloqué à Limoux. Mme {N} m'a dit de "
        f"rappeler au {T} ou d'écrire à {C}. Cordialement,\n{N}"
    )


def test_texte_vide_et_texte_deja_masque():
    assert masquer("", LIEUX) == ""
    deja = f"Reçue par M. {N}, joignable au {T}."
    assert masquer(deja, LIEUX) == deja


@pytest.mark.django_db
def test_les_communes_du_departement_sont_gardees():
    from sun.qualite.satisfaction.services import texte_masque

    # Lieux of the Aude loaded by the tests' territory: « Bram » kept, a person masked.
    assert texte_masque("  Merci.\nBram  ") == "Merci.\nBram"
    assert texte_masque("Merci.\nBernard Castel") == f"Merci.\n{N}"
