from django.dispatch import Signal

# Sent with `page_id` whenever what the public sees of a page's comments may change.
comments_changed = Signal()
