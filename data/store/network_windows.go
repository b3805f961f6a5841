package store

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// networkShare reports whether dir is on a network share (a \\server\share
// path or a mapped network drive).
func networkShare(dir string) bool {
	if strings.HasPrefix(dir, `\\`) || strings.HasPrefix(dir, `//`) {
		return true
	}
	root := filepath.VolumeName(dir) + `\`
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return false
	}
	return windows.GetDriveType(p) == windows.DRIVE_REMOTE
}
