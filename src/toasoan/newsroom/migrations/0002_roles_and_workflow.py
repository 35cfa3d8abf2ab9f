"""The newsroom's groups with their rights, and the two-step approval workflow on the
whole page tree (`toasoan.newsroom.roles`). Wagtail's own English "Editors" and
"Moderators" groups and its one-step "Moderators approval" workflow go, unless
someone has started using them."""

from django.db import migrations

from toasoan.newsroom import roles


def ensure_permissions(apps):
    """On a new database Django creates permissions after all migrations; the roles
    need them now."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def remove_wagtail_defaults(apps):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        if not WorkflowState.objects.filter(workflow=workflow).exists():
            for task in workflow.workflow_tasks.all():
                task.task.delete()
            workflow.delete()
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ensure_permissions(apps)
    remove_wagtail_defaults(apps)
    root = Page.objects.filter(depth=1).first()
    collection = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name, (model_permissions, page_permissions) in roles.ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        if model_permissions is None:
            group.permissions.set(Permission.objects.all())
            model_permissions = [*roles.MEDIA_ALL]
        else:
            group.permissions.set([
                permission(apps, *p) for p in model_permissions
                if p[0] not in roles.COLLECTION_APPS
            ])
        for app_label, codename in model_permissions:
            if app_label in roles.COLLECTION_APPS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection,
                    permission=permission(apps, app_label, codename),
                )
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root,
                permission=permission(apps, "wagtailcore", f"{codename}_page"),
            )
    create_workflow(apps, root)
    apps.get_model("newsroom", "JobLease").objects.get_or_create(name="site-jobs")


def create_workflow(apps, root):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ApprovalTask = apps.get_model("newsroom", "ApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    task_type, _ = ContentType.objects.get_or_create(app_label="newsroom", model="approvaltask")
    workflow, created = Workflow.objects.get_or_create(name=roles.WORKFLOW)
    if not created:
        return
    for order, (step, group_name) in enumerate(roles.STEPS):
        task = ApprovalTask.objects.create(name=step, content_type=task_type)
        task.groups.set([Group.objects.get(name=group_name)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("comments", "0003_moderation_queue"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("news", "0001_initial"),
        ("search", "0003_tier_vectors"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
        ("wagtailembeds", "0009_embed_cache_until"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
