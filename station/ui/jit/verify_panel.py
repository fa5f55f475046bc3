"""The verify panel: a PO's lines as the operator scans them into the carton, in text read from a
step away with gloves on (the units still to scan, large; the last scan's answer, green or red).

Widgets only: :mod:`.verify_control` counts and decides; the panel shows a :class:`Verification`
and says what was asked through its signals. A scan repaints one row and two painted lines, never
the layout (a scan every 300 ms must leave the window free).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIntValidator, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.workflow.verify import MAX_TYPED_QUANTITY, Verification

IMAGE_SIZE = 56
GREEN, RED, NEUTRAL = QColor("#16a34a"), QColor("#dc2626"), QColor("#eef2f7")
DONE_ROW, LAST_ROW = QColor("#dcfce7"), QColor("#fef9c3")

ModelIndex = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    IMAGE = 0
    SKU = 1  # the seller SKU, its barcodes under it (the side panel is narrow on a laptop)
    TITLE = 2
    NEEDED = 3
    SCANNED = 4
    LEFT = 5
    PACK = 6


class VerifyModel(QAbstractTableModel):
    """The open verification's lines: needed, scanned, still to scan; the last scanned line marked."""

    def __init__(self, image: Callable[[str], QPixmap | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image  # a product's picture if loaded (asked for otherwise)
        self.verification: Verification | None = None
        self.last_sku: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, verification: Verification | None) -> None:
        self.beginResetModel()
        self.verification = verification
        self.last_sku = None
        self.endResetModel()

    def line_changed(self, sku_id: str | None) -> None:
        """One line's counts changed (a scan): that row, and the one marked before, repainted."""
        rows = {r for r in (self.row_of(self.last_sku), self.row_of(sku_id)) if r is not None}
        self.last_sku = sku_id
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, Col.PACK))

    def image_arrived(self, url: str) -> None:
        v = self.verification
        for row, line in enumerate(v.lines if v else ()):
            if line.img_url == url:
                self.dataChanged.emit(self.index(row, Col.IMAGE), self.index(row, Col.IMAGE))

    def row_of(self, sku_id: str | None) -> int | None:
        v = self.verification
        if v is None or sku_id is None:
            return None
        return next((r for r, line in enumerate(v.lines) if line.sku_id == sku_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.verification is None else len(self.verification.lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Col.IMAGE: "",
            Col.SKU: self.tr("SKU / barcode"),
            Col.TITLE: self.tr("Product"),
            Col.NEEDED: self.tr("Needed"),
            Col.SCANNED: self.tr("Scanned"),
            Col.LEFT: self.tr("To scan"),
            Col.PACK: "",
        }
        return titles[Col(section)]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        v = self.verification
        if v is None or not index.isValid():
            return None
        line = v.lines[index.row()]
        column = Col(index.column())
        scanned = v.scanned[line.sku_id]
        left = max(0, line.needed - scanned)
        if role == Qt.ItemDataRole.DisplayRole:
            texts = {
                Col.SKU: "\n".join((line.seller_sku, *line.barcodes, *(p.barcode for p in line.inner_packs))),
                Col.TITLE: line.title,
                Col.NEEDED: str(line.needed),
                Col.SCANNED: str(scanned),
                Col.LEFT: str(left),
            }
            return texts.get(column)
        if role == Qt.ItemDataRole.DecorationRole and column is Col.IMAGE:
            return self.image(line.img_url) if line.img_url else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (Col.TITLE, Col.SKU):
            return line.title if column is Col.TITLE else "\n".join((line.seller_sku, *line.barcodes))
        if role == Qt.ItemDataRole.BackgroundRole:
            if left == 0:
                return QBrush(DONE_ROW)
            if line.sku_id == self.last_sku:
                return QBrush(LAST_ROW)
            return None
        if role == Qt.ItemDataRole.FontRole and column in (Col.NEEDED, Col.SCANNED, Col.LEFT):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Col.NEEDED, Col.SCANNED, Col.LEFT):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class PaintedLine(QWidget):
    """A line of large text on a coloured ground that changes at every scan: painted, so a new text
    repaints this widget alone (a label would ask the window to lay itself out again)."""

    def __init__(self, point_size: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSize(point_size)
        font.setBold(True)
        self.setFont(font)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._text = ""
        self.colour = NEUTRAL
        self.state = "neutral"  # ok, fail, neutral: what the tests and screenshots read

    def text(self) -> str:
        return self._text

    def show_text(self, text: str, state: str = "neutral") -> None:
        self._text, self.state = text, state
        self.colour = {"ok": GREEN, "fail": RED}.get(state, NEUTRAL)
        self.setAccessibleName(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour)
            painter.drawRoundedRect(self.rect(), 8, 8)
            painter.setPen(QColor("white") if self.state in ("ok", "fail") else QColor("#111827"))
            shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width() - 16)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), shown)
        finally:
            painter.end()


