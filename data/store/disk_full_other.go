//go:build !windows

package store

import "syscall"

// isDiskFull reports whether errno says the disk (or quota) is full.
func isDiskFull(errno syscall.Errno) bool {
	return errno == syscall.ENOSPC || errno == syscall.EDQUOT
}
