package io.github.formancecommunity.orchestration.test.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * A certificate authority created in memory for tests: it issues server certificates (with the host names and IP
 * addresses they are valid for) and client certificates for mutual TLS, and hands out its own certificate as trust
 * material (PEM, a trust store, an {@link SSLContext}). Keys are EC P-256, signatures ECDSA with SHA-256, built with
 * the JDK alone; nothing is written to disk and nothing needs committing.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create("Test CA");
 * TestKeyMaterial server = ca.issueServerCertificate("localhost", "127.0.0.1");
 * SSLContext clientTrust = ca.clientSslContext(null);
 * }</pre>
 */
public final class TestCertificateAuthority {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final String SIGNATURE_OID = "1.2.840.10045.4.3.2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificateAuthority(String name) {
        this.name = name;
        this.keys = newKeyPair();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        this.certificate = sign(name, keys.getPublic(), name, keys.getPrivate(), now.minusHours(1),
                now.plusDays(30), caExtensions());
    }

    /**
     * Creates a new authority with a self-signed certificate valid from an hour ago for 30 days.
     *
     * @param name the common name of the authority, e.g. {@code Test CA}
     */
    public static TestCertificateAuthority create(String name) {
        return new TestCertificateAuthority(Objects.requireNonNull(name, "name"));
    }

    /** The authority's own (self-signed) certificate: what a client or server must trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The authority's certificate in PEM, as {@code spring.ssl.bundle.pem.*.truststore.certificate} takes it. */
    public String certificatePem() {
        return TestKeyMaterial.Pem.certificate(certificate);
    }

    /** A key store of type PKCS#12 holding only the authority's certificate, as a trusted entry. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate);
            return store;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot build a trust store: " + ex.getMessage(), ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A certificate for a TLS server, valid from an hour ago for 30 days.
     *
     * @param hosts the DNS names and IP addresses it is valid for (the first is also its common name)
     */
    public TestKeyMaterial issueServerCertificate(String... hosts) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return issue(now.minusHours(1), now.plusDays(30), hosts);
    }

    /**
     * A server certificate that expired a day ago (valid for a week before that), to test how clients refuse it.
     *
     * @param hosts the DNS names and IP addresses it is valid for
     */
    public TestKeyMaterial issueExpiredServerCertificate(String... hosts) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return issue(now.minusDays(8), now.minusDays(1), hosts);
    }

    /**
     * A certificate for a mutual-TLS client, valid from an hour ago for 30 days.
     *
     * @param commonName the client's common name
     */
    public TestKeyMaterial issueClientCertificate(String commonName) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        KeyPair pair = newKeyPair();
        X509Certificate issued = sign(commonName, pair.getPublic(), name, keys.getPrivate(), now.minusHours(1),
                now.plusDays(30), endEntityExtensions(List.of()));
        return new TestKeyMaterial(pair.getPrivate(), List.of(issued, certificate));
    }

    private TestKeyMaterial issue(ZonedDateTime notBefore, ZonedDateTime notAfter, String... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("a server certificate needs at least one host name or address");
        }
        KeyPair pair = newKeyPair();
        X509Certificate issued = sign(hosts[0], pair.getPublic(), name, keys.getPrivate(), notBefore, notAfter,
                endEntityExtensions(List.of(hosts)));
        return new TestKeyMaterial(pair.getPrivate(), List.of(issued, certificate));
    }

    /**
     * An {@link SSLContext} for a client that trusts this authority only and, when {@code keyMaterial} is given,
     * presents it for mutual TLS.
     *
     * @param keyMaterial the client's key material, or {@code null}
     */
    public SSLContext clientSslContext(@Nullable TestKeyMaterial keyMaterial) {
        return sslContext(keyMaterial);
    }

    /**
     * An {@link SSLContext} for a server that presents {@code keyMaterial} and trusts client certificates issued
     * by this authority.
     *
     * @param keyMaterial the server's key material
     */
    public SSLContext serverSslContext(TestKeyMaterial keyMaterial) {
        return sslContext(Objects.requireNonNull(keyMaterial, "keyMaterial"));
    }

    private SSLContext sslContext(@Nullable TestKeyMaterial keyMaterial) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            KeyManagerFactory keys = null;
            if (keyMaterial != null) {
                char[] password = new char[0];
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyMaterial.keyStore(password), password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot create an SSLContext: " + ex.getMessage(), ex);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot generate an EC key pair: " + ex.getMessage(), ex);
        }
    }

    private static X509Certificate sign(String subject, PublicKey subjectKey, String issuer, PrivateKey issuerKey,
            ZonedDateTime notBefore, ZonedDateTime notAfter, byte[] extensions) {
        byte[] algorithm = Der.sequence(Der.oid(SIGNATURE_OID));
        byte[] tbs = Der.sequence(
                Der.context(0, true, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(127, RANDOM).add(BigInteger.ONE)),
                algorithm,
                name(issuer),
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name(subject),
                subjectKey.getEncoded(),
                Der.context(3, true, extensions));
        try {
            Signature signer = Signature.getInstance(SIGNATURE);
            signer.initSign(issuerKey);
            signer.update(tbs);
            byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign(), 0));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot sign a certificate: " + ex.getMessage(), ex);
        }
    }

    private static byte[] name(String commonName) {
        return Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    }

    private static byte[] caExtensions() {
        return Der.sequence(
                extension("2.5.29.19", true, Der.sequence(Der.bool(true))),
                // keyCertSign and cRLSign
                extension("2.5.29.15", true, Der.bitString(new byte[] { 0x06 }, 1)));
    }

    private static byte[] endEntityExtensions(List<String> hosts) {
        List<byte[]> extensions = new ArrayList<>();
        extensions.add(extension("2.5.29.19", true, Der.sequence()));
        // digitalSignature and keyAgreement
        extensions.add(extension("2.5.29.15", true, Der.bitString(new byte[] { (byte) 0x88 }, 3)));
        // serverAuth and clientAuth
        extensions.add(extension("2.5.29.37", false,
                Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"), Der.oid("1.3.6.1.5.5.7.3.2"))));
        if (!hosts.isEmpty()) {
            List<byte[]> names = new ArrayList<>();
            for (String host : hosts) {
                names.add(isAddress(host) ? Der.context(7, false, address(host))
                        : Der.context(2, false, host.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            }
            extensions.add(extension("2.5.29.17", false, Der.sequence(names.toArray(new byte[0][]))));
        }
        return Der.sequence(extensions.toArray(new byte[0][]));
    }

    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: no lookup
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("not an IP address: " + literal, ex);
        }
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }


    @Override
    public String toString() {
        return "TestCertificateAuthority[" + name + "]";
    }
}