class VerifyPanel(QWidget):
    finish_short_requested = Signal()
    inner_pack_requested = Signal(str)  # sku_id
    quantity_entered = Signal()  # Enter in the quantity box: the next scan counts that many
    ship_toggled = Signal(bool)

    def __init__(self, image: Callable[[str], QPixmap | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VerifyModel(image, self)
        self.heading = QLabel(self.tr("Verify: scan a PO number or logistics number."))
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.left = PaintedLine(28, 64)  # "12 to scan": read from a step away
        self.answer = PaintedLine(16, 44)  # the last scan's answer, green or red
        self.quantity = QLineEdit()
        self.quantity.setValidator(QIntValidator(1, MAX_TYPED_QUANTITY, self.quantity))
        self.quantity.setPlaceholderText(self.tr("Qty"))
        self.quantity.setToolTip(self.tr("Type a quantity, then scan: that many units are counted."))
        self.quantity.setFixedWidth(90)
        self.quantity.setStyleSheet("QLineEdit { font-size: 18pt; padding: 2px 6px; }")
        self.quantity.returnPressed.connect(self._quantity_entered)
        self.quantity.textChanged.connect(lambda _t: self._show_times())
        self.times = QLabel()  # "×24" while a typed quantity waits for its scan
        self.times.setStyleSheet("QLabel { font-size: 18pt; font-weight: bold; color: #b45309; }")
        self.times.setFixedWidth(100)
        self.finish_short = QPushButton(self.tr("Finish short… (F12)"))
        self.finish_short.setMinimumHeight(42)
        self.finish_short.setStyleSheet("QPushButton { font-size: 12pt; padding: 4px 10px; }")
        self.finish_short.clicked.connect(lambda: self.finish_short_requested.emit())
        self.ship = QCheckBox(self.tr("Ship when verified"))
        self.ship.setStyleSheet("QCheckBox { font-size: 12pt; } QCheckBox::indicator { width: 20px; height: 20px; }")
        self.ship.toggled.connect(self.ship_toggled.emit)
        self.table = self._make_table()
        self._build_layout()
        self.show_verification(None, "")

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setIconSize(QSize(IMAGE_SIZE, IMAGE_SIZE))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setWordWrap(True)
        font = QFont(table.font())
        font.setPointSize(12)
        table.setFont(font)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(IMAGE_SIZE + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.TITLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Col.IMAGE, IMAGE_SIZE + 8)
        for column in (Col.SKU, Col.NEEDED, Col.SCANNED, Col.LEFT, Col.PACK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_layout(self) -> None:
        quantity = QHBoxLayout()
        quantity.addWidget(self.quantity)
        quantity.addWidget(self.times)
        quantity.addStretch(1)
        quantity.addWidget(self.finish_short)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.ship)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.left)
        layout.addWidget(self.answer)
        layout.addLayout(quantity)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # ------------------------------------------------------------------ what it shows
    def show_verification(self, verification: Verification | None, store: str) -> None:
        self.model.show(verification)
        if verification is None:
            self.heading.setText(self.tr("Verify: scan a PO number or logistics number."))
            self.left.show_text("")
            self.finish_short.setEnabled(False)
            return
        self.heading.setText(f"{verification.purchase_order_no} · {store}" if store else verification.purchase_order_no)
        self.finish_short.setEnabled(verification.is_open)
        for row, line in enumerate(verification.lines):
            button = QPushButton(self.tr("Inner pack…"))
            button.setToolTip(self.tr("Set a barcode of a sealed inner pack of this item and its units."))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            sku_id = line.sku_id
            button.clicked.connect(lambda _c=False, sku=sku_id: self.inner_pack_requested.emit(sku))
            self.table.setIndexWidget(self.model.index(row, Col.PACK), button)
        self.show_left()

    def show_left(self) -> None:
        v = self.model.verification
        if v is None:
            return
        if v.remaining == 0:
            self.left.show_text(self.tr("Complete"), "ok")
        else:
            self.left.show_text(self.tr("%n to scan", "", v.remaining), "neutral")
        self.finish_short.setEnabled(v.is_open)

    def show_answer(self, text: str, state: str) -> None:
        self.answer.show_text(text, state)

    # ------------------------------------------------------------------ the typed quantity
    def typed_quantity(self) -> int:
        """The quantity typed for the next scan (1 when none), and the box emptied for the one after."""
        text = self.quantity.text().strip()
        self.quantity.clear()
        return int(text) if text.isdigit() and 1 <= int(text) <= MAX_TYPED_QUANTITY else 1

    def _quantity_entered(self) -> None:
        self._show_times()
        self.quantity_entered.emit()

    def _show_times(self) -> None:
        text = self.quantity.text().strip()
        self.times.setText(f"×{text}" if text.isdigit() and int(text) > 1 else "")
