"""QianYi ERP (千易) purchase orders: query the list, create and update (service ``/api/v1/purchase``)."""
