from django import template

from ..forms import CommentForm
from ..models import Comment, CommentSettings

register = template.Library()


@register.inclusion_tag("comments/includes/section.html", takes_context=True)
def comments_section(context, page):
    """Approved comments, oldest first, and the form: the same for every reader."""
    request = context.get("request")
    comments = list(
        Comment.objects.filter(page=page, status=Comment.Status.APPROVED)
        .order_by("created_at", "pk")
        .only("name", "title", "content", "reply", "created_at")
    )
    limits = CommentSettings.for_request(request)
    return {"page": page, "comments": comments, "form": CommentForm(limits=limits),
            "request": request}
