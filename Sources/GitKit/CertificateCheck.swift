import CLibgit2
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The certificate authorities HTTPS fetches trust, set as git users set them:
/// `GIT_SSL_CAINFO`, else `http.sslCAInfo`, else `SSL_CERT_FILE`, each a PEM file added to
/// the system's bundle. Debian's libgit2 uses mbedTLS, where only the process-wide
/// `GIT_OPT_SET_SSL_CERT_LOCATIONS` takes effect, so the bundle is set for the whole process,
/// once per distinct file (every fetch of one run reads the same configuration).
enum CertificateAuthorities {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var applied: String?

    static let systemBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]

    /// The extra CA file for this configuration value and environment, nil for none.
    static func extraFile(config: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        if let value = environment["GIT_SSL_CAINFO"], !value.isEmpty { return value }
        if let config, !config.isEmpty { return config }
        if let value = environment["SSL_CERT_FILE"], !value.isEmpty { return value }
        return nil
    }

    /// Trusts `file` (with the system's authorities) for the rest of the process.
    static func apply(_ file: String) throws {
        lock.lock()
        defer { lock.unlock() }
        if applied == file { return }
        guard let extra = FileManager.default.contents(atPath: file) else {
            throw GitError.invalid(
                "cannot read the CA file \(file) (http.sslCAInfo, SSL_CERT_FILE)", operation: "set up HTTPS")
        }
        var bundle = Data()
        if let system = systemBundles.lazy.compactMap({ FileManager.default.contents(atPath: $0) }).first {
            bundle.append(system)
            bundle.append(Data("\n".utf8))
        }
        bundle.append(extra)
        let combined = NSTemporaryDirectory() + "planmerge-ca-\(getpid())-\(UUID().uuidString).pem"
        guard FileManager.default.createFile(atPath: combined, contents: bundle, attributes: [.posixPermissions: 0o600])
        else {
            throw GitError.invalid("cannot write \(combined)", operation: "set up HTTPS")
        }
        defer { try? FileManager.default.removeItem(atPath: combined) }
        try GitError.check(planmerge_set_ssl_cert_locations(combined, nil), "trust the CA file \(file)")
        applied = file
    }
}

/// planmerge's certificate check: libgit2's verdict stands, and a refusal says why in
/// plain words; an IP address (which libgit2 with mbedTLS cannot match against a
/// certificate) is refused with its own message rather than a generic one.
enum CertificateCheck {
    /// True for a literal IPv4 or IPv6 address.
    static func isIPAddress(_ host: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return inet_pton(AF_INET, bare, &buffer) == 1 || inet_pton(AF_INET6, bare, &buffer) == 1
    }

    /// The refusal for a certificate libgit2 found invalid for `host`.
    static func refusal(host: String) -> RemoteAccessError {
        isIPAddress(host) ? .certificateForAddress(host: host) : .untrustedCertificate(host: host)
    }
}
