"""Errors the project services raise with a message for the user."""


class ProjectError(Exception):
    """A project write that cannot be done as asked."""


class PossibleDuplicate(ProjectError):
    """The same enterprise already has a project with a similar name."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(f"疑似重复项目：该企业已有相似项目“{existing.name}”（编号{existing.pk}），请核实后关联，不要重复录入。")


class StaleStage(ProjectError):
    """The project's stage changed since the user saw it: the change is refused rather than undoing the other one."""

    def __init__(self, current: str):
        super().__init__(f"项目阶段已被他人修改为「{current}」，请刷新后重试")
