"""The emulator's built-in CDF client for function code (standard library only).

run_function.py hands it to `handle()` when the function's interpreter cannot import
cognite-sdk. It mirrors the parts of cognite-sdk-python 8.x that model code and the mlops runtime
use, with the same method names, keyword arguments and snake_case attributes, so handler code
written for `cognite.client.CogniteClient` runs unchanged:

- files: upload, upload_bytes, download, download_to_path, download_bytes, retrieve,
  retrieve_multiple, list, update, delete
- functions: retrieve, list, call (and Function.call, FunctionCall.get_response/get_logs/wait/update)
- data_sets: retrieve

It speaks the CDF API v1 wire format (camelCase JSON under /api/v1/projects/{project}) and sends
the call's bearer token on every request; requests answered 429/502/503/504 are retried.
"""
from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Iterable, Sequence

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


class FileMetadataUpdate:
    """`FileMetadataUpdate(id=...)` / `(external_id=...)` with the SDK's chained setters, e.g.
    `FileMetadataUpdate(id=1).metadata.add({"k": "v"}).directory.set("/d")`."""

    _FIELDS = {"external_id": "externalId", "directory": "directory", "source": "source",
               "mime_type": "mimeType", "metadata": "metadata", "asset_ids": "assetIds",
               "source_created_time": "sourceCreatedTime", "source_modified_time": "sourceModifiedTime",
               "data_set_id": "dataSetId", "security_categories": "securityCategories",
               "labels": "labels", "geo_location": "geoLocation"}

    def __init__(self, id: int | None = None, external_id: str | None = None):
        self._identifier = _identifier(id, external_id)
        self._update: dict[str, dict] = {}

    def __getattr__(self, name: str) -> "_FieldUpdate":
        if name in self._FIELDS:
            return _FieldUpdate(self, self._FIELDS[name])
        raise AttributeError(name)

    def dump(self, camel_case: bool = True) -> dict:
        return {**self._identifier, "update": self._update}


class _FieldUpdate:
    def __init__(self, parent: FileMetadataUpdate, field: str):
        self._parent, self._field = parent, field

    def _put(self, op: dict) -> FileMetadataUpdate:
        self._parent._update[self._field] = op
        return self._parent

    def set(self, value: Any) -> FileMetadataUpdate:
        return self._put({"setNull": True} if value is None else {"set": value})

    def add(self, value: Any) -> FileMetadataUpdate:
        return self._put({"add": _labels(self._field, value)})

    def remove(self, value: Any) -> FileMetadataUpdate:
        return self._put({"remove": _labels(self._field, value)})


def _labels(field: str, value: Any) -> Any:
    if field != "labels":
        return value
    return [{"externalId": v} if isinstance(v, str) else v for v in ([value] if isinstance(value, str) else value)]


# FileMetadata fields `files.update` may change, and how (scalar: set/setNull, container: set).
_FILE_UPDATABLE = {"external_id": False, "directory": False, "source": False, "mime_type": False,
                   "metadata": True, "asset_ids": True, "source_created_time": False,
                   "source_modified_time": False, "data_set_id": False, "security_categories": True,
                   "labels": True, "geo_location": False}


def _file_update_from_metadata(item: FileMetadata, mode: str) -> dict:
    """The update body the SDK builds from a FileMetadata: `replace_ignore_null` sets the given
    fields, `patch` also merges metadata, `replace` additionally nulls (or empties) the rest."""
    ident = {"id": item.id} if item.id is not None else {"externalId": item.external_id}
    update: dict[str, dict] = {}
    for name, container in _FILE_UPDATABLE.items():
        value = getattr(item, name)
        field = FileMetadataUpdate._FIELDS[name]
        if value is not None:
            if name == "labels":
                value = _labels("labels", value)
            update[field] = {"add": value} if mode == "patch" and name == "metadata" else {"set": value}
        elif mode == "replace" and name != "external_id":
            update[field] = {"set": {} if name == "metadata" else []} if container else {"setNull": True}
    return {**ident, "update": update}


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

    def list_calls(self, status: str | None = None, limit: int | None = _DEFAULT_LIMIT) -> list[FunctionCall]:
        call_filter = {"status": status} if status else {}
        items = self._cognite_client._list_all(f"/functions/{self.id}/calls/list", call_filter, limit)
        return [FunctionCall._load(item, self._cognite_client) for item in items]

    def retrieve_call(self, id: int) -> FunctionCall | None:
        try:
            return FunctionCall._load(self._cognite_client._request("GET", f"/functions/{self.id}/calls/{id}"),
                                      self._cognite_client)
        except CogniteAPIError as error:
            if error.code == 404:
                return None
            raise


