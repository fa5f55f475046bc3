"""Fills station_zh_CN.ts with the Simplified Chinese texts below (run after pyside6-lupdate).

    pyside6-lupdate -no-obsolete station/ui/*.py station/ui/*/*.py -ts resources/translations/station_zh_CN.ts
    python resources/translations/fill_zh_CN.py
    pyside6-lrelease resources/translations/station_zh_CN.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ZH = {
    '{no} is {status}: nothing to verify.': '{no} 状态为{status}：无需验货。',
    '%n more': '还差 %n 件',
    '%n to scan': '待扫 %n 件',
    '(nobody signed in)': '（未登录）',
    'All operators': '全部操作员',
    'Barcodes': '条码',
    # Settings: label printers and the calibration label
    "Label printers": "标签打印机",
    "192.168.1.50 or 192.168.1.50:9100": "192.168.1.50 或 192.168.1.50:9100",
    "{dpi} dpi": "每英寸 {dpi} 点",
    " mm": " 毫米",
    "printer's own": "打印机自身设置",
    " in/s": " 英寸/秒",
    "Labels come out upside down: turn them 180°": "标签打印出来是倒的：旋转 180°",
    "{degrees}° clockwise": "顺时针 {degrees}°",
    " dots": " 点",
    "Print test label": "打印测试标签",
    "Prints the calibration label (millimetre rulers, a barcode) with the settings shown here.":
        "按这里显示的设置打印校准标签（毫米刻度尺和一个条码）。",
    "Paper size": "纸张尺寸",
    "Feed the printer": "打印方式",
    "Network address": "网络地址",
    "Printer language": "打印机语言",
    "Resolution": "分辨率",
    "Label (across × along)": "标签（横向 × 走纸方向）",
    "Label stock": "标签纸",
    "gap or mark": "间隙或黑标",
    "Darkness": "浓度",
    "Speed": "速度",
    "Turn pages onto the label": "页面旋转到标签上",
    "Offset (dots)": "偏移（点）",
    "More moves the print right, less moves it left.": "数值加大向右移动，减小向左移动。",
    "More moves the print down, less moves it up.": "数值加大向下移动，减小向上移动。",
    "= {x} mm, {y} mm": "= {x} 毫米，{y} 毫米",
    "Type the printer's network address first (192.168.1.50 or 192.168.1.50:9100).":
        "请先输入打印机的网络地址（192.168.1.50 或 192.168.1.50:9100）。",
    "Choose the printer for this paper size above first.": "请先在上方为此纸张尺寸选择打印机。",
    "Printing the test label on '{printer}'…": "正在打印机“{printer}”上打印测试标签…",
    "The test label printed on '{printer}'. Check where the millimetre marks fall; change the offset or darkness, "
    "print again, then Save.": "测试标签已在“{printer}”上打印。查看毫米刻度落在哪里；调整偏移或浓度，再打印一次，然后保存。",
    "The test label went to '{printer}'; its spooler does not say when it prints. Look at the printer.":
        "测试标签已发送到“{printer}”；其打印队列不报告何时打印完成。请查看打印机。",
    "The test label could not be printed: {error}": "测试标签无法打印：{error}",
    "PDF through the printer's driver": "PDF，经打印机驱动",
    "ZPL/TSPL to a CUPS raw queue (the printer chosen above)": "ZPL/TSPL，发往 CUPS 原始队列（上方所选打印机）",
    "ZPL/TSPL to a network printer's port (9100)": "ZPL/TSPL，直接发往网络打印机端口（9100）",
    "ZPL/TSPL through the Windows spooler in RAW mode": "ZPL/TSPL，经 Windows 打印队列（RAW 模式）",
    "ZPL (Zebra and compatibles)": "ZPL（斑马及兼容机型）",
    "TSPL (TSC, Xprinter, Gprinter)": "TSPL（TSC、芯烨、佳博）",
    "Gap between labels": "标签间有间隙",
    "Black mark on the back": "背面有黑标",
    "What the label printer printed": "标签打印机打印了什么",
    "%n label(s) printed by the virtual label printer at {address}. Newest first.":
        "虚拟标签打印机（{address}）已打印 %n 张标签。最新的在前。",
    "Nothing printed yet. Labels of 100x150 mm go to the virtual label printer at {address}: print some from the "
    "Print tab.": "尚未打印。100x150 毫米的标签发往虚拟标签打印机（{address}）：请在“打印”标签页打印一些。",
    "Label {number}": "标签 {number}",
    "{width} x {height} dots": "{width} x {height} 点",
    "Label printer (demo): %n label(s) printed": "标签打印机（演示）：已打印 %n 张",
    'Cancelled POs caught': '拦截的已取消采购单',
    'Complete': '完成',
    'Could not read the figures.': '无法读取统计数据。',
    'Counted {counted} of {asked}: the line needed only {counted}': '已计 {counted}/{asked}：该行只需 {counted} 件',
    'Damaged': '损坏',
    'Day:': '日期：',
    'Extra units caught': '拦截的多余件数',
    'Finish short': '短装完成',
    'Finish short… (F12)': '短装完成… (F12)',
    'Finished short': '短装完成',
    'Inner pack': '内包装',
    'Inner pack {code}: %n unit(s) a scan': '内包装 {code}：每扫一次计 %n 件',
    'Inner pack…': '内包装…',
    'Needed': '需要',
    'No journal: nothing to count.': '没有日志：无可统计。',
    'Operator sign-in': '操作员登录',
    'Operator:': '操作员：',
    'Operator: {name}': '操作员：{name}',
    'Operator: —': '操作员：—',
    'Other': '其他',
    'Out of stock': '缺货',
    'POs completed': '完成的采购单',
    'Pack barcode:': '内包装条码：',
    'Product {code}: scan the PO first.': '商品 {code}：请先扫描采购单。',
    'Reading…': '读取中…',
    'Reason:': '原因：',
    'Recorded as finished short by {name}.': '记录为 {name} 短装完成。',
    'Scan a PO, then each unit into the carton; complete, it is printed.': '先扫采购单，再逐件扫入纸箱；扫齐后自动打印。',
    'Scanned': '已扫',
    'Set a barcode of a sealed inner pack of this item and its units.': '设置此商品密封内包装的条码及其件数。',
    'Ship when verified': '验货后发货',
    'Sign in': '登录',
    "Sign in first: a short carton is recorded with the operator's name.": '请先登录：短装会记录操作员姓名。',
    'Sign out': '退出登录',
    'Signed in: {name}': '已登录：{name}',
    'Signed out.': '已退出登录。',
    'Stats': '统计',
    'To scan': '待扫',
    'Too many: the pack holds {asked}, {sku} needs only {left}': '数量超出：内包装有 {asked} 件，{sku} 只需 {left} 件',
    'Too many: {sku} needs no more': '数量超出：{sku} 已扫齐',
    'Type a quantity, then scan: that many units are counted.': '先输入数量再扫码：按该数量计数。',
    'Units in the pack:': '内包装件数：',
    'Units verified': '已验件数',
    'Units verified by hour': '每小时已验件数',
    'Verify': '验货',
    'Verify (F10)': '验货 (F10)',
    'Verify: scan a PO number or logistics number.': '验货：请扫描采购单号或物流单号。',
    'Verify: scan the PO number (this code is in %n PO(s)).': '验货：请扫描采购单号（此条码在 %n 个采购单中）。',
    'What happened (needed with Other)': '发生了什么（选“其他”时必填）',
    'Wrong item {code}: not in this PO': '错误商品 {code}：不在此采购单中',
    'Wrong items caught': '拦截的错误商品',
    'Your name (or scan your badge):': '您的姓名（或扫描工牌）：',
    '{no} is being verified at {bench}; nothing opened here.': '{no} 正在 {bench} 验货；本工位未打开。',
    '{no} is finished: scan the next PO': '{no} 已完成：请扫描下一个采购单',
    '{no} is not To Pack: nothing to verify.': '{no} 不是待打包状态：无需验货。',
    '{no}: %n unit(s) not scanned.': '{no}：%n 件未扫描。',
    '{no}: Cancelled — do not pack': '{no}：已取消 — 请勿打包',
    '{no}: complete': '{no}：完成',
    '{no}: finished short, %n unit(s) missing': '{no}：短装完成，缺 %n 件',
    '{no}: not listed; refresh the list (F5).': '{no}：不在列表中；请刷新列表 (F5)。',
    '{no}: opening its verification…': '{no}：正在打开验货…',
    '{no}: scan its items': '{no}：请扫描其商品',
    '{sku} ×{counted} ✓ · {more}': '{sku} ×{counted} ✓ · {more}',
    '{sku} ✓ · complete': '{sku} ✓ · 完成',
    '{sku} ✓ · {more}': '{sku} ✓ · {more}',
    '{sku}: %n unit(s) missing': '{sku}：缺 %n 件',
    "Print them": "打印它们",
    "Shipped, no labels printed here: %n PO(s)": "已发货、本工位未打印标签：%n 个采购单",
    "No PO shipped today is without labels printed here.": "今天已发货的采购单在本工位都已打印标签。",
    "SKU / barcode": "SKU / 条码",
    "{batch}: started": "{batch}：已开始",
    "{code}: reading the POs' products, one moment…": "{code}：正在读取采购单的商品，请稍候…",
    "Scanner": "扫码枪",
    "Enter": "回车 (Enter)",
    "Tab": "制表键 (Tab)",
    "Nothing (a pause ends the code)": "无（停顿即结束）",
    "none": "无",
    "Click here, then scan a barcode to test the scanner": "点击此处，然后扫描一个条码来测试扫码枪",
    "No scan yet.": "尚未扫描。",
    "Code ends with": "条码结束符",
    "Prefix before each code": "条码前缀",
    "Test": "测试",
    "keypad Enter": "小键盘回车",
    "a pause": "停顿",
    "Received: {code}": "收到：{code}",
    "{length} characters in {ms} ms ({rate} characters per second), ended by {terminator}":
        "{length} 个字符，用时 {ms} 毫秒（每秒 {rate} 个字符），以{terminator}结束",
    "Symbology identifier {id} taken off": "已去掉码制标识符 {id}",
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
    "QianYi is not set up for this profile.": "此店铺尚未设置千易 ERP。",
    "QianYi purchase orders": "千易采购单",
    "Shoplazza is not set up for this profile.": "此店铺尚未设置 Shoplazza。",
    "Shoplazza procurements": "Shoplazza 采购单",
    "Loading QianYi purchase orders…": "正在加载千易采购单…",
    "Select the JIT POs to replenish in the PO list first.": "请先在采购单列表中选择要补货的 JIT 采购单。",
    "Creating the QianYi purchase order…": "正在创建千易采购单…",
    "Created QianYi purchase order {no}.": "已创建千易采购单 {no}。",
    "Not created again: these POs already have QianYi purchase order {no}.":
        "未重复创建：这些采购单已有千易采购单 {no}。",
    "Loading Shoplazza procurements…": "正在加载 Shoplazza 采购单…",
    "Select a received procurement first.": "请先选择一个已收货的采购单。",
    "Drawing the labels of procurement {id}…": "正在生成采购单 {id} 的标签…",
    "Reload": "重新加载",
    "Print AWB": "打印面单",
    "Ready to ship": "待发货",
    "Delivered (DBS)": "已送达 (DBS)",
    "Digital delivered": "数字商品已交付",
    "Loading orders…": "正在加载订单…",
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
    "Something went wrong: {what} The details are in the log.": "出错了：{what} 详细信息在日志中。",
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
    "Starting…": "正在开始…",
    "{step}: {done} of {total}": "{step}：{done} / {total}",
    "Done": "完成",
    "Not done": "未完成",
    "Failed": "失败",
    "{done} done, {failed} failed, of {total}.": "共 {total} 个：{done} 个完成，{failed} 个失败。",
    "Cancelled. ": "已取消。",
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
    "Chosen: {count}": "已选：{count}",
    "{bench}: {printed} printed, {holding} in hand": "{bench}：已打印 {printed}，处理中 {holding}",
    "Other benches today: {benches}": "今天其他工位：{benches}",
    "Other bench": "其他工位",
    "Other benches did {count}.": "其他工位完成 {count} 个。",
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
    "{time}  {size}  {pages} pages  {first}{more}": "{time}  {size}  {pages} 页  {first}{more}",
    "Looking up {code}…": "正在查找 {code}…",
    "Could not look up {code}: {why}": "无法查找 {code}：{why}",
    "Unknown code {code}: no PO, logistics number or product matches. Nothing changed.":
        "未知代码 {code}：没有匹配的采购单、物流单号或商品。未做任何更改。",
    "{no} selected · {store}": "已选中 {no} · {store}",
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
    "Pickup address": "揽收地址",
    "Bench": "工作台",
    "(none)": "（无）",
    "{name} (not connected)": "{name}（未连接）",
    "Printer for {size}": "{size} 打印机",
    "Play a sound on scans and results": "扫码和结果时播放声音",
    "Spoken prompts": "语音播报",
    "Voice": "语音",
    "Sounds only": "仅提示音",
    "Silent": "静音",
    "What a scan's answer sounds like. Voice: a short tone, then the answer spoken in the "
    "window's language (“three more”, “wrong item”). Sounds only: the tone alone. "
    "Silent: nothing; the banner still shows the answer. With “Play a sound on scans "
    "and results” off, nothing is heard, whatever is chosen here.":
        "扫码结果的声音。语音：一声短提示音，然后用窗口的语言播报结果（“还差三件”、“错误商品”）。"
        "仅提示音：只有提示音。静音：没有声音，横幅照样显示结果。"
        "关闭“扫码和结果时播放声音”时，无论这里选什么都没有声音。",
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
    "60x30 mm label": "60x30 毫米标签",
    "100x150 mm label": "100x150 毫米标签",
    '%n PO(s)': '%n 个采购单',
    '%n PO(s) listed at {time}; statuses refresh by themselves.': '{time} 列出 %n 个采购单；状态会自动刷新。',
    '%n QianYi purchase order(s)': '%n 个千易采购单',
    '%n SKU(s)': '%n 个 SKU',
    '%n Shoplazza procurement order(s)': '%n 个 Shoplazza 采购单',
    '%n label(s) saved to {file}.': '%n 张标签已保存到 {file}。',
    '%n label(s) sent to the printer for {size} ({file}).': '%n 张标签已发送到{size}打印机（{file}）。',
    '%n order(s)': '%n 个订单',
    '%n page(s)': '%n 页',
    '%n page(s) sent to the printer': '已发送 %n 页到打印机',
    '%n store/warehouse group(s)': '%n 个门店/仓库组',
    '%n unit(s)': '%n 件',
    'Book the pickup of %n PO(s) ({groups}, one pickup each). POs not packed yet are skipped and reported.':
        '为 %n 个采购单预约揽收（{groups}，每组一次揽收）。未打包的采购单将被跳过并报告。',
    'Labels: %n page(s), in the Print tab.': '标签：%n 页，见“打印”页。',
    'Product {code}: in %n PO(s), selected': '商品 {code}：在 %n 个采购单中，已选中',
    'Reading the items of %n JIT PO(s)…': '正在读取 %n 个 JIT 采购单的商品…',
    'Scan to print: scan the PO number (this product is in %n PO(s)).': '扫码即打印：请扫描采购单号（该商品在 %n 个采购单中）。',
    '{job}: %n PO(s)': '{job}：%n 个采购单',
    '{store} · {code}\nExpected arrival: {arrival} · {skus}, {units}':
        '{store} · {code}\n预计到仓：{arrival} · {skus}，{units}',
    'A4': 'A4 纸',
    'Print labels ({size})': '打印标签（{size}）',
    'Automatic (CUPS on Linux/macOS, Qt on Windows)': '自动（Linux/macOS 用 CUPS，Windows 用 Qt）',
    'CUPS (lp)': 'CUPS（lp 命令）',
    'Qt (render each page)': 'Qt（逐页渲染）',
    'App key': '应用标识 (App Key)',
    'App secret': '应用密钥 (App Secret)',
    'Access token': '访问令牌 (Access Token)',
    'Refresh token': '刷新令牌 (Refresh Token)',
    'Not printed': '未打印',
    'not sent': '未发送',
    'at the printer': '在打印机上',
    'WAITING': '等待中',
    'printed': '已打印',
    'FAILED': '失败',
    'to retry': '待重试',
    'All': '全部',
    'Unpaid': '未付款',
    'Pending': '待处理',
    'Repacked': '已重新打包',
    'Delivered': '已送达',
    'Failed delivery': '配送失败',
    'Canceled': '已取消',
    'Returned': '已退货',
    'Order': '订单',
    'Customer': '客户',
    'Payment': '付款方式',
    'Item': '商品项',
    'Kind': '类型',
    'Package': '包裹',
    'Tracking': '运单号',
    'Provider': '物流商',
    'Step': '步骤',
    'Order/item or package': '订单/商品项或包裹',
    'Message': '信息',
    'Digital': '数字商品',
    'Error': '错误',
    'Note': '备注',
    'OK': '成功',
    'Scan to print': '扫码即打印',
    'no pending or repacked item to pack': '没有待打包或需重新打包的商品',
    'no packed package to print': '没有可打印的已打包包裹',
    'AWB printed': '面单已打印',
    'no packed package': '没有已打包的包裹',
    'no seller-delivered package ready or shipped': '没有待发货或已发货的卖家自配送包裹',
    'no pending digital item': '没有待处理的数字商品',
    'done': '完成',
    'ready': '已就绪',
    'already ready to ship': '已是待发货',
    'nothing to pack or ship in this order': '此订单没有需要打包或发货的商品',
    'package {package}, {tracking}': '包裹 {package}，{tracking}',
    'code {code}': '错误码 {code}',
    'Purchase no.': '采购单号',
    'Updated': '更新时间',
    'Supplier': '供应商',
    'Type': '类型',
    'Settlement': '结算方式',
    'Reference': '参考号',
    'ID': 'ID 编号',
    'Number': '编号',
    'State': '状态',
    'Received': '已收货',
    'Ordered': '已订购',
    'The Lazada platform refused the request.': 'Lazada 平台拒绝了请求。',
    'The request is not valid.': '请求无效。',
    'The platform rejected a parameter of the request. Check the dates and numbers, then try again.':
        '平台拒绝了请求中的参数。请检查日期和数字，然后重试。',
    'Already packed on the platform. The list will refresh.': '平台上已打包。列表将自动刷新。',
    'The purchase order is not in a state that allows this step. Refresh the list and try again.':
        '采购单当前状态不允许此操作。请刷新列表后重试。',
    'The platform is limiting how often we call it. Waiting a moment, then trying again.': '平台正在限制调用频率。稍等片刻后自动重试。',
    "The platform did not accept the shop's credentials. Open Settings and check the app key, secret and "
    'access token.':
        '平台未接受店铺凭据。请打开“设置”，检查 App Key、App Secret 和 Access Token。',
    'The access token has expired or is no longer valid. Log in again in Settings.': '访问令牌已过期或失效。请在“设置”中重新登录。',
    'The shop authorised the station without Choice, so its JIT purchase orders cannot be read. Connect the shop again and pick the option that ends in "- Choice" on the platform\'s page.': '店铺授权时未选择 Choice，无法读取 JIT 采购单。请重新连接店铺，并在平台页面上选择以“- Choice”结尾的选项。',
    'The authorisation code was refused: it is used already, has expired (codes last 30 minutes) or belongs to another app. Connect the shop again.': '授权码被拒绝：已使用、已过期（有效期 30 分钟）或属于其他应用。请重新连接店铺。',
    "The callback address {uri} cannot be used: it must be the app's http(s) callback (to catch the code here, http://127.0.0.1:<port>/...).": '回调地址 {uri} 无法使用：必须是应用的 http(s) 回调地址（如需在本机接收授权码，请用 http://127.0.0.1:<端口>/...）。',
    'No authorisation code was found. Paste the whole address the browser landed on after Authorise (it holds ?code=...).': '未找到授权码。请粘贴点击“授权”后浏览器打开的完整地址（其中含有 ?code=...）。',
    "The authorisation was not given on the platform's page ({error}). Connect the shop again and press Authorise.": '未在平台页面上完成授权（{error}）。请重新连接店铺并点击“授权”。',
    'Waiting at the printer {printer!r}: out of paper or labels. Load them; the job prints by itself then.': '等待打印机 {printer!r}：缺纸或缺标签。装入后任务会自动打印。',
    'Waiting at the printer {printer!r}: paper jam. Clear it; the job prints by itself then.': '等待打印机 {printer!r}：卡纸。清除后任务会自动打印。',
    'Waiting at the printer {printer!r}: a door or cover is open. Close it; the job prints by itself then.': '等待打印机 {printer!r}：舱门或盖子未关。关上后任务会自动打印。',
    'Waiting at the printer {printer!r}: it is offline or cannot be reached. Check its power and cable; the job prints by itself then.': '等待打印机 {printer!r}：打印机离线或无法连接。请检查电源和线缆，恢复后任务会自动打印。',
    'Waiting at the printer {printer!r}: its queue is paused. Resume it in the printing system; the job prints then.': '等待打印机 {printer!r}：打印队列已暂停。在打印系统中恢复后任务即会打印。',
    'Waiting at the label printer {printer!r}: it is paused. Press its pause or feed button; the labels print then.': '等待标签打印机 {printer!r}：打印机已暂停。按下其暂停键或走纸键后标签即会打印。',
    'Waiting at the printer {printer!r}: its queue stopped ({reason}). Fix the printer, then resume the queue; the job prints then.': '等待打印机 {printer!r}：打印队列已停止（{reason}）。修好打印机并恢复队列后任务即会打印。',
    'The printer {printer!r} gave up on the job ({reason}); some labels may be missing. Fix the printer, then retry the job.': '打印机 {printer!r} 放弃了该任务（{reason}）；可能缺少部分标签。修好打印机后请重试该任务。',
    'The job was cancelled at the printer {printer!r}. Retry it if the labels are still needed.': '该任务已在打印机 {printer!r} 上被取消。如仍需要标签，请重试。',
    'The refresh token was refused; the shop must authorise the app again in Settings.': '刷新令牌被拒绝；店铺须在“设置”中重新授权应用。',
    'The platform rejected the request signature. Check the app secret in Settings.': '平台拒绝了请求签名。请在“设置”中检查 App Secret。',
    "The computer's clock is wrong by more than two hours. Correct the date and time, then retry.":
        '电脑时钟误差超过两小时。请校正日期和时间后重试。',
    'No answer from the Lazada platform. Check the internet connection; the step will be retried.':
        'Lazada 平台无响应。请检查网络连接；此步骤将自动重试。',
    'The connection dropped while the platform was working on it; checking what happened.': '平台处理期间连接中断；正在核实结果。',
    'The Lazada platform had a problem on its side. The step will be retried.': 'Lazada 平台出现故障。此步骤将自动重试。',
    'The platform sent an answer the station cannot read. Try again; if it persists, report it.':
        '平台返回了无法识别的应答。请重试；如果仍然出现，请报告。',
    'No access token is set. Log in first.': '尚未设置访问令牌。请先登录。',
    "The secure connection to the platform could not be verified. Check the computer's date and any proxy "
    'or antivirus that intercepts HTTPS.':
        '无法验证与平台的安全连接。请检查电脑日期，以及拦截 HTTPS 的代理或杀毒软件。',
    'Product barcodes cannot be printed on A4; choose the 60x30 mm label or the 100x150 mm label.':
        'A4 纸不能打印商品条码；请选择 60x30 毫米标签或 100x150 毫米标签。',
    'Choose the PO sheet, the product barcodes, or both.': '请选择采购单面单、商品条码或两者。',
    'The end of the date range is before its start; swap the two dates.': '日期范围的结束早于开始；请交换两个日期。',
    'The pickup address needs its division id (a positive number).': '揽收地址需要行政区划 ID（正整数）。',
    'A pickup in China needs a pickup date (yyyy-MM-dd).': '中国境内揽收需要揽收日期（yyyy-MM-dd）。',
    'No pickup contact is set; fill it in Settings or in the Ship dialog.': '尚未设置揽收联系人；请在“设置”或发货对话框中填写。',
    'No pickup contact is set; fill it in Settings.': '尚未设置揽收联系人；请在“设置”中填写。',
    'The platform offers no shipment provider for these orders.': '平台没有为这些订单提供物流商。',
    'Not packed yet (To Pack): pack it first.': '尚未打包（待打包）：请先打包。',
    'The platform no longer lists this PO. Check it in Seller Center.': '平台已不再列出此采购单。请在卖家中心核实。',
    'No answer from the platform after several tries; pack it again later.': '多次尝试后平台仍无响应；请稍后重新打包。',
    'The label file could not be read. Print these POs again.': '无法读取标签文件。请重新打印这些采购单。',
    'The labels could not be saved as one file. Check the free disk space, then print these POs again.':
        '无法将标签保存为一个文件。请检查磁盘剩余空间，然后重新打印这些采购单。',
    'The pickup could not be booked after several tries.': '多次尝试后仍无法预约揽收。',
    'The shared journal is unreachable; the batch stopped and will resume when it is back.':
        '无法连接共享日志；批量任务已停止，恢复连接后将继续。',
    'Another bench took over POs this bench was working on (its claim had expired); the batch stopped without '
    'sending anything more for them.':
        '另一工位接管了本工位正在处理的采购单（本工位的占用已过期）；批量任务已停止，不再为这些采购单发送任何操作。',
    'The labels could not be sent to the printer.': '标签未能发送到打印机。',
    'The labels could not be sent to the printer. Check that it is on and connected.': '标签未能发送到打印机。请检查打印机是否开机并已连接。',
    'No printer is set for this paper size, or it is not connected. Choose one in Settings.':
        '此纸张尺寸未设置打印机，或打印机未连接。请在“设置”中选择。',
    'No printer is set for this paper size. Choose one in Settings. Nothing was printed.':
        '此纸张尺寸未设置打印机。请在“设置”中选择。未打印任何内容。',
    'The printing system (CUPS) is not running or not installed. Restart the computer or call support.':
        '打印系统 (CUPS) 未运行或未安装。请重启电脑或联系技术支持。',
    'The label file has no pages. Nothing was printed.': '标签文件没有页面。未打印任何内容。',
    'The label file is missing. Nothing was printed.': '标签文件不存在。未打印任何内容。',
    'The label file could not be opened. Nothing was printed.': '无法打开标签文件。未打印任何内容。',
    'The label file mixes paper sizes; it must be split into one job per size. Nothing was printed.':
        '标签文件混合了多种纸张尺寸；须按尺寸拆分为多个任务。未打印任何内容。',
    'The label file is not the paper size chosen for this printer. Nothing was printed.':
        '标签文件的纸张尺寸与此打印机所选尺寸不符。未打印任何内容。',
    'The label file is not the paper size set for this printer. Nothing was printed.': '标签文件的纸张尺寸与此打印机设置的尺寸不符。未打印任何内容。',
    'The printer does not accept this label size. Check its paper settings. Nothing was printed.':
        '打印机不接受此标签尺寸。请检查其纸张设置。未打印任何内容。',
    'The printer could not be opened. Check that it is on and connected, then print again.':
        '无法打开打印机。请检查打印机是否开机并已连接，然后重新打印。',
    'The label file of this job is gone from the disk; print the POs again. Nothing was printed.':
        '此任务的标签文件已从磁盘删除；请重新打印这些采购单。未打印任何内容。',
    'A label file from the platform could not be used. Print it again; if it fails again, report it.':
        '平台提供的标签文件无法使用。请重新打印；如果再次失败，请报告。',
    'The label file link had expired; asking the platform for a new one.': '标签文件链接已过期；正在向平台申请新链接。',
    'The QianYi ERP refused the request.': '千易 ERP 拒绝了请求。',
    'QianYi did not accept the app ID, secret or signature. Check them in the ERP settings (QianYi ERP › '
    'Settings › Third-party applications).':
        '千易未接受应用 ID、密钥或签名。请在 ERP 设置中检查（千易 ERP › 设置 › 第三方应用）。',
    "QianYi refused the request time. Correct the computer's date and time, then retry.": '千易拒绝了请求时间。请校正电脑的日期和时间，然后重试。',
    'QianYi rejected the purchase-order data. Check the fields shown in the details.': '千易拒绝了采购单数据。请检查详情中列出的字段。',
    'QianYi does not know this purchase order. Refresh the list.': '千易中没有此采购单。请刷新列表。',
    'The QianYi ERP had a problem on its side. Try again in a moment.': '千易 ERP 出现故障。请稍后重试。',
    'No answer from the QianYi ERP. Check the internet connection and the ERP address.': '千易 ERP 无响应。请检查网络连接和 ERP 地址。',
    'The QianYi ERP sent an answer the station cannot read. Try again; if it persists, report it.':
        '千易 ERP 返回了无法识别的应答。请重试；如果仍然出现，请报告。',
    'Choose at least one JIT purchase order to replenish.': '请至少选择一个要补货的 JIT 采购单。',
    'The chosen POs need no units.': '所选采购单无需补货。',
    "No JIT connection to read the POs' items from.": '没有可读取采购单商品的 JIT 连接。',
    'Shoplazza refused the request.': 'Shoplazza 拒绝了请求。',
    'Shoplazza did not accept the request: a filter has the wrong format (dates like 2024-06-26T11:52:00Z, '
    'whole numbers for page, limit and ids). Check the filters.':
        'Shoplazza 未接受请求：筛选条件格式错误（日期如 2024-06-26T11:52:00Z，页码、数量和 ID 须为整数）。请检查筛选条件。',
    'Shoplazza did not accept the access token. Check the store domain and the access token in the ERP settings '
    '(the app needs the read_inventory scope).':
        'Shoplazza 未接受访问令牌。请在 ERP 设置中检查店铺域名和访问令牌（应用需要 read_inventory 权限）。',
    'The Shoplazza app may not read procurements. Grant it the read_inventory scope.':
        'Shoplazza 应用无权读取采购单。请授予 read_inventory 权限。',
    'Shoplazza does not know this store or procurement. Check the store domain and refresh.':
        'Shoplazza 中没有此店铺或采购单。请检查店铺域名并刷新。',
    'Shoplazza is limiting how often we call it. Wait a moment, then try again.': 'Shoplazza 正在限制调用频率。请稍等后重试。',
    'Shoplazza had a problem on its side. Try again in a moment.': 'Shoplazza 出现故障。请稍后重试。',
    'No answer from Shoplazza. Check the internet connection and the store domain.': 'Shoplazza 无响应。请检查网络连接和店铺域名。',
    'Shoplazza sent an answer the station cannot read. Try again; if it persists, report it.':
        'Shoplazza 返回了无法识别的应答。请重试；如果仍然出现，请报告。',
    'The Shoplazza store domain is missing.': '缺少 Shoplazza 店铺域名。',
    'No printer is set for {size}. Choose one in Settings, then retry. Nothing was printed.':
        '{size}未设置打印机。请在“设置”中选择后重试。未打印任何内容。',
    'The printer {printer!r} is not set up on this computer. Choose another printer in the settings, or ask '
    'support to add it. Nothing was printed.':
        '此电脑上没有打印机 {printer!r}。请在设置中选择其他打印机，或请技术支持添加。未打印任何内容。',
    'The printer {printer!r} is paused. The printer says: {reason}. Fix the printer (paper, labels, lid), resume '
    'it in the printer settings, then print again. Nothing was printed.':
        '打印机 {printer!r} 已暂停。打印机提示：{reason}。请处理打印机（纸张、标签、盖子），在打印机设置中恢复，然后重新打印。未打印任何内容。',
    'The printer {printer!r} is paused. Fix the printer (paper, labels, lid), resume it in the printer settings, '
    'then print again. Nothing was printed.':
        '打印机 {printer!r} 已暂停。请处理打印机（纸张、标签、盖子），在打印机设置中恢复，然后重新打印。未打印任何内容。',
    'The printer {printer!r} is not accepting jobs. The printer says: {reason}. Ask support to let it accept '
    'jobs again, then print again. Nothing was printed.':
        '打印机 {printer!r} 不接受任务。打印机提示：{reason}。请技术支持恢复接受任务，然后重新打印。未打印任何内容。',
    'The printer {printer!r} is not accepting jobs. Ask support to let it accept jobs again, then print again. '
    'Nothing was printed.':
        '打印机 {printer!r} 不接受任务。请技术支持恢复接受任务，然后重新打印。未打印任何内容。',
    'The printer {printer!r} is offline or paused. Fix the printer (paper, labels, lid, cable), resume it in '
    'the printer settings, then print again. Nothing was printed.':
        '打印机 {printer!r} 离线或已暂停。请处理打印机（纸张、标签、盖子、线缆），在打印机设置中恢复，然后重新打印。未打印任何内容。',
    'The printer {printer!r} refused the job. Check the printer and print again.': '打印机 {printer!r} 拒绝了任务。请检查打印机后重新打印。',
    'The label printer {printer!r} does not answer: it is off, unplugged or offline. Switch it on and check its cable or network, then print again. Nothing was printed.':
        '标签打印机 {printer!r} 没有响应：已关机、未连接或离线。请打开打印机并检查线缆或网络，然后重新打印。未打印任何内容。',
    'The label printer {printer!r} is out of labels. Load a new roll, then print again. Nothing was printed.':
        '标签打印机 {printer!r} 缺标签纸。请装入新的标签卷，然后重新打印。未打印任何内容。',
    'The label printer {printer!r} is paused. Press its pause or feed button to resume it, then print again. Nothing was printed.':
        '标签打印机 {printer!r} 已暂停。请按打印机的暂停或走纸键恢复，然后重新打印。未打印任何内容。',
    'The label printer {printer!r} has its print head open. Close the head, then print again. Nothing was printed.':
        '标签打印机 {printer!r} 的打印头已打开。请合上打印头，然后重新打印。未打印任何内容。',
    'The label printer {printer!r} did not answer the status query. Check that it is set to {language} and that port {port} is its raw port. Nothing was printed.':
        '标签打印机 {printer!r} 没有回应状态查询。请检查它是否设置为 {language}，以及端口 {port} 是否为其原始数据端口。未打印任何内容。',
    'The connection to the label printer {printer!r} broke while sending the labels; some may have printed. Check what came out before printing again.':
        '发送标签时与标签打印机 {printer!r} 的连接中断；可能已打印了一部分。请先检查已打印的标签，再重新打印。',
    'The labels reached the label printer {printer!r}, but it ran out of labels before printing them all. Load a new roll and the rest print.':
        '标签已送达标签打印机 {printer!r}，但打印机在全部打印完之前缺标签纸。装入新的标签卷后，其余标签即会打印。',
    'The labels reached the label printer {printer!r}, but it was paused before printing them all. Press its pause or feed button and the rest print.':
        '标签已送达标签打印机 {printer!r}，但打印机在全部打印完之前已暂停。按暂停或走纸键后，其余标签即会打印。',
    'The labels reached the label printer {printer!r}, but its print head was opened before printing them all. Close the head and the rest print.':
        '标签已送达标签打印机 {printer!r}，但打印头在全部打印完之前被打开。合上打印头后，其余标签即会打印。',
    'The labels were sent to the label printer {printer!r}, but it did not confirm printing them within {seconds} s. Check what came out before printing them again.':
        '标签已发送到标签打印机 {printer!r}，但打印机在 {seconds} 秒内未确认已打印。请先检查已打印的标签，再决定是否重新打印。',
    'The labels could not be sent to the printer {printer!r}: {why}': '标签未能发送到打印机 {printer!r}：{why}',
    'The PO was cancelled ({status}); do not send it.': '采购单已取消（{status}）；请勿发送。',
    'Still To Pack {seconds} s after packing; the platform may be stuck on it. Try again later or report '
    'the PO to Lazada.':
        '打包 {seconds} 秒后仍为待打包；平台可能卡住了。请稍后重试，或向 Lazada 报告此采购单。',
    'Held by bench {bench}; not sent.': '工位 {bench} 正在处理；未发送。',
    '{no} was cancelled ({status}) — do not pack it. Put its items back.': '{no} 已取消（{status}）——请勿打包。请把商品放回原处。',
    '{no} is being verified at bench {bench}; scan another PO.': '{no} 正在工位 {bench} 验货；请扫描其他采购单。',
    'Held by another Station on this PC (pid {pid}); not sent.': '本机上另一个 Station（进程 {pid}）正在处理；未发送。',
    'Another Station on this PC is running this batch (pid {pid}); wait for it to finish or close it, then '
    'start again.':
        '本机上另一个 Station（进程 {pid}）正在运行此批量任务；请等它完成或将其关闭，然后重新开始。',
    'Another Station on this PC is running this batch; wait for it to finish or close it, then start again.':
        '本机上另一个 Station 正在运行此批量任务；请等它完成或将其关闭，然后重新开始。',
    'Already done by bench {bench}; not sent again.': '工位 {bench} 已完成；不再重复发送。',
    'Being done by bench {bench}; not sent here.': '工位 {bench} 正在处理；本工位不发送。',
    'The platform does not list the PO {no}.': '平台没有列出采购单 {no}。',
    'The pickup area code {code} is not one of CN, VN, TH, PH, ID, MY.': '揽收地区代码 {code} 不是 CN、VN、TH、PH、ID、MY 之一。',
    'The pickup contact address is empty; fill it in Settings.': '揽收联系人地址为空；请在“设置”中填写。',
    'The pickup contact phone is empty; fill it in Settings.': '揽收联系人电话为空；请在“设置”中填写。',
    'The pickup contact name is empty; fill it in Settings.': '揽收联系人姓名为空；请在“设置”中填写。',
    'The pickup date {date} is not in the form yyyy-MM-dd.': '揽收日期 {date} 不是 yyyy-MM-dd 格式。',
    'The number of cartons must be between 1 and {maximum}, not {boxes}.': '箱数必须在 1 到 {maximum} 之间，而不是 {boxes}。',
    'No pickup order number was given.': '未提供揽收单号。',
    'The platform does not know pickup order {no}. Check the number on the label.': '平台上没有揽收单 {no}。请核对标签上的单号。',
    'The date range is {days} days long; the platform allows at most 90 days.': '日期范围为 {days} 天；平台最多允许 90 天。',
    'No items found for JIT PO {pos}.': '未找到 JIT 采购单 {pos} 的商品。',
    'Shoplazza has no procurement order {id}.': 'Shoplazza 中没有采购单 {id}。',
    'Nothing has been received on procurement {id} yet; there are no labels to print.': '采购单 {id} 尚未收货；没有可打印的标签。',
    'No secure password store is available (keyring backend: {backend}). On Windows and macOS the system '
    'store is used automatically; on Linux install and unlock a Secret Service provider (GNOME Keyring or '
    'KWallet), then start the station again. The station never keeps the app secret or tokens in a plain '
    'file.':
        '没有可用的安全密码库（keyring 后端：{backend}）。Windows 和 macOS 会自动使用系'
        '统密码库；Linux 上请安装并解锁 Secret Service 提供程序（GNOME Keyring 或 '
        'KWallet），然后重新启动 Station。Station 绝不会把 App Secret 或令牌保存在普'
        '通文件中。',
    'Resuming the batch started {when} ({count} POs: {packed} packed, {shipped} shipped, {printed} printed); '
    'checking their status on the platform first.':
        '继续 {when} 开始的批量任务（{count} 个采购单：{packed} 个已打包，{shipped} 个已发货，{printed} 个已打印）；先在平台上核实状态。',
    # the Pickups view and the carton-label dialog
    'Not read': '未读取',
    '{count} expected': '预计 {count} 箱',
    ' · {count} labelled': ' · 已贴标 {count} 箱',
    '~{weight} (estimated)': '约 {weight}（预估）',
    'Carton labels · {no}': '箱标 · {no}',
    'One label for each carton the driver takes: box 1 of N to N of N.':
        '司机带走的每一箱贴一张标签：第 1 箱/共 N 箱 到 第 N 箱/共 N 箱。',
    'Pickup order': '揽收单',
    'Cartons': '箱数',
    'Size': '尺寸',
    'Print these labels again, although they were printed': '再次打印这些标签（虽然已打印过）',
    'Close': '关闭',
    'Asking the platform for the labels…': '正在向平台获取标签…',
    'Downloading the labels…': '正在下载标签…',
    'Sending to the printer…': '正在发送到打印机…',
    'Writing the labels…': '正在写入标签…',
    '%n carton label(s) of {no} sent to {printer}.': '{no} 的 %n 张箱标已发送到 {printer}。',
    'Pickups': '揽收',
    'POs': '采购单',
    'Logistics numbers': '物流单号',
    'Weight (kg)': '重量（千克）',
    'Driver and car': '司机和车辆',
    'Reason': '原因',
    'Carton labels…': '箱标…',
    'Print one label for each carton of the selected pickup order': '为所选揽收单的每一箱打印一张标签',
    "Reading today's pickup orders…": '正在读取今天的揽收单…',
    '%n pickup order(s) today': '今天 %n 个揽收单',
    ' · {count} not final yet': ' · {count} 个尚未结束',
    'Pickup order {no}: {why}': '揽收单 {no}：{why}',
    'Select a pickup order first.': '请先选择一个揽收单。',
    'Carton labels cannot be printed from this window.': '此窗口无法打印箱标。',
    '{code}: pickup order, shown in Pickups': '{code}：揽收单，已在“揽收”中显示',
    'Unknown status': '未知状态',
    'Waiting for pickup': '等待揽收',
    'Vehicle dispatched': '已派车',
    'Picked up': '已揽收',
    'Delivered to the warehouse': '已送达仓库',
    'Pickup failed': '揽收失败',
    'Deleted': '已删除',
    # problems the window says since errors carry their kind and parameters (station/problems.py)
    'The carton labels of pickup order {pickup} were already printed ({boxes} cartons); choose Reprint to print '
    'them again.': '揽收单 {pickup} 的箱标已打印过（{boxes} 箱）；如需再次打印，请选择“重新打印”。',
    'No printer is set for carton labels on the {size}. Choose one in Settings. Nothing was printed.':
        '未设置{size}箱标打印机。请在“设置”中选择。未打印任何内容。',
    'The platform sent {pages} carton labels for pickup order {pickup}, not the {boxes} asked for. Nothing was '
    'printed.': '平台为揽收单 {pickup} 发送了 {pages} 张箱标，而不是所需的 {boxes} 张。未打印任何内容。',
    'The carton labels of pickup order {pickup} were not printed: {why}': '揽收单 {pickup} 的箱标未打印：{why}',
    '100x100 mm label': '100x100 毫米标签',
    'The date {text!r} is not in the form yyyy-MM-dd HH:mm:ss (for example 2026-11-23 08:00:00).':
        '日期 {text!r} 的格式不是 yyyy-MM-dd HH:mm:ss（例如 2026-11-23 08:00:00）。',
    '{name} needs at least one value.': '{name} 至少需要一个值。',
    '{name} holds {count} values; the platform takes at most {maximum}.':
        '{name} 有 {count} 个值；平台最多接受 {maximum} 个。',
    '{name} holds an empty value.': '{name} 含有空值。',
    'Page numbers start at 1.': '页码从 1 开始。',
    'The page size must be between 1 and {maximum}, not {size}.': '每页数量必须在 1 到 {maximum} 之间，而不是 {size}。',
    "The platform's answers to the pack could not be read and the PO still reads To Pack {seconds} s later: pack it "
    'again.':
        '无法读取平台对打包的回复，且 {seconds} 秒后该采购单仍为“待打包”：请重新打包。',
    'The labels could not be merged into one file. Print these POs again.': '标签未能合并为一个文件。请重新打印这些采购单。',
    'The labels could not be written to {output} ({why}). They are kept: free some space or choose another file, '
    'then run the batch again.':
        '标签未能写入 {output}（{why}）。标签已保留：请释放一些空间或选择其他文件，然后重新运行批量任务。',
    'Another bench was claiming it at the same moment; not sent.': '另一个工位同时在认领它；未发送。',
    'The platform sent a label file that is not a readable PDF ({reason}); nothing was printed for these POs. '
    'Try again later.':
        '平台发送的标签文件不是可读的 PDF（{reason}）；这些采购单未打印任何内容。请稍后再试。',
    'The label file link pointed to {where}, which the station does not download from ({reason}); nothing was '
    'printed for these POs. Report it if it happens again.':
        '标签文件链接指向 {where}，Station 不从该处下载（{reason}）；这些采购单未打印任何内容。如再次发生，请报告。',
    'The label file could not be saved in {folder}: {cause}. Free some space, then print these POs again.':
        '标签文件未能保存到 {folder}：{cause}。请释放一些空间，然后重新打印这些采购单。',
    'QianYi is limiting how often we call it. Wait a moment, then try again.': '千易正在限制调用频率。请稍候再试。',
    # a pickup date the platform refused, and the dates it allows
    'The platform does not take pickups on {date}; it allows {allowed}. Ship again with one of these dates.':
        '平台不接受 {date} 的揽收；可选日期为 {allowed}。请选择其中一个日期重新发货。',
    'The platform needs a pickup date for this PO; it allows {allowed}. Ship again with one of these dates.':
        '平台要求为该采购单指定揽收日期；可选日期为 {allowed}。请选择其中一个日期重新发货。',
    'Choose another pickup date': '选择其他揽收日期',
    'The platform does not take pickups on {date} for %n PO(s). Choose one of the dates it allows and ship them '
    'again.': '平台不接受 {date} 揽收这 %n 个采购单。请选择平台允许的一个日期，重新发货。',
    'The platform needs a pickup date for %n PO(s). Choose one of the dates it allows and ship them again.':
        '平台要求为这 %n 个采购单指定揽收日期。请选择平台允许的一个日期，重新发货。',
    'Ship again': '重新发货',
    'Not now': '暂不',
    'The platform refused the pickup date of %n PO(s); choose one of the dates it allows.':
        '平台拒绝了 %n 个采购单的揽收日期；请选择平台允许的日期。',
    # Connecting a shop (station/ui/connect_shop.py, shop_settings.py, shop_life.py)
    "Connect shop": "连接店铺",
    "Station opens the platform's authorisation page in your browser. Log in as the shop, choose the option that "
    "ends in \u201c- Choice\u201d and press Authorise: the browser comes back here by itself.":
        "Station 会在浏览器中打开平台的授权页面。请以店铺身份登录，选择以\u201c- Choice\u201d结尾的选项，然后点击 "
        "Authorise（授权）：浏览器会自动回到这里。",
    "The callback address registered for the app on the platform": "应用在平台上登记的回调地址",
    "App callback": "应用回调地址",
    "http://127.0.0.1:8719/callback?code=...": "http://127.0.0.1:8719/callback?code=...",
    "Use this address": "使用此地址",
    "Or paste the whole address the browser landed on after Authorise:": "或者粘贴点击授权后浏览器跳转到的完整地址：",
    "Authorise again": "重新授权",
    "Fill in the app key and the app secret of the shop's app.": "请填写店铺应用的 App Key 和 App Secret。",
    "The platform's page is open in the browser. Log in, choose \u201c{option}\u201d and press Authorise. Waiting for "
    "the browser to come back\u2026":
        "平台页面已在浏览器中打开。请登录，选择\u201c{option}\u201d，然后点击 Authorise（授权）。正在等待浏览器返回\u2026",
    "The platform's page is open in the browser. Log in, choose \u201c{option}\u201d and press Authorise, then paste "
    "the address the browser landed on below.":
        "平台页面已在浏览器中打开。请登录，选择\u201c{option}\u201d，点击 Authorise（授权），然后在下方粘贴浏览器跳转到的地址。",
    "Station cannot listen on {address}: another program uses it. Close it, or paste the address the browser lands "
    "on below.": "Station 无法在 {address} 上监听：另一个程序正在使用它。请关闭该程序，或在下方粘贴浏览器跳转到的地址。",
    "No answer from the browser yet. Paste the address it landed on, or connect again.":
        "浏览器尚未返回。请粘贴它跳转到的地址，或重新连接。",
    "Connecting the shop and checking Choice\u2026": "正在连接店铺并检查 Choice 授权\u2026",
    "Connected: {shop}": "已连接：{shop}",
    "Ready for Choice purchase orders.": "已可处理 Choice 采购单。",
    "This authorisation does not cover Choice: the platform answers E1001 \u201cnot jit seller\u201d and no JIT "
    "purchase order can be read. Press Authorise again and choose \u201c{option}\u201d on the platform's page.":
        "此授权不包含 Choice：平台返回 E1001\u201cnot jit seller\u201d，无法读取任何 JIT 采购单。请点击\u201c重新授权\u201d，"
        "并在平台页面上选择\u201c{option}\u201d。",
    "Access token valid until {access}; it cannot be refreshed: connect the shop again when it ends.":
        "访问令牌有效期至 {access}；它无法刷新：到期时请重新连接店铺。",
    "Access token valid until {access} (renewed by itself); the authorisation ends {end}: connect the shop again "
    "before then.": "访问令牌有效期至 {access}（会自动续期）；授权将于 {end} 结束：请在此之前重新连接店铺。",
    "Connect shop again": "重新连接店铺",
    "The shop's authorisation cannot be renewed: connect the shop again.": "店铺授权无法续期：请重新连接店铺。",
    "The shop's authorisation ends {end}. Connect the shop again before then, or Station stops working.":
        "店铺授权将于 {end} 结束。请在此之前重新连接店铺，否则 Station 将无法工作。",
    "Connect shop\u2026": "连接店铺\u2026",
    "Advanced: paste tokens": "高级：粘贴令牌",
    "Not connected yet.": "尚未连接。",
    "No browser could be opened. Open this address in a browser on this computer:":
        "无法打开浏览器。请在这台电脑的浏览器中打开以下地址：",
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
        forms = translation.findall("numerusform")
        if message.get("numerus") == "yes":  # Chinese has one form for every count
            for form in forms or [ET.SubElement(translation, "numerusform")]:
                form.text = text
        else:
            translation.text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", source)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("station_zh_CN.ts")))
