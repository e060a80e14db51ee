-- Why nothing automatic may be sent back for an inbound message (RFC 3834 §2: list, bulk and machine
-- mail, a null return path, a no-reply sender, X-Auto-Response-Suppress), null when mail back is fine.
-- Later automatic mail on the ticket (the ticket-closed notice) reads it from the thread's last message.
alter table email_messages add column no_auto_reply text;
