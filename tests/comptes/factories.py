"""Accounts with roles, created by the same service as `sun comptes creer`."""

import factory
from django.contrib.auth import get_user_model

from sun.comptes.services import creer_utilisateur

MOT_DE_PASSE = "Mot-de-passe-solide-42"


class UtilisateurFactory(factory.django.DjangoModelFactory):
    """`UtilisateurFactory(roles=[Role.AGENT])`: an account holding those roles (groups), staff
    if administrator, with the password MOT_DE_PASSE unless `mot_de_passe` is given."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"utilisateur-{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.fr")
    first_name = ""
    roles = ()
    mot_de_passe = MOT_DE_PASSE

    @classmethod
    def _create(cls, model_class, username, roles, mot_de_passe, email, first_name, **autres):
        utilisateur, _ = creer_utilisateur(
            username, list(roles), email=email, mot_de_passe=mot_de_passe, nom_affiche=first_name
        )
        if autres:
            for champ, valeur in autres.items():
                setattr(utilisateur, champ, valeur)
            utilisateur.save(update_fields=list(autres))
        return utilisateur
