"""A minimal CDF client for function code running on the emulator (standard library only).

It mirrors the parts of cognite-sdk-python that model code and the mlops runtime use, with the
same method names, keyword arguments and snake_case attributes, so handler code written for
`cognite.client.CogniteClient` runs unchanged. It speaks the CDF API v1 wire format (camelCase
JSON under /api/v1/projects/{project}) and sends the bearer token on every request.
"""
from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterable

# Status codes the official SDK retries; the emulator's fault injection produces them.
_RETRYABLE = {429, 502, 503, 504}
_MAX_ATTEMPTS = 6
_PAGE_LIMIT = 1000
_DEFAULT_LIMIT = 25


class CogniteAPIError(Exception):
    """An error answer from the API, shaped like cognite-sdk-python's exception."""

    def __init__(self, message: str, code: int, x_request_id: str | None = None,
                 missing: list | None = None, duplicated: list | None = None):
        super().__init__(f"{message} | code: {code} | X-Request-ID: {x_request_id}")
        self.message = message
        self.code = code
        self.x_request_id = x_request_id
        self.missing = missing
        self.duplicated = duplicated


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


class CogniteResource:
    """Attributes are the snake_case form of the API's camelCase fields (like the SDK's classes)."""

    def __init__(self, cognite_client: "EmulatorClient | None" = None, **fields: Any):
        self._cognite_client = cognite_client
        for key, value in fields.items():
            setattr(self, key, value)

    @classmethod
    def _load(cls, item: dict, cognite_client: "EmulatorClient | None" = None):
        return cls(cognite_client, **{_snake(k): v for k, v in item.items()})

    def dump(self, camel_case: bool = True) -> dict:
        fields = {k: v for k, v in vars(self).items() if not k.startswith("_") and v is not None}
        return {_camel(k): v for k, v in fields.items()} if camel_case else fields

    def __getattr__(self, name: str) -> Any:
        # Fields the API left out read as None, as in the SDK's data classes.
        if name.startswith("_"):
            raise AttributeError(name)
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({json.dumps(self.dump(camel_case=False), default=str)})"


class FileMetadata(CogniteResource):
    pass


class DataSet(CogniteResource):
    pass


class FunctionCall(CogniteResource):
    def _path(self) -> str:
        return f"/functions/{self.function_id}/calls/{self.id}"

    def update(self) -> None:
        latest = self._cognite_client._request("GET", self._path())
        for key, value in latest.items():
            setattr(self, _snake(key), value)

    def wait(self, poll_seconds: float = 0.2) -> None:
        while self.status == "Running":
            time.sleep(poll_seconds)
            poll_seconds = min(poll_seconds * 1.5, 2.0)
            self.update()

    def get_response(self) -> Any:
        return self._cognite_client._request("GET", self._path() + "/response").get("response")

    def get_logs(self) -> list:
        items = self._cognite_client._request("GET", self._path() + "/logs").get("items", [])
        return [CogniteResource._load(item) for item in items]


class Function(CogniteResource):
    def call(self, data: Any = None, wait: bool = True, nonce: str | None = None) -> FunctionCall:
        return self._cognite_client.functions.call(id=self.id, data=data, wait=wait, nonce=nonce)


def _identifier(id: int | None, external_id: str | None) -> dict:
    if (id is None) == (external_id is None):
        raise ValueError("Exactly one of id and external_id must be specified")
    return {"id": id} if id is not None else {"externalId": external_id}


class FilesAPI:
    def __init__(self, client: "EmulatorClient"):
        self._client = client

    def upload_bytes(self, content: str | bytes, name: str, external_id: str | None = None,
                     source: str | None = None, mime_type: str | None = None,
                     metadata: dict[str, str] | None = None, directory: str | None = None,
                     asset_ids: list[int] | None = None, data_set_id: int | None = None,
                     overwrite: bool = False) -> FileMetadata:
        body = {k: v for k, v in {
            "name": name, "externalId": external_id, "source": source, "mimeType": mime_type,
            "metadata": metadata, "directory": directory, "assetIds": asset_ids,
            "dataSetId": data_set_id,
        }.items() if v is not None}
        created = self._client._request("POST", "/files", body,
                                        query={"overwrite": "true" if overwrite else "false"})
        payload = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        self._client._transfer("PUT", created["uploadUrl"], payload)
        created.pop("uploadUrl", None)
        return FileMetadata._load(created, self._client)

    def retrieve(self, id: int | None = None, external_id: str | None = None) -> FileMetadata | None:
        items = self._client._request("POST", "/files/byids", {
            "items": [_identifier(id, external_id)], "ignoreUnknownIds": True})["items"]
        return FileMetadata._load(items[0], self._client) if items else None

    def download_bytes(self, id: int | None = None, external_id: str | None = None) -> bytes:
        links = self._client._request("POST", "/files/downloadlink",
                                      {"items": [_identifier(id, external_id)]})["items"]
        return self._client._transfer("GET", links[0]["downloadUrl"])

    def list(self, name: str | None = None, mime_type: str | None = None,
             metadata: dict[str, str] | None = None,
             data_set_ids: int | Iterable[int] | None = None,
             data_set_external_ids: str | Iterable[str] | None = None,
             directory_prefix: str | None = None, external_id_prefix: str | None = None,
             source: str | None = None, uploaded: bool | None = None,
             limit: int | None = _DEFAULT_LIMIT) -> list[FileMetadata]:
        data_sets = [{"id": i} for i in _as_list(data_set_ids)]
        data_sets += [{"externalId": x} for x in _as_list(data_set_external_ids)]
        file_filter = {k: v for k, v in {
            "name": name, "mimeType": mime_type, "metadata": metadata,
            "dataSetIds": data_sets or None, "directoryPrefix": directory_prefix,
            "externalIdPrefix": external_id_prefix, "source": source, "uploaded": uploaded,
        }.items() if v is not None}
        items = self._client._list_all("/files/list", file_filter, limit)
        return [FileMetadata._load(item, self._client) for item in items]


