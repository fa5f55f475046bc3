<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../station/ui/errors.py" line="31" />
        <source>A file or the network could not be used. Check the disk and the connection, then try again.</source>
        <translation>无法使用文件或网络。请检查磁盘和网络连接，然后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/errors.py" line="33" />
        <source>Something unexpected went wrong. Try again; if it persists, send the log to support.</source>
        <translation>发生了意外错误。请重试；如果仍然出现，请把日志发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../station/ui/views.py" line="39" />
        <source>JIT purchase orders</source>
        <translation>JIT 采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/views.py" line="40" />
        <source>Marketplace orders</source>
        <translation>平台订单</translation>
    </message>
    <message>
        <location filename="../../station/ui/views.py" line="41" />
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="45" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="49" />
        <location filename="../../station/ui/batch_panel.py" line="164" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="50" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="66" />
        <source>No batch yet. Select POs and press Pack, Ship or Print.</source>
        <translation>还没有批量任务。选择采购单后按 打包、发货 或 打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="76" />
        <location filename="../../station/ui/batch_panel.py" line="129" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="84" />
        <source>PO number</source>
        <translation>采购单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="84" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="84" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="85" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="100" />
        <source>Select a failed PO to see what the platform said.</source>
        <translation>选择一个失败的采购单，查看平台返回的信息。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="101" />
        <location filename="../../station/ui/batch_panel.py" line="176" />
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="125" />
        <source>{job}: {count} POs</source>
        <translation>{job}：{count} 个采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="126" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="147" />
        <source>{step}: {done} of {total}</source>
        <translation>{step}：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="165" />
        <source>{done} done, {failed} failed, of {total}.</source>
        <translation>共 {total} 个：{done} 个完成，{failed} 个失败。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="168" />
        <source>Cancelled. </source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="170" />
        <source>Labels: {pages} pages, in the Print tab.</source>
        <translation>标签：{pages} 页，见“打印”页。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="172" />
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="172" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="173" />
        <source>{job}: finished</source>
        <translation>{job}：已完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="175" />
        <source>Retry {count} failed</source>
        <translation>重试 {count} 个失败项</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="204" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="34" />
        <source>last-level division id, e.g. 1000123</source>
        <translation>最末级行政区划 ID，例如 1000123</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="36" />
        <source>street, building, city</source>
        <translation>街道、楼宇、城市</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="39" />
        <source>Pickup date</source>
        <translation>揽收日期</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="50" />
        <source>Area code</source>
        <translation>地区代码</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="51" />
        <source>Division id</source>
        <translation>行政区划 ID</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="52" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="53" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="54" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="55" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>ErpView</name>
    <message>
        <location filename="../../station/ui/erp_view.py" line="199" />
        <location filename="../../station/ui/erp_view.py" line="201" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="200" />
        <source>Replenish from selected JIT POs…</source>
        <translation>按所选 JIT 采购单补货…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="202" />
        <source>Print labels (60x30)</source>
        <translation>打印标签 (60x30)</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="210" />
        <source>QianYi is not set up for this profile.</source>
        <translation>此店铺尚未设置千易 ERP。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="211" />
        <source>QianYi purchase orders</source>
        <translation>千易采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="213" />
        <source>Shoplazza is not set up for this profile.</source>
        <translation>此店铺尚未设置 Shoplazza。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="214" />
        <source>Shoplazza procurements</source>
        <translation>Shoplazza 采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="275" />
        <source>Loading QianYi purchase orders…</source>
        <translation>正在加载千易采购单…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="281" />
        <source>{n} QianYi purchase orders</source>
        <translation>{n} 个千易采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="289" />
        <source>Select the JIT POs to replenish in the PO list first.</source>
        <translation>请先在采购单列表中选择要补货的 JIT 采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="291" />
        <source>Reading the items of {n} JIT POs…</source>
        <translation>正在读取 {n} 个 JIT 采购单的商品…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="303" />
        <source>Creating the QianYi purchase order…</source>
        <translation>正在创建千易采购单…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="308" />
        <source>Created QianYi purchase order {no}.</source>
        <translation>已创建千易采购单 {no}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="310" />
        <source>Not created again: these POs already have QianYi purchase order {no}.</source>
        <translation>未重复创建：这些采购单已有千易采购单 {no}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="320" />
        <source>Loading Shoplazza procurements…</source>
        <translation>正在加载 Shoplazza 采购单…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="326" />
        <source>{n} Shoplazza procurement orders</source>
        <translation>{n} 个 Shoplazza 采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="338" />
        <source>Select a received procurement first.</source>
        <translation>请先选择一个已收货的采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="350" />
        <source>Drawing the labels of procurement {id}…</source>
        <translation>正在生成采购单 {id} 的标签…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="356" />
        <source>{pages} labels sent to the 60x30 printer ({file}).</source>
        <translation>{pages} 张标签已发送到 60x30 打印机（{file}）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="359" />
        <source>{pages} labels saved to {file}.</source>
        <translation>{pages} 张标签已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <location filename="../../station/ui/errors.py" line="51" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../station/ui/errors.py" line="53" />
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="50" />
        <source>Find PO or logistics number (Ctrl+F)</source>
        <translation>查找采购单号或物流单号 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="74" />
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="78" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="118" />
        <source>All {count}</source>
        <translation>全部 {count}</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="125" />
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="126" />
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
</context>
<context>
    <name>FlashBanner</name>
    <message>
        <location filename="../../station/ui/widgets.py" line="28" />
        <source>Ready: scan a PO number, logistics number or product barcode.</source>
        <translation>就绪：请扫描采购单号、物流单号或商品条码。</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <location filename="../../station/ui/items_panel.py" line="41" />
        <location filename="../../station/ui/items_panel.py" line="74" />
        <source>Select a PO to see its items.</source>
        <translation>选择一个采购单查看商品。</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="52" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="52" />
        <source>Seller SKU</source>
        <translation>卖家 SKU</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="52" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="52" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="80" />
        <source>{store} · {code}
