"""`sun projets` actions of the wing « panels »: `panel` prints the members of the user panels
by type and the consultations still open."""

from sun.cli.sortie import OK


def panel(args) -> int:
    from django.utils import timezone

    from sun.cli.sortie import verifier_base
    from sun.projets.models import Consultation, MembrePanel
    from sun.projets.panels.services import sujet

    verifier_base()
    comptes = MembrePanel.objects.reels().compte_par_type()
    demo = MembrePanel.objects.de_demonstration().count()
    print(f"Panel des utilisateurs : {sum(comptes.values())} membre(s).")
    for valeur, libelle in MembrePanel.Type.choices:
        print(f"  {libelle} : {comptes.get(valeur, 0)}")
    if demo:
        print(f"  ({demo} membre(s) de démonstration non compté(s))")
    aujourd_hui = timezone.localdate()
    ouvertes = list(Consultation.objects.avec_liens().avec_nombre_avis().ouvertes(aujourd_hui))
    if not ouvertes:
        print("Aucune consultation ouverte.")
        return OK
    print(f"Consultations ouvertes : {len(ouvertes)}")
    for c in ouvertes:
        print(f"  n° {c.pk} — {sujet(c)} : {c.nombre_avis} avis sur {c.envoyee_a} membre(s) "
              f"sollicité(s), jusqu'au {c.close_le:%d/%m/%Y}")  # fmt: skip
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
    p = actions.add_parser("panel", help="imprime les membres du panel des utilisateurs par "
                           "type et les consultations ouvertes")  # fmt: skip
    p.set_defaults(fonction=panel)
