"""The form renderer: field markup written once, drawn in Python on the hot paths.

Every form field is drawn as templates/django/forms/field.html says (GOV.UK pattern). That
template, its label and the input widgets it uses (text, hidden, date, time, radio and
checkbox options) are also written out here in Python, byte for byte the same, because
drawing them through the template engine cost about a fifth of the plan page and more than a
quarter of a question page (``make bench``). Anything else (select, textarea, a widget or
label asked for with options these functions do not handle) still goes through the templates.

``tests/test_forms_renderer.py`` renders real pages both ways (this renderer and Django's
plain ``TemplatesSetting``, which reads the same templates) and requires identical HTML, so
a change to field.html that is not made here too fails the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

FIELD_TEMPLATE = "django/forms/field.html"
FORM_TEMPLATE = "includes/form_fields.html"
LABEL_TEMPLATE = "django/forms/label.html"
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "text",
        "hidden",
        "date",
        "time",
        "email",
        "number",
        "password",
        "url",
        "tel",
        "search",
        "checkbox",
    )
)
OPTION_TEMPLATES = frozenset(
    ("django/forms/widgets/radio_option.html", "django/forms/widgets/checkbox_option.html")
)


def _text(value: Any) -> str:
    """``{{ value }}`` with autoescape: None prints as "None", safe strings stay as they are."""
    return conditional_escape(value)


def _stringformat(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``."""
    try:
        formatted = "%s" % (value,)  # noqa: UP031 - exactly what the filter does
    except (ValueError, TypeError):
        return ""
    return conditional_escape(mark_safe(formatted) if isinstance(value, SafeData) else formatted)


def _attrs(attrs: Mapping[str, Any] | None) -> str:
    """django/forms/widgets/attrs.html (and django/forms/attrs.html)."""
    if not attrs:
        return ""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_text(name)}")
        else:
            parts.append(f' {_text(name)}="{_stringformat(value)}"')
    return "".join(parts)


def _input(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/input.html."""
    value = widget["value"]
    shown = f' value="{_stringformat(value)}"' if value is not None else ""
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _label(context: Mapping[str, Any]) -> str | None:
    """django/forms/label.html."""
    if not context.get("use_tag"):
        return _text(context["label"])
    tag = _text(context["tag"])
    return f"<{tag}{_attrs(context.get('attrs'))}>{_text(context['label'])}</{tag}>"


def _message_parts(field: Any, describedby: str) -> tuple[str, str]:
    hint = (
        f'<p class="hint" id="{describedby}-hint">{_text(field.help_text)}</p>'
        if field.help_text
        else ""
    )
    errors = field.errors
    error = (
        f'<p class="error-message" id="{describedby}-error"><span class="visually-hidden">'
        f"{_text(gettext('错误'))}{_text(gettext('：'))}</span>{' '.join(_text(e) for e in errors)}</p>"
        if errors
        else ""
    )
    return hint, error


def _field_group(field: Any) -> str:
    """templates/django/forms/field.html, line for line."""
    widget = field.field.widget
    widget_type = getattr(widget, "input_type", "")
    describedby = _text(field.auto_id)
    errors = field.errors
    heading = field.name == field.form.heading_field
    hint, error = _message_parts(field, describedby)
    out = [
        f'\n<div class="form-group{" form-group-error" if errors else ""}" id="group-{describedby}">\n'
    ]
    if widget_type == "radio" or (
        widget_type == "checkbox" and getattr(widget, "allow_multiple_selected", False)
    ):
        described = ""
        if field.help_text or errors:
            ids = " ".join(
                x
                for x in (
                    f"{describedby}-hint" if field.help_text else "",
                    f"{describedby}-error" if errors else "",
                )
                if x
            )
            described = f' aria-describedby="{ids}"'
        label = _text(field.label)
        legend = f'<h1 class="question-heading">{label}</h1>' if heading else label
        out.append(
            f'\n  <fieldset class="fieldset"{described}>\n'
            f'    <legend class="{"legend-heading" if heading else "label"}">{legend}</legend>\n'
            f"    {hint}\n    {error}\n"
            '    <div class="choices">\n    '
        )
        for choice in field:
            out.append(
                f'\n      <div class="choice">{choice.tag()}<label for="{_text(choice.id_for_label)}">'
                f"{_text(choice.choice_label)}</label></div>\n    "
            )
        out.append("\n    </div>\n  </fieldset>\n")
    elif widget_type == "checkbox":
        out.append(
            f'\n  <div class="choice">{_text(field)}<label for="{describedby}">'
            f"{_text(field.label)}</label></div>\n  {hint}\n  {error}\n"
        )
    else:
        label_tag = field.label_tag()
        if heading:
            label_tag = f'<h1 class="question-heading">{label_tag}</h1>'
        out.append(f"\n  {label_tag}\n  {hint}\n  {error}\n  {_text(field)}\n")
    out.append("\n</div>\n\n")
    return "".join(out)


def _form_fields(form: Any) -> str:
    """templates/includes/form_fields.html."""
    hidden = "".join(str(field) for field in form.hidden_fields())
    return hidden + "".join(str(field.as_field_group()) for field in form.visible_fields()) + "\n"


class SiteFormRenderer(TemplatesSetting):
    """Every form field is drawn by templates/django/forms/field.html (GOV.UK pattern)."""

    field_template_name = FIELD_TEMPLATE

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        fast = self._fast(template_name, context)
        if fast is None:
            return super().render(template_name, context, request=request)
        return SafeString(fast.strip())

    def _fast(self, template_name: str, context: dict[str, Any]) -> str | None:
        draw: Callable[[], str | None] | None = None
        if template_name in INPUT_TEMPLATES:
            draw = lambda: _input(context["widget"])  # noqa: E731
        elif template_name in OPTION_TEMPLATES:
            if context["widget"].get("wrap_label"):
                return None
            draw = lambda: _input(context["widget"])  # noqa: E731
        elif template_name == FIELD_TEMPLATE and set(context) == {"field"}:
            draw = lambda: _field_group(context["field"])  # noqa: E731
        elif template_name == LABEL_TEMPLATE:
            draw = lambda: _label(context)  # noqa: E731
        elif template_name == FORM_TEMPLATE and "form" in context:
            draw = lambda: _form_fields(context["form"])  # noqa: E731
        return draw() if draw else None
