from django.db import migrations

GROUPES = ("commune", "partenaire")


def creer(apps, schema_editor):
    for nom in GROUPES:
        apps.get_model("auth", "Group").objects.get_or_create(name=nom)


def supprimer(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPES).delete()


class Migration(migrations.Migration):
    dependencies = [("comptes", "0002_instructeur")]
    operations = [migrations.RunPython(creer, supprimer)]
