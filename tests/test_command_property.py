"""Property tests: what the preview shows is what parses back, and no text crashes the parser."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmswizard.cms.mmp_syntax import parse, render
from cmswizard.pki.countries import COUNTRIES
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.spec import KeyType, Purpose, SubjectInput, check_subject

EXAMPLES = int(os.environ.get("CMSWIZARD_FUZZ_EXAMPLES", "300"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
unicode_label = st.sampled_from(["會議", "例子", "台灣", "münchen", "bücher", "пример"])
fqdn = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(label | unicode_label, min_size=1, max_size=3),
    st.sampled_from(["com", "tw", "local", "net"]),
)
ipv4 = st.ip_addresses(v=4).map(str)
ipv6 = st.ip_addresses(v=6).map(str)
email = st.builds(lambda local, domain: f"{local}@{domain}", st.from_regex(r"[a-z0-9._-]{1,10}", fullmatch=True), fqdn)
san_entry = fqdn | ipv4 | ipv6 | email | fqdn.map(lambda n: "*." + n if n.count(".") >= 1 else n)
plain_text = st.text(
    alphabet=st.characters(
        min_codepoint=32,
        max_codepoint=0x9FFF,
        blacklist_characters='"\\',
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
    ),
    max_size=30,
)


def _valid_input(basename, cn, ou, o, state, c, san, key_type, locality):
    return SubjectInput(basename, cn, ou, o, state, c, tuple(san), key_type, locality)


inputs = st.builds(
    _valid_input,
    st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True),
    fqdn | st.just("postgres"),
    plain_text,
    plain_text,
    plain_text,
    st.sampled_from(["", *COUNTRIES]),
    st.lists(san_entry, max_size=6),
    st.sampled_from(list(KeyType)),
    plain_text,
)


@fuzz
@given(inputs)
def test_property_parse_render_round_trip(typed: SubjectInput) -> None:
    checked = check_subject(typed)
    if checked.spec is None:  # e.g. a generated value over a length limit: rejected, never mangled
        assert checked.errors
        return
    spec = checked.spec
    assert parse(render(spec), key_type=spec.key_type) == spec
    # Rendering is canonical: a second round changes nothing.
    assert render(parse(render(spec), key_type=spec.key_type)) == render(spec)


@fuzz
@given(inputs)
def test_property_selfsigned_round_trip(typed: SubjectInput) -> None:
    checked = check_subject(typed, purpose=Purpose.CA)
    if checked.spec is not None:
        assert parse(render(checked.spec, "selfsigned"), key_type=typed.key_type) == checked.spec


@fuzz
@given(st.text(max_size=200))
def test_property_parser_on_arbitrary_text_raises_only_our_error(text: str) -> None:
    try:
        parse("pki csr " + text)
    except CmsInputError as error:
        assert error.where and error.message
        assert "\n" not in str(error)


@fuzz
@given(st.lists(st.text(max_size=40), max_size=8))
def test_property_token_lists_raise_only_our_error(tokens: list[str]) -> None:
    from cmswizard.cms.mmp_syntax import parse_tokens

    try:
        parse_tokens(tokens)
    except CmsInputError as error:
        assert "\n" not in str(error)
