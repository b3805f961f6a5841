//go:build !windows

package glstart

// Show does nothing outside Windows: there the Watcher's log output, on
// standard error and in the log file, carries the message.
func Show(string) {}
