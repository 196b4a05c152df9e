from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("office", "0004_outbox")]

    operations = [
        migrations.AddField(
            model_name="generatedfile",
            name="claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="generatedfile",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "being prepared"),
                    ("rendering", "being prepared"),
                    ("ready", "ready"),
                    ("failed", "failed"),
                ],
                default="pending",
                max_length=10,
                verbose_name="status",
            ),
        ),
    ]
