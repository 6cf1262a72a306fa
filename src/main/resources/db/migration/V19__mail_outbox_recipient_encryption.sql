-- Issue #8: the outbox's recipient (a citizen's e-mail when a tracking code is mailed) is stored sealed like the
-- message's contact data (org.wenzheng.privacy.ContactCipher, "v<key version>:<base64>"); a sealed address of 320
-- characters takes about 480, so the column becomes text. Existing rows are sealed by the Java migration V19_1, which
-- needs the key from the application's configuration. An erased recipient stays '' (nothing to seal).
alter table mail_outbox alter column recipient type text;
