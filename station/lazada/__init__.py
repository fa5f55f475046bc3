"""Client for the Lazada Open Platform: signing, transport, tokens, the JIT endpoints."""
