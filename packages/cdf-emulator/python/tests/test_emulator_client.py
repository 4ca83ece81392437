import pytest

from fake_cdf import PROJECT, TOKEN, FakeCDF
from mlops_emulator_client import CogniteAPIError, EmulatorClient


@pytest.fixture
def cdf():
    with FakeCDF() as fake:
        yield fake


@pytest.fixture
def client(cdf):
    return EmulatorClient(cdf.url, PROJECT, TOKEN)


def test_upload_then_download_and_retrieve(cdf, client):
    created = client.files.upload_bytes(b"\x00bytes", name="a.bin", external_id="m/test/1",
                                        directory="/mlops", metadata={"version": "1"}, data_set_id=42)
    assert created.external_id == "m/test/1" and created.data_set_id == 42 and created.directory == "/mlops"
    assert client.files.download_bytes(external_id="m/test/1") == b"\x00bytes"
    assert client.files.download_bytes(id=created.id) == b"\x00bytes"
    meta = client.files.retrieve(external_id="m/test/1")
    assert meta.uploaded is True and meta.metadata == {"version": "1"} and meta.id == created.id
    assert meta.mime_type is None  # absent fields read as None, like the SDK's data classes
    assert client.files.retrieve(external_id="nope") is None


def test_upload_text_is_utf8(cdf, client):
    client.files.upload_bytes("blåbær", name="t.txt", external_id="t")
    assert client.files.download_bytes(external_id="t") == "blåbær".encode()


def test_duplicate_external_id_is_409_unless_overwrite(cdf, client):
    client.files.upload_bytes(b"1", name="x", external_id="dup")
    with pytest.raises(CogniteAPIError) as error:
        client.files.upload_bytes(b"2", name="x", external_id="dup")
    assert error.value.code == 409 and error.value.duplicated == [{"externalId": "dup"}]
    assert error.value.x_request_id == "req-1"
    client.files.upload_bytes(b"2", name="x", external_id="dup", overwrite=True)
    assert client.files.download_bytes(external_id="dup") == b"2"


def test_list_filters_and_pages(cdf, client):
    for i in range(5):
        client.files.upload_bytes(b"x", name=f"{i}", external_id=f"m/test/{i}", data_set_id=42)
    client.files.upload_bytes(b"x", name="other", external_id="other/test/1")
    assert len(client.files.list(external_id_prefix="m/test/", limit=3)) == 3
    everything = client.files.list(external_id_prefix="m/test/", data_set_ids=[42], limit=None)
    assert [f.external_id for f in everything] == [f"m/test/{i}" for i in range(5)]
    assert len(client.files.list(data_set_ids=42, limit=-1)) == 5
    list_bodies = [r for r in cdf.requests if r[1].endswith("/files/list")]
    assert len(list_bodies) == 3  # limit=3 once, then all pages twice (the fake serves each page whole)


def test_data_set_retrieve(client):
    assert client.data_sets.retrieve(external_id="mlops").id == 42
    assert client.data_sets.retrieve(external_id="missing") is None


def test_function_call_by_external_id_waits_for_completion(cdf, client):
    call = client.functions.call(external_id="echo-fn", data={"x": 1})
    assert call.status == "Completed" and call.function_id == 7
    assert call.get_response() == {"echo": {"x": 1}}
    assert cdf.polls == 2
    assert ("POST", f"/api/v1/projects/{PROJECT}/sessions") in cdf.requests


def test_unknown_function_external_id_is_a_value_error_as_in_the_sdk(client):
    # cognite-sdk-python's _get_function_internal_id raises ValueError('Function with external ID "nope" is not found')
    with pytest.raises(ValueError, match='external ID "nope" is not found'):
        client.functions.call(external_id="nope")


def test_retries_throttling_then_succeeds(cdf, client):
    cdf.fail_next = [429, 503]
    assert client.data_sets.retrieve(external_id="mlops").id == 42
    assert len(cdf.requests) == 3


def test_bad_token_is_401(cdf):
    with pytest.raises(CogniteAPIError) as error:
        EmulatorClient(cdf.url, PROJECT, "wrong").files.retrieve(id=1)
    assert error.value.code == 401


def test_exactly_one_identifier(client):
    with pytest.raises(ValueError):
        client.files.download_bytes()
