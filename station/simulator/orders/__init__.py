"""The simulator's marketplace orders: seeded order book and the order-fulfilment endpoints."""

from station.simulator.orders.api import ORDER_HANDLERS, OrderCall
from station.simulator.orders.book import OrderBook

__all__ = ["ORDER_HANDLERS", "OrderBook", "OrderCall"]
