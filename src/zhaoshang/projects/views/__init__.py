"""Pipeline pages: the list, the kanban and the export (pipeline.py); a project, its moves, evidence, a new project
and an enterprise (project.py); editing, deleting and correcting a stage change (editing.py)."""
