//go:build !windows

package console

// Attach does nothing outside Windows.
func Attach() {}
