"""The call-rate limiter now lives in the connector core; kept here for existing imports."""

from station.connector.ratelimit import RateLimiter

__all__ = ["RateLimiter"]
