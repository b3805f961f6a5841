//go:build !linux && !windows

package store

import "strings"

// onNetworkShare recognises only \\server\share paths on this platform.
func onNetworkShare(dir string) bool {
	return strings.HasPrefix(dir, `\\`) || strings.HasPrefix(dir, `//`)
}
