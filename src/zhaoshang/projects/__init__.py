"""The project pipeline (项目库): enterprises, projects and their lifecycle stages."""
