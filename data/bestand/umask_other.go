//go:build !linux

package bestand

import "os"

// umask is the usual file mode creation mask, 022, where the process's own
// cannot be read without changing it (on Windows permissions are not bits).
func umask() os.FileMode { return 0o022 }