Expected arrival: {arrival} · {skus} SKUs, {qty} units</source>
        <translation>{store} · {code}
预计到仓：{arrival} · {skus} 个 SKU，{qty} 件</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="86" />
        <source>Loading items…</source>
        <translation>正在加载商品…</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../station/ui/log_view.py" line="48" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../station/ui/log_view.py" line="51" />
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station/ui/main_window.py" line="89" />
        <source>demo simulator</source>
        <translation>演示模拟器</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="90" />
        <source>Station · {where}</source>
        <translation>Station · {where}</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="109" />
        <source>{pages} pages sent to the printer</source>
        <translation>已发送 {pages} 页到打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="113" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="114" />
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="115" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="116" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="192" />
        <source>Pack (F6)</source>
        <translation>打包 (F6)</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="193" />
        <source>Ship… (F7)</source>
        <translation>发货… (F7)</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="194" />
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="195" />
        <source>Pack + Ship + Print (F9)</source>
        <translation>打包 + 发货 + 打印 (F9)</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="196" />
        <source>Scan to print (F8)</source>
        <translation>扫码即打印 (F8)</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="203" />
        <source>All shown</source>
        <translation>全部显示项</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="204" />
        <source>Act on every PO the filters show, not only the selected ones.</source>
        <translation>对筛选出的全部采购单操作，而不仅是选中的。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="207" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="247" />
        <source>Loading POs…</source>
        <translation>正在加载采购单…</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="259" />
        <source>{count} POs listed at {time}; statuses refresh by themselves.</source>
        <translation>{time} 列出 {count} 个采购单；状态会自动刷新。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="287" />
        <source>Chosen: {count}</source>
        <translation>已选：{count}</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="394" />
        <source>A batch is running; wait for it or cancel it.</source>
        <translation>批量任务进行中；请等待或取消。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="397" />
        <location filename="../../station/ui/main_window.py" line="507" />
        <source>Select POs first (or tick All shown).</source>
        <translation>请先选择采购单（或勾选“全部显示项”）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="491" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../station/ui/orders_view.py" line="153" />
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="155" />
        <source>Pack</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="157" />
        <source>Print AWB</source>
        <translation>打印面单</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="159" />
        <source>Ready to ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="161" />
        <source>Delivered (DBS)</source>
        <translation>已送达 (DBS)</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="163" />
        <source>Digital delivered</source>
        <translation>数字商品已交付</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="182" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="210" />
        <source>Loading orders…</source>
        <translation>正在加载订单…</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="222" />
        <source>{n} orders</source>
        <translation>{n} 个订单</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="310" />
        <source>{action}: {ok} ok, {failed} failed</source>
        <translation>{action}：{ok} 成功，{failed} 失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="330" />
        <source>Select an order first.</source>
        <translation>请先选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="418" />
        <source>Packing and printing {order}…</source>
        <translation>正在打包并打印 {order}…</translation>
    </message>
