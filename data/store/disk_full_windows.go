package store

import "syscall"

// Windows error codes for a full disk.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
)

// isDiskFull reports whether errno says the disk is full.
func isDiskFull(errno syscall.Errno) bool {
	return errno == errorHandleDiskFull || errno == errorDiskFull || errno == syscall.ENOSPC
}
