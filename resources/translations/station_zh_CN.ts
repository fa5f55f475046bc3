<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchControl</name>
    <message numerus="yes">
        <location filename="../../station/ui/jit/batch_control.py" line="99" />
        <source>%n page(s) sent to the printer</source>
        <translation>
            <numerusform>已发送 %n 页到打印机</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/batch_control.py" line="114" />
        <source>A batch is running; wait for it or cancel it.</source>
        <translation>批量任务进行中；请等待或取消。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/batch_control.py" line="117" />
        <location filename="../../station/ui/jit/batch_control.py" line="157" />
        <source>Select POs first (or tick All shown).</source>
        <translation>请先选择采购单（或勾选“全部显示项”）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/batch_control.py" line="146" />
        <source>{batch}: started</source>
        <translation>{batch}：已开始</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/batch_control.py" line="349" />
        <source>The platform refused the pickup date of %n PO(s); choose one of the dates it allows.</source>
        <translation>
            <numerusform>平台拒绝了 %n 个采购单的揽收日期；请选择平台允许的日期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="100" />
        <location filename="../../station/ui/results_model.py" line="31" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="100" />
        <location filename="../../station/ui/batch_panel.py" line="172" />
        <location filename="../../station/ui/results_model.py" line="36" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="100" />
        <location filename="../../station/ui/results_model.py" line="37" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="60" />
        <source>No batch yet. Select POs and press Pack, Ship or Print.</source>
        <translation>还没有批量任务。选择采购单后按 打包、发货 或 打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="70" />
        <location filename="../../station/ui/batch_panel.py" line="137" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../station/ui/results_model.py" line="29" />
        <source>Other bench</source>
        <translation>其他工位</translation>
    </message>
    <message>
        <location filename="../../station/ui/results_model.py" line="53" />
        <source>PO number</source>
        <translation>采购单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="197" />
        <location filename="../../station/ui/results_model.py" line="54" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="101" />
        <location filename="../../station/ui/results_model.py" line="55" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/results_model.py" line="56" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="108" />
        <source>Select a failed PO to see what the platform said.</source>
        <translation>选择一个失败的采购单，查看平台返回的信息。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="109" />
        <location filename="../../station/ui/batch_panel.py" line="187" />
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="134" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="155" />
        <source>{step}: {done} of {total}</source>
        <translation>{step}：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="173" />
        <source>{done} done, {failed} failed, of {total}.</source>
        <translation>共 {total} 个：{done} 个完成，{failed} 个失败。</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="179" />
        <source>Cancelled. </source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/batch_panel.py" line="133" />
        <source>{job}: %n PO(s)</source>
        <translation>
            <numerusform>{job}：%n 个采购单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="177" />
        <source>Other benches did {count}.</source>
        <translation>其他工位完成 {count} 个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/batch_panel.py" line="181" />
        <source>Labels: %n page(s), in the Print tab.</source>
        <translation>
            <numerusform>标签：%n 页，见“打印”页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="183" />
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="183" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="184" />
        <source>{job}: finished</source>
        <translation>{job}：已完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="187" />
        <source>Retry {count} failed</source>
        <translation>重试 {count} 个失败项</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="205" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="213" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>CartonDialog</name>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="56" />
        <source>Carton labels · {no}</source>
        <translation>箱标 · {no}</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="58" />
        <source>One label for each carton the driver takes: box 1 of N to N of N.</source>
        <translation>司机带走的每一箱贴一张标签：第 1 箱/共 N 箱 到 第 N 箱/共 N 箱。</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="62" />
        <source>Pickup order</source>
        <translation>揽收单</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="66" />
        <source>Cartons</source>
        <translation>箱数</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="71" />
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="81" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="83" />
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="84" />
        <source>Print these labels again, although they were printed</source>
        <translation>再次打印这些标签（虽然已打印过）</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="85" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="106" />
        <source>Asking the platform for the labels…</source>
        <translation>正在向平台获取标签…</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="117" />
        <source>Downloading the labels…</source>
        <translation>正在下载标签…</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="118" />
        <source>Sending to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/carton_dialog.py" line="119" />
        <source>Writing the labels…</source>
        <translation>正在写入标签…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/pickups/carton_dialog.py" line="137" />
        <source>%n carton label(s) of {no} sent to {printer}.</source>
        <translation>
            <numerusform>{no} 的 %n 张箱标已发送到 {printer}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectShopDialog</name>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="86" />
        <location filename="../../station/ui/connect_shop.py" line="116" />
        <source>Connect shop</source>
        <translation>连接店铺</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="91" />
        <source>Station opens the platform's authorisation page in your browser. Log in as the shop, choose the option that ends in “- Choice” and press Authorise: the browser comes back here by itself.</source>
        <translation>Station 会在浏览器中打开平台的授权页面。请以店铺身份登录，选择以“- Choice”结尾的选项，然后点击 Authorise（授权）：浏览器会自动回到这里。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="104" />
        <source>The callback address registered for the app on the platform</source>
        <translation>应用在平台上登记的回调地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="110" />
        <source>Seller profile</source>
        <translation>卖家配置</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="111" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="112" />
        <source>App key</source>
        <translation>应用标识 (App Key)</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="113" />
        <source>App secret</source>
        <translation>应用密钥 (App Secret)</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="114" />
        <source>App callback</source>
        <translation>应用回调地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="131" />
        <source>http://127.0.0.1:8719/callback?code=...</source>
        <translation>http://127.0.0.1:8719/callback?code=...</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="132" />
        <source>Use this address</source>
        <translation>使用此地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="138" />
        <source>Or paste the whole address the browser landed on after Authorise:</source>
        <translation>或者粘贴点击授权后浏览器跳转到的完整地址：</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="155" />
        <source>Authorise again</source>
        <translation>重新授权</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="181" />
        <source>Fill in the app key and the app secret of the shop's app.</source>
        <translation>请填写店铺应用的 App Key 和 App Secret。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="207" />
        <source>The platform's page is open in the browser. Log in, choose “{option}” and press Authorise. Waiting for the browser to come back…</source>
        <translation>平台页面已在浏览器中打开。请登录，选择“{option}”，然后点击 Authorise（授权）。正在等待浏览器返回…</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="214" />
        <source>The platform's page is open in the browser. Log in, choose “{option}” and press Authorise, then paste the address the browser landed on below.</source>
        <translation>平台页面已在浏览器中打开。请登录，选择“{option}”，点击 Authorise（授权），然后在下方粘贴浏览器跳转到的地址。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="226" />
        <source>Station cannot listen on {address}: another program uses it. Close it, or paste the address the browser lands on below.</source>
        <translation>Station 无法在 {address} 上监听：另一个程序正在使用它。请关闭该程序，或在下方粘贴浏览器跳转到的地址。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="243" />
        <source>No browser could be opened. Open this address in a browser on this computer:</source>
        <translation>无法打开浏览器。请在这台电脑的浏览器中打开以下地址：</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="264" />
        <source>No answer from the browser yet. Paste the address it landed on, or connect again.</source>
        <translation>浏览器尚未返回。请粘贴它跳转到的地址，或重新连接。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="274" />
        <source>Connecting the shop and checking Choice…</source>
        <translation>正在连接店铺并检查 Choice 授权…</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="297" />
        <source>Connected: {shop}</source>
        <translation>已连接：{shop}</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="301" />
        <source>Ready for Choice purchase orders.</source>
        <translation>已可处理 Choice 采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="306" />
        <source>This authorisation does not cover Choice: the platform answers E1001 “not jit seller” and no JIT purchase order can be read. Press Authorise again and choose “{option}” on the platform's page.</source>
        <translation>此授权不包含 Choice：平台返回 E1001“not jit seller”，无法读取任何 JIT 采购单。请点击“重新授权”，并在平台页面上选择“{option}”。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="349" />
        <source>Access token valid until {access}; it cannot be refreshed: connect the shop again when it ends.</source>
        <translation>访问令牌有效期至 {access}；它无法刷新：到期时请重新连接店铺。</translation>
    </message>
    <message>
        <location filename="../../station/ui/connect_shop.py" line="353" />
        <source>Access token valid until {access} (renewed by itself); the authorisation ends {end}: connect the shop again before then.</source>
        <translation>访问令牌有效期至 {access}（会自动续期）；授权将于 {end} 结束：请在此之前重新连接店铺。</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="35" />
        <source>last-level division id, e.g. 1000123</source>
        <translation>最末级行政区划 ID，例如 1000123</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="37" />
        <source>street, building, city</source>
        <translation>街道、楼宇、城市</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="40" />
        <source>Pickup date</source>
        <translation>揽收日期</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="51" />
        <source>Area code</source>
        <translation>地区代码</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="52" />
        <source>Division id</source>
        <translation>行政区划 ID</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="53" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="54" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="55" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="56" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>ErpView</name>
    <message>
        <location filename="../../station/ui/erp_view.py" line="241" />
        <location filename="../../station/ui/erp_view.py" line="243" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="242" />
        <source>Replenish from selected JIT POs…</source>
        <translation>按所选 JIT 采购单补货…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="98" />
        <source>Purchase no.</source>
        <translation>采购单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="99" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="100" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="101" />
        <location filename="../../station/ui/erp_view.py" line="120" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="102" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="103" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="104" />
        <source>Settlement</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="105" />
        <source>SKUs</source>
        <translation>SKU 数</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="106" />
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="107" />
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="116" />
        <source>ID</source>
        <translation>ID 编号</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="117" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="118" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="119" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="121" />
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="122" />
        <source>Ordered</source>
        <translation>已订购</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="123" />
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="124" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="244" />
        <source>Print labels ({size})</source>
        <translation>打印标签（{size}）</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="256" />
        <source>QianYi is not set up for this profile.</source>
        <translation>此店铺尚未设置千易 ERP。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="258" />
        <source>QianYi purchase orders</source>
        <translation>千易采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="265" />
        <source>Shoplazza is not set up for this profile.</source>
        <translation>此店铺尚未设置 Shoplazza。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="267" />
        <source>Shoplazza procurements</source>
        <translation>Shoplazza 采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="328" />
        <source>Loading QianYi purchase orders…</source>
        <translation>正在加载千易采购单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="334" />
        <source>%n QianYi purchase order(s)</source>
        <translation>
            <numerusform>%n 个千易采购单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="344" />
        <source>Reading the items of %n JIT PO(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个 JIT 采购单的商品…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="382" />
        <source>%n Shoplazza procurement order(s)</source>
        <translation>
            <numerusform>%n 个 Shoplazza 采购单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="413" />
        <source>%n label(s) sent to the printer for {size} ({file}).</source>
        <translation>
            <numerusform>%n 张标签已发送到{size}打印机（{file}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="418" />
        <source>%n label(s) saved to {file}.</source>
        <translation>
            <numerusform>%n 张标签已保存到 {file}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="342" />
        <source>Select the JIT POs to replenish in the PO list first.</source>
        <translation>请先在采购单列表中选择要补货的 JIT 采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="356" />
        <source>Creating the QianYi purchase order…</source>
        <translation>正在创建千易采购单…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="361" />
        <source>Created QianYi purchase order {no}.</source>
        <translation>已创建千易采购单 {no}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="364" />
        <source>Not created again: these POs already have QianYi purchase order {no}.</source>
        <translation>未重复创建：这些采购单已有千易采购单 {no}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="376" />
        <source>Loading Shoplazza procurements…</source>
        <translation>正在加载 Shoplazza 采购单…</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="394" />
        <source>Select a received procurement first.</source>
        <translation>请先选择一个已收货的采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="406" />
        <source>Drawing the labels of procurement {id}…</source>
        <translation>正在生成采购单 {id} 的标签…</translation>
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <location filename="../../station/ui/errors.py" line="56" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../station/ui/errors.py" line="58" />
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="59" />
        <source>Find PO or logistics number (Ctrl+F)</source>
        <translation>查找采购单号或物流单号 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="84" />
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="88" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="128" />
        <source>All {count}</source>
        <translation>全部 {count}</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="143" />
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../../station/ui/filters_bar.py" line="144" />
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
</context>
<context>
    <name>FlashBanner</name>
    <message>
        <location filename="../../station/ui/widgets.py" line="32" />
        <source>Ready: scan a PO number, logistics number or product barcode.</source>
        <translation>就绪：请扫描采购单号、物流单号或商品条码。</translation>
    </message>
</context>
<context>
    <name>InnerPackDialog</name>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="113" />
        <source>Inner pack</source>
        <translation>内包装</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="121" />
        <source>Pack barcode:</source>
        <translation>内包装条码：</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="122" />
        <source>Units in the pack:</source>
        <translation>内包装件数：</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <location filename="../../station/ui/items_panel.py" line="43" />
        <location filename="../../station/ui/items_panel.py" line="77" />
        <source>Select a PO to see its items.</source>
        <translation>选择一个采购单查看商品。</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="55" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="55" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="55" />
        <source>SKU / barcode</source>
        <translation>SKU / 条码</translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="84" />
        <source>{store} · {code}
Expected arrival: {arrival} · {skus}, {units}</source>
        <translation>{store} · {code}
预计到仓：{arrival} · {skus}，{units}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/items_panel.py" line="88" />
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个 SKU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/items_panel.py" line="89" />
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/items_panel.py" line="95" />
        <source>Loading items…</source>
        <translation>正在加载商品…</translation>
    </message>
</context>
<context>
    <name>JitView</name>
    <message>
        <location filename="../../station/ui/jit/view.py" line="84" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="85" />
        <source>Verify</source>
        <translation>验货</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="86" />
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="87" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="88" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="193" />
        <source>Operator: {name}</source>
        <translation>操作员：{name}</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="193" />
        <source>Operator: —</source>
        <translation>操作员：—</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="194" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="194" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="197" />
        <source>Chosen: {count}</source>
        <translation>已选：{count}</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="202" />
        <source>{bench}: {printed} printed, {holding} in hand</source>
        <translation>{bench}：已打印 {printed}，处理中 {holding}</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="207" />
        <source>Other benches today: {benches}</source>
        <translation>今天其他工位：{benches}</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="226" />
        <source>Pack (F6)</source>
        <translation>打包 (F6)</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="227" />
        <source>Ship… (F7)</source>
        <translation>发货… (F7)</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="228" />
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="229" />
        <source>Pack + Ship + Print (F9)</source>
        <translation>打包 + 发货 + 打印 (F9)</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="230" />
        <source>Scan to print (F8)</source>
        <translation>扫码即打印 (F8)</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="237" />
        <source>Verify (F10)</source>
        <translation>验货 (F10)</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="238" />
        <source>Scan a PO, then each unit into the carton; complete, it is printed.</source>
        <translation>先扫采购单，再逐件扫入纸箱；扫齐后自动打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="255" />
        <source>All shown</source>
        <translation>全部显示项</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="256" />
        <source>Act on every PO the filters show, not only the selected ones.</source>
        <translation>对筛选出的全部采购单操作，而不仅是选中的。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/view.py" line="260" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>LabelPrinterBox</name>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="52" />
        <source>PDF through the printer's driver</source>
        <translation>PDF，经打印机驱动</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="53" />
        <source>ZPL/TSPL to a CUPS raw queue (the printer chosen above)</source>
        <translation>ZPL/TSPL，发往 CUPS 原始队列（上方所选打印机）</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="54" />
        <source>ZPL/TSPL to a network printer's port (9100)</source>
        <translation>ZPL/TSPL，直接发往网络打印机端口（9100）</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="55" />
        <source>ZPL/TSPL through the Windows spooler in RAW mode</source>
        <translation>ZPL/TSPL，经 Windows 打印队列（RAW 模式）</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="58" />
        <source>ZPL (Zebra and compatibles)</source>
        <translation>ZPL（斑马及兼容机型）</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="59" />
        <source>TSPL (TSC, Xprinter, Gprinter)</source>
        <translation>TSPL（TSC、芯烨、佳博）</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="62" />
        <source>Gap between labels</source>
        <translation>标签间有间隙</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="63" />
        <source>Black mark on the back</source>
        <translation>背面有黑标</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="96" />
        <source>Label printers</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="119" />
        <source>192.168.1.50 or 192.168.1.50:9100</source>
        <translation>192.168.1.50 或 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="125" />
        <source>{dpi} dpi</source>
        <translation>每英寸 {dpi} 点</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="134" />
        <location filename="../../station/ui/label_printer_settings.py" line="135" />
        <source>printer's own</source>
        <translation>打印机自身设置</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="136" />
        <source> in/s</source>
        <translation> 英寸/秒</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="137" />
        <source>Labels come out upside down: turn them 180°</source>
        <translation>标签打印出来是倒的：旋转 180°</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="140" />
        <source>{degrees}° clockwise</source>
        <translation>顺时针 {degrees}°</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="144" />
        <source> dots</source>
        <translation> 点</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="147" />
        <source>Print test label</source>
        <translation>打印测试标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="149" />
        <source>Prints the calibration label (millimetre rulers, a barcode) with the settings shown here.</source>
        <translation>按这里显示的设置打印校准标签（毫米刻度尺和一个条码）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="157" />
        <source>Paper size</source>
        <translation>纸张尺寸</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="158" />
        <source>Feed the printer</source>
        <translation>打印方式</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="159" />
        <source>Network address</source>
        <translation>网络地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="160" />
        <source>Printer language</source>
        <translation>打印机语言</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="161" />
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="162" />
        <source>Label (across × along)</source>
        <translation>标签（横向 × 走纸方向）</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="163" />
        <source>Label stock</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="163" />
        <source>gap or mark</source>
        <translation>间隙或黑标</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="164" />
        <source>Darkness</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="165" />
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="167" />
        <source>Turn pages onto the label</source>
        <translation>页面旋转到标签上</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="168" />
        <source>More moves the print right, less moves it left.</source>
        <translation>数值加大向右移动，减小向左移动。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="169" />
        <source>More moves the print down, less moves it up.</source>
        <translation>数值加大向下移动，减小向上移动。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="171" />
        <source>Offset (dots)</source>
        <translation>偏移（点）</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="186" />
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="267" />
        <source>= {x} mm, {y} mm</source>
        <translation>= {x} 毫米，{y} 毫米</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="292" />
        <source>Type the printer's network address first (192.168.1.50 or 192.168.1.50:9100).</source>
        <translation>请先输入打印机的网络地址（192.168.1.50 或 192.168.1.50:9100）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="295" />
        <source>Choose the printer for this paper size above first.</source>
        <translation>请先在上方为此纸张尺寸选择打印机。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="300" />
        <source>Printing the test label on '{printer}'…</source>
        <translation>正在打印机“{printer}”上打印测试标签…</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="308" />
        <source>The test label printed on '{printer}'. Check where the millimetre marks fall; change the offset or darkness, print again, then Save.</source>
        <translation>测试标签已在“{printer}”上打印。查看毫米刻度落在哪里；调整偏移或浓度，再打印一次，然后保存。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="318" />
        <source>The test label went to '{printer}'; its spooler does not say when it prints. Look at the printer.</source>
        <translation>测试标签已发送到“{printer}”；其打印队列不报告何时打印完成。请查看打印机。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_printer_settings.py" line="328" />
        <source>The test label could not be printed: {error}</source>
        <translation>测试标签无法打印：{error}</translation>
    </message>
</context>
<context>
    <name>LabelViewer</name>
    <message>
        <location filename="../../station/ui/label_viewer.py" line="55" />
        <source>What the label printer printed</source>
        <translation>标签打印机打印了什么</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/label_viewer.py" line="86" />
        <source>%n label(s) printed by the virtual label printer at {address}. Newest first.</source>
        <translation>
            <numerusform>虚拟标签打印机（{address}）已打印 %n 张标签。最新的在前。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/label_viewer.py" line="91" />
        <source>Nothing printed yet. Labels of 100x150 mm go to the virtual label printer at {address}: print some from the Print tab.</source>
        <translation>尚未打印。100x150 毫米的标签发往虚拟标签打印机（{address}）：请在“打印”标签页打印一些。</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_viewer.py" line="105" />
        <source>Label {number}</source>
        <translation>标签 {number}</translation>
    </message>
    <message>
        <location filename="../../station/ui/label_viewer.py" line="107" />
        <source>{width} x {height} dots</source>
        <translation>{width} x {height} 点</translation>
    </message>
</context>
<context>
    <name>LabelViewerButton</name>
    <message numerus="yes">
        <location filename="../../station/ui/label_viewer.py" line="129" />
        <source>Label printer (demo): %n label(s) printed</source>
        <translation>
            <numerusform>标签打印机（演示）：已打印 %n 张</numerusform>
        </translation>
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
        <location filename="../../station/ui/main_window.py" line="54" />
        <source>demo simulator</source>
        <translation>演示模拟器</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="55" />
        <source>Station · {where}</source>
        <translation>Station · {where}</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../station/ui/orders_view.py" line="242" />
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="85" />
        <location filename="../../station/ui/orders_view.py" line="244" />
        <source>Pack</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="86" />
        <location filename="../../station/ui/orders_view.py" line="246" />
        <source>Print AWB</source>
        <translation>打印面单</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="76" />
        <location filename="../../station/ui/orders_view.py" line="87" />
        <location filename="../../station/ui/orders_view.py" line="248" />
        <source>Ready to ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="71" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="72" />
        <source>Unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="73" />
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="74" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="75" />
        <source>Repacked</source>
        <translation>已重新打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="77" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="78" />
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="79" />
        <source>Failed delivery</source>
        <translation>配送失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="80" />
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="81" />
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="88" />
        <location filename="../../station/ui/orders_view.py" line="250" />
        <source>Delivered (DBS)</source>
        <translation>已送达 (DBS)</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="89" />
        <location filename="../../station/ui/orders_view.py" line="252" />
        <source>Digital delivered</source>
        <translation>数字商品已交付</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="90" />
        <source>Scan to print</source>
        <translation>扫码即打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="91" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="92" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="95" />
        <source>no pending or repacked item to pack</source>
        <translation>没有待打包或需重新打包的商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="96" />
        <source>no packed package to print</source>
        <translation>没有可打印的已打包包裹</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="97" />
        <source>AWB printed</source>
        <translation>面单已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="98" />
        <source>no packed package</source>
        <translation>没有已打包的包裹</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="99" />
        <source>no seller-delivered package ready or shipped</source>
        <translation>没有待发货或已发货的卖家自配送包裹</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="100" />
        <source>no pending digital item</source>
        <translation>没有待处理的数字商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="101" />
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="102" />
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="103" />
        <source>already ready to ship</source>
        <translation>已是待发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="104" />
        <source>nothing to pack or ship in this order</source>
        <translation>此订单没有需要打包或发货的商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="128" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="129" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="131" />
        <location filename="../../station/ui/orders_view.py" line="270" />
        <location filename="../../station/ui/orders_view.py" line="284" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="130" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="132" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="133" />
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="134" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="269" />
        <source>Item</source>
        <translation>商品项</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="271" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="272" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="273" />
        <source>Package</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="274" />
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="275" />
        <source>Provider</source>
        <translation>物流商</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="276" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="280" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="280" />
        <source>Order/item or package</source>
        <translation>订单/商品项或包裹</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="280" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="280" />
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="314" />
        <source>Loading orders…</source>
        <translation>正在加载订单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/orders_view.py" line="326" />
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="430" />
        <source>Digital</source>
        <translation>数字商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="440" />
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="440" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="446" />
        <source>{action}: {ok} ok, {failed} failed</source>
        <translation>{action}：{ok} 成功，{failed} 失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="468" />
        <source>Select an order first.</source>
        <translation>请先选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/orders_view.py" line="556" />
        <source>Packing and printing {order}…</source>
        <translation>正在打包并打印 {order}…</translation>
    </message>
</context>
<context>
    <name>OtherViews</name>
    <message>
        <location filename="../../station/ui/views.py" line="72" />
        <source>JIT purchase orders</source>
        <translation>JIT 采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/views.py" line="73" />
        <source>Marketplace orders</source>
        <translation>平台订单</translation>
    </message>
    <message>
        <location filename="../../station/ui/views.py" line="74" />
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <location filename="../../station/ui/views.py" line="75" />
        <source>Pickups</source>
        <translation>揽收</translation>
    </message>
    <message>
        <location filename="../../station/ui/views.py" line="76" />
        <source>Stats</source>
        <translation>统计</translation>
    </message>
</context>
<context>
    <name>PickupDateDialog</name>
    <message>
        <location filename="../../station/ui/pickup_date_dialog.py" line="28" />
        <source>Choose another pickup date</source>
        <translation>选择其他揽收日期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/pickup_date_dialog.py" line="32" />
        <source>The platform does not take pickups on {date} for %n PO(s). Choose one of the dates it allows and ship them again.</source>
        <translation>
            <numerusform>平台不接受 {date} 揽收这 %n 个采购单。请选择平台允许的一个日期，重新发货。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/pickup_date_dialog.py" line="39" />
        <source>The platform needs a pickup date for %n PO(s). Choose one of the dates it allows and ship them again.</source>
        <translation>
            <numerusform>平台要求为这 %n 个采购单指定揽收日期。请选择平台允许的一个日期，重新发货。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/pickup_date_dialog.py" line="57" />
        <source>Ship again</source>
        <translation>重新发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickup_date_dialog.py" line="60" />
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>PickupsModel</name>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="28" />
        <source>Not read</source>
        <translation>未读取</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="29" />
        <source>{count} expected</source>
        <translation>预计 {count} 箱</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="30" />
        <source> · {count} labelled</source>
        <translation> · 已贴标 {count} 箱</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="31" />
        <source>~{weight} (estimated)</source>
        <translation>约 {weight}（预估）</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="34" />
        <source>Pickup order</source>
        <translation>揽收单</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="35" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="36" />
        <source>POs</source>
        <translation>采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="37" />
        <source>Logistics numbers</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="38" />
        <source>Cartons</source>
        <translation>箱数</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="39" />
        <source>Weight (kg)</source>
        <translation>重量（千克）</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="40" />
        <source>Driver and car</source>
        <translation>司机和车辆</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="41" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PickupsView</name>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="72" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="74" />
        <source>Carton labels…</source>
        <translation>箱标…</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="75" />
        <source>Print one label for each carton of the selected pickup order</source>
        <translation>为所选揽收单的每一箱打印一张标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="99" />
        <source>Reading today's pickup orders…</source>
        <translation>正在读取今天的揽收单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/pickups/view.py" line="173" />
        <source>%n pickup order(s) today</source>
        <translation>
            <numerusform>今天 %n 个揽收单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="174" />
        <source> · {count} not final yet</source>
        <translation> · {count} 个尚未结束</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="222" />
        <source>Pickup order {no}: {why}</source>
        <translation>揽收单 {no}：{why}</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="274" />
        <source>Select a pickup order first.</source>
        <translation>请先选择一个揽收单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/view.py" line="276" />
        <source>Carton labels cannot be printed from this window.</source>
        <translation>此窗口无法打印箱标。</translation>
    </message>
</context>
<context>
    <name>PoList</name>
    <message>
        <location filename="../../station/ui/jit/po_list.py" line="87" />
        <source>Loading POs…</source>
        <translation>正在加载采购单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/po_list.py" line="104" />
        <source>%n PO(s) listed at {time}; statuses refresh by themselves.</source>
        <translation>
            <numerusform>{time} 列出 %n 个采购单；状态会自动刷新。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoTableModel</name>
    <message>
        <location filename="../../station/ui/po_model.py" line="54" />
        <source>PO number</source>
        <translation>采购单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="55" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="56" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="57" />
        <source>SKUs</source>
        <translation>SKU 数</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="58" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="59" />
        <source>Expected arrival</source>
        <translation>预计到仓</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="60" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="61" />
        <source>Station did</source>
        <translation>本站操作</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="288" />
        <source>Held by {bench}</source>
        <translation>{bench} 正在处理</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../station/ui/print_panel.py" line="148" />
        <source>PO sheet</source>
        <translation>采购单面单</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="150" />
        <source>Product barcodes</source>
        <translation>商品条码</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="155" />
        <source>Get labels (Ctrl+P)</source>
        <translation>获取标签 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="159" />
        <source>Send to printer</source>
        <translation>发送到打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="171" />
        <source>No labels yet.</source>
        <translation>还没有标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="174" />
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="188" />
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="189" />
        <source>Print the selected job again (from its kept file)</source>
        <translation>重新打印所选任务（使用已保存的文件）</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="191" />
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="192" />
        <source>Send the failed jobs again (the selected one, or all of today's)</source>
        <translation>重新发送失败的任务（所选任务，或今天的全部）</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="195" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="217" />
        <source>Printed today</source>
        <translation>今日已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="224" />
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="272" />
        <source>Printer: {name}</source>
        <translation>打印机：{name}</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="274" />
        <source>No printer set for {size}</source>
        <translation>{size} 未设置打印机</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/print_panel.py" line="363" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/print_panel.py" line="363" />
        <source>%n PO(s)</source>
        <translation>
            <numerusform>%n 个采购单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="382" />
        <source> of {count}</source>
        <translation> 页，共 {count} 页</translation>
    </message>
</context>
<context>
    <name>ReplenishDialog</name>
    <message>
        <location filename="../../station/ui/erp_view.py" line="136" />
        <source>Replenish in QianYi</source>
        <translation>在千易补货</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="139" />
        <source>JIT POs: {pos}</source>
        <translation>JIT 采购单：{pos}</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="142" />
        <source>Warehouse: {w} · Supplier: {s} · Settlement: {t} · Reference: {r}</source>
        <translation>仓库：{w} · 供应商：{s} · 结算：{t} · 参考号：{r}</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="151" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="151" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="151" />
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="151" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="161" />
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个 SKU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="161" />
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="167" />
        <source>Already created for these POs: QianYi purchase order {no}. It will not be created again.</source>
        <translation>这些采购单已创建千易采购单 {no}，不会重复创建。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="173" />
        <source>Nothing has been sent yet.</source>
        <translation>尚未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/erp_view.py" line="175" />
        <source>Create purchase order</source>
        <translation>创建采购单</translation>
    </message>
</context>
<context>
    <name>ScanHandler</name>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="132" />
        <source>{code}: order selected</source>
        <translation>{code}：已选中订单</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="136" />
        <source>Unknown code {code}: no order or tracking number matches. Nothing changed.</source>
        <translation>未知条码 {code}：没有匹配的订单号或运单号。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="161" />
        <location filename="../../station/ui/scan_handler.py" line="262" />
        <source>{code}: reading the POs' products, one moment…</source>
        <translation>{code}：正在读取采购单的商品，请稍候…</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="166" />
        <location filename="../../station/ui/scan_handler.py" line="268" />
        <source>Looking up {code}…</source>
        <translation>正在查找 {code}…</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="189" />
        <source>Could not look up {code}: {why}</source>
        <translation>无法查找 {code}：{why}</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="198" />
        <source>Unknown code {code}: no PO, logistics number or product matches. Nothing changed.</source>
        <translation>未知代码 {code}：没有匹配的采购单、物流单号或商品。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="213" />
        <source>{no} is being handled by {bench}; nothing sent from this bench.</source>
        <translation>{no} 正由 {bench} 处理；本工位未发送任何操作。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/scan_handler.py" line="222" />
        <source>Product {code}: in %n PO(s), selected</source>
        <translation>
            <numerusform>商品 {code}：在 %n 个采购单中，已选中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/scan_handler.py" line="234" />
        <source>Scan to print: scan the PO number (this product is in %n PO(s)).</source>
        <translation>
            <numerusform>扫码即打印：请扫描采购单号（该商品在 %n 个采购单中）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="226" />
        <source>{no} selected · {store}</source>
        <translation>已选中 {no} · {store}</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="124" />
        <source>{code}: pickup order, shown in Pickups</source>
        <translation>{code}：揽收单，已在“揽收”中显示</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/scan_handler.py" line="284" />
        <source>Verify: scan the PO number (this code is in %n PO(s)).</source>
        <translation>
            <numerusform>验货：请扫描采购单号（此条码在 %n 个采购单中）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="315" />
        <source>{no}: preparing labels…</source>
        <translation>{no}：正在准备标签…</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="327" />
        <source>{no}: {step}…</source>
        <translation>{no}：{step}…</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="340" />
        <source>{no}: no labels. {why}</source>
        <translation>{no}：没有标签。{why}</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="346" />
        <source>{no}: labels sent to the printer</source>
        <translation>{no}：标签已发送到打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/scan_handler.py" line="348" />
        <source>{no}: labels ready (no printer set for this size)</source>
        <translation>{no}：标签已就绪（此尺寸未设置打印机）</translation>
    </message>
</context>
<context>
    <name>ScannerBox</name>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="18" />
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="22" />
        <location filename="../../station/ui/scanner_settings.py" line="66" />
        <source>Enter</source>
        <translation>回车 (Enter)</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="23" />
        <location filename="../../station/ui/scanner_settings.py" line="68" />
        <source>Tab</source>
        <translation>制表键 (Tab)</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="24" />
        <source>Nothing (a pause ends the code)</source>
        <translation>无（停顿即结束）</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="29" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="32" />
        <source>Click here, then scan a barcode to test the scanner</source>
        <translation>点击此处，然后扫描一个条码来测试扫码枪</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="33" />
        <source>No scan yet.</source>
        <translation>尚未扫描。</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="41" />
        <source>Code ends with</source>
        <translation>条码结束符</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="42" />
        <source>Prefix before each code</source>
        <translation>条码前缀</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="43" />
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="67" />
        <source>keypad Enter</source>
        <translation>小键盘回车</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="69" />
        <source>a pause</source>
        <translation>停顿</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="72" />
        <source>Received: {code}</source>
        <translation>收到：{code}</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="73" />
        <source>{length} characters in {ms} ms ({rate} characters per second), ended by {terminator}</source>
        <translation>{length} 个字符，用时 {ms} 毫秒（每秒 {rate} 个字符），以{terminator}结束</translation>
    </message>
    <message>
        <location filename="../../station/ui/scanner_settings.py" line="81" />
        <source>Symbology identifier {id} taken off</source>
        <translation>已去掉码制标识符 {id}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="46" />
        <source>Automatic (CUPS on Linux/macOS, Qt on Windows)</source>
        <translation>自动（Linux/macOS 用 CUPS，Windows 用 Qt）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="47" />
        <source>CUPS (lp)</source>
        <translation>CUPS（lp 命令）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="48" />
        <source>Qt (render each page)</source>
        <translation>Qt（逐页渲染）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="51" />
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="52" />
        <source>Sounds only</source>
        <translation>仅提示音</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="53" />
        <source>Silent</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="77" />
        <source>Welcome to Station</source>
        <translation>欢迎使用 Station</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="77" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="94" />
        <source>Set up the shop this bench works for. The app secret and the tokens are kept in the computer's password store (keyring), never in a file. No account yet? Try the demo.</source>
        <translation>设置此工作台服务的店铺。App Secret 和令牌保存在电脑的密码库（keyring）中，绝不写入文件。还没有账号？试试演示。</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="113" />
        <source>Shop (secrets go to the keyring)</source>
        <translation>店铺（密钥保存在 keyring 中）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="115" />
        <source>Seller profile</source>
        <translation>卖家配置</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="116" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="117" />
        <source>App key</source>
        <translation>应用标识 (App Key)</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="118" />
        <source>App secret</source>
        <translation>应用密钥 (App Secret)</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="126" />
        <source>Pickup address</source>
        <translation>揽收地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="131" />
        <source>Bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="139" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="145" />
        <source>{name} ({state})</source>
        <translation>{name}（{state}）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="149" />
        <source>{name} (not connected)</source>
        <translation>{name}（未连接）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="155" />
        <location filename="../../station/ui/settings_dialog.py" line="159" />
        <source>Printer for {size}</source>
        <translation>{size} 打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="168" />
        <source>Print through</source>
        <translation>打印方式</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="169" />
        <source>Play a sound on scans and results</source>
        <translation>扫码和结果时播放声音</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="173" />
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="180" />
        <source>What a scan's answer sounds like. Voice: a short tone, then the answer spoken in the window's language (“three more”, “wrong item”). Sounds only: the tone alone. Silent: nothing; the banner still shows the answer. With “Play a sound on scans and results” off, nothing is heard, whatever is chosen here.</source>
        <translation>扫码结果的声音。语音：一声短提示音，然后用窗口的语言播报结果（“还差三件”、“错误商品”）。仅提示音：只有提示音。静音：没有声音，横幅照样显示结果。关闭“扫码和结果时播放声音”时，无论这里选什么都没有声音。</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="190" />
        <source>Spoken prompts</source>
        <translation>语音播报</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="191" />
        <source>Language (after restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="193" />
        <source>blank: this bench only · postgresql://user@host:5432/station</source>
        <translation>留空：仅本工位 · postgresql://user@host:5432/station</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="195" />
        <source>Shared journal (after restart)</source>
        <translation>共享日志（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="196" />
        <source>Journal password</source>
        <translation>日志数据库密码</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="222" />
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="297" />
        <source>Give the seller profile a name.</source>
        <translation>请为卖家配置命名。</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="300" />
        <source>Fill in the app key, the app secret and the access token.</source>
        <translation>请填写 App Key、App Secret 和 Access Token。</translation>
    </message>
    <message>
        <location filename="../../station/ui/settings_dialog.py" line="362" />
        <source>The shared journal must be a postgresql://user@host:port/database address.</source>
        <translation>共享日志必须是 postgresql://user@host:port/database 格式的地址。</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="100" />
        <source>Ship: book the pickup</source>
        <translation>发货：预约揽收</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/ship_dialog.py" line="104" />
        <source>Book the pickup of %n PO(s) ({groups}, one pickup each). POs not packed yet are skipped and reported.</source>
        <translation>
            <numerusform>为 %n 个采购单预约揽收（{groups}，每组一次揽收）。未打包的采购单将被跳过并报告。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/ship_dialog.py" line="107" />
        <source>%n store/warehouse group(s)</source>
        <translation>
            <numerusform>%n 个门店/仓库组</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="112" />
        <source>Save as the default pickup contact</source>
        <translation>保存为默认揽收联系人</translation>
    </message>
    <message>
        <location filename="../../station/ui/ship_dialog.py" line="119" />
        <source>Book pickup</source>
        <translation>预约揽收</translation>
    </message>
</context>
<context>
    <name>ShopAuthBar</name>
    <message>
        <location filename="../../station/ui/shop_life.py" line="51" />
        <source>Connect shop again</source>
        <translation>重新连接店铺</translation>
    </message>
    <message>
        <location filename="../../station/ui/shop_life.py" line="64" />
        <source>The shop's authorisation cannot be renewed: connect the shop again.</source>
        <translation>店铺授权无法续期：请重新连接店铺。</translation>
    </message>
    <message>
        <location filename="../../station/ui/shop_life.py" line="67" />
        <source>The shop's authorisation ends {end}. Connect the shop again before then, or Station stops working.</source>
        <translation>店铺授权将于 {end} 结束。请在此之前重新连接店铺，否则 Station 将无法工作。</translation>
    </message>
</context>
<context>
    <name>ShopConnectSection</name>
    <message>
        <location filename="../../station/ui/shop_settings.py" line="35" />
        <source>Connect shop…</source>
        <translation>连接店铺…</translation>
    </message>
    <message>
        <location filename="../../station/ui/shop_settings.py" line="46" />
        <source>Advanced: paste tokens</source>
        <translation>高级：粘贴令牌</translation>
    </message>
    <message>
        <location filename="../../station/ui/shop_settings.py" line="64" />
        <source>Access token</source>
        <translation>访问令牌 (Access Token)</translation>
    </message>
    <message>
        <location filename="../../station/ui/shop_settings.py" line="65" />
        <source>Refresh token</source>
        <translation>刷新令牌 (Refresh Token)</translation>
    </message>
    <message>
        <location filename="../../station/ui/shop_settings.py" line="74" />
        <source>Not connected yet.</source>
        <translation>尚未连接。</translation>
    </message>
</context>
<context>
    <name>ShortDialog</name>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="60" />
        <source>Finish short</source>
        <translation>短装完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_dialogs.py" line="63" />
        <source>{sku}: %n unit(s) missing</source>
        <translation>
            <numerusform>{sku}：缺 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_dialogs.py" line="67" />
        <source>{no}: %n unit(s) not scanned.</source>
        <translation>
            <numerusform>{no}：%n 件未扫描。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="75" />
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="76" />
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="77" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="82" />
        <source>What happened (needed with Other)</source>
        <translation>发生了什么（选“其他”时必填）</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="84" />
        <source>Recorded as finished short by {name}.</source>
        <translation>记录为 {name} 短装完成。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="91" />
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="38" />
        <source>Operator sign-in</source>
        <translation>操作员登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_dialogs.py" line="47" />
        <source>Your name (or scan your badge):</source>
        <translation>您的姓名（或扫描工牌）：</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../station/ui/stats/view.py" line="69" />
        <location filename="../../station/ui/stats/view.py" line="145" />
        <source>All operators</source>
        <translation>全部操作员</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="77" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="81" />
        <source>Units verified</source>
        <translation>已验件数</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="82" />
        <source>POs completed</source>
        <translation>完成的采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="83" />
        <source>Wrong items caught</source>
        <translation>拦截的错误商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="84" />
        <source>Extra units caught</source>
        <translation>拦截的多余件数</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="85" />
        <source>Finished short</source>
        <translation>短装完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="86" />
        <source>Cancelled POs caught</source>
        <translation>拦截的已取消采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="93" />
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="96" />
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="104" />
        <source>Units verified by hour</source>
        <translation>每小时已验件数</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="129" />
        <source>No journal: nothing to count.</source>
        <translation>没有日志：无可统计。</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="135" />
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="147" />
        <source>(nobody signed in)</source>
        <translation>（未登录）</translation>
    </message>
    <message>
        <location filename="../../station/ui/stats/view.py" line="159" />
        <source>Could not read the figures.</source>
        <translation>无法读取统计数据。</translation>
    </message>
</context>
<context>
    <name>UnprintedBanner</name>
    <message>
        <location filename="../../station/ui/unprinted_banner.py" line="41" />
        <source>Print them</source>
        <translation>打印它们</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/unprinted_banner.py" line="60" />
        <source>Shipped, no labels printed here: %n PO(s)</source>
        <translation>
            <numerusform>已发货、本工位未打印标签：%n 个采购单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/unprinted_banner.py" line="62" />
        <source>No PO shipped today is without labels printed here.</source>
        <translation>今天已发货的采购单在本工位都已打印标签。</translation>
    </message>
</context>
<context>
    <name>VerifyControl</name>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="148" />
        <source>Signed in: {name}</source>
        <translation>已登录：{name}</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="156" />
        <source>Signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="188" />
        <source>{no} is {status}: nothing to verify.</source>
        <translation>{no} 状态为{status}：无需验货。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="196" />
        <source>{no}: not listed; refresh the list (F5).</source>
        <translation>{no}：不在列表中；请刷新列表 (F5)。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="199" />
        <source>{no}: opening its verification…</source>
        <translation>{no}：正在打开验货…</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="236" />
        <location filename="../../station/ui/jit/verify_control.py" line="243" />
        <location filename="../../station/ui/jit/verify_control.py" line="291" />
        <source>{no}: scan its items</source>
        <translation>{no}：请扫描其商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="238" />
        <location filename="../../station/ui/jit/verify_control.py" line="306" />
        <source>{no}: complete</source>
        <translation>{no}：完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="254" />
        <source>{no} is being verified at {bench}; nothing opened here.</source>
        <translation>{no} 正在 {bench} 验货；本工位未打开。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="279" />
        <source>Product {code}: scan the PO first.</source>
        <translation>商品 {code}：请先扫描采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="321" />
        <source>Wrong item {code}: not in this PO</source>
        <translation>错误商品 {code}：不在此采购单中</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="324" />
        <source>Too many: the pack holds {asked}, {sku} needs only {left}</source>
        <translation>数量超出：内包装有 {asked} 件，{sku} 只需 {left} 件</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="327" />
        <source>Too many: {sku} needs no more</source>
        <translation>数量超出：{sku} 已扫齐</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="329" />
        <source>{no} is finished: scan the next PO</source>
        <translation>{no} 已完成：请扫描下一个采购单</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="331" />
        <source>{sku} ✓ · complete</source>
        <translation>{sku} ✓ · 完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="333" />
        <source>Counted {counted} of {asked}: the line needed only {counted}</source>
        <translation>已计 {counted}/{asked}：该行只需 {counted} 件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_control.py" line="336" />
        <source>%n more</source>
        <translation>
            <numerusform>还差 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="338" />
        <source>{sku} ×{counted} ✓ · {more}</source>
        <translation>{sku} ×{counted} ✓ · {more}</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="339" />
        <source>{sku} ✓ · {more}</source>
        <translation>{sku} ✓ · {more}</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="348" />
        <source>Sign in first: a short carton is recorded with the operator's name.</source>
        <translation>请先登录：短装会记录操作员姓名。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_control.py" line="369" />
        <source>{no}: finished short, %n unit(s) missing</source>
        <translation>
            <numerusform>{no}：短装完成，缺 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_control.py" line="398" />
        <source>Inner pack {code}: %n unit(s) a scan</source>
        <translation>
            <numerusform>内包装 {code}：每扫一次计 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_control.py" line="410" />
        <source>{no}: Cancelled — do not pack</source>
        <translation>{no}：已取消 — 请勿打包</translation>
    </message>
</context>
<context>
    <name>VerifyModel</name>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="97" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="96" />
        <source>SKU / barcode</source>
        <translation>SKU / 条码</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="98" />
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="99" />
        <source>Scanned</source>
        <translation>已扫</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="100" />
        <source>To scan</source>
        <translation>待扫</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="190" />
        <location filename="../../station/ui/jit/verify_panel.py" line="265" />
        <source>Verify: scan a PO number or logistics number.</source>
        <translation>验货：请扫描采购单号或物流单号。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="201" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="202" />
        <source>Type a quantity, then scan: that many units are counted.</source>
        <translation>先输入数量再扫码：按该数量计数。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="210" />
        <source>Finish short… (F12)</source>
        <translation>短装完成… (F12)</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="214" />
        <source>Ship when verified</source>
        <translation>验货后发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="272" />
        <source>Inner pack…</source>
        <translation>内包装…</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="273" />
        <source>Set a barcode of a sealed inner pack of this item and its units.</source>
        <translation>设置此商品密封内包装的条码及其件数。</translation>
    </message>
    <message>
        <location filename="../../station/ui/jit/verify_panel.py" line="285" />
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_panel.py" line="287" />
        <source>%n to scan</source>
        <translation>
            <numerusform>待扫 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>action</name>
    <message>
        <location filename="../../station/ui/po_model.py" line="93" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="94" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="95" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="96" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../station/ui/errors.py" line="29" />
        <source>A file or the network could not be used. Check the disk and the connection, then try again.</source>
        <translation>无法使用文件或网络。请检查磁盘和网络连接，然后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/errors.py" line="35" />
        <source>Something unexpected went wrong. Try again; if it persists, send the log to support.</source>
        <translation>发生了意外错误。请重试；如果仍然出现，请把日志发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="33" />
        <source>The Lazada platform refused the request.</source>
        <translation>Lazada 平台拒绝了请求。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="34" />
        <source>The request is not valid.</source>
        <translation>请求无效。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="93" />
        <source>The platform rejected a parameter of the request. Check the dates and numbers, then try again.</source>
        <translation>平台拒绝了请求中的参数。请检查日期和数字，然后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="96" />
        <source>Already packed on the platform. The list will refresh.</source>
        <translation>平台上已打包。列表将自动刷新。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="97" />
        <source>The purchase order is not in a state that allows this step. Refresh the list and try again.</source>
        <translation>采购单当前状态不允许此操作。请刷新列表后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="100" />
        <source>The platform is limiting how often we call it. Waiting a moment, then trying again.</source>
        <translation>平台正在限制调用频率。稍等片刻后自动重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="103" />
        <source>The platform did not accept the shop's credentials. Open Settings and check the app key, secret and access token.</source>
        <translation>平台未接受店铺凭据。请打开“设置”，检查 App Key、App Secret 和 Access Token。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="108" />
        <source>The access token has expired or is no longer valid. Log in again in Settings.</source>
        <translation>访问令牌已过期或失效。请在“设置”中重新登录。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="112" />
        <source>The refresh token was refused; the shop must authorise the app again in Settings.</source>
        <translation>刷新令牌被拒绝；店铺须在“设置”中重新授权应用。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="125" />
        <source>The platform rejected the request signature. Check the app secret in Settings.</source>
        <translation>平台拒绝了请求签名。请在“设置”中检查 App Secret。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="128" />
        <source>The computer's clock is wrong by more than two hours. Correct the date and time, then retry.</source>
        <translation>电脑时钟误差超过两小时。请校正日期和时间后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="131" />
        <source>No answer from the Lazada platform. Check the internet connection; the step will be retried.</source>
        <translation>Lazada 平台无响应。请检查网络连接；此步骤将自动重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="134" />
        <source>The connection dropped while the platform was working on it; checking what happened.</source>
        <translation>平台处理期间连接中断；正在核实结果。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="137" />
        <source>The Lazada platform had a problem on its side. The step will be retried.</source>
        <translation>Lazada 平台出现故障。此步骤将自动重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="140" />
        <source>The platform sent an answer the station cannot read. Try again; if it persists, report it.</source>
        <translation>平台返回了无法识别的应答。请重试；如果仍然出现，请报告。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="111" />
        <source>No access token is set. Log in first.</source>
        <translation>尚未设置访问令牌。请先登录。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="143" />
        <source>The secure connection to the platform could not be verified. Check the computer's date and any proxy or antivirus that intercepts HTTPS.</source>
        <translation>无法验证与平台的安全连接。请检查电脑日期，以及拦截 HTTPS 的代理或杀毒软件。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="51" />
        <source>Product barcodes cannot be printed on A4; choose the 60x30 mm label or the 100x150 mm label.</source>
        <translation>A4 纸不能打印商品条码；请选择 60x30 毫米标签或 100x150 毫米标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="54" />
        <source>Choose the PO sheet, the product barcodes, or both.</source>
        <translation>请选择采购单面单、商品条码或两者。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="38" />
        <source>The end of the date range is before its start; swap the two dates.</source>
        <translation>日期范围的结束早于开始；请交换两个日期。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="35" />
        <source>The date {text!r} is not in the form yyyy-MM-dd HH:mm:ss (for example 2026-11-23 08:00:00).</source>
        <translation>日期 {text!r} 的格式不是 yyyy-MM-dd HH:mm:ss（例如 2026-11-23 08:00:00）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="44" />
        <source>{name} needs at least one value.</source>
        <translation>{name} 至少需要一个值。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="45" />
        <source>{name} holds {count} values; the platform takes at most {maximum}.</source>
        <translation>{name} 有 {count} 个值；平台最多接受 {maximum} 个。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="48" />
        <source>{name} holds an empty value.</source>
        <translation>{name} 含有空值。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="49" />
        <source>Page numbers start at 1.</source>
        <translation>页码从 1 开始。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="50" />
        <source>The page size must be between 1 and {maximum}, not {size}.</source>
        <translation>每页数量必须在 1 到 {maximum} 之间，而不是 {size}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="55" />
        <source>The pickup address needs its division id (a positive number).</source>
        <translation>揽收地址需要行政区划 ID（正整数）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="56" />
        <source>A pickup in China needs a pickup date (yyyy-MM-dd).</source>
        <translation>中国境内揽收需要揽收日期（yyyy-MM-dd）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="57" />
        <source>No pickup contact is set; fill it in Settings or in the Ship dialog.</source>
        <translation>尚未设置揽收联系人；请在“设置”或发货对话框中填写。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="60" />
        <source>No pickup contact is set; fill it in Settings.</source>
        <translation>尚未设置揽收联系人；请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="68" />
        <source>The platform offers no shipment provider for these orders.</source>
        <translation>平台没有为这些订单提供物流商。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="74" />
        <source>The number of cartons must be between 1 and {maximum}, not {boxes}.</source>
        <translation>箱数必须在 1 到 {maximum} 之间，而不是 {boxes}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="75" />
        <source>No pickup order number was given.</source>
        <translation>未提供揽收单号。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="76" />
        <source>The platform does not know pickup order {no}. Check the number on the label.</source>
        <translation>平台上没有揽收单 {no}。请核对标签上的单号。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="79" />
        <source>The callback address {uri} cannot be used: it must be the app's http(s) callback (to catch the code here, http://127.0.0.1:&lt;port&gt;/...).</source>
        <translation>回调地址 {uri} 无法使用：必须是应用的 http(s) 回调地址（如需在本机接收授权码，请用 http://127.0.0.1:&lt;端口&gt;/...）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="84" />
        <source>No authorisation code was found. Paste the whole address the browser landed on after Authorise (it holds ?code=...).</source>
        <translation>未找到授权码。请粘贴点击“授权”后浏览器打开的完整地址（其中含有 ?code=...）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="89" />
        <source>The authorisation was not given on the platform's page ({error}). Connect the shop again and press Authorise.</source>
        <translation>未在平台页面上完成授权（{error}）。请重新连接店铺并点击“授权”。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="115" />
        <source>The shop authorised the station without Choice, so its JIT purchase orders cannot be read. Connect the shop again and pick the option that ends in "- Choice" on the platform's page.</source>
        <translation>店铺授权时未选择 Choice，无法读取 JIT 采购单。请重新连接店铺，并在平台页面上选择以“- Choice”结尾的选项。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="120" />
        <source>The authorisation code was refused: it is used already, has expired (codes last 30 minutes) or belongs to another app. Connect the shop again.</source>
        <translation>授权码被拒绝：已使用、已过期（有效期 30 分钟）或属于其他应用。请重新连接店铺。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="148" />
        <source>Not packed yet (To Pack): pack it first.</source>
        <translation>尚未打包（待打包）：请先打包。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="149" />
        <source>The platform no longer lists this PO. Check it in Seller Center.</source>
        <translation>平台已不再列出此采购单。请在卖家中心核实。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="151" />
        <source>No answer from the platform after several tries; pack it again later.</source>
        <translation>多次尝试后平台仍无响应；请稍后重新打包。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="159" />
        <source>The platform's answers to the pack could not be read and the PO still reads To Pack {seconds} s later: pack it again.</source>
        <translation>无法读取平台对打包的回复，且 {seconds} 秒后该采购单仍为“待打包”：请重新打包。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="164" />
        <source>The label file could not be read. Print these POs again.</source>
        <translation>无法读取标签文件。请重新打印这些采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="165" />
        <source>The labels could not be saved as one file. Check the free disk space, then print these POs again.</source>
        <translation>无法将标签保存为一个文件。请检查磁盘剩余空间，然后重新打印这些采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="168" />
        <source>The labels could not be merged into one file. Print these POs again.</source>
        <translation>标签未能合并为一个文件。请重新打印这些采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="171" />
        <source>The labels could not be written to {output} ({why}). They are kept: free some space or choose another file, then run the batch again.</source>
        <translation>标签未能写入 {output}（{why}）。标签已保留：请释放一些空间或选择其他文件，然后重新运行批量任务。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="177" />
        <source>The pickup could not be booked after several tries.</source>
        <translation>多次尝试后仍无法预约揽收。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="178" />
        <source>The platform does not take pickups on {date}; it allows {allowed}. Ship again with one of these dates.</source>
        <translation>平台不接受 {date} 的揽收；可选日期为 {allowed}。请选择其中一个日期重新发货。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="182" />
        <source>The platform needs a pickup date for this PO; it allows {allowed}. Ship again with one of these dates.</source>
        <translation>平台要求为该采购单指定揽收日期；可选日期为 {allowed}。请选择其中一个日期重新发货。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="186" />
        <source>{no} was cancelled ({status}) — do not pack it. Put its items back.</source>
        <translation>{no} 已取消（{status}）——请勿打包。请把商品放回原处。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="193" />
        <source>Another bench was claiming it at the same moment; not sent.</source>
        <translation>另一个工位同时在认领它；未发送。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="200" />
        <source>The shared journal is unreachable; the batch stopped and will resume when it is back.</source>
        <translation>无法连接共享日志；批量任务已停止，恢复连接后将继续。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="203" />
        <source>Another bench took over POs this bench was working on (its claim had expired); the batch stopped without sending anything more for them.</source>
        <translation>另一工位接管了本工位正在处理的采购单（本工位的占用已过期）；批量任务已停止，不再为这些采购单发送任何操作。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="209" />
        <source>Another Station on this PC is running this batch; wait for it to finish or close it, then start again.</source>
        <translation>本机上另一个 Station 正在运行此批量任务；请等它完成或将其关闭，然后重新开始。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="219" />
        <source>{no} is being verified at bench {bench}; scan another PO.</source>
        <translation>{no} 正在工位 {bench} 验货；请扫描其他采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="220" />
        <source>The labels could not be sent to the printer.</source>
        <translation>标签未能发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="221" />
        <source>The labels could not be sent to the printer. Check that it is on and connected.</source>
        <translation>标签未能发送到打印机。请检查打印机是否开机并已连接。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="224" />
        <source>The labels could not be sent to the printer {printer!r}: {why}</source>
        <translation>标签未能发送到打印机 {printer!r}：{why}</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="225" />
        <source>No printer is set for this paper size, or it is not connected. Choose one in Settings.</source>
        <translation>此纸张尺寸未设置打印机，或打印机未连接。请在“设置”中选择。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="228" />
        <source>No printer is set for this paper size. Choose one in Settings. Nothing was printed.</source>
        <translation>此纸张尺寸未设置打印机。请在“设置”中选择。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="234" />
        <source>The printing system (CUPS) is not running or not installed. Restart the computer or call support.</source>
        <translation>打印系统 (CUPS) 未运行或未安装。请重启电脑或联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="237" />
        <source>The label file has no pages. Nothing was printed.</source>
        <translation>标签文件没有页面。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="238" />
        <source>The label file is missing. Nothing was printed.</source>
        <translation>标签文件不存在。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="239" />
        <source>The label file could not be opened. Nothing was printed.</source>
        <translation>无法打开标签文件。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="243" />
        <source>The label file mixes paper sizes; it must be split into one job per size. Nothing was printed.</source>
        <translation>标签文件混合了多种纸张尺寸；须按尺寸拆分为多个任务。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="246" />
        <source>The label file is not the paper size chosen for this printer. Nothing was printed.</source>
        <translation>标签文件的纸张尺寸与此打印机所选尺寸不符。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="249" />
        <source>The label file is not the paper size set for this printer. Nothing was printed.</source>
        <translation>标签文件的纸张尺寸与此打印机设置的尺寸不符。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="252" />
        <source>The printer does not accept this label size. Check its paper settings. Nothing was printed.</source>
        <translation>打印机不接受此标签尺寸。请检查其纸张设置。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="255" />
        <source>The printer could not be opened. Check that it is on and connected, then print again.</source>
        <translation>无法打开打印机。请检查打印机是否开机并已连接，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="240" />
        <source>The label file of this job is gone from the disk; print the POs again. Nothing was printed.</source>
        <translation>此任务的标签文件已从磁盘删除；请重新打印这些采购单。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="192" />
        <source>Being done by bench {bench}; not sent here.</source>
        <translation>工位 {bench} 正在处理；本工位不发送。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="258" />
        <source>The printer {printer!r} is not set up on this computer. Choose another printer in the settings, or ask support to add it. Nothing was printed.</source>
        <translation>此电脑上没有打印机 {printer!r}。请在设置中选择其他打印机，或请技术支持添加。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="264" />
        <source>The printer {printer!r} is paused. Fix the printer (paper, labels, lid), resume it in the printer settings, then print again. Nothing was printed.</source>
        <translation>打印机 {printer!r} 已暂停。请处理打印机（纸张、标签、盖子），在打印机设置中恢复，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="270" />
        <source>The printer {printer!r} is paused. The printer says: {reason}. Fix the printer (paper, labels, lid), resume it in the printer settings, then print again. Nothing was printed.</source>
        <translation>打印机 {printer!r} 已暂停。打印机提示：{reason}。请处理打印机（纸张、标签、盖子），在打印机设置中恢复，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="277" />
        <source>The printer {printer!r} is not accepting jobs. Ask support to let it accept jobs again, then print again. Nothing was printed.</source>
        <translation>打印机 {printer!r} 不接受任务。请技术支持恢复接受任务，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="283" />
        <source>The printer {printer!r} is not accepting jobs. The printer says: {reason}. Ask support to let it accept jobs again, then print again. Nothing was printed.</source>
        <translation>打印机 {printer!r} 不接受任务。打印机提示：{reason}。请技术支持恢复接受任务，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="289" />
        <source>The printer {printer!r} is offline or paused. Fix the printer (paper, labels, lid, cable), resume it in the printer settings, then print again. Nothing was printed.</source>
        <translation>打印机 {printer!r} 离线或已暂停。请处理打印机（纸张、标签、盖子、线缆），在打印机设置中恢复，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="295" />
        <source>Waiting at the printer {printer!r}: out of paper or labels. Load them; the job prints by itself then.</source>
        <translation>等待打印机 {printer!r}：缺纸或缺标签。装入后任务会自动打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="299" />
        <source>Waiting at the printer {printer!r}: paper jam. Clear it; the job prints by itself then.</source>
        <translation>等待打印机 {printer!r}：卡纸。清除后任务会自动打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="303" />
        <source>Waiting at the printer {printer!r}: a door or cover is open. Close it; the job prints by itself then.</source>
        <translation>等待打印机 {printer!r}：舱门或盖子未关。关上后任务会自动打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="307" />
        <source>Waiting at the printer {printer!r}: it is offline or cannot be reached. Check its power and cable; the job prints by itself then.</source>
        <translation>等待打印机 {printer!r}：打印机离线或无法连接。请检查电源和线缆，恢复后任务会自动打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="312" />
        <source>Waiting at the printer {printer!r}: its queue is paused. Resume it in the printing system; the job prints then.</source>
        <translation>等待打印机 {printer!r}：打印队列已暂停。在打印系统中恢复后任务即会打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="317" />
        <source>Waiting at the printer {printer!r}: its queue stopped ({reason}). Fix the printer, then resume the queue; the job prints then.</source>
        <translation>等待打印机 {printer!r}：打印队列已停止（{reason}）。修好打印机并恢复队列后任务即会打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="322" />
        <source>The printer {printer!r} gave up on the job ({reason}); some labels may be missing. Fix the printer, then retry the job.</source>
        <translation>打印机 {printer!r} 放弃了该任务（{reason}）；可能缺少部分标签。修好打印机后请重试该任务。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="327" />
        <source>The job was cancelled at the printer {printer!r}. Retry it if the labels are still needed.</source>
        <translation>该任务已在打印机 {printer!r} 上被取消。如仍需要标签，请重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="331" />
        <source>The printer {printer!r} refused the job. Check the printer and print again.</source>
        <translation>打印机 {printer!r} 拒绝了任务。请检查打印机后重新打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="334" />
        <source>The label printer {printer!r} does not answer: it is off, unplugged or offline. Switch it on and check its cable or network, then print again. Nothing was printed.</source>
        <translation>标签打印机 {printer!r} 没有响应：已关机、未连接或离线。请打开打印机并检查线缆或网络，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="339" />
        <source>The label printer {printer!r} is out of labels. Load a new roll, then print again. Nothing was printed.</source>
        <translation>标签打印机 {printer!r} 缺标签纸。请装入新的标签卷，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="343" />
        <source>The label printer {printer!r} is paused. Press its pause or feed button to resume it, then print again. Nothing was printed.</source>
        <translation>标签打印机 {printer!r} 已暂停。请按打印机的暂停或走纸键恢复，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="348" />
        <source>The label printer {printer!r} has its print head open. Close the head, then print again. Nothing was printed.</source>
        <translation>标签打印机 {printer!r} 的打印头已打开。请合上打印头，然后重新打印。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="352" />
        <source>The label printer {printer!r} did not answer the status query. Check that it is set to {language} and that port {port} is its raw port. Nothing was printed.</source>
        <translation>标签打印机 {printer!r} 没有回应状态查询。请检查它是否设置为 {language}，以及端口 {port} 是否为其原始数据端口。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="357" />
        <source>The connection to the label printer {printer!r} broke while sending the labels; some may have printed. Check what came out before printing again.</source>
        <translation>发送标签时与标签打印机 {printer!r} 的连接中断；可能已打印了一部分。请先检查已打印的标签，再重新打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="362" />
        <source>The labels reached the label printer {printer!r}, but it ran out of labels before printing them all. Load a new roll and the rest print.</source>
        <translation>标签已送达标签打印机 {printer!r}，但打印机在全部打印完之前缺标签纸。装入新的标签卷后，其余标签即会打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="367" />
        <source>The labels reached the label printer {printer!r}, but it was paused before printing them all. Press its pause or feed button and the rest print.</source>
        <translation>标签已送达标签打印机 {printer!r}，但打印机在全部打印完之前已暂停。按暂停或走纸键后，其余标签即会打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="372" />
        <source>The labels reached the label printer {printer!r}, but its print head was opened before printing them all. Close the head and the rest print.</source>
        <translation>标签已送达标签打印机 {printer!r}，但打印头在全部打印完之前被打开。合上打印头后，其余标签即会打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="377" />
        <source>Waiting at the label printer {printer!r}: it is paused. Press its pause or feed button; the labels print then.</source>
        <translation>等待标签打印机 {printer!r}：打印机已暂停。按下其暂停键或走纸键后标签即会打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="382" />
        <source>The labels were sent to the label printer {printer!r}, but it did not confirm printing them within {seconds} s. Check what came out before printing them again.</source>
        <translation>标签已发送到标签打印机 {printer!r}，但打印机在 {seconds} 秒内未确认已打印。请先检查已打印的标签，再决定是否重新打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="387" />
        <source>A label file from the platform could not be used. Print it again; if it fails again, report it.</source>
        <translation>平台提供的标签文件无法使用。请重新打印；如果再次失败，请报告。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="390" />
        <source>The label file link had expired; asking the platform for a new one.</source>
        <translation>标签文件链接已过期；正在向平台申请新链接。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="393" />
        <source>The carton labels of pickup order {pickup} were already printed ({boxes} cartons); choose Reprint to print them again.</source>
        <translation>揽收单 {pickup} 的箱标已打印过（{boxes} 箱）；如需再次打印，请选择“重新打印”。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="399" />
        <source>No printer is set for carton labels on the {size}. Choose one in Settings. Nothing was printed.</source>
        <translation>未设置{size}箱标打印机。请在“设置”中选择。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="402" />
        <source>The platform sent {pages} carton labels for pickup order {pickup}, not the {boxes} asked for. Nothing was printed.</source>
        <translation>平台为揽收单 {pickup} 发送了 {pages} 张箱标，而不是所需的 {boxes} 张。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="407" />
        <source>The carton labels of pickup order {pickup} were not printed: {why}</source>
        <translation>揽收单 {pickup} 的箱标未打印：{why}</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="410" />
        <source>The platform sent a label file that is not a readable PDF ({reason}); nothing was printed for these POs. Try again later.</source>
        <translation>平台发送的标签文件不是可读的 PDF（{reason}）；这些采购单未打印任何内容。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="415" />
        <source>The label file link pointed to {where}, which the station does not download from ({reason}); nothing was printed for these POs. Report it if it happens again.</source>
        <translation>标签文件链接指向 {where}，Station 不从该处下载（{reason}）；这些采购单未打印任何内容。如再次发生，请报告。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="421" />
        <source>The label file could not be saved in {folder}: {cause}. Free some space, then print these POs again.</source>
        <translation>标签文件未能保存到 {folder}：{cause}。请释放一些空间，然后重新打印这些采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="424" />
        <source>The QianYi ERP refused the request.</source>
        <translation>千易 ERP 拒绝了请求。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="425" />
        <source>QianYi did not accept the app ID, secret or signature. Check them in the ERP settings (QianYi ERP › Settings › Third-party applications).</source>
        <translation>千易未接受应用 ID、密钥或签名。请在 ERP 设置中检查（千易 ERP › 设置 › 第三方应用）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="431" />
        <source>QianYi refused the request time. Correct the computer's date and time, then retry.</source>
        <translation>千易拒绝了请求时间。请校正电脑的日期和时间，然后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="434" />
        <source>QianYi rejected the purchase-order data. Check the fields shown in the details.</source>
        <translation>千易拒绝了采购单数据。请检查详情中列出的字段。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="437" />
        <source>QianYi does not know this purchase order. Refresh the list.</source>
        <translation>千易中没有此采购单。请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="438" />
        <source>QianYi is limiting how often we call it. Wait a moment, then try again.</source>
        <translation>千易正在限制调用频率。请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="441" />
        <source>The QianYi ERP had a problem on its side. Try again in a moment.</source>
        <translation>千易 ERP 出现故障。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="442" />
        <source>No answer from the QianYi ERP. Check the internet connection and the ERP address.</source>
        <translation>千易 ERP 无响应。请检查网络连接和 ERP 地址。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="445" />
        <source>The QianYi ERP sent an answer the station cannot read. Try again; if it persists, report it.</source>
        <translation>千易 ERP 返回了无法识别的应答。请重试；如果仍然出现，请报告。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="448" />
        <source>Choose at least one JIT purchase order to replenish.</source>
        <translation>请至少选择一个要补货的 JIT 采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="449" />
        <source>The chosen POs need no units.</source>
        <translation>所选采购单无需补货。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="450" />
        <source>No JIT connection to read the POs' items from.</source>
        <translation>没有可读取采购单商品的 JIT 连接。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="452" />
        <source>Shoplazza refused the request.</source>
        <translation>Shoplazza 拒绝了请求。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="453" />
        <source>Shoplazza did not accept the request: a filter has the wrong format (dates like 2024-06-26T11:52:00Z, whole numbers for page, limit and ids). Check the filters.</source>
        <translation>Shoplazza 未接受请求：筛选条件格式错误（日期如 2024-06-26T11:52:00Z，页码、数量和 ID 须为整数）。请检查筛选条件。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="459" />
        <source>Shoplazza did not accept the access token. Check the store domain and the access token in the ERP settings (the app needs the read_inventory scope).</source>
        <translation>Shoplazza 未接受访问令牌。请在 ERP 设置中检查店铺域名和访问令牌（应用需要 read_inventory 权限）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="465" />
        <source>The Shoplazza app may not read procurements. Grant it the read_inventory scope.</source>
        <translation>Shoplazza 应用无权读取采购单。请授予 read_inventory 权限。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="468" />
        <source>Shoplazza does not know this store or procurement. Check the store domain and refresh.</source>
        <translation>Shoplazza 中没有此店铺或采购单。请检查店铺域名并刷新。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="471" />
        <source>Shoplazza is limiting how often we call it. Wait a moment, then try again.</source>
        <translation>Shoplazza 正在限制调用频率。请稍等后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="474" />
        <source>Shoplazza had a problem on its side. Try again in a moment.</source>
        <translation>Shoplazza 出现故障。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="475" />
        <source>No answer from Shoplazza. Check the internet connection and the store domain.</source>
        <translation>Shoplazza 无响应。请检查网络连接和店铺域名。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="478" />
        <source>Shoplazza sent an answer the station cannot read. Try again; if it persists, report it.</source>
        <translation>Shoplazza 返回了无法识别的应答。请重试；如果仍然出现，请报告。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="481" />
        <source>The Shoplazza store domain is missing.</source>
        <translation>缺少 Shoplazza 店铺域名。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="231" />
        <source>No printer is set for {size}. Choose one in Settings, then retry. Nothing was printed.</source>
        <translation>{size}未设置打印机。请在“设置”中选择后重试。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="150" />
        <source>The PO was cancelled ({status}); do not send it.</source>
        <translation>采购单已取消（{status}）；请勿发送。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="154" />
        <source>Still To Pack {seconds} s after packing; the platform may be stuck on it. Try again later or report the PO to Lazada.</source>
        <translation>打包 {seconds} 秒后仍为待打包；平台可能卡住了。请稍后重试，或向 Lazada 报告此采购单。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="189" />
        <source>Held by bench {bench}; not sent.</source>
        <translation>工位 {bench} 正在处理；未发送。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="190" />
        <source>Held by another Station on this PC (pid {pid}); not sent.</source>
        <translation>本机上另一个 Station（进程 {pid}）正在处理；未发送。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="213" />
        <source>Another Station on this PC is running this batch (pid {pid}); wait for it to finish or close it, then start again.</source>
        <translation>本机上另一个 Station（进程 {pid}）正在运行此批量任务；请等它完成或将其关闭，然后重新开始。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="191" />
        <source>Already done by bench {bench}; not sent again.</source>
        <translation>工位 {bench} 已完成；不再重复发送。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="73" />
        <source>The platform does not list the PO {no}.</source>
        <translation>平台没有列出采购单 {no}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="69" />
        <source>The pickup area code {code} is not one of CN, VN, TH, PH, ID, MY.</source>
        <translation>揽收地区代码 {code} 不是 CN、VN、TH、PH、ID、MY 之一。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="61" />
        <source>The pickup contact address is empty; fill it in Settings.</source>
        <translation>揽收联系人地址为空；请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="64" />
        <source>The pickup contact phone is empty; fill it in Settings.</source>
        <translation>揽收联系人电话为空；请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="67" />
        <source>The pickup contact name is empty; fill it in Settings.</source>
        <translation>揽收联系人姓名为空；请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="72" />
        <source>The pickup date {date} is not in the form yyyy-MM-dd.</source>
        <translation>揽收日期 {date} 不是 yyyy-MM-dd 格式。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="41" />
        <source>The date range is {days} days long; the platform allows at most 90 days.</source>
        <translation>日期范围为 {days} 天；平台最多允许 90 天。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="451" />
        <source>No items found for JIT PO {pos}.</source>
        <translation>未找到 JIT 采购单 {pos} 的商品。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="482" />
        <source>Shoplazza has no procurement order {id}.</source>
        <translation>Shoplazza 中没有采购单 {id}。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="483" />
        <source>Nothing has been received on procurement {id} yet; there are no labels to print.</source>
        <translation>采购单 {id} 尚未收货；没有可打印的标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="488" />
        <source>No secure password store is available (keyring backend: {backend}). On Windows and macOS the system store is used automatically; on Linux install and unlock a Secret Service provider (GNOME Keyring or KWallet), then start the station again. The station never keeps the app secret or tokens in a plain file.</source>
        <translation>没有可用的安全密码库（keyring 后端：{backend}）。Windows 和 macOS 会自动使用系统密码库；Linux 上请安装并解锁 Secret Service 提供程序（GNOME Keyring 或 KWallet），然后重新启动 Station。Station 绝不会把 App Secret 或令牌保存在普通文件中。</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="486" />
        <source>package {package}, {tracking}</source>
        <translation>包裹 {package}，{tracking}</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="487" />
        <source>code {code}</source>
        <translation>错误码 {code}</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="194" />
        <source>Resuming the batch started {when} ({count} POs: {packed} packed, {shipped} shipped, {printed} printed); checking their status on the platform first.</source>
        <translation>继续 {when} 开始的批量任务（{count} 个采购单：{packed} 个已打包，{shipped} 个已发货，{printed} 个已打印）；先在平台上核实状态。</translation>
    </message>
    <message>
        <location filename="../../station/ui/excepthook.py" line="48" />
        <source>Something went wrong: {what} The details are in the log.</source>
        <translation>出错了：{what} 详细信息在日志中。</translation>
    </message>
</context>
<context>
    <name>job</name>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="40" />
        <source>Pack</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="41" />
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="42" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="43" />
        <source>Pack, ship and print</source>
        <translation>打包、发货并打印</translation>
    </message>
</context>
<context>
    <name>pickup status</name>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="17" />
        <source>Unknown status</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="18" />
        <source>Waiting for pickup</source>
        <translation>等待揽收</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="19" />
        <source>Vehicle dispatched</source>
        <translation>已派车</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="20" />
        <source>Picked up</source>
        <translation>已揽收</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="21" />
        <source>Delivered to the warehouse</source>
        <translation>已送达仓库</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="22" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="23" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="24" />
        <source>Pickup failed</source>
        <translation>揽收失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/pickups/model.py" line="25" />
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location filename="../../station/ui/print_panel.py" line="58" />
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="59" />
        <source>at the printer</source>
        <translation>在打印机上</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="60" />
        <source>WAITING</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="61" />
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="62" />
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="63" />
        <source>to retry</source>
        <translation>待重试</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="75" />
        <source>(no printer)</source>
        <translation>（无打印机）</translation>
    </message>
    <message>
        <location filename="../../station/ui/print_panel.py" line="76" />
        <source>#{id}  {time}  {size}  {pages} pages  {first}{more}  → {printer}  {status}</source>
        <translation>#{id}  {time}  {size}  {pages} 页  {first}{more}  → {printer}  {status}</translation>
    </message>
</context>
<context>
    <name>size</name>
    <message>
        <location filename="../../station/ui/operator_text.py" line="500" />
        <source>A4</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="501" />
        <source>60x30 mm label</source>
        <translation>60x30 毫米标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="502" />
        <source>100x150 mm label</source>
        <translation>100x150 毫米标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/operator_text.py" line="503" />
        <source>100x100 mm label</source>
        <translation>100x100 毫米标签</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../station/ui/po_model.py" line="67" />
        <source>To Pack</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="68" />
        <source>Ready To Ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="69" />
        <source>To Put Away</source>
        <translation>待上架</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="70" />
        <source>Arrived at Warehouse</source>
        <translation>已到仓</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="71" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="72" />
        <source>Cancelled (timeout)</source>
        <translation>已取消（超时）</translation>
    </message>
    <message>
        <location filename="../../station/ui/po_model.py" line="73" />
        <source>Cancelled (buyer)</source>
        <translation>已取消（买家）</translation>
    </message>
</context>
<context>
    <name>step</name>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="29" />
        <source>Listing</source>
        <translation>列出</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="30" />
        <source>Packing</source>
        <translation>打包中</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="31" />
        <source>Waiting until ready</source>
        <translation>等待就绪</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="32" />
        <source>Booking pickup</source>
        <translation>预约揽收中</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="33" />
        <source>Fetching labels</source>
        <translation>获取标签中</translation>
    </message>
    <message>
        <location filename="../../station/ui/batch_panel.py" line="34" />
        <source>Merging labels</source>
        <translation>合并标签中</translation>
    </message>
</context>
</TS>