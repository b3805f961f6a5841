package store

// onNetworkShare reports whether the folder dir is on a network share, where
// SQLite's WAL mode is not safe. It is the platform's networkShare, held in a
// variable on every platform so a test can stand in for a share it cannot mount.
var onNetworkShare = networkShare
