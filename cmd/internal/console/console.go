// Package console connects the Windows program, a GUI program without a
// console of its own, to the console of the cmd or PowerShell window it was
// started from, so that its commands can be seen there. Elsewhere it does
// nothing: a program started from a terminal writes to it already.
package console
