from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _install_tallies(sender, using, **kwargs):
    from django.db import connections

    from zhaoshang.projects.tally_triggers import tally_install

    tally_install(connections[using])


class ProjectsConfig(AppConfig):
    name = "zhaoshang.projects"
    label = "projects"
    verbose_name = "项目库"

    def ready(self):
        # after every migrate (and every test flush): the triggers a table rebuild may have dropped, and the counts
        post_migrate.connect(_install_tallies, sender=self, dispatch_uid="projects_tally_install")
