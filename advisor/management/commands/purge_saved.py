from django.core.management.base import BaseCommand

from advisor import savecodes


class Command(BaseCommand):
    help = "Delete save-code data unused for SAVE_CODE_RETENTION_DAYS (default 90). Run daily."

    def handle(self, *args: object, **options: object) -> None:
        removed = savecodes.purge_expired()
        self.stdout.write(f"deleted {removed} expired saved bundle(s)")
