"""Shoplazza procurement orders (``GET /openapi/2022-01/center/procurements``)."""
