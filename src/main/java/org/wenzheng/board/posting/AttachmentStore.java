package org.wenzheng.board.posting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attachment bytes on disk, outside the web root ({@code wz.storage.dir}), under a random key with no trace of the
 * citizen's file name. Files are written inside the posting's transaction and deleted again if it does not commit,
 * so an acknowledged message has its files and a refused one leaves none behind.
 */
@ApplicationScoped
public class AttachmentStore {

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());

    @Inject
    PostingSettings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Writes the bytes and returns the storage key (a relative path); must run inside a transaction. */
    public String write(byte[] content, LocalDate day) {
        String key = day.getYear() + "/" + String.format("%02d", day.getMonthValue()) + "/" + UUID.randomUUID();
        Path file = resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write attachment " + key, e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before: the file is already complete.
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    delete(file);
                }
            }
        });
        return key;
    }

    public Path resolve(String storageKey) {
        Path file = settings.storageDir().resolve(storageKey).normalize();
        if (!file.startsWith(settings.storageDir())) {
            throw new IllegalArgumentException("storage key outside the storage folder");
        }
        return file;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the attachment of a posting that did not commit: " + file, e);
        }
    }
}
