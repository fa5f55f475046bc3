"""A virtual raw label printer: a TCP server on 127.0.0.1 that speaks ZPL II and TSPL like a printer's port 9100.

It reads what it is sent as a printer would (``^XA ... ^XZ`` formats; TSPL lines, ``BITMAP`` with its raw
bytes), draws each label back into dots (:class:`~station.printing.raster.MonoPage`), answers the status
queries (ZPL ``~HS``, TSPL ``<ESC>!?``) at once, and can be put out of paper, paused, with its head open
(labels received then wait inside it, as on a real printer, and print once it is ready again) or offline
(it refuses connections). For the demo and the tests; PNGs on request.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import re
import socket
import threading
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from station.printing.label_settings import Language
from station.printing.raster import MonoPage

STX, ETX = b"\x02", b"\x03"
_INVERT = bytes(255 - value for value in range(256))
_WHITESPACE = b" \t\r\n"


@dataclass(frozen=True)
class ReceivedLabel:
    """One label the printer printed: what came out, and in which language it was sent."""

    language: Language
    page: MonoPage

    def save_png(self, path: Path) -> Path:
        if not self.page.to_qimage().save(str(path)):  # PNG, from the suffix
            raise OSError(f"could not write {path}")
        return path


class _Canvas:
    """A label's dots while a format or a TSPL job draws on it (1 = dot)."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.row_bytes = (width + 7) // 8
        self.rows = [0] * height  # each row an int of row_bytes * 8 bits, most significant = left

    def put(self, x: int, y: int, row_bytes: int, data: bytes, *, overwrite: bool) -> None:
        """Place a bitmap of ``row_bytes`` a row at x, y (dots), clipped to the label."""
        canvas_bits = self.row_bytes * 8
        width_mask = ((1 << self.width) - 1) << (canvas_bits - self.width)
        for row in range(len(data) // row_bytes):
            target = y + row
            if not 0 <= target < self.height:
                continue
            bits = int.from_bytes(data[row * row_bytes : (row + 1) * row_bytes], "big")
            shift = canvas_bits - x - row_bytes * 8
            placed = bits << shift if shift >= 0 else bits >> -shift
            mask = ((1 << (row_bytes * 8)) - 1) << shift if shift >= 0 else ((1 << (row_bytes * 8)) - 1) >> -shift
            old = self.rows[target] & ~mask if overwrite else self.rows[target]
            self.rows[target] = (old | placed) & width_mask

    def page(self) -> MonoPage:
        data = b"".join(row.to_bytes(self.row_bytes, "big") for row in self.rows)
        return MonoPage(width=self.width, height=self.height, row_bytes=self.row_bytes, data=data)


class JobError(ValueError):
    """What the printer could not read (it drops that format, as a printer does)."""


# ----- ZPL ------------------------------------------------------------------------------------------------


def decode_graphic_data(text: str, total: int) -> bytes:
    """A ``^GFA`` field's data: ``:Z64:``/``:B64:`` with its CRC, or plain hex."""
    text = text.strip()
    if text.startswith((":Z64:", ":B64:")):
        encoded, _, crc = text[5:].rpartition(":")
        if not encoded or f"{binascii.crc_hqx(encoded.encode('ascii'), 0):04x}" != crc.lower():
            raise JobError("graphic field CRC does not match")
        raw = base64.b64decode(encoded)
        data = zlib.decompress(raw) if text.startswith(":Z64:") else raw
    else:
        try:
            data = bytes.fromhex("".join(text.split()))
        except ValueError:
            raise JobError("graphic field is neither Z64, B64 nor plain hex (ZPL's ASCII compression)") from None
    if len(data) != total:
        raise JobError(f"graphic field holds {len(data)} bytes, its header says {total}")
    return data


def render_zpl(format_text: str, default_size: tuple[int, int]) -> tuple[MonoPage, int]:
    """One ``^XA ... ^XZ`` format as printed: its dots and its copies (``^PQ``)."""
    width, height = default_size
    home = (0, 0)
    origin = (0, 0)
    copies = 1
    graphics: list[tuple[int, int, int, bytes]] = []
    for command in format_text.split("^")[1:]:
        name, args = command[:2].upper(), command[2:]
        if name == "PW":
            width = int(args.split(",")[0])
        elif name == "LL":
            height = int(args.split(",")[0])
        elif name == "LH":
            x, y = ([*args.split(","), "0"])[:2]
            home = (int(x or 0), int(y or 0))
        elif name == "FO":
            x, y = ([*args.split(","), "0"])[:2]
            origin = (int(x or 0), int(y or 0))
        elif name == "GF":
            parts = args.split(",", 4)
            if len(parts) < 5 or parts[0].upper() != "A":
                raise JobError(f"unsupported graphic field ^GF{args[:20]}")
            total, row_bytes = int(parts[1]), int(parts[3])
            graphics.append((home[0] + origin[0], home[1] + origin[1], row_bytes, decode_graphic_data(parts[4], total)))
        elif name == "PQ":
            copies = max(1, int(args.split(",")[0] or 1))
    canvas = _Canvas(width, height)
    for left, top, row_bytes, data in graphics:
        canvas.put(left, top, row_bytes, data, overwrite=False)
    return canvas.page(), copies


# ----- TSPL -----------------------------------------------------------------------------------------------

_MM = re.compile(r"^\s*([0-9.]+)\s*(mm|dot)?\s*$", re.IGNORECASE)


def _tspl_length(text: str, dpi: int) -> int:
    """``100 mm`` / ``4`` (inches) / ``800 dot`` in dots."""
    match = _MM.match(text)
    if not match:
        raise JobError(f"not a TSPL length: {text!r}")
    value, unit = float(match.group(1)), (match.group(2) or "").lower()
    if unit == "mm":
        return int(value * dpi / 25.4 + 1e-6)
    if unit == "dot":
        return int(value)
    return int(value * dpi + 1e-6)


# ----- the printer ----------------------------------------------------------------------------------------


class VirtualLabelPrinter:
    """``VirtualLabelPrinter().start()``; ``port``; ``labels``; ``set_paper_out(True)``...; ``stop()``."""

    def __init__(self, *, dpi: int = 203, port: int = 0, keep: int | None = None) -> None:
        self.dpi = dpi
        self._port = port
        self._lock = threading.Condition()
        self._labels: deque[ReceivedLabel] = deque(maxlen=keep)  # keep=None: every label
        self._printed = 0
        self._held: list[ReceivedLabel] = []
        self.errors: list[str] = []
        self.bytes_received = 0
        self.paper_out = False
        self.paused = False
        self.head_open = False
        self.labels_left: int | None = None  # on the roll; None: endless. At 0 the printer is out of paper.
        self._listener: socket.socket | None = None
        self._accepting: threading.Thread | None = None
        self._stopped = threading.Event()
        self._connections: set[socket.socket] = set()

    # -- life
    def start(self) -> VirtualLabelPrinter:
        self._listen()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._close_listener()
        self._drop_connections()

    def __enter__(self) -> VirtualLabelPrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", self._port

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self._port))
        listener.listen(16)
        self._port = listener.getsockname()[1]
        self._listener = listener
        self._accepting = threading.Thread(target=self._accept, args=(listener,), daemon=True, name="label-printer")
        self._accepting.start()

    def _close_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        if self._accepting is not None:
            self._accepting.join(timeout=5)
            self._accepting = None

    def _drop_connections(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, set()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    # -- the states a test or the demo sets
    @property
    def offline(self) -> bool:
        return self._listener is None and not self._stopped.is_set()

    def set_offline(self, offline: bool) -> None:
        """Offline: the port refuses connections (the printer is off or unplugged)."""
        if offline and self._listener is not None:
            self._close_listener()
            self._drop_connections()  # switched off: the line drops too
        elif not offline and self._listener is None:
            self._listen()  # the same port again

    def set_paper_out(self, value: bool) -> None:
        self._set(paper_out=value)

    def set_paused(self, value: bool) -> None:
        self._set(paused=value)

    def set_head_open(self, value: bool) -> None:
        self._set(head_open=value)

    def load_roll(self, labels: int | None) -> None:
        """A new roll of ``labels`` labels (None: endless): paper is back, waiting labels print."""
        with self._lock:
            self.labels_left = labels
            self._set(paper_out=labels == 0)

    def _set(self, **flags: bool) -> None:
        with self._lock:
            for name, value in flags.items():
                setattr(self, name, value)
            while self._held and self.ready:  # what waited inside prints now
                self._print(self._held.pop(0))
            self._lock.notify_all()

    @property
    def default_size(self) -> tuple[int, int]:
        """A ZPL format without ``^PW``/``^LL`` prints on the loaded 4x6 in stock."""
        return self.dpi * 4, self.dpi * 6

    @property
    def ready(self) -> bool:
        return not (self.paper_out or self.paused or self.head_open)

    # -- what came out
    @property
    def labels(self) -> list[ReceivedLabel]:
        with self._lock:
            return list(self._labels)

    @property
    def printed(self) -> int:
        """Labels printed since start (all of them, even those ``keep`` let go)."""
        with self._lock:
            return self._printed

    @property
    def waiting(self) -> int:
        """Labels received but not printed (out of paper, paused, head open)."""
        with self._lock:
            return len(self._held)

    def wait_printed(self, count: int, timeout: float = 10.0) -> bool:
        with self._lock:
            return self._lock.wait_for(lambda: self._printed >= count, timeout)

    def wait_received(self, count: int, timeout: float = 10.0) -> bool:
        """Until ``count`` labels were printed or are waiting inside."""
        with self._lock:
            return self._lock.wait_for(lambda: self._printed + len(self._held) >= count, timeout)

    def write_pngs(self, folder: Path, stem: str = "label") -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        return [label.save_png(folder / f"{stem}-{n:04d}.png") for n, label in enumerate(self.labels, 1)]

    def clear(self) -> None:
        with self._lock:
            self._labels.clear()
            self._printed = 0
            self.errors.clear()

    def _print(self, label: ReceivedLabel) -> None:  # under the lock
        self._labels.append(label)
        self._printed += 1
        if self.labels_left is not None:
            self.labels_left -= 1
            self.paper_out = self.labels_left <= 0

    def _receive(self, label: ReceivedLabel, copies: int) -> None:
        with self._lock:
            for _ in range(copies):
                if self.ready:
                    self._print(label)
                else:
                    self._held.append(label)
            self._lock.notify_all()

    # -- status answers
    def host_status(self) -> bytes:
        """ZPL ``~HS``: three strings; the flags the station reads are paper out, pause, formats waiting
        (string 1) and head up, labels remaining in the batch printing (string 2)."""
        with self._lock:
            waiting = len(self._held)
            first = f"030,{int(self.paper_out)},{int(self.paused)},1199,{min(waiting, 999):03d},0,0,0,000,0,0,0"
            # each waiting label is a format still in the buffer (eee); none is part-way through a batch
            second = f"001,0,{int(self.head_open)},0,0,2,4,0,00000000,1,000"
        return b"".join(STX + text.encode("ascii") + ETX + b"\r\n" for text in (first, second, "1234,0"))

    def tspl_status(self) -> bytes:
        """TSPL ``<ESC>!?``: one byte, 0x01 head open, 0x04 out of paper, 0x10 paused."""
        with self._lock:
            return bytes(
                [(0x01 if self.head_open else 0) | (0x04 if self.paper_out else 0) | (0x10 if self.paused else 0)]
            )

    # -- the connection
    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:  # closed: offline or stopped
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True, name="label-printer-job").start()

    def _serve(self, connection: socket.socket) -> None:
        stream = _Stream(self)
        with self._lock:
            self._connections.add(connection)
        with connection:
            connection.settimeout(30)
            while True:
                try:
                    chunk = connection.recv(256 * 1024)
                except OSError:
                    break
                if not chunk:
                    break
                with self._lock:
                    self.bytes_received += len(chunk)
                try:
                    for answer in stream.feed(chunk):
                        connection.sendall(answer)
                except OSError:
                    break
                except (JobError, ValueError) as error:
                    with self._lock:
                        self.errors.append(str(error))
                    break  # a printer that cannot read a job drops the rest of it
        with self._lock:
            self._connections.discard(connection)


