"""includes/field.html draws every kind of field with Bootstrap's classes and its errors."""

from django import forms
from django.template.loader import render_to_string


class SampleForm(forms.Form):
    name = forms.CharField(label="Họ tên", help_text="Ghi đầy đủ")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    agree = forms.BooleanField(label="Đồng ý")
    roles = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )


def field(form, name):
    return render_to_string("includes/field.html", {"field": form[name]})


def test_a_text_field_gets_form_control_and_its_help():
    html = field(SampleForm(), "name")
    assert 'class="form-control"' in html
    assert 'aria-describedby="id_name_help"' in html
    assert 'id="id_name_help"' in html


def test_a_select_gets_form_select():
    assert 'class="form-select"' in field(SampleForm(), "kind")


def test_a_checkbox_gets_form_check_input():
    assert 'class="form-check-input"' in field(SampleForm(), "agree")


def test_a_checkbox_list_draws_one_checkbox_per_choice_and_keeps_the_ticks():
    html = field(SampleForm(data={"roles": ["y"]}), "roles")
    assert html.count('type="checkbox"') == 2
    assert 'value="y" id="id_roles_1" checked' in html


def test_an_invalid_field_is_marked_and_its_error_shown_next_to_it():
    form = SampleForm(data={})
    form.is_valid()
    html = field(form, "name")
    assert "is-invalid" in html
    assert "invalid-feedback" in html
