"""The Pickups view: today's pickup orders (model, view) and the carton-label dialog."""