class _Stream:
    """What one connection sent, read command by command as it arrives."""

    def __init__(self, printer: VirtualLabelPrinter) -> None:
        self.printer = printer
        self.buffer = bytearray()
        self.tspl_size = (0, 0)
        self.tspl_canvas: _Canvas | None = None

    def feed(self, data: bytes) -> list[bytes]:
        self.buffer += data
        answers: list[bytes] = []
        while True:
            step = self._next()
            if step is None:
                return answers
            consumed, answer = step
            del self.buffer[:consumed]
            if answer:
                answers.append(answer)

    def _next(self) -> tuple[int, bytes] | None:
        """One command off the buffer: (bytes used, answer), or None until more arrives."""
        buffer = self.buffer
        start = 0
        while start < len(buffer) and buffer[start] in _WHITESPACE:
            start += 1
        if start == len(buffer):
            return (start, b"") if start else None
        head = bytes(buffer[start : start + 3])
        if head == b"~HS":
            return start + 3, self.printer.host_status()
        if head == b"\x1b!?":
            return start + 3, self.printer.tspl_status()
        if len(head) < 3 and (b"~HS".startswith(head) or b"\x1b!?".startswith(head) or b"^XA".startswith(head)):
            return None
        if head.upper() == b"^XA":
            end = buffer.find(b"^XZ", start)
            if end < 0:
                return None
            page, copies = render_zpl(buffer[start : end + 3].decode("ascii"), self.printer.default_size)
            self.printer._receive(ReceivedLabel(Language.ZPL, page), copies)
            return end + 3, b""
        if buffer[start] in b"~^":  # another ZPL command outside a format (~JA, ^XZ stray...): skip to the next
            end = next((i for i in range(start + 1, len(buffer)) if buffer[i] in b"~^\r\n"), -1)
            return (end, b"") if end > 0 else None
        return self._tspl(start)

    def _tspl(self, start: int) -> tuple[int, bytes] | None:
        buffer = self.buffer
        if bytes(buffer[start : start + 6]).upper() == b"BITMAP":
            # BITMAP x,y,width_bytes,height,mode,<raw bytes>: the length comes from the header
            commas, position = 0, start
            while commas < 5:
                position = buffer.find(b",", position + 1)
                if position < 0:
                    if len(buffer) - start < 64:
                        return None
                    raise JobError(f"unreadable TSPL: {bytes(buffer[start : start + 40])!r}")
                commas += 1
            fields = bytes(buffer[start + 6 : position]).decode("ascii").split(",")
            x, y, row_bytes, height, mode = (int(value) for value in fields)
            size = row_bytes * height
            if len(buffer) < position + 1 + size:
                return None
            data = bytes(buffer[position + 1 : position + 1 + size]).translate(_INVERT)  # TSPL: 0 is a dot
            self._canvas().put(x, y, row_bytes, data, overwrite=mode == 0)
            return position + 1 + size, b""
        end = buffer.find(b"\n", start)
        if end < 0:
            return None
        line = bytes(buffer[start:end]).decode("ascii", errors="replace").strip()
        self._tspl_line(line)
        return end + 1, b""

    def _canvas(self) -> _Canvas:
        if self.tspl_canvas is None:
            if not all(self.tspl_size):
                raise JobError("TSPL drawing before SIZE")
            self.tspl_canvas = _Canvas(*self.tspl_size)
        return self.tspl_canvas

    def _tspl_line(self, line: str) -> None:
        name, _, args = line.partition(" ")
        name = name.upper()
        handlers: dict[str, Callable[[str], None]] = {"SIZE": self._size, "CLS": self._cls, "PRINT": self._print}
        handler = handlers.get(name)
        if handler is not None:
            handler(args)
        # GAP, BLINE, DENSITY, SPEED, DIRECTION, REFERENCE...: settings of the mechanism, nothing to draw

    def _size(self, args: str) -> None:
        width, _, height = args.partition(",")
        self.tspl_size = (_tspl_length(width, self.printer.dpi), _tspl_length(height, self.printer.dpi))
        self.tspl_canvas = None

    def _cls(self, args: str) -> None:
        self.tspl_canvas = None

    def _print(self, args: str) -> None:
        sets, _, copies = args.partition(",")
        count = max(1, int(sets or 1)) * max(1, int(copies or 1))
        self.printer._receive(ReceivedLabel(Language.TSPL, self._canvas().page()), count)
