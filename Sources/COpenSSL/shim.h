// The part of OpenSSL (Debian's libssl-dev) the SMTP client's and SSL_GET's TLS use, with the macros Swift
// cannot import wrapped as inline functions.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>

/// SSL_set_tlsext_host_name: the name sent as SNI.
static inline long copenssl_set_server_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

/// SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION).
static inline long copenssl_require_tls12(SSL_CTX *ctx) {
    return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

/// Verify the peer certificate against an IP address (its subjectAltName) instead of a host name.
static inline int copenssl_expect_ip(SSL *ssl, const char *address) {
    return X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), address);
}