</context>
<context>
    <name>PoTableModel</name>
    <message>
        <location filename="../../station/ui/po_model.py" line="49" />
        <source>PO number</source>
        <translation>采购单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="50" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="51" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="52" />
        <source>SKUs</source>
        <translation>SKU 数</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="53" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="54" />
        <source>Expected arrival</source>
        <translation>预计到仓</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="55" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="56" />
        <source>Station did</source>
        <translation>本站操作</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="244" />
        <source>Held by {bench}</source>
        <translation>{bench} 正在处理</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../station/ui/print_panel.py" line="101" />
        <source>PO sheet</source>
        <translation>采购单面单</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="103" />
        <source>Product barcodes</source>
        <translation>商品条码</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="108" />
        <source>Get labels (Ctrl+P)</source>
        <translation>获取标签 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="112" />
        <source>Send to printer</source>
        <translation>发送到打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="123" />
        <source>No labels yet.</source>
        <translation>还没有标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="126" />
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="133" />
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="134" />
        <source>Print the selected job again (from its kept file)</source>
        <translation>重新打印所选任务（使用已保存的文件）</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="136" />
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="137" />
        <source>Send the failed jobs again (the selected one, or all of today's)</source>
        <translation>重新发送失败的任务（所选任务，或今天的全部）</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="140" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="163" />
        <source>Printed today</source>
        <translation>今日已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="200" />
        <source>Printer: {name}</source>
        <translation>打印机：{name}</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="201" />
        <source>No printer set for {size}</source>
        <translation>{size} 未设置打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="219" />
        <source> of {count}</source>
        <translation> 页，共 {count} 页</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="222" />
        <source>{pages} pages · {size} · {count} POs</source>
        <translation>{pages} 页 · {size} · {count} 个采购单</translation>
    </message>
    <message>
        <source>{time}  {size}  {pages} pages  {first}{more}</source>
        <translation>{time}  {size}  {pages} 页  {first}{more}</translation>
    </message>
</context>
<context>
    <name>ReplenishDialog</name>
    <message>
        <location filename="../../station/ui/erp_view.py" line="115" />
        <source>Replenish in QianYi</source>
        <translation>在千易补货</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="118" />
        <source>JIT POs: {pos}</source>
        <translation>JIT 采购单：{pos}</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="119" />
        <source>Warehouse: {w} · Supplier: {s} · Settlement: {t} · Reference: {r}</source>
        <translation>仓库：{w} · 供应商：{s} · 结算：{t} · 参考号：{r}</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="123" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="123" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="123" />
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="123" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="131" />
        <source>{skus} SKUs, {units} units</source>
        <translation>{skus} 个 SKU，{units} 件</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="135" />
        <source>Already created for these POs: QianYi purchase order {no}. It will not be created again.</source>
        <translation>这些采购单已创建千易采购单 {no}，不会重复创建。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="140" />
        <source>Nothing has been sent yet.</source>
        <translation>尚未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="141" />
        <source>Create purchase order</source>
        <translation>创建采购单</translation>
    </message>
</context>
<context>
    <name>ScanHandler</name>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="63" />
        <source>{code}: order selected</source>
        <translation>{code}：已选中订单</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="66" />
        <source>Unknown code {code}: no order or tracking number matches. Nothing changed.</source>
        <translation>未知条码 {code}：没有匹配的订单号或运单号。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="79" />
        <source>Looking up {code}…</source>
        <translation>正在查找 {code}…</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="93" />
        <source>Could not look up {code}: {why}</source>
        <translation>无法查找 {code}：{why}</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="99" />
        <source>Unknown code {code}: no PO, logistics number or product matches. Nothing changed.</source>
        <translation>未知代码 {code}：没有匹配的采购单、物流单号或商品。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="110" />
        <source>{no} is being handled by {bench}; nothing sent from this bench.</source>
        <translation>{no} 正由 {bench} 处理；本工位未发送任何操作。</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="116" />
        <source>Product {code}: in {count} POs, selected</source>
        <translation>商品 {code}：在 {count} 个采购单中，已选中</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="120" />
        <source>{no} selected · {store}</source>
        <translation>已选中 {no} · {store}</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="126" />
        <source>Scan to print: scan the PO number (this product is in {count} POs).</source>
        <translation>扫码即打印：请扫描采购单号（该商品在 {count} 个采购单中）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="140" />
        <source>{no}: preparing labels…</source>
        <translation>{no}：正在准备标签…</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="147" />
        <source>{no}: {step}…</source>
        <translation>{no}：{step}…</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="155" />
        <source>{no}: no labels. {why}</source>
        <translation>{no}：没有标签。{why}</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="165" />
        <source>{no}: labels sent to the printer</source>
        <translation>{no}：标签已发送到打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="168" />
        <source>{no}: labels ready (no printer set for this size)</source>
        <translation>{no}：标签已就绪（此尺寸未设置打印机）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="54" />
        <source>Welcome to Station</source>
        <translation>欢迎使用 Station</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="54" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="59" />
        <source>Set up the shop this bench works for. The app secret and the tokens are kept in the computer's password store (keyring), never in a file. No account yet? Try the demo.</source>
        <translation>设置此工作台服务的店铺。App Secret 和令牌保存在电脑的密码库（keyring）中，绝不写入文件。还没有账号？试试演示。</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="76" />
        <source>Shop (secrets go to the keyring)</source>
        <translation>店铺（密钥保存在 keyring 中）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="78" />
        <source>Seller profile</source>
        <translation>卖家配置</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="79" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="80" />
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="81" />
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="82" />
        <source>Access token</source>
        <translation>Access Token</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="83" />
        <source>Refresh token</source>
        <translation>Refresh Token</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="86" />
        <source>Pickup address</source>
        <translation>揽收地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="91" />
        <source>Bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="98" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="102" />
        <source>{name} ({state})</source>
        <translation>{name}（{state}）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="105" />
        <source>{name} (not connected)</source>
        <translation>{name}（未连接）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="108" />
        <source>Printer for {size}</source>
        <translation>{size} 打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="113" />
        <source>Print through</source>
        <translation>打印方式</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="114" />
        <source>Play a sound on scans and results</source>
        <translation>扫码和结果时播放声音</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="118" />
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="121" />
        <source>Language (after restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="123" />
        <source>blank: this bench only · postgresql://user@host:5432/station</source>
        <translation>留空：仅本工位 · postgresql://user@host:5432/station</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="125" />
        <source>Shared journal (after restart)</source>
        <translation>共享日志（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="126" />
        <source>Journal password</source>
        <translation>日志数据库密码</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="139" />
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="182" />
        <source>Give the seller profile a name.</source>
        <translation>请为卖家配置命名。</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="185" />
        <source>Fill in the app key, the app secret and the access token.</source>
        <translation>请填写 App Key、App Secret 和 Access Token。</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="236" />
        <source>The shared journal must be a postgresql://user@host:port/database address.</source>
        <translation>共享日志必须是 postgresql://user@host:port/database 格式的地址。</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="99" />
        <source>Ship: book the pickup</source>
        <translation>发货：预约揽收</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="101" />
        <source>Book the pickup of {count} POs ({groups} store/warehouse groups, one pickup each). POs not packed yet are skipped and reported.</source>
        <translation>为 {count} 个采购单预约揽收（{groups} 个门店/仓库组，每组一次揽收）。未打包的采购单将被跳过并报告。</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="107" />
        <source>Save as the default pickup contact</source>
        <translation>保存为默认揽收联系人</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="114" />
        <source>Book pickup</source>
        <translation>预约揽收</translation>
    </message>
</context>
<context>
    <name>action</name>
    <message>
        <location filename="../../station/ui/po_model.py" line="85" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="86" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="87" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="88" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>job</name>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="37" />
        <source>Pack</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="38" />
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="39" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="40" />
        <source>Pack, ship and print</source>
        <translation>打包、发货并打印</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location filename="../../station/ui/print_panel.py" line="69" />
        <source>(no printer)</source>
        <translation>（无打印机）</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="70" />
        <source>#{id}  {time}  {size}  {pages} pages  {first}{more}  → {printer}  {status}</source>
        <translation>#{id}  {time}  {size}  {pages} 页  {first}{more}  → {printer}  {status}</translation>
    </message>
</context>
<context>
    <name>size</name>
    <message>
        <location filename="../../station/ui/print_panel.py" line="43" />
        <source>A4 (PO sheet)</source>
        <translation>A4（采购单面单）</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="44" />
        <source>60x30 mm label</source>
        <translation>60x30 毫米标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="45" />
        <source>100x150 mm label</source>
        <translation>100x150 毫米标签</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../station/ui/po_model.py" line="61" />
        <source>To Pack</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="62" />
        <source>Ready To Ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="63" />
        <source>To Put Away</source>
        <translation>待上架</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="64" />
        <source>Arrived at Warehouse</source>
        <translation>已到仓</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="65" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="66" />
        <source>Cancelled (timeout)</source>
        <translation>已取消（超时）</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="67" />
        <source>Cancelled (buyer)</source>
        <translation>已取消（买家）</translation>
    </message>
</context>
<context>
    <name>step</name>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="27" />
        <source>Listing</source>
        <translation>列出</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="28" />
        <source>Packing</source>
        <translation>打包中</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="29" />
        <source>Waiting until ready</source>
        <translation>等待就绪</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="30" />
        <source>Booking pickup</source>
        <translation>预约揽收中</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="31" />
        <source>Fetching labels</source>
        <translation>获取标签中</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="32" />
        <source>Merging labels</source>
        <translation>合并标签中</translation>
    </message>
</context>
</TS>