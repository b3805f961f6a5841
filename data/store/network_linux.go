package store

import "golang.org/x/sys/unix"

// Filesystem magic numbers of network filesystems (statfs f_type).
var networkFilesystems = map[int64]bool{
	0x6969:     true, // NFS
	0x517B:     true, // SMB
	0xFF534D42: true, // CIFS
	0xFE534D42: true, // SMB2
	0x65735546: true, // FUSE (sshfs and the like)
}

// onNetworkShare reports whether the folder of path is on a network
// filesystem, where SQLite's WAL mode is not safe. A variable so a test can
// stand in for a share it cannot mount.
var onNetworkShare = func(dir string) bool {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return false
	}
	return networkFilesystems[int64(st.Type)]
}
