from django.db import migrations


def creer(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="formation")


def supprimer(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="formation").delete()


class Migration(migrations.Migration):
    dependencies = [("comptes", "0005_archiviste")]
    operations = [migrations.RunPython(creer, supprimer)]
