/// An OpenSSL client context (SSL_CTX), built once and shared by the sessions made from it: the
/// e-mail alerts' verifying one and the health checker's SSL_GET one.
import COpenSSL

/// One SSL_CTX. Set up completely before first use, then only read (SSL_new), which OpenSSL
/// allows from any thread.
public final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer
    /// Whether sessions check the peer's name (set by `TLSChannel.make`).
    let verifiesPeer: Bool

    private init(context: OpaquePointer, verifiesPeer: Bool) {
        self.context = context
        self.verifiesPeer = verifiesPeer
    }

    deinit { SSL_CTX_free(context) }

    /// The e-mail alerts' context: TLS 1.2 at least, the peer's chain always verified against
    /// `caFile` (nil: the system's trusted certificates).
    static func verifying(caFile: String?) -> Result<TLSContext, TLSError> {
        guard let context = SSL_CTX_new(TLS_client_method()) else { return .failure(TLSError(reason: TLSChannel.lastError())) }
        _ = copenssl_require_tls12(context)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        let trusted = caFile.map { SSL_CTX_load_verify_locations(context, $0, nil) } ?? SSL_CTX_set_default_verify_paths(context)
        guard trusted == 1 else {
            let reason = "cannot load trusted certificates \(caFile ?? "(system)"): \(TLSChannel.lastError())"
            SSL_CTX_free(context)
            return .failure(TLSError(reason: reason))
        }
        return .success(TLSContext(context: context, verifiesPeer: true))
    }

    /// The SSL_GET context, as keepalived's `SSL { }` block sets it up: any protocol version, the
    /// peer's certificate never verified, and an optional client certificate chain, key (with
    /// its pass phrase) and CA file. The failure reasons are keepalived's log lines.
    public static func checker(certificateChain: String?, key: String?, password: String?,
                               caFile: String?) -> Result<TLSContext, TLSError> {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            return .failure(TLSError(reason: "SSL error: cannot create new SSL context"))
        }
        let made = TLSContext(context: context, verifiesPeer: false)
        if let certificateChain, SSL_CTX_use_certificate_chain_file(context, certificateChain) != 1 {
            return .failure(TLSError(reason: "SSL error : Cant load certificate file..."))
        }
        if let key {
            guard let file = BIO_new_file(key, "r") else { return .failure(TLSError(reason: "SSL error : Cant load key file...")) }
            defer { BIO_free(file) }
            // With no callback, OpenSSL takes the last argument as the pass phrase itself.
            let privateKey = password.map { phrase in
                phrase.withCString { PEM_read_bio_PrivateKey(file, nil, nil, UnsafeMutableRawPointer(mutating: $0)) }
            } ?? PEM_read_bio_PrivateKey(file, nil, nil, nil)
            guard let privateKey else { return .failure(TLSError(reason: "SSL error : Cant load key file...")) }
            defer { EVP_PKEY_free(privateKey) }
            guard SSL_CTX_use_PrivateKey(context, privateKey) == 1 else {
                return .failure(TLSError(reason: "SSL error : Cant load key file..."))
            }
        }
        if let caFile, SSL_CTX_load_verify_locations(context, caFile, nil) != 1 {
            return .failure(TLSError(reason: "SSL error : Cant load CA file..."))
        }
        SSL_CTX_set_verify_depth(context, 1)
        _ = TLSChannel.lastError()
        return .success(made)
    }
}
