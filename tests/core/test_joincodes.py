"""Join codes: random, one per person, stored only as hashes, refused when wrong or expired."""

from __future__ import annotations

import stat

import pytest

from intervisie.core.store.joincodes import (
    MAX_ATTEMPTS,
    CodeRefused,
    Gate,
    JoinCodes,
    Locked,
    Refusal,
    new_code,
    normalize,
    refusal_delay,
)


@pytest.fixture
def codes(tmp_path):
    with JoinCodes.open(tmp_path / "data") as c:
        yield c


def test_a_code_lets_in_exactly_its_member_of_its_meeting(codes):
    code = codes.issue("m1", "bram")
    admission = codes.check(code)
    assert (admission.role, admission.meeting_id, admission.member_id) == (
        "participant",
        "m1",
        "bram",
    )
    assert not admission.is_facilitator
    assert codes.holders("m1") == {"bram"}
    assert codes.holders("m2") == set()


def test_codes_are_random_and_forgiving_to_type(codes):
    made = {new_code() for _ in range(200)}
    assert len(made) == 200
    code = codes.issue("m1", "bram")
    typed = " " + code.lower().replace("-", " ") + " "
    assert codes.check(typed).member_id == "bram"
    assert normalize("abcdo-il") == "ABCD011"


def test_a_wrong_code_is_refused_and_counted(codes):
    codes.issue("m1", "bram")
    with pytest.raises(CodeRefused) as refused:
        codes.check("AAAAA-AAAAA")
    assert refused.value.reason is Refusal.WRONG
    assert "not valid" in str(refused.value)
    assert codes.recent_failures() == 1


def test_codes_expire_when_their_meeting_closes(codes):
    bram = codes.issue("m1", "bram")
    carla = codes.issue("m1", "carla")
    with pytest.raises(CodeRefused) as refused:
        codes.check(bram, finished=lambda meeting_id: meeting_id == "m1")
    assert refused.value.reason is Refusal.EXPIRED
    assert "expired" in str(refused.value)
    assert codes.expire_meeting("m1") == 1  # carla's; bram's went when it was refused
    with pytest.raises(CodeRefused):
        codes.check(carla)


def test_a_new_code_replaces_the_members_old_one(codes):
    old = codes.issue("m1", "bram")
    admission = codes.check(old)
    new = codes.issue("m1", "bram")
    assert not codes.still_valid(admission)
    with pytest.raises(CodeRefused):
        codes.check(old)
    assert codes.check(new).member_id == "bram"


def test_the_facilitator_code_ends_with_its_server(codes):
    code = codes.issue_facilitator()
    assert codes.check(code).is_facilitator
    codes.revoke(code)
    with pytest.raises(CodeRefused):
        codes.check(code)


def test_only_hashes_are_kept_in_a_private_file(tmp_path):
    folder = tmp_path / "data"
    with JoinCodes.open(folder) as codes:
        code = codes.issue("m1", "bram")
        facilitator = codes.issue_facilitator()
        path = codes.path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith(path.name))
    for secret in (code, facilitator):
        assert normalize(secret).encode() not in raw
        assert secret.encode() not in raw
    with JoinCodes.open(folder) as again:  # the salt is kept: codes still work
        assert again.check(code).member_id == "bram"


def test_wrong_codes_wait_longer_each_time_and_while_many_arrive():
    delays = [refusal_delay(n) for n in range(1, MAX_ATTEMPTS + 1)]
    assert delays == sorted(delays) and delays[0] >= 1
    assert refusal_delay(1, recent_failures=30) > refusal_delay(1)
    assert refusal_delay(99, recent_failures=10**6) <= 13


def test_one_room_code_a_meeting_lets_in_the_room_view_only(codes):
    first = codes.issue_room("m1")
    admission = codes.check(first)
    assert admission.is_room and admission.meeting_id == "m1" and admission.member_id is None
    second = codes.issue_room("m1")  # a new one replaces it
    with pytest.raises(CodeRefused):
        codes.check(first)
    assert codes.check(second).is_room
    assert codes.has_room_code("m1") and not codes.has_room_code("m2")
    codes.expire_meeting("m1")
    with pytest.raises(CodeRefused):
        codes.check(second)


def test_open_pages_are_counted_per_member_and_can_be_ended(codes):
    carla = codes.check(codes.issue("m1", "carla"))
    first, second = codes.page_opened(carla), codes.page_opened(carla)
    assert [(p.id, p.member_id, p.ended) for p in codes.pages("m1")] == [
        (first, "carla", False),
        (second, "carla", False),
    ]
    codes.end_page(second)
    assert [p.ended for p in codes.pages("m1")] == [False, True]
    codes.page_closed(first)
    assert [p.id for p in codes.pages("m1")] == [second]
    assert codes.pages("m2") == []
    codes.clear_pages()  # a new serve: pages of an earlier one are gone
    assert codes.pages() == []


def test_a_gate_locks_after_repeated_wrong_codes_even_for_the_right_one(codes):
    right = codes.issue("m1", "bram")
    gate = Gate(codes)
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(CodeRefused):
            gate.try_code("WRONG-CODE0")
    with pytest.raises(Locked):
        gate.try_code(right)
    assert Gate(codes).try_code(right).member_id == "bram"
