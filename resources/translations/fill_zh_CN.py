"""Fills station_zh_CN.ts with the Simplified Chinese texts below (run after pyside6-lupdate).

    pyside6-lupdate station/ui/*.py -ts resources/translations/station_zh_CN.ts
    python resources/translations/fill_zh_CN.py
    pyside6-lrelease resources/translations/station_zh_CN.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ZH = {
    "blank: this bench only · postgresql://user@host:5432/station": "留空：仅本工位 · postgresql://user@host:5432/station",
    "Shared journal (after restart)": "共享日志（重启后生效）",
    "Journal password": "日志数据库密码",
    "The shared journal must be a postgresql://user@host:port/database address.":
        "共享日志必须是 postgresql://user@host:port/database 格式的地址。",
    "Held by {bench}": "{bench} 正在处理",
    "{no} is being handled by {bench}; nothing sent from this bench.": "{no} 正由 {bench} 处理；本工位未发送任何操作。",
    "Page ": "第 ",
    " of {count}": " 页，共 {count} 页",
    "Refresh": "刷新",
    "Replenish from selected JIT POs…": "按所选 JIT 采购单补货…",
    "Print labels (60x30)": "打印标签 (60x30)",
    "QianYi is not set up for this profile.": "此店铺尚未设置千易 ERP。",
    "QianYi purchase orders": "千易采购单",
    "Shoplazza is not set up for this profile.": "此店铺尚未设置 Shoplazza。",
    "Shoplazza procurements": "Shoplazza 采购单",
    "Loading QianYi purchase orders…": "正在加载千易采购单…",
    "{n} QianYi purchase orders": "{n} 个千易采购单",
    "Select the JIT POs to replenish in the PO list first.": "请先在采购单列表中选择要补货的 JIT 采购单。",
    "Reading the items of {n} JIT POs…": "正在读取 {n} 个 JIT 采购单的商品…",
    "Creating the QianYi purchase order…": "正在创建千易采购单…",
    "Created QianYi purchase order {no}.": "已创建千易采购单 {no}。",
    "Not created again: these POs already have QianYi purchase order {no}.":
        "未重复创建：这些采购单已有千易采购单 {no}。",
    "Loading Shoplazza procurements…": "正在加载 Shoplazza 采购单…",
    "{n} Shoplazza procurement orders": "{n} 个 Shoplazza 采购单",
    "Select a received procurement first.": "请先选择一个已收货的采购单。",
    "Drawing the labels of procurement {id}…": "正在生成采购单 {id} 的标签…",
    "{pages} labels sent to the 60x30 printer ({file}).": "{pages} 张标签已发送到 60x30 打印机（{file}）。",
    "{pages} labels saved to {file}.": "{pages} 张标签已保存到 {file}。",
    "Reload": "重新加载",
    "Print AWB": "打印面单",
    "Ready to ship": "待发货",
    "Delivered (DBS)": "已送达 (DBS)",
    "Digital delivered": "数字商品已交付",
    "Loading orders…": "正在加载订单…",
    "{n} orders": "{n} 个订单",
    "{action}: {ok} ok, {failed} failed": "{action}：{ok} 成功，{failed} 失败",
    "Select an order first.": "请先选择一个订单。",
    "Packing and printing {order}…": "正在打包并打印 {order}…",
    "Print the selected job again (from its kept file)": "重新打印所选任务（使用已保存的文件）",
    "Send the failed jobs again (the selected one, or all of today's)": "重新发送失败的任务（所选任务，或今天的全部）",
    "Replenish in QianYi": "在千易补货",
    "JIT POs: {pos}": "JIT 采购单：{pos}",
    "Warehouse: {w} · Supplier: {s} · Settlement: {t} · Reference: {r}":
        "仓库：{w} · 供应商：{s} · 结算：{t} · 参考号：{r}",
    "SKU": "SKU",
    "Title": "标题",
    "Units": "件数",
    "Price": "价格",
    "{skus} SKUs, {units} units": "{skus} 个 SKU，{units} 件",
    "Already created for these POs: QianYi purchase order {no}. It will not be created again.":
        "这些采购单已创建千易采购单 {no}，不会重复创建。",
    "Nothing has been sent yet.": "尚未发送任何内容。",
    "Create purchase order": "创建采购单",
    "{name} ({state})": "{name}（{state}）",
    "Print through": "打印方式",
    "(no printer)": "（无打印机）",
    "#{id}  {time}  {size}  {pages} pages  {first}{more}  → {printer}  {status}":
        "#{id}  {time}  {size}  {pages} 页  {first}{more}  → {printer}  {status}",
    "JIT purchase orders": "JIT 采购单",
    "Marketplace orders": "平台订单",
    "ERP": "ERP",
    "{code}: order selected": "{code}：已选中订单",
    "Unknown code {code}: no order or tracking number matches. Nothing changed.":
        "未知条码 {code}：没有匹配的订单号或运单号。未做任何更改。",
    "A file or the network could not be used. Check the disk and the connection, then try again.":
        "无法使用文件或网络。请检查磁盘和网络连接，然后重试。",
    "Something unexpected went wrong. Try again; if it persists, send the log to support.":
        "发生了意外错误。请重试；如果仍然出现，请把日志发送给技术支持。",
    "No batch yet. Select POs and press Pack, Ship or Print.": "还没有批量任务。选择采购单后按 打包、发货 或 打印。",
    "Cancel (Esc)": "取消 (Esc)",
    "PO number": "采购单号",
    "Store": "门店",
    "Result": "结果",
    "Why": "原因",
    "Select a failed PO to see what the platform said.": "选择一个失败的采购单，查看平台返回的信息。",
    "Retry failed": "重试失败项",
    "{job}: {count} POs": "{job}：{count} 个采购单",
    "Starting…": "正在开始…",
    "{step}: {done} of {total}": "{step}：{done} / {total}",
    "Done": "完成",
    "Not done": "未完成",
    "Failed": "失败",
    "{done} done, {failed} failed, of {total}.": "共 {total} 个：{done} 个完成，{failed} 个失败。",
    "Cancelled. ": "已取消。",
    "Labels: {pages} pages, in the Print tab.": "标签：{pages} 页，见“打印”页。",
    "Finished": "已完成",
    "Cancelled": "已取消",
    "{job}: finished": "{job}：已完成",
    "Retry {count} failed": "重试 {count} 个失败项",
    "Cancelling…": "正在取消…",
    "last-level division id, e.g. 1000123": "最末级行政区划 ID，例如 1000123",
    "street, building, city": "街道、楼宇、城市",
    "Pickup date": "揽收日期",
    "Area code": "地区代码",
    "Division id": "行政区划 ID",
    "Address": "地址",
    "Phone": "电话",
    "Name": "姓名",
    "Date": "日期",
    "Details": "详情",
    "Dismiss": "关闭",
    "Find PO or logistics number (Ctrl+F)": "查找采购单号或物流单号 (Ctrl+F)",
    "Refresh (F5)": "刷新 (F5)",
    "Created": "创建日期",
    "All {count}": "全部 {count}",
    "All stores": "全部门店",
    "All warehouses": "全部仓库",
    "Ready: scan a PO number, logistics number or product barcode.": "就绪：请扫描采购单号、物流单号或商品条码。",
    "Select a PO to see its items.": "选择一个采购单查看商品。",
    "Product": "商品",
    "Seller SKU": "卖家 SKU",
    "Barcode": "条码",
    "Qty": "数量",
    "{store} · {code}\nExpected arrival: {arrival} · {skus} SKUs, {qty} units":
        "{store} · {code}\n预计到仓：{arrival} · {skus} 个 SKU，{qty} 件",
    "Loading items…": "正在加载商品…",
    "Clear": "清空",
    "Show:": "显示：",
    "demo simulator": "演示模拟器",
    "Station · {where}": "Station · {where}",
    "{pages} pages sent to the printer": "已发送 {pages} 页到打印机",
    "Items": "商品",
    "Batch": "批量",
    "Print": "打印",
    "Log": "日志",
    "Pack (F6)": "打包 (F6)",
    "Ship… (F7)": "发货… (F7)",
    "Print (Ctrl+P)": "打印 (Ctrl+P)",
    "Pack + Ship + Print (F9)": "打包 + 发货 + 打印 (F9)",
    "Scan to print (F8)": "扫码即打印 (F8)",
    "All shown": "全部显示项",
    "Act on every PO the filters show, not only the selected ones.": "对筛选出的全部采购单操作，而不仅是选中的。",
    "Settings": "设置",
    "Loading POs…": "正在加载采购单…",
    "{count} POs listed at {time}; statuses refresh by themselves.": "{time} 列出 {count} 个采购单；状态会自动刷新。",
    "Chosen: {count}": "已选：{count}",
    "A batch is running; wait for it or cancel it.": "批量任务进行中；请等待或取消。",
    "Select POs first (or tick All shown).": "请先选择采购单（或勾选“全部显示项”）。",
    "Stopped": "已停止",
    "PO sheet": "采购单面单",
    "Product barcodes": "商品条码",
    "Get labels (Ctrl+P)": "获取标签 (Ctrl+P)",
    "Send to printer": "发送到打印机",
    "No labels yet.": "还没有标签。",
    "Reprint": "重新打印",
    "Labels": "标签",
    "Printed today": "今日已打印",
    "Printer: {name}": "打印机：{name}",
    "No printer set for {size}": "{size} 未设置打印机",
    "{pages} pages · {size} · {count} POs": "{pages} 页 · {size} · {count} 个采购单",
    "{time}  {size}  {pages} pages  {first}{more}": "{time}  {size}  {pages} 页  {first}{more}",
    "Looking up {code}…": "正在查找 {code}…",
    "Could not look up {code}: {why}": "无法查找 {code}：{why}",
    "Unknown code {code}: no PO, logistics number or product matches. Nothing changed.":
        "未知代码 {code}：没有匹配的采购单、物流单号或商品。未做任何更改。",
    "Product {code}: in {count} POs, selected": "商品 {code}：在 {count} 个采购单中，已选中",
    "{no} selected · {store}": "已选中 {no} · {store}",
    "Scan to print: scan the PO number (this product is in {count} POs).":
        "扫码即打印：请扫描采购单号（该商品在 {count} 个采购单中）。",
    "{no}: preparing labels…": "{no}：正在准备标签…",
    "{no}: {step}…": "{no}：{step}…",
    "{no}: no labels. {why}": "{no}：没有标签。{why}",
    "{no}: labels sent to the printer": "{no}：标签已发送到打印机",
    "{no}: labels ready (no printer set for this size)": "{no}：标签已就绪（此尺寸未设置打印机）",
    "Welcome to Station": "欢迎使用 Station",
    "Set up the shop this bench works for. The app secret and the tokens are kept in the computer's password "
    "store (keyring), never in a file. No account yet? Try the demo.":
        "设置此工作台服务的店铺。App Secret 和令牌保存在电脑的密码库（keyring）中，绝不写入文件。还没有账号？试试演示。",
    "Shop (secrets go to the keyring)": "店铺（密钥保存在 keyring 中）",
    "Seller profile": "卖家配置",
    "Region": "地区",
    "App key": "App Key",
    "App secret": "App Secret",
    "Access token": "Access Token",
    "Refresh token": "Refresh Token",
    "Pickup address": "揽收地址",
    "Bench": "工作台",
    "(none)": "（无）",
    "{name} (not connected)": "{name}（未连接）",
    "Printer for {size}": "{size} 打印机",
    "Play a sound on scans and results": "扫码和结果时播放声音",
    "Language (after restart)": "语言（重启后生效）",
    "System": "跟随系统",
    "Try the demo": "试用演示",
    "Give the seller profile a name.": "请为卖家配置命名。",
    "Fill in the app key, the app secret and the access token.": "请填写 App Key、App Secret 和 Access Token。",
    "Ship: book the pickup": "发货：预约揽收",
    "Book the pickup of {count} POs ({groups} store/warehouse groups, one pickup each). POs not packed yet are "
    "skipped and reported.": "为 {count} 个采购单预约揽收（{groups} 个门店/仓库组，每组一次揽收）。未打包的采购单将被跳过并报告。",
    "Save as the default pickup contact": "保存为默认揽收联系人",
    "Book pickup": "预约揽收",
    "To Pack": "待打包",
    "Ready To Ship": "待发货",
    "To Put Away": "待上架",
    "Arrived at Warehouse": "已到仓",
    "Completed": "已完成",
    "Cancelled (timeout)": "已取消（超时）",
    "Cancelled (buyer)": "已取消（买家）",
    "Warehouse": "仓库",
    "SKUs": "SKU 数",
    "Expected arrival": "预计到仓",
    "Status": "状态",
    "Station did": "本站操作",
    "Packed": "已打包",
    "Shipped": "已发货",
    "Printed": "已打印",
    "Listing": "列出",
    "Packing": "打包中",
    "Waiting until ready": "等待就绪",
    "Booking pickup": "预约揽收中",
    "Fetching labels": "获取标签中",
    "Merging labels": "合并标签中",
    "Pack": "打包",
    "Ship": "发货",
    "Pack, ship and print": "打包、发货并打印",
    "A4 (PO sheet)": "A4（采购单面单）",
    "60x30 mm label": "60x30 毫米标签",
    "100x150 mm label": "100x150 毫米标签",
}


def main(path: Path) -> int:
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = ZH.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", source)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("station_zh_CN.ts")))
