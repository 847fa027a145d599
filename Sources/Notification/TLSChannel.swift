import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// The TLS extension's settings: smtp_tls, smtp_tls_ca_file, smtp_tls_server_name.
public struct MailTLS: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        /// Plain TCP, then STARTTLS (port 25 or 587).
        case startTLS
        /// TLS from the first byte (port 465).
        case implicit
    }

    public var mode: Mode
    /// Trust only the certificates in this file (pinning a private CA); nil: the system's store.
    public var caFile: String?
    /// The name the certificate must carry (and the SNI sent); nil: the server's address itself.
    public var serverName: String?

    public init(mode: Mode, caFile: String? = nil, serverName: String? = nil) {
        self.mode = mode
        self.caFile = caFile
        self.serverName = serverName
    }
}

/// One OpenSSL client session on a connected non-blocking socket. From a verifying context the
/// peer's certificate is checked (chain and name); from the checker's it is not (keepalived's
/// SSL_GET). The caller polls the socket for what `want` says.
public final class TLSChannel {
    /// What an OpenSSL call needs before it can go on.
    public enum Progress: Equatable {
        case done(Int)
        case wantRead
        case wantWrite
        /// The peer closed the TLS session (see `receivedCloseNotify`).
        case closed
        case failed(String)
    }

    private let context: TLSContext
    private let ssl: OpaquePointer
    /// Whether the session ended with the peer's close_notify (SSL_ERROR_ZERO_RETURN) rather than
    /// a bare end of the connection.
    public private(set) var receivedCloseNotify = false

    /// The e-mail alerts' session: verified against `settings` (CA file, server name) or, with
    /// no server name, against the server's `address`.
    static func make(descriptor: Int32, settings: MailTLS, address: String) -> Result<TLSChannel, TLSError> {
        let context: TLSContext
        switch TLSContext.verifying(caFile: settings.caFile) {
        case let .success(made): context = made
        case let .failure(error): return .failure(error)
        }
        return make(descriptor: descriptor, context: context, serverName: settings.serverName, address: address)
    }

    /// A session from `context` on `descriptor`. `serverName` is sent as SNI (and, from a verifying
    /// context, is the name the certificate must carry; without one, `address` is).
    public static func make(descriptor: Int32, context: TLSContext, serverName: String?,
                            address: String? = nil) -> Result<TLSChannel, TLSError> {
        guard let ssl = SSL_new(context.context) else { return .failure(TLSError(reason: lastError())) }
        let channel = TLSChannel(context: context, ssl: ssl)
        SSL_set_fd(ssl, descriptor)
        if let name = serverName {
            guard !context.verifiesPeer || SSL_set1_host(ssl, name) == 1, copenssl_set_server_name(ssl, name) == 1 else {
                return .failure(TLSError(reason: "invalid server name \(name)"))
            }
        } else if context.verifiesPeer, let address, copenssl_expect_ip(ssl, address) != 1 {
            return .failure(TLSError(reason: "cannot verify against address \(address)"))
        }
        return .success(channel)
    }

    private init(context: TLSContext, ssl: OpaquePointer) {
        self.context = context
        self.ssl = ssl
    }

    deinit {
        SSL_free(ssl)
    }

    /// SSL_connect, one step.
    public func handshake() -> Progress {
        let result = SSL_connect(ssl)
        if result == 1 { return .done(0) }
        let progress = progress(result)
        guard case .failed = progress else { return progress }
        let verdict = SSL_get_verify_result(ssl)
        if context.verifiesPeer, verdict != X509_V_OK {
            return .failed("certificate not trusted: " + String(cString: X509_verify_cert_error_string(verdict)))
        }
        return progress
    }

    /// SSL_write of `bytes`, one step.
    public func write(_ bytes: ArraySlice<UInt8>) -> Progress {
        let result = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32(clamping: $0.count)) }
        return result > 0 ? .done(Int(result)) : progress(result)
    }

    /// SSL_read into `buffer`, one step.
    public func read(into buffer: inout [UInt8]) -> Progress {
        let result = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32(clamping: $0.count)) }
        return result > 0 ? .done(Int(result)) : progress(result)
    }

    /// Sends close_notify (best effort; the socket is non-blocking).
    public func shutdown() { _ = SSL_shutdown(ssl) }

    /// Ends the session without sending anything (SSL_set_quiet_shutdown, then SSL_shutdown);
    /// returns SSL_shutdown's result.
    @discardableResult
    public func quietShutdown() -> Int32 {
        SSL_set_quiet_shutdown(ssl, 1)
        return SSL_shutdown(ssl)
    }

    private func progress(_ result: Int32) -> Progress {
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN:
            receivedCloseNotify = true
            return .closed
        case SSL_ERROR_SYSCALL where ERR_peek_error() == 0: return errno == 0 ? .closed : .failed("errno \(errno)")
        default: return .failed(Self.lastError())
        }
    }

    /// OpenSSL's last queued error, as text (the queue is emptied).
    static func lastError() -> String {
        var text = "unknown error"
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return text
    }
}

/// Why TLS could not be set up or negotiated.
public struct TLSError: Error {
    public var reason: String
}
