"""Join codes: random, one per person, stored only as hashes, refused when wrong or expired."""

from __future__ import annotations

import stat

import pytest

from intervisie.core.store.joincodes import (
    MAX_ATTEMPTS,
    CodeRefused,
    JoinCodes,
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
