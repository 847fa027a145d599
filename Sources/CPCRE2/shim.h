// PCRE2 (Debian's libpcre2-dev), 8-bit code units, for HTTP_GET/SSL_GET's regex: keepalived 2.2.7
// matches with PCRE2 (--enable-regex, as Debian builds it). Swift sees the *_8 names.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
