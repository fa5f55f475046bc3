<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BatchControl</name>
    <message numerus="yes">
        <location filename="../../station/ui/jit/batch_control.py" line="99" />
        <source>%n page(s) sent to the printer</source>
        <translation>
            <numerusform>%n page sent to the printer</numerusform><numerusform>%n pages sent to the printer</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/batch_control.py" line="349" />
        <source>The platform refused the pickup date of %n PO(s); choose one of the dates it allows.</source>
        <translation>
            <numerusform>The platform refused the pickup date of %n PO; choose one of the dates it allows.</numerusform><numerusform>The platform refused the pickup date of %n POs; choose one of the dates it allows.</numerusform></translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message numerus="yes">
        <location filename="../../station/ui/batch_panel.py" line="133" />
        <source>{job}: %n PO(s)</source>
        <translation>
            <numerusform>{job}: %n PO</numerusform><numerusform>{job}: %n POs</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/batch_panel.py" line="181" />
        <source>Labels: %n page(s), in the Print tab.</source>
        <translation>
            <numerusform>Labels: %n page, in the Print tab.</numerusform><numerusform>Labels: %n pages, in the Print tab.</numerusform></translation>
    </message>
</context>
<context>
    <name>CartonDialog</name>
    <message numerus="yes">
        <location filename="../../station/ui/pickups/carton_dialog.py" line="137" />
        <source>%n carton label(s) of {no} sent to {printer}.</source>
        <translation>
            <numerusform>%n carton label of {no} sent to {printer}.</numerusform><numerusform>%n carton labels of {no} sent to {printer}.</numerusform></translation>
    </message>
</context>
<context>
    <name>ErpView</name>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="334" />
        <source>%n QianYi purchase order(s)</source>
        <translation>
            <numerusform>%n QianYi purchase order</numerusform><numerusform>%n QianYi purchase orders</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="344" />
        <source>Reading the items of %n JIT PO(s)…</source>
        <translation>
            <numerusform>Reading the items of %n JIT PO…</numerusform><numerusform>Reading the items of %n JIT POs…</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="382" />
        <source>%n Shoplazza procurement order(s)</source>
        <translation>
            <numerusform>%n Shoplazza procurement order</numerusform><numerusform>%n Shoplazza procurement orders</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="413" />
        <source>%n label(s) sent to the printer for {size} ({file}).</source>
        <translation>
            <numerusform>%n label sent to the printer for {size} ({file}).</numerusform><numerusform>%n labels sent to the printer for {size} ({file}).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="418" />
        <source>%n label(s) saved to {file}.</source>
        <translation>
            <numerusform>%n label saved to {file}.</numerusform><numerusform>%n labels saved to {file}.</numerusform></translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message numerus="yes">
        <location filename="../../station/ui/items_panel.py" line="88" />
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform><numerusform>%n SKUs</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/items_panel.py" line="89" />
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform><numerusform>%n units</numerusform></translation>
    </message>
</context>
<context>
    <name>LabelViewer</name>
    <message numerus="yes">
        <location filename="../../station/ui/label_viewer.py" line="86" />
        <source>%n label(s) printed by the virtual label printer at {address}. Newest first.</source>
        <translation>
            <numerusform>%n label printed by the virtual label printer at {address}. Newest first.</numerusform><numerusform>%n labels printed by the virtual label printer at {address}. Newest first.</numerusform></translation>
    </message>
</context>
<context>
    <name>LabelViewerButton</name>
    <message numerus="yes">
        <location filename="../../station/ui/label_viewer.py" line="129" />
        <source>Label printer (demo): %n label(s) printed</source>
        <translation>
            <numerusform>Label printer (demo): %n label printed</numerusform><numerusform>Label printer (demo): %n labels printed</numerusform></translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message numerus="yes">
        <location filename="../../station/ui/orders_view.py" line="326" />
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform><numerusform>%n orders</numerusform></translation>
    </message>
</context>
<context>
    <name>PickupDateDialog</name>
    <message numerus="yes">
        <location filename="../../station/ui/pickup_date_dialog.py" line="32" />
        <source>The platform does not take pickups on {date} for %n PO(s). Choose one of the dates it allows and ship them again.</source>
        <translation>
            <numerusform>The platform does not take pickups on {date} for %n PO. Choose one of the dates it allows and ship them again.</numerusform><numerusform>The platform does not take pickups on {date} for %n POs. Choose one of the dates it allows and ship them again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/pickup_date_dialog.py" line="39" />
        <source>The platform needs a pickup date for %n PO(s). Choose one of the dates it allows and ship them again.</source>
        <translation>
            <numerusform>The platform needs a pickup date for %n PO. Choose one of the dates it allows and ship them again.</numerusform><numerusform>The platform needs a pickup date for %n POs. Choose one of the dates it allows and ship them again.</numerusform></translation>
    </message>
