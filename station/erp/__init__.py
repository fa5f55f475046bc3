"""The sellers' ERPs: QianYi purchase orders and Shoplazza procurements (clients, simulators, replenishment)."""