def _identifier(id: int | None, external_id: str | None) -> dict:
    if (id is None) == (external_id is None):
        raise ValueError("Exactly one of id and external_id must be specified")
    return {"id": id} if id is not None else {"externalId": external_id}


def _identifiers(ids: Any, external_ids: Any) -> list[dict]:
    """Identifier dicts for one or many ids and external ids, as the SDK's IdentifierSequence."""
    idents = [{"id": i} for i in _as_list(ids)] + [{"externalId": x} for x in _as_list(external_ids)]
    if not idents:
        raise ValueError("No ids or external_ids specified")
    return idents


def _unlimited(limit: Any) -> bool:
    return limit is None or limit == -1 or limit == float("inf")


_FILE_FIELDS = {"external_id": "externalId", "source": "source", "mime_type": "mimeType", "metadata": "metadata",
                "directory": "directory", "asset_ids": "assetIds", "data_set_id": "dataSetId",
                "source_created_time": "sourceCreatedTime", "source_modified_time": "sourceModifiedTime",
                "security_categories": "securityCategories", "geo_location": "geoLocation"}


class FilesAPI:
    def __init__(self, client: "EmulatorClient"):
        self._client = client

    def _create_and_upload(self, payload: bytes, name: str, overwrite: bool, labels: Any = None, **fields: Any) -> FileMetadata:
        body = {"name": name, **{_FILE_FIELDS[k]: v for k, v in fields.items() if v is not None}}
        if labels is not None:
            body["labels"] = _labels("labels", labels)
        created = self._client._request("POST", "/files", body,
                                        query={"overwrite": "true" if overwrite else "false"})
        self._client._transfer("PUT", created.pop("uploadUrl"), payload)
        created["uploaded"] = True
        return FileMetadata._load(created, self._client)

    def upload_bytes(self, content: str | bytes, name: str, external_id: str | None = None,
                     source: str | None = None, mime_type: str | None = None,
                     metadata: dict[str, str] | None = None, directory: str | None = None,
                     asset_ids: Sequence[int] | None = None, data_set_id: int | None = None,
                     labels: Any = None, geo_location: Any = None,
                     source_created_time: int | None = None, source_modified_time: int | None = None,
                     security_categories: Sequence[int] | None = None,
                     overwrite: bool = False) -> FileMetadata:
        payload = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        return self._create_and_upload(
            payload, name, overwrite, labels=labels, external_id=external_id, source=source, mime_type=mime_type,
            metadata=metadata, directory=directory, asset_ids=asset_ids, data_set_id=data_set_id,
            geo_location=geo_location, source_created_time=source_created_time,
            source_modified_time=source_modified_time, security_categories=security_categories)

    def upload(self, path: str | Path, external_id: str | None = None, name: str | None = None,
               source: str | None = None, mime_type: str | None = None,
               metadata: dict[str, str] | None = None, directory: str | None = None,
               asset_ids: Sequence[int] | None = None, source_created_time: int | None = None,
               source_modified_time: int | None = None, data_set_id: int | None = None,
               labels: Any = None, geo_location: Any = None,
               security_categories: Sequence[int] | None = None, recursive: bool = False,
               overwrite: bool = False) -> "FileMetadata | list[FileMetadata]":
        """A file → its FileMetadata; a folder → a list, one file each (subfolders when recursive),
        named by their file names, as the SDK does."""
        fields = dict(source=source, mime_type=mime_type, metadata=metadata, directory=directory,
                      asset_ids=asset_ids, source_created_time=source_created_time,
                      source_modified_time=source_modified_time, data_set_id=data_set_id,
                      geo_location=geo_location, security_categories=security_categories)
        path = Path(path)
        if path.is_file():
            return self._create_and_upload(path.read_bytes(), name or path.name, overwrite, labels=labels,
                                           external_id=external_id, **fields)
        if not path.is_dir():
            raise ValueError(f"The path '{path}' does not exist")
        found = sorted(p for p in (path.rglob("*") if recursive else path.iterdir()) if p.is_file())
        return [self._create_and_upload(p.read_bytes(), p.name, overwrite, labels=labels, **fields) for p in found]

    def retrieve(self, id: int | None = None, external_id: str | None = None) -> FileMetadata | None:
        items = self._client._request("POST", "/files/byids", {
            "items": [_identifier(id, external_id)], "ignoreUnknownIds": True})["items"]
        return FileMetadata._load(items[0], self._client) if items else None

    def retrieve_multiple(self, ids: Sequence[int] | None = None, external_ids: Sequence[str] | None = None,
                          ignore_unknown_ids: bool = False) -> list[FileMetadata]:
        idents = _identifiers(ids, external_ids)
        items = self._client._request("POST", "/files/byids", {"items": idents, "ignoreUnknownIds": ignore_unknown_ids})["items"]
        return [FileMetadata._load(item, self._client) for item in items]

    def download_bytes(self, id: int | None = None, external_id: str | None = None) -> bytes:
        links = self._client._request("POST", "/files/downloadlink",
                                      {"items": [_identifier(id, external_id)]})["items"]
        return self._client._transfer("GET", links[0]["downloadUrl"])

    def download_to_path(self, path: str | Path, id: int | None = None, external_id: str | None = None) -> None:
        path = Path(path)
        if not path.parent.is_dir():
            raise NotADirectoryError(f"{path.parent} is not a directory")
        path.write_bytes(self.download_bytes(id=id, external_id=external_id))

    def download(self, directory: str | Path, id: int | Sequence[int] | None = None,
                 external_id: str | Sequence[str] | None = None,
                 keep_directory_structure: bool = False, resolve_duplicate_file_names: bool = False) -> None:
        """Each file to `directory`/<its name> (under its CDF directory when keep_directory_structure)."""
        directory = Path(directory)
        if not directory.is_dir():
            raise NotADirectoryError(str(directory))
        idents = _identifiers(id, external_id)
        metas = self._client._request("POST", "/files/byids", {"items": idents})["items"]
        taken: set[Path] = set()
        for meta in metas:
            folder = directory / meta["directory"].strip("/") if keep_directory_structure and meta.get("directory") else directory
            target = folder / meta["name"]
            if resolve_duplicate_file_names:
                n = 1
                while target in taken:
                    target = folder / f"{Path(meta['name']).stem}({n}){Path(meta['name']).suffix}"
                    n += 1
            taken.add(target)
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.download_bytes(id=meta["id"]))

    def update(self, item: Any, mode: str = "replace_ignore_null") -> "FileMetadata | list[FileMetadata]":
        """FileMetadata or FileMetadataUpdate objects (one or a list); modes as the SDK's."""
        single = not isinstance(item, (list, tuple))
        bodies = [i.dump() if isinstance(i, FileMetadataUpdate) else _file_update_from_metadata(i, mode)
                  for i in ([item] if single else item)]
        items = self._client._request("POST", "/files/update", {"items": bodies})["items"]
        loaded = [FileMetadata._load(i, self._client) for i in items]
        return loaded[0] if single else loaded

    def delete(self, id: int | Sequence[int] | None = None, external_id: str | Sequence[str] | None = None,
               ignore_unknown_ids: bool = False) -> None:
        idents = _identifiers(id, external_id)
        self._client._request("POST", "/files/delete", {"items": idents, "ignoreUnknownIds": ignore_unknown_ids})

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

    def list(self, name: str | None = None, owner: str | None = None, file_id: int | None = None,
             status: str | None = None, external_id_prefix: str | None = None,
             created_time: dict | None = None, metadata: dict[str, str] | None = None,
             limit: int | None = _DEFAULT_LIMIT) -> list[Function]:
        """As the SDK: one `POST /functions/list` (no cursor), `limit` -1, None or inf for all (10,000)."""
        function_filter = {k: v for k, v in {
            "name": name, "owner": owner, "fileId": file_id, "status": status,
            "externalIdPrefix": external_id_prefix, "createdTime": created_time, "metadata": metadata,
        }.items() if v is not None}
        body = {"filter": function_filter, "limit": 10_000 if _unlimited(limit) else limit}
        return [Function._load(item, self._client) for item in self._client._request("POST", "/functions/list", body)["items"]]

    def call(self, id: int | None = None, external_id: str | None = None, data: Any = None,
             wait: bool = True, nonce: str | None = None) -> FunctionCall:
        if id is None:
            function = self.retrieve(external_id=external_id)
            if function is None:
                raise ValueError(f'Function with external ID "{external_id}" is not found')
            id = function.id
        else:
            _identifier(id, external_id)
        if nonce is None:
            # Like the SDK with a token credential: a token-exchange session of this client.
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
        unlimited = _unlimited(limit)
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
