"""Fixed credentials of the simulator's demo shop.

They only work against the simulator; the platform has never seen them.
"""

from __future__ import annotations

DEMO_APP_KEY = "100001"
DEMO_APP_SECRET = "sImDeMo7Kq2vX9pLr4Tz8NwB3cYh6FjA"
DEMO_ACCESS_TOKEN = "50000700a12bCdemoX4kVq9PzN3r8LsT2wYx6Jm1HgF5uE0oRiAcBd7St"
DEMO_REFRESH_TOKEN = "50001700d34eFdemoY7pWm2KxB9q5LvR3zTn8Gc1JhU6sD0aQiEoPf4Xy"
DEMO_AUTH_CODE = "0_100001_DemoAuthCode7f3a9c2e51b84d06"

DEMO_SELLER_ID = "500403648032"
DEMO_USER_ID = "500403648033"
DEMO_ACCOUNT = "demo.seller@example.com"
DEMO_SHORT_CODE_PREFIX = "DMO"

# Apps the gateway knows: app key -> app secret.
APPS: dict[str, str] = {DEMO_APP_KEY: DEMO_APP_SECRET}
