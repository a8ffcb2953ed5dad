package io.github.formancecommunity.orchestration.test.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * A private key with its certificate chain (the certificate first, then its issuer), issued by a
 * {@link TestCertificateAuthority}: the key material of a TLS server or of a mutual-TLS client. Meant for tests
 * only: the key lives in memory and is handed out unprotected.
 */
public final class TestKeyMaterial {

    /** The alias of the entry in {@link #keyStore(char[])}. */
    public static final String ALIAS = "key";

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    TestKeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The certificate followed by its issuer's. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The certificate chain in PEM, as Spring Boot's {@code spring.ssl.bundle.pem.*.keystore.certificate} takes it. */
    public String certificateChainPem() {
        StringBuilder pem = new StringBuilder();
        chain.forEach(certificate -> pem.append(Pem.certificate(certificate)));
        return pem.toString();
    }

    /** The private key in unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /** A PKCS#12 key store holding the key and its chain under {@value #ALIAS}, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
            return store;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot build a key store: " + ex.getMessage(), ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String toString() {
        return "TestKeyMaterial[" + certificate().getSubjectX500Principal().getName() + "]";
    }

    /** PEM armour. */
    static final class Pem {

        private Pem() {
        }

        static String certificate(X509Certificate certificate) {
            try {
                return encode("CERTIFICATE", certificate.getEncoded());
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException(ex);
            }
        }

        static String encode(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
        }
    }
}
