package devdb

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// URL returns the connection URL of the postgres database:
//
//	postgres://postgres@/postgres?host=<dir>&port=<port>&sslmode=disable
func (c *Cluster) URL() string { return c.DatabaseURL("postgres") }

// DatabaseURL returns the connection URL of database name.
func (c *Cluster) DatabaseURL(name string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable",
		url.PathEscape(name), queryEscape(c.dir), c.port)
}

// DSN returns the keyword/value connection string of database name, e.g.
// "host=/tmp/devdb-1 port=5432 user=postgres dbname=postgres sslmode=disable".
func (c *Cluster) DSN(name string) string {
	return fmt.Sprintf("host=%s port=%d user=postgres dbname=%s sslmode=disable",
		dsnQuote(c.dir), c.port, dsnQuote(name))
}

// queryEscape escapes s for a URL query but keeps '/' readable.
func queryEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "%2F", "/")
}

// dsnQuote quotes a keyword/value DSN value when needed.
func dsnQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, ` '\`) {
		return s
	}
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	return "'" + r.Replace(s) + "'"
}

const mask = "xxxxx"

var (
	// dsnPassword matches password=value in a keyword/value DSN.
	dsnPassword = regexp.MustCompile(`(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s']\S*)`)
	// urlUserinfo matches "scheme://user:password@" up to the last '@'.
	urlUserinfo = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*://[^:@/?#]*:).*@`)
)

// Redact masks any password in a PostgreSQL connection string, whether a
// URL (in the userinfo or a "password" query parameter) or a keyword/value
// DSN, so that it can be logged or shown.
func Redact(conn string) string {
	if !strings.Contains(conn, "://") {
		return dsnPassword.ReplaceAllString(conn, "${1}"+mask)
	}
	u, err := url.Parse(conn)
	if err != nil {
		// Unparsable: mask everything between "user:" and the last '@'.
		s := urlUserinfo.ReplaceAllString(conn, "${1}"+mask+"@")
		if base, query, ok := strings.Cut(s, "?"); ok {
			return base + "?" + redactQuery(query)
		}
		return s
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), mask)
	}
	u.RawQuery = redactQuery(u.RawQuery)
	return u.String()
}

// redactQuery masks the values of "password" parameters in a raw query.
func redactQuery(query string) string {
	if query == "" {
		return ""
	}
	parts := strings.Split(query, "&")
	for i, p := range parts {
		key, _, found := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); found && err == nil && strings.EqualFold(k, "password") {
			parts[i] = key + "=" + mask
		}
	}
	return strings.Join(parts, "&")
}

// String returns the cluster's redacted URL.
func (c *Cluster) String() string { return Redact(c.URL()) }
