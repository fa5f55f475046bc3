"""The selected PO's items beside the table: image, title, seller SKU, barcode, quantities."""

from __future__ import annotations

from collections.abc import Sequence

import requests
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.lazada.models import PurchaseOrder, PurchaseOrderItem
from station.ui.po_model import local_text, status_label
from station.ui.worker import TaskRunner

IMAGE_SIZE = 72


def fetch_image(url: str) -> bytes:
    response = requests.get(url, timeout=(3, 10))
    response.raise_for_status()
    return response.content


class ItemsPanel(QWidget):
    image_loaded = Signal(str)  # a product picture arrived (its URL); the verify panel shows them too

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._images: dict[str, QPixmap] = {}
        self._asked: set[str] = set()
        self.current: str | None = None
        self._shown_urls: list[str] = []
        self.title = QLabel(self.tr("Select a PO to see its items."))
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The seller SKU and the barcodes share a column, one above the other: the side panel is
        # ~380 pixels wide on a 1366-pixel laptop, and five columns did not fit it.
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["", self.tr("Product"), self.tr("SKU / barcode"), self.tr("Qty")])
        self.table.setIconSize(QSize(IMAGE_SIZE, IMAGE_SIZE))
        self.table.verticalHeader().setDefaultSectionSize(IMAGE_SIZE + 8)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, IMAGE_SIZE + 8)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)

    def show_po(self, po: PurchaseOrder | None, items: Sequence[PurchaseOrderItem] | None) -> None:
        self.current = po.purchase_order_no if po else None
        if po is None:
            self.title.setText(self.tr("Select a PO to see its items."))
            self.info.clear()
            self._shown_urls = []
            self.table.setRowCount(0)
            return
        self.title.setText(f"{po.purchase_order_no} · {status_label(po.status)}")
        self.info.setText(
            self.tr("{store} · {code}\nExpected arrival: {arrival} · {skus}, {units}").format(
                store=po.store_name,
                code=po.store_code,
                arrival=local_text(po.expected_arrival_at),
                skus=self.tr("%n SKU(s)", "", po.total_sku_count),
                units=self.tr("%n unit(s)", "", po.total_quantity),
            )
        )
        if items is None:
            self._shown_urls = []
            self.table.setRowCount(0)
            self.info.setText(self.info.text() + "\n" + self.tr("Loading items…"))
            return
        self.table.setRowCount(len(items))
        self._shown_urls = [item.img_url for item in items]
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, item in enumerate(items):
            picture = QTableWidgetItem()
            pixmap = self._images.get(item.img_url)
            if pixmap is not None:
                picture.setIcon(pixmap)
            else:
                self._load_image(item.img_url)
            self.table.setItem(row, 0, picture)
            self.table.setItem(row, 1, QTableWidgetItem(item.product_title))
            self.table.setItem(row, 2, QTableWidgetItem("\n".join([item.seller_sku, *item.barcodes])))
            quantity = QTableWidgetItem(str(item.buyer_qty))
            quantity.setFont(bold)
            quantity.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 3, quantity)

    def image(self, url: str) -> QPixmap | None:
        """A product's picture if loaded; else it is asked for (``image_loaded`` says when it came)."""
        pixmap = self._images.get(url)
        if pixmap is None:
            self._load_image(url)
        return pixmap

    def _load_image(self, url: str) -> None:
        if not url or url in self._asked:
            return
        self._asked.add(url)
        self.runner.run(lambda: fetch_image(url), lambda data: self._image_loaded(url, data), lambda _exc: None)

    def _image_loaded(self, url: str, data: bytes) -> None:
        image = QImage.fromData(data)
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(
            image.scaled(
                IMAGE_SIZE, IMAGE_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self._images[url] = pixmap
        self.refresh_images()
        self.image_loaded.emit(url)

    def refresh_images(self) -> None:
        """Put loaded pictures in the rows shown (called when one arrives)."""
        for row, url in enumerate(self._shown_urls):
            cell = self.table.item(row, 0)
            if cell is not None and url in self._images:
                cell.setIcon(self._images[url])
