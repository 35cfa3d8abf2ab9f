"""The newsroom's roles and the default approval workflow, as data: the migration
creates them once, and an administrator can change them afterwards in the admin
(Cài đặt → Nhóm, Cài đặt → Quy trình duyệt)."""

REPORTER = "Phóng viên"
EDITOR = "Biên tập viên"
APPROVER = "Lãnh đạo duyệt"
COMMENT_MODERATOR = "Kiểm duyệt bình luận"
ADMINISTRATOR = "Quản trị"

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
# Images and documents are granted per collection (the root collection: all of them).
MEDIA_ADD = [("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
             ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document")]
MEDIA_ALL = [*MEDIA_ADD, ("wagtailimages", "change_image"), ("wagtailimages", "delete_image"),
             ("wagtaildocs", "change_document"), ("wagtaildocs", "delete_document")]
COLLECTION_APPS = {"wagtailimages", "wagtaildocs"}
COMMENTS = [("comments", "view_comment"), ("comments", "change_comment"),
            ("comments", "delete_comment"), ("comments", "view_wordrule"),
            ("comments", "add_wordrule"), ("comments", "change_wordrule"),
            ("comments", "delete_wordrule")]

# Model (or collection) permissions, and page permissions on the whole tree. Wagtail's "add" lets a
# user create pages and edit the ones they own; "change" edits anyone's; "publish"
# publishes and unpublishes. Sections themselves are for administrators only
# (`toasoan.newsroom.wagtail_hooks`).
ROLES = {
    REPORTER: ([ACCESS_ADMIN, *MEDIA_ADD], ["add"]),
    EDITOR: ([ACCESS_ADMIN, *MEDIA_ALL], ["add", "change", "lock"]),
    APPROVER: ([ACCESS_ADMIN, *MEDIA_ALL], ["add", "change", "publish", "lock", "unlock"]),
    COMMENT_MODERATOR: ([ACCESS_ADMIN, *COMMENTS], []),
    ADMINISTRATOR: (None, ["add", "change", "publish", "bulk_delete", "lock", "unlock"]),
}

WORKFLOW = "Biên tập và duyệt xuất bản"
STEPS = [("Biên tập", EDITOR), ("Duyệt xuất bản", APPROVER)]
