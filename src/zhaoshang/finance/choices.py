"""Choices of the policy and finance registries (政策与金融)."""

from django.db import models


class PolicyLevel(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    CITY = "city", "市级"
    PARK = "park", "园区"


class SupportKind(models.TextChoices):
    SUBSIDY = "subsidy", "资金补助"
    REWARD = "reward", "奖励"
    TAX = "tax", "税费优惠"
    LAND = "land", "用地保障"
    INTEREST = "interest", "贷款贴息"
    RENT = "rent", "租金减免"
    TALENT = "talent", "人才支持"
    OTHER = "other", "其他"


class InstitutionKind(models.TextChoices):
    BANK = "bank", "银行"
    INSURANCE = "insurance", "保险"
    GUARANTEE = "guarantee", "融资担保"
    LEASING = "leasing", "融资租赁"
    FUND = "fund", "投资基金"
    MICROLOAN = "microloan", "小额贷款"
    OTHER = "other", "其他"


class ProductKind(models.TextChoices):
    WORKING_CAPITAL = "working_capital", "流动资金贷款"
    PROJECT_LOAN = "project_loan", "项目贷款"
    CREDIT_LOAN = "credit_loan", "信用贷款"
    MORTGAGE = "mortgage", "抵押贷款"
    IP_PLEDGE = "ip_pledge", "知识产权质押"
    SUPPLY_CHAIN = "supply_chain", "供应链金融"
    INSURANCE = "insurance", "保险产品"
    GUARANTEE = "guarantee", "担保"
    LEASING = "leasing", "融资租赁"
    EQUITY = "equity", "股权投资"
    OTHER = "other", "其他"


class MatchStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "对接中"
    LENT = "lent", "已放款"
    FAILED = "failed", "未成功"


CLOSED_MATCH = (MatchStatus.LENT, MatchStatus.FAILED)
