package store

import (
	"path/filepath"
	"strings"
)

// FileURI is the SQLite URI of the database file at path (absolute), with
// the query parameters query ("" for none, else "a=b&c=d"). Every byte of
// the path that a URI gives a meaning ('?', '#', '%', spaces, non-ASCII)
// is percent-encoded, so SQLite opens exactly the file named: a '#' would
// otherwise end the path and '%41' become 'A'. Windows paths become
// file:///C:/map/x.db and file:////server/share/x.db.
func FileURI(path, query string) string {
	return fileURI(filepath.ToSlash(path), query)
}

// fileURI is FileURI for a path with forward slashes.
func fileURI(p, query string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a drive letter: SQLite drops the '/' before it on Windows
	}
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		c := p[i]
		if uriSafe(c) {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0x0f])
	}
	if query != "" {
		b.WriteString("?" + query)
	}
	return b.String()
}

// uriSafe reports whether a byte may stand for itself in the path of a URI.
func uriSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("/-._~:", c) >= 0
}
