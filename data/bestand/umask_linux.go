package bestand

import (
	"bytes"
	"os"
	"strconv"
)

// umask is the process's file mode creation mask, read from
// /proc/self/status (Linux 4.7 and later) without changing it; 022 when
// that does not say.
func umask() os.FileMode {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0o022
	}
	for _, line := range bytes.Split(status, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("Umask:")); ok {
			if m, err := strconv.ParseUint(string(bytes.TrimSpace(v)), 8, 32); err == nil {
				return os.FileMode(m) & 0o777
			}
		}
	}
	return 0o022
}
