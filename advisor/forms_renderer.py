from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Every form field is drawn by templates/django/forms/field.html (GOV.UK pattern)."""

    field_template_name = "django/forms/field.html"
