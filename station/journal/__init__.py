"""The local journal: every state-changing step written down before it is sent and after the answer,
so that a batch cut short by a crash, a power cut or a network drop resumes exactly where it stopped."""

from station.journal.sqlite import BatchLog, Journal, JournalBatch, default_journal_path

__all__ = ["BatchLog", "Journal", "JournalBatch", "default_journal_path"]
