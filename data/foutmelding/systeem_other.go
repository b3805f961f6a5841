//go:build !windows

package foutmelding

// SysteemReden says in Dutch what an error code only this operating system
// gives means; on Windows it covers Windows' own codes. Here the shared
// cases of Reden cover the system's codes, so it says nothing ("").
func SysteemReden(err error) string { return "" }
