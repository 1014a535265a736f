from django.db import migrations


def creer(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="archiviste")


def supprimer(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="archiviste").delete()


class Migration(migrations.Migration):
    dependencies = [("comptes", "0004_informatique")]
    operations = [migrations.RunPython(creer, supprimer)]
