"""What the Lazada, QianYi and Shoplazza connectors share: HTTP, errors, values, paging, the simulators' base."""