</context>
<context>
    <name>PickupsView</name>
    <message numerus="yes">
        <location filename="../../station/ui/pickups/view.py" line="173" />
        <source>%n pickup order(s) today</source>
        <translation>
            <numerusform>%n pickup order today</numerusform><numerusform>%n pickup orders today</numerusform></translation>
    </message>
</context>
<context>
    <name>PoList</name>
    <message numerus="yes">
        <location filename="../../station/ui/jit/po_list.py" line="104" />
        <source>%n PO(s) listed at {time}; statuses refresh by themselves.</source>
        <translation>
            <numerusform>%n PO listed at {time}; statuses refresh by themselves.</numerusform><numerusform>%n POs listed at {time}; statuses refresh by themselves.</numerusform></translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message numerus="yes">
        <location filename="../../station/ui/print_panel.py" line="363" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/print_panel.py" line="363" />
        <source>%n PO(s)</source>
        <translation>
            <numerusform>%n PO</numerusform><numerusform>%n POs</numerusform></translation>
    </message>
</context>
<context>
    <name>ReplenishDialog</name>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="161" />
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform><numerusform>%n SKUs</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/erp_view.py" line="161" />
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform><numerusform>%n units</numerusform></translation>
    </message>
</context>
<context>
    <name>ScanHandler</name>
    <message numerus="yes">
        <location filename="../../station/ui/scan_handler.py" line="222" />
        <source>Product {code}: in %n PO(s), selected</source>
        <translation>
            <numerusform>Product {code}: in %n PO, selected</numerusform><numerusform>Product {code}: in %n POs, selected</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/scan_handler.py" line="234" />
        <source>Scan to print: scan the PO number (this product is in %n PO(s)).</source>
        <translation>
            <numerusform>Scan to print: scan the PO number (this product is in %n PO).</numerusform><numerusform>Scan to print: scan the PO number (this product is in %n POs).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/scan_handler.py" line="284" />
        <source>Verify: scan the PO number (this code is in %n PO(s)).</source>
        <translation>
            <numerusform>Verify: scan the PO number (this code is in %n PO).</numerusform><numerusform>Verify: scan the PO number (this code is in %n POs).</numerusform></translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message numerus="yes">
        <location filename="../../station/ui/ship_dialog.py" line="104" />
        <source>Book the pickup of %n PO(s) ({groups}, one pickup each). POs not packed yet are skipped and reported.</source>
        <translation>
            <numerusform>Book the pickup of %n PO ({groups}, one pickup each). POs not packed yet are skipped and reported.</numerusform><numerusform>Book the pickup of %n POs ({groups}, one pickup each). POs not packed yet are skipped and reported.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/ship_dialog.py" line="107" />
        <source>%n store/warehouse group(s)</source>
        <translation>
            <numerusform>%n store/warehouse group</numerusform><numerusform>%n store/warehouse groups</numerusform></translation>
    </message>
</context>
<context>
    <name>ShortDialog</name>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_dialogs.py" line="63" />
        <source>{sku}: %n unit(s) missing</source>
        <translation>
            <numerusform>{sku}: %n unit missing</numerusform><numerusform>{sku}: %n units missing</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_dialogs.py" line="67" />
        <source>{no}: %n unit(s) not scanned.</source>
        <translation>
            <numerusform>{no}: %n unit not scanned.</numerusform><numerusform>{no}: %n units not scanned.</numerusform></translation>
    </message>
</context>
<context>
    <name>UnprintedBanner</name>
    <message numerus="yes">
        <location filename="../../station/ui/unprinted_banner.py" line="60" />
        <source>Shipped, no labels printed here: %n PO(s)</source>
        <translation>
            <numerusform>Shipped, no labels printed here: %n PO</numerusform><numerusform>Shipped, no labels printed here: %n POs</numerusform></translation>
    </message>
</context>
<context>
    <name>VerifyControl</name>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_control.py" line="336" />
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform><numerusform>%n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_control.py" line="369" />
        <source>{no}: finished short, %n unit(s) missing</source>
        <translation>
            <numerusform>{no}: finished short, %n unit missing</numerusform><numerusform>{no}: finished short, %n units missing</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_control.py" line="398" />
        <source>Inner pack {code}: %n unit(s) a scan</source>
        <translation>
            <numerusform>Inner pack {code}: %n unit a scan</numerusform><numerusform>Inner pack {code}: %n units a scan</numerusform></translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message numerus="yes">
        <location filename="../../station/ui/jit/verify_panel.py" line="287" />
        <source>%n to scan</source>
        <translation>
            <numerusform>%n to scan</numerusform><numerusform>%n to scan</numerusform></translation>
    </message>
</context>
</TS>