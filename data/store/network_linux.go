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

// networkShare reports whether the folder dir is on a network filesystem.
func networkShare(dir string) bool {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return false
	}
	return networkFilesystems[int64(st.Type)]
}
