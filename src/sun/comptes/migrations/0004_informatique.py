from django.db import migrations


def creer(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="informatique")


def supprimer(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="informatique").delete()


class Migration(migrations.Migration):
    dependencies = [("comptes", "0003_commune_partenaire")]
    operations = [migrations.RunPython(creer, supprimer)]
