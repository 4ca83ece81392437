"""A tiny in-memory CDF API (files, data sets, sessions, functions) on http.server, for client tests."""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

TOKEN = "test-token"
PROJECT = "proj"


class FakeCDF:
    def __init__(self):
        self.files: dict[int, dict] = {}
        self.blobs: dict[int, bytes] = {}
        self.calls: dict[int, dict] = {}
        self.functions = [{"id": 7, "externalId": "echo-fn", "name": "echo"}]
        self.requests: list[tuple[str, str]] = []
        self.fail_next: list[int] = []  # status codes to answer before serving normally
        self.polls = 0
        self._next_id = 100
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def do_PUT(self):
                self._serve("PUT")

            def _serve(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append((method, self.path))
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._json(401, {"error": {"code": 401, "message": "Unauthorized"}})
                if fake.fail_next:
                    status = fake.fail_next.pop(0)
                    return self._json(status, {"error": {"code": status, "message": "injected"}})
                status, answer = fake.route(method, urlparse(self.path), body)
                if isinstance(answer, bytes):
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                else:
                    self._json(status, answer)

            def _json(self, status, value):
                raw = json.dumps(value).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("x-request-id", "req-1")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        return Handler

    def route(self, method, url, body):
        prefix = f"/api/v1/projects/{PROJECT}"
        path = url.path[len(prefix):] if url.path.startswith(prefix) else url.path
        data = json.loads(body) if body and method == "POST" else None
        if method == "PUT" and path.startswith("/upload/"):
            file_id = int(path.rsplit("/", 1)[1])
            self.blobs[file_id] = body
            self.files[file_id]["uploaded"] = True
            return 200, b""
        if method == "GET" and path.startswith("/download/"):
            return 200, self.blobs[int(path.rsplit("/", 1)[1])]
        if path == "/files":
            return self.create_file(data, parse_qs(url.query).get("overwrite") == ["true"])
        if path == "/files/byids":
            return 200, {"items": [f for f in (self.find(i) for i in data["items"]) if f]}
        if path == "/files/list":
            return self.list_files(data)
        if path == "/files/downloadlink":
            return 200, {"items": [{"id": self.find(i)["id"], "downloadUrl": f"{self.url}/download/{self.find(i)['id']}"}
                                   for i in data["items"]]}
        if path == "/datasets/byids":
            wanted = data["items"][0]
            return 200, {"items": [{"id": 42, "externalId": "mlops", "writeProtected": False}]
                         if wanted.get("externalId") == "mlops" or wanted.get("id") == 42 else []}
        if path == "/sessions":
            return 200, {"items": [{"id": 1, "nonce": "nonce-1", "status": "READY"}]}
        if path == "/functions/byids":
            wanted = data["items"][0]
            return 200, {"items": [f for f in self.functions
                                   if f["id"] == wanted.get("id") or f["externalId"] == wanted.get("externalId")]}
        match = re.fullmatch(r"/functions/(\d+)/call", path)
        if match:
            assert data["nonce"] == "nonce-1"
            call_id = self.new_id()
            self.calls[call_id] = {"id": call_id, "functionId": int(match.group(1)), "status": "Running",
                                   "response": {"echo": data.get("data")}}
            return 201, {k: v for k, v in self.calls[call_id].items() if k != "response"}
        match = re.fullmatch(r"/functions/(\d+)/calls/(\d+)(/response)?", path)
        if match:
            call = self.calls[int(match.group(2))]
            if match.group(3):
                return 200, {"response": call["response"]}
            self.polls += 1
            call["status"] = "Completed" if self.polls >= 2 else "Running"
            return 200, {k: v for k, v in call.items() if k != "response"}
        return 404, {"error": {"code": 404, "message": f"no route {method} {path}"}}

    def find(self, identifier):
        for item in self.files.values():
            if item["id"] == identifier.get("id") or ("externalId" in identifier and item.get("externalId") == identifier["externalId"]):
                return item
        return None

    def create_file(self, data, overwrite):
        existing = self.find({"externalId": data["externalId"]}) if "externalId" in data else None
        if existing and not overwrite:
            return 409, {"error": {"code": 409, "message": "Duplicate external ids",
                                   "duplicated": [{"externalId": data["externalId"]}]}}
        file_id = existing["id"] if existing else self.new_id()
        self.files[file_id] = {**data, "id": file_id, "uploaded": False}
        return 201, {**self.files[file_id], "uploadUrl": f"{self.url}/upload/{file_id}"}

    def list_files(self, data):
        flt = data.get("filter", {})
        items = sorted(self.files.values(), key=lambda f: f["id"])
        if "externalIdPrefix" in flt:
            items = [f for f in items if f.get("externalId", "").startswith(flt["externalIdPrefix"])]
        if "dataSetIds" in flt:
            ids = {d["id"] for d in flt["dataSetIds"]}
            items = [f for f in items if f.get("dataSetId") in ids]
        if "metadata" in flt:
            items = [f for f in items if all((f.get("metadata") or {}).get(k) == v for k, v in flt["metadata"].items())]
        start = int(data.get("cursor") or 0)
        page = items[start:start + data["limit"]]
        more = start + data["limit"] < len(items)
        return 200, {"items": page, "nextCursor": str(start + data["limit"]) if more else None}
