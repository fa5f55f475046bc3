"""Print files: OSS-style signed, expiring download URLs like the platform's."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

OSS_ACCESS_KEY_ID = "LTAI5tSimStationDemo01"
FILE_PREFIX = "ACHOICE_JIT_PO_BARCODE_"
PICKUP_FILE_PREFIX = "ACHOICE_PICKUP_ORDER_"


@dataclass
class FileRecord:
    """What one print call asked for; the PDF itself is drawn on first download."""

    name: str  # the object key, e.g. ACHOICE_JIT_PO_BARCODE_POJ..._ab12.pdf
    purchase_order_nos: list[str]
    pdf_size: str
    print_order: bool
    print_barcode: bool
    expires: int  # epoch seconds
    # Carton labels of a pickup order (/pickup_order/print; pdf_size PICKUP_A4 or PICKUP_1010)
    pickup_order_no: str = ""
    box_number: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "purchase_order_nos": list(self.purchase_order_nos),
            "pdf_size": self.pdf_size,
            "print_order": self.print_order,
            "print_barcode": self.print_barcode,
            "expires": self.expires,
            "pickup_order_no": self.pickup_order_no,
            "box_number": self.box_number,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FileRecord:
        return cls(
            str(d["name"]),
            [str(p) for p in d["purchase_order_nos"]],
            str(d["pdf_size"]),
            bool(d["print_order"]),
            bool(d["print_barcode"]),
            int(d["expires"]),
            str(d.get("pickup_order_no", "")),
            int(d.get("box_number", 0)),
        )


def new_file_name(first: str, prefix: str = FILE_PREFIX) -> str:
    """The object key of a print file: named by its first PO, or by the pickup order of carton labels."""
    return f"{prefix}{first}_{secrets.token_hex(6)}.pdf"


def oss_signature(name: str, expires: int, secret: str) -> str:
    """Base64 HMAC-SHA1 over the string OSS signs for a presigned GET."""
    message = f"GET\n\n\n{expires}\n/{name}"
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signed_url(base: str, record: FileRecord, secret: str) -> str:
    """``base`` is ``http(s)://127.0.0.1:PORT``."""
    signature = quote(oss_signature(record.name, record.expires, secret), safe="")
    return (
        f"{base}/files/{record.name}?Expires={record.expires}&OSSAccessKeyId={OSS_ACCESS_KEY_ID}&Signature={signature}"
    )


def check_download(name: str, query: dict[str, str], secret: str, now: float) -> str | None:
    """``None`` when the URL is valid, else the OSS error message to answer 403 with."""
    try:
        expires = int(query.get("Expires", ""))
    except ValueError:
        return "Invalid argument."
    if query.get("OSSAccessKeyId") != OSS_ACCESS_KEY_ID:
        return "The OSS Access Key Id you provided does not exist in our records."
    expected = oss_signature(name, expires, secret)
    if not hmac.compare_digest(expected, query.get("Signature", "")):
        return "The request signature we calculated does not match the signature you provided."
    if expires < now:
        return "Request has expired."
    return None


def oss_error_xml(code: str, message: str, request_id: str, name: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Error>\n"
        f"  <Code>{code}</Code>\n"
        f"  <Message>{message}</Message>\n"
        f"  <RequestId>{request_id}</RequestId>\n"
        "  <HostId>ascp-choice.oss-accelerate.aliyuncs.com</HostId>\n"
        f"  <OSSAccessKeyId>{OSS_ACCESS_KEY_ID}</OSSAccessKeyId>\n"
        f"  <Key>{name}</Key>\n"
        "</Error>\n"
    ).encode()
