//go:build !linux && !windows

package store

import "strings"

// networkShare recognises only \\server\share paths on this platform.
func networkShare(dir string) bool {
	return strings.HasPrefix(dir, `\\`) || strings.HasPrefix(dir, `//`)
}
