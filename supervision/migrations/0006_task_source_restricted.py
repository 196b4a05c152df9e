from django.db import migrations, models


def mark_restricted(apps, schema_editor):
    """Items filed before the flag: marked from their sources as the source apps declare them
    now (supervision.sources; the declarations are registered before migrations run)."""
    from supervision.sources import registered

    Task = apps.get_model("supervision", "Task")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for access in registered():
        if access.restricted is None:
            continue
        meta = access.model._meta
        content_type = ContentType.objects.filter(
            app_label=meta.app_label, model=meta.model_name
        ).first()
        if content_type is None:
            continue
        records = access.model._default_manager.filter(access.restricted).values("pk")
        Task.objects.filter(source_type_id=content_type.pk, source_id__in=records).update(
            source_restricted=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0003_instructions_countersigns"),
        ("supervision", "0005_alter_note_options"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="source_restricted",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(mark_restricted, migrations.RunPython.noop),
    ]
