"""The redaction of secrets now lives in the connector core; kept here for existing imports."""

from station.connector.redact import SECRETS, RedactingFilter, SecretRegistry, install_redaction

__all__ = ["SECRETS", "RedactingFilter", "SecretRegistry", "install_redaction"]
