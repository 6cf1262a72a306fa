package org.wenzheng.privacy;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Seals a citizen's phone or e-mail on its way to the database and opens it on the way back (see
 * {@link ContactCipher}). The cipher comes from CDI at first use: EclipseLink creates converters itself.
 */
@Converter
public class ContactConverter implements AttributeConverter<String, String> {

    private ContactCrypto crypto;

    private ContactCrypto crypto() {
        if (crypto == null) {
            crypto = CDI.current().select(ContactCrypto.class).get();
        }
        return crypto;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return plain == null ? null : crypto().encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : crypto().decrypt(stored);
    }
}