class DataSetsAPI:
    def __init__(self, client: "EmulatorClient"):
        self._client = client

    def retrieve(self, id: int | None = None, external_id: str | None = None) -> DataSet | None:
        items = self._client._request("POST", "/datasets/byids", {
            "items": [_identifier(id, external_id)], "ignoreUnknownIds": True})["items"]
        return DataSet._load(items[0], self._client) if items else None


class FunctionsAPI:
    def __init__(self, client: "EmulatorClient"):
        self._client = client

    def retrieve(self, id: int | None = None, external_id: str | None = None) -> Function | None:
        items = self._client._request("POST", "/functions/byids", {
            "items": [_identifier(id, external_id)], "ignoreUnknownIds": True})["items"]
        return Function._load(items[0], self._client) if items else None

    def call(self, id: int | None = None, external_id: str | None = None, data: Any = None,
             wait: bool = True, nonce: str | None = None) -> FunctionCall:
        if id is None:
            function = self.retrieve(external_id=external_id)
            if function is None:
                raise CogniteAPIError(f"Function with external id {external_id!r} not found", 404,
                                      missing=[{"externalId": external_id}])
            id = function.id
        else:
            _identifier(id, external_id)
        if nonce is None:
            session = self._client._request("POST", "/sessions", {"items": [{"tokenExchange": True}]})
            nonce = session["items"][0]["nonce"]
        body = {"nonce": nonce} if data is None else {"data": data, "nonce": nonce}
        call = FunctionCall._load(self._client._request("POST", f"/functions/{id}/call", body), self._client)
        if call.function_id is None:
            call.function_id = id
        if wait:
            call.wait()
        return call


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, (int, str)) else list(value)


class ClientConfig:
    def __init__(self, base_url: str, project: str):
        self.base_url = base_url
        self.project = project


class EmulatorClient:
    """`EmulatorClient(base_url, project, token)`: the `client` handed to `handle`."""

    def __init__(self, base_url: str, project: str, token: str, timeout: float = 60.0):
        self.config = ClientConfig(base_url.rstrip("/"), project)
        self._token = token
        self._timeout = timeout
        self.files = FilesAPI(self)
        self.data_sets = DataSetsAPI(self)
        self.functions = FunctionsAPI(self)

    def _api_url(self, path: str, query: dict | None = None) -> str:
        project = urllib.parse.quote(self.config.project, safe="")
        url = f"{self.config.base_url}/api/v1/projects/{project}{path}"
        return f"{url}?{urllib.parse.urlencode(query)}" if query else url

    def _request(self, method: str, path: str, body: Any = None, query: dict | None = None) -> Any:
        payload = None if body is None else json.dumps(body).encode("utf-8")
        raw = self._transfer(method, self._api_url(path, query), payload, "application/json")
        return json.loads(raw) if raw else {}

    def _list_all(self, path: str, list_filter: dict, limit: int | None) -> list[dict]:
        unlimited = limit is None or limit < 0 or limit == float("inf")
        items: list[dict] = []
        cursor = None
        while unlimited or len(items) < limit:
            page = _PAGE_LIMIT if unlimited else min(_PAGE_LIMIT, limit - len(items))
            body = {"filter": list_filter, "limit": page}
            if cursor:
                body["cursor"] = cursor
            answer = self._request("POST", path, body)
            items.extend(answer.get("items", []))
            cursor = answer.get("nextCursor")
            if not cursor:
                break
        return items

    def _transfer(self, method: str, url: str, payload: bytes | None = None,
                  content_type: str = "application/octet-stream") -> bytes:
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        if payload is not None:
            headers["Content-Type"] = content_type
        delay, attempt = 0.1, 1
        while True:
            request = urllib.request.Request(url, data=payload, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self._timeout) as answer:
                    return answer.read()
            except urllib.error.HTTPError as error:
                if error.code not in _RETRYABLE or attempt == _MAX_ATTEMPTS:
                    raise _api_error(error) from None
                retry_after = error.headers.get("Retry-After")
                error.close()
                time.sleep(float(retry_after) if retry_after and retry_after.isdigit() else delay)
            except urllib.error.URLError:
                if attempt == _MAX_ATTEMPTS:
                    raise
                time.sleep(delay)
            delay, attempt = min(delay * 2, 2.0), attempt + 1


def _api_error(error: urllib.error.HTTPError) -> CogniteAPIError:
    request_id = error.headers.get("x-request-id")
    try:
        body = json.loads(error.read() or b"{}").get("error", {})
    except ValueError:
        body = {}
    finally:
        error.close()
    return CogniteAPIError(body.get("message") or f"HTTP {error.code} {error.reason}",
                           body.get("code", error.code), request_id,
                           body.get("missing"), body.get("duplicated"))
