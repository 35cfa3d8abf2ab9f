"""What the anti-abuse rules' decisions (`Comment.flags`) say, in words for moderators."""

# Rule names are those of pipeline.RULES; an unknown name is shown as it is.
RULE_LABELS = {
    "honeypot": "Bẫy máy tự động",
    "too_fast": "Gửi quá nhanh",
    "ip_rate": "Quá nhiều từ một IP",
    "phone_rate": "Quá nhiều từ một số điện thoại",
    "duplicate": "Trùng lặp",
    "banned_words": "Từ bị cấm",
    "links": "Nhiều liên kết",
    "suspect_words": "Từ nghi vấn",
}

OUTCOME_LABELS = {
    "pass": "đạt",
    "suspect": "nghi vấn",
    "spam": "thư rác",
    "reject": "từ chối",
}


def rule_label(rule):
    return RULE_LABELS.get(rule, rule)


def raised_flags(comment):
    """The decisions that were not `pass`, as `(label, outcome label, detail)`."""
    return [
        (rule_label(flag.get("rule", "")), OUTCOME_LABELS.get(flag.get("outcome"), ""),
         flag.get("detail", ""))
        for flag in comment.flags or []
        if flag.get("outcome") != "pass"
    ]


def describe_flags(comment):
    """`Từ nghi vấn (lừa đảo); Nhiều liên kết (3 liên kết)`, or "" when all passed."""
    return "; ".join(
        f"{label} ({detail})" if detail else label
        for label, _outcome, detail in raised_flags(comment)
    )
