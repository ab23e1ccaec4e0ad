"""What each audited action is called in Chinese (the audit log, a row's history). An action without a name here
shows as written."""

ACTION_LABELS = {
    "create": "新增", "update": "修改", "delete": "删除", "restore": "恢复", "import": "导入", "upload": "上传",
    "validate": "校验", "confirm": "确认导入", "discard": "放弃导入", "retry": "重试", "import_failed": "导入失败",
    "link": "添加关联", "unlink": "删除关联", "attach": "上传附件", "urge": "催办", "escalate": "督办单",
    "return": "退回", "accept": "受理/采纳", "submit": "报送", "settle": "办结", "route": "转办", "rate": "评价",
    "stage": "阶段变更", "correct": "更正", "merge": "合并", "merge_into": "并入", "archive": "归档", "append": "追加",
    "agenda": "议程", "attendance": "出席", "baseline": "上年基数", "report_value": "报送指标值", "confirm_value": "确认指标值",
    "generate": "生成", "generate_failed": "生成失败", "request": "申请", "update_links": "修改环节",
    "token_issue": "签发令牌", "token_revoke": "撤销令牌", "password_change": "修改密码", "otp_enrol": "绑定动态口令",
    "demo_passwords": "重置演示密码", "save_draft": "保存草稿", "enable": "启用", "disable": "停用", "test": "测试发送",
    "ignore": "忽略",
    "deliver_failed": "发送失败", "admin_create": "后台新增", "admin_update": "后台修改", "admin_delete": "后台删除",
}


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)
