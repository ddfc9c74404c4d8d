package org.internationale.archive.control;

import org.internationale.system.control.NotClosingStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.internationale.archive.entity.ArchiveRefusedException;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;

/**
 * An archive encrypted with a passphrase as OpenPGP (RFC 4880: a passphrase-encrypted session key, AES-256, integrity
 * protected), which {@code gpg --decrypt} reads: the archive can be kept where its readers are not trusted, and opened
 * without this application. Bouncy Castle's lightweight API, so no security provider is installed in the server.
 */
public final class ArchiveEncryption {

    /** Shorter passphrases are refused: the archive holds password hashes, subscribers' addresses and the site's secrets. */
    public static final int SHORTEST_PASSPHRASE = 12;
    /** The first byte of an OpenPGP packet has its top bit set; a zip starts with "PK". */
    private static final int PACKET_TAG_BIT = 0x80;

    private ArchiveEncryption() {
    }

    public static void checkPassphrase(String passphrase) {
        if (passphrase.length() < SHORTEST_PASSPHRASE) {
            throw new ArchiveRefusedException("An archive's passphrase has at least " + SHORTEST_PASSPHRASE + " characters.");
        }
    }

    /** Encrypts what is written to the returned stream into {@code out}; closing it finishes the OpenPGP message only. */
    static OutputStream encrypting(OutputStream out, String passphrase, String fileName) throws IOException {
        checkPassphrase(passphrase);
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()));
        encryption.addMethod(new BcPBEKeyEncryptionMethodGenerator(passphrase.toCharArray()));
        try {
            OutputStream encrypted = encryption.open(new NotClosingStream(out), new byte[1 << 16]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream data = literal.open(encrypted, PGPLiteralData.BINARY, fileName, new Date(0), new byte[1 << 16]);
            return new FilterOutputStream(data) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    data.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    data.close();
                    literal.close();
                    encrypted.close();
                    encryption.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("the archive could not be encrypted: " + e.getMessage(), e);
        }
    }

    static boolean isEncrypted(int firstByte) {
        return firstByte != 'P' && (firstByte & PACKET_TAG_BIT) != 0;
    }

    /**
     * The decrypted content of an OpenPGP message encrypted with a passphrase. A wrong passphrase is refused here; the
     * integrity of the whole message is checked by {@link Decrypted#verify()} once it has been read to its end.
     */
    static Decrypted decrypting(InputStream in, String passphrase) throws IOException {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new ArchiveRefusedException("The archive is encrypted: give its passphrase (RESTORE_PASSPHRASE).");
        }
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in));
            Object first = factory.nextObject();
            PGPEncryptedDataList list = first instanceof PGPEncryptedDataList l ? l : (PGPEncryptedDataList) factory.nextObject();
            PGPPBEEncryptedData data = null;
            for (PGPEncryptedData candidate : list) {
                if (candidate instanceof PGPPBEEncryptedData pbe) {
                    data = pbe;
                    break;
                }
            }
            if (data == null) {
                throw new ArchiveRefusedException("The archive is encrypted for a key, not with a passphrase.");
            }
            InputStream clear;
            try {
                clear = data.getDataStream(new BcPBEDataDecryptorFactory(passphrase.toCharArray(), new BcPGPDigestCalculatorProvider()));
            } catch (PGPException e) {
                throw new ArchiveRefusedException("The passphrase does not open this archive.", e);
            }
            BcPGPObjectFactory inner = new BcPGPObjectFactory(clear);
            Object content = inner.nextObject();
            if (content instanceof PGPCompressedData compressed) {
                content = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (!(content instanceof PGPLiteralData literal)) {
                throw new ArchiveRefusedException("The encrypted archive holds no file.");
            }
            PGPPBEEncryptedData encrypted = data;
            return new Decrypted(literal.getInputStream(), () -> {
                if (encrypted.isIntegrityProtected() && !encrypted.verify()) {
                    throw new ArchiveRefusedException("The encrypted archive was changed after it was written (its integrity check fails).");
                }
            });
        } catch (PGPException | ClassCastException e) {
            throw new ArchiveRefusedException("The archive is not an OpenPGP message this application can open: " + e.getMessage(), e);
        }
    }

    /** The clear content, and the integrity check to run once it has all been read. */
    record Decrypted(InputStream content, IntegrityCheck check) {
        void verify() throws IOException {
            try {
                check.run();
            } catch (PGPException e) {
                throw new ArchiveRefusedException("The encrypted archive's integrity cannot be checked: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    interface IntegrityCheck {
        void run() throws PGPException, IOException;
    }

}
