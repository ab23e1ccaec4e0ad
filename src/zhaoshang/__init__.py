"""zhaoshang: 招商引资工作管理平台."""
