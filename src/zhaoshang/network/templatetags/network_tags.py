"""The 引荐来源 card of a project's page (network/_referral_card.html includes it): the project's referrals and, for
those who may work on the project, the form that adds one."""

from django import template

from zhaoshang.core.permissions import can_work_on_unit
from zhaoshang.network.selectors import MIN_QUERY, project_referrals, referrer_choices

register = template.Library()


@register.inclusion_tag("network/_referral_form.html", takes_context=True)
def referral_card(context, project):
    user = context["request"].user
    return {"project": project, "referrals": project_referrals(project), "kinds": referrer_choices(),
            "can_refer": can_work_on_unit(user, project.lead_unit_id), "min_query": MIN_QUERY,
            "csrf_token": context.get("csrf_token")}
