"""The HTTP server: the gateway at ``/rest``, print files, product images and admin endpoints (on the
simulators' shared base, :mod:`station.connector.simbase`)."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import ssl
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from station.connector.simbase import SimHandler, SimHTTPServer, SimulatorBase
from station.printing.pdfgen import render_pdf
from station.printing.print_items import PrintItem, PrintPO
from station.simulator.auth_api import token_create, token_refresh
from station.simulator.authorize import PageAnswer, authorize_page
from station.simulator.call import Call
from station.simulator.config import SimulatorConfig
from station.simulator.files import check_download, oss_error_xml
from station.simulator.gateway import Gateway, GatewayError, error_body, request_id, success_body
from station.simulator.images import product_png
from station.simulator.jit_api import JIT_HANDLERS
from station.simulator.orders import ORDER_HANDLERS, OrderBook, OrderCall
from station.simulator.pickup_pdf import CartonLabel, render_carton_labels
from station.simulator.state import SimulatorState

log = logging.getLogger(__name__)

AUTH_HANDLERS: dict[str, Callable[[SimulatorState, Mapping[str, str]], dict[str, Any]]] = {
    "/auth/token/create": token_create,
    "/auth/token/refresh": token_refresh,
}
PDF_CACHE_SIZE = 64
_BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1>"
    "</center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n"
)


class SimulatorServer(SimulatorBase):
    """The simulated platform on 127.0.0.1; ``url`` is the gateway base (``.../rest``)."""

    name = "simulator"

    def __init__(self, config: SimulatorConfig | None = None) -> None:
        self.config = config if config is not None else SimulatorConfig()
        super().__init__(host=self.config.host, port=self.config.port)
        self.handler = _Handler
        self._state = SimulatorState(self.config)
        self.gateway = Gateway(self._state)
        self.orders = OrderBook(self.config, self._state.catalogue, int(time.time() * 1000))
        self._pdf_cache: OrderedDict[str, bytes] = OrderedDict()
        self._pdf_lock = threading.Lock()

    # ----- life cycle -------------------------------------------------------------------------

    def _started(self, httpd: SimHTTPServer) -> None:
        if self.config.certfile is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(
                str(self.config.certfile), None if self.config.keyfile is None else str(self.config.keyfile)
            )
            httpd.socket = context.wrap_socket(httpd.socket, server_side=True, do_handshake_on_connect=False)
        self._state.start_flusher()

    def _stopped(self) -> None:
        """Save the state."""
        self._state.close()

    # ----- properties -------------------------------------------------------------------------

    @property
    def scheme(self) -> str:
        return "https" if self.config.certfile is not None else "http"

    @property
    def url(self) -> str:
        """The gateway base: append an API path such as ``/jit/purchase_order/query_list``."""
        return self.base_url + "/rest"

    @property
    def state(self) -> SimulatorState:
        return self._state

    def stats(self) -> dict[str, Any]:
        return self._state.stats()

    # ----- print files ------------------------------------------------------------------------

    def pdf_bytes(self, name: str) -> bytes | None:
        """The PDF of a print file (drawn on first use, then cached); ``None`` if unknown."""
        with self._pdf_lock:
            cached = self._pdf_cache.get(name)
            if cached is not None:
                self._pdf_cache.move_to_end(name)
                return cached
        state = self._state
        with state.lock:
            record = state.files.get(name)
            if record is None:
                return None
            if record.pickup_order_no:
                label = self._carton_label(record.pickup_order_no, record.purchase_order_nos)
                data = render_carton_labels(record.pdf_size, label, record.box_number)
                return self._cache_pdf(name, data)
            pos = []
            for po_no in record.purchase_order_nos:
                po = state.pos[po_no]
                wh = state.warehouse(po)
                items = []
                for sku, qty in po.items:
                    p = state.catalogue.by_sku[sku]
                    items.append(PrintItem(p.seller_sku, p.product_title, p.barcodes[0], qty))
                pos.append(PrintPO(po_no, wh.store_name, wh.store_code, wh.store_address, tuple(items)))
        data = render_pdf(record.pdf_size, pos, print_order=record.print_order, print_barcode=record.print_barcode)
        return self._cache_pdf(name, data)

    def _cache_pdf(self, name: str, data: bytes) -> bytes:
        with self._pdf_lock:
            self._pdf_cache[name] = data
            while len(self._pdf_cache) > PDF_CACHE_SIZE:
                self._pdf_cache.popitem(last=False)
        return data

    def _carton_label(self, pickup_order_no: str, purchase_order_nos: list[str]) -> CartonLabel:
        """What a pickup order's carton labels show (caller holds the state's lock)."""
        state = self._state
        first = state.pos.get(purchase_order_nos[0]) if purchase_order_nos else None
        wh = state.warehouse(first) if first is not None else None
        return CartonLabel(
            pickup_order_no,
            wh.store_name if wh else "",
            wh.store_code if wh else "",
            wh.store_address if wh else "",
            state.catalogue.supplier.supplier_name,
        )


class _Handler(SimHandler):
    server_version = "Tengine"

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.sim.config.verbose:
            log.info("%s %s", self.address_string(), format % args)

    # ----- plumbing ---------------------------------------------------------------------------

    def _json(self, status: int, payload: Any) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json;charset=UTF-8")

    def _dispatch(self) -> None:
        sim = self.server.sim
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        path = parts.path
        try:
            if path.startswith("/_sim/"):
                self._admin(sim, path, body)
            elif path == "/oauth/authorize":
                form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
                with sim.state.lock:
                    page = authorize_page(
                        sim.state.auth_codes,
                        sim.config.region,
                        self.command,
                        query,
                        {k: v[0] for k, v in form.items()} if self.command == "POST" else {},
                    )
                self._page(page)
            elif path.startswith("/images/"):
                self._image(sim, path)
            elif path.startswith("/awb/"):
                data = sim.orders.documents.get(path[len("/awb/") :])
                self._send(200 if data else 404, data or b"not found", "application/pdf" if data else "text/plain")
            elif path.startswith("/files/"):
                self._file(sim, path[len("/files/") :], query)
            elif path.startswith("/rest/"):
                if "application/x-www-form-urlencoded" in (self.headers.get("Content-Type") or ""):
                    form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
                    query.update({k: v[0] for k, v in form.items()})
                self._api(sim, path[len("/rest") :], query)
            else:
                self._json(404, {"ok": False, "error": f"no such path {path}"})
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:
            log.error("simulator failure on %s\n%s", path, traceback.format_exc())
            self._json(
                500,
                error_body("InternalError", "SYSTEM", "The request processing has failed due to some unknown error."),
            )

    def _api(self, sim: SimulatorServer, api_path: str, params: dict[str, str]) -> None:
        jit = JIT_HANDLERS.get(api_path)
        auth = AUTH_HANDLERS.get(api_path)
        orders = ORDER_HANDLERS.get(api_path)
        if jit is None and auth is None and orders is None:
            self._json(404, error_body("InvalidApiPath", "ISV", f"The specified API path {api_path} is invalid"))
            return
        state, gateway = sim.state, sim.gateway
        state.count_call(api_path)
        delay = gateway.latency_seconds()
        if delay > 0:
            sim.stopping.wait(delay)
        injected = gateway.roll_error()
        if injected is not None:
            self._server_error(injected)
            return
        try:
            app_key = gateway.check(
                api_path, params, seller_api=jit is not None or orders is not None, choice_api=jit is not None
            )
        except GatewayError as error:
            self._json(error.http_status, error.body())
            return
        after = gateway.roll_after()
        try:
            if orders is not None:
                payload = orders(OrderCall(sim.orders, params, sim.base_url))
            elif jit is not None:
                call = Call(state, params, sim.base_url, lambda: gateway.penalize(app_key))
                payload = success_body(jit(call))
            else:
                assert auth is not None
                payload = auth(state, params)
        except GatewayError as error:
            payload = error.body()
        if after == "timeout":
            sim.stopping.wait(float(sim.config.timeout_seconds))
        elif after == "drop":
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._json(200, payload)

    def _page(self, page: PageAnswer) -> None:
        if page.location:
            self.send_response(page.status)
            self.send_header("Location", page.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(page.status, page.body, page.content_type)

    def _server_error(self, status: int) -> None:
        if status == 500:
            self._json(
                500,
                error_body("InternalError", "SYSTEM", "The request processing has failed due to some unknown error."),
            )
            return
        reason = "Bad Gateway" if status == 502 else "Service Temporarily Unavailable"
        self._send(status, _BAD_GATEWAY_HTML.format(status=status, reason=reason).encode(), "text/html", close=True)

    def _image(self, sim: SimulatorServer, path: str) -> None:
        sku = path[len("/images/") :].removesuffix(".png")
        if sku not in sim.state.catalogue.by_sku:
            self._json(404, {"ok": False, "error": "no such image"})
            return
        self._send(200, product_png(sku), "image/png")

    def _file(self, sim: SimulatorServer, name: str, query: dict[str, str]) -> None:
        problem = check_download(name, query, sim.state.file_secret, time.time())
        if problem is not None:
            code = "SignatureDoesNotMatch" if "signature" in problem else "AccessDenied"
            self._send(403, oss_error_xml(code, problem, request_id().upper()[:24], name), "application/xml")
            return
        data = sim.pdf_bytes(name)
        if data is None:
            self._send(
                404,
                oss_error_xml("NoSuchKey", "The specified key does not exist.", request_id().upper()[:24], name),
                "application/xml",
            )
            return
        self._send(200, data, "application/pdf")

    def _admin(self, sim: SimulatorServer, path: str, body: bytes) -> None:
        state = sim.state
        try:
            payload: Any = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._json(400, {"ok": False, "error": "the body is not JSON"})
            return
        if not isinstance(payload, dict):
            self._json(400, {"ok": False, "error": "the body must be a JSON object"})
            return
        post = self.command == "POST"
        if path == "/_sim/health":
            self._json(200, {"ok": True})
        elif path == "/_sim/stats":
            self._json(200, state.stats())
        elif path == "/_sim/faults":
            if post:
                try:
                    with state.lock:
                        values = sim.config.update_runtime(payload)
                except KeyError as error:
                    self._json(400, {"ok": False, "error": f"unknown fault field {error.args[0]}"})
                    return
                except (TypeError, ValueError) as error:
                    self._json(400, {"ok": False, "error": str(error)})
                    return
            else:
                values = sim.config.runtime_values()
            self._json(200, {"ok": True, "faults": values})
        elif path == "/_sim/cancel" and post:
            problem = state.cancel(str(payload.get("purchase_order_no", "")))
            if problem is None:
                self._json(200, {"ok": True})
            else:
                self._json(404 if "not found" in problem else 409, {"ok": False, "error": problem})
        elif path == "/_sim/expire-tokens" and post:
            self._json(200, {"ok": True, "expired": state.expire_tokens()})
        else:
            self._json(404, {"ok": False, "error": f"no such admin endpoint {self.command} {path}"})
