-- Issue #8: a citizen's phone and e-mail are stored encrypted (AES-256-GCM, "v<key version>:<base64>", see
-- org.wenzheng.privacy.ContactCipher); a sealed e-mail of 254 characters takes about 380, so the columns become text.
-- The existing plaintext rows are encrypted by the Java migration V16_1 (src/main/java/db/migration), which needs the
-- key from the application's configuration. Lookups by contact keep using the keyed hash contact_hash (V3).
alter table message alter column contact_phone type text;
alter table message alter column contact_email type text;

-- When the retention job (org.wenzheng.privacy.ContactRetentionJob) erased the message's contact data; null while kept.
alter table message add column contact_erased_at timestamptz;
