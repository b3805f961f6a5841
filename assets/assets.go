// Package assets holds what is embedded in the binary: the built-in register
// (one JSON file per source document, see data/register), the icon and the
// translations of the user interface.
package assets

import "embed"

// Register holds the built-in register as register/*.json.
//
//go:embed register/*.json
var Register embed.FS

// Icon is the application icon (PNG, 512x512).
//
//go:embed icon.png
var Icon []byte

// Translations holds the user interface's strings as translations/<taal>.json
// for Fyne's lang package; nl.json lists every string the interface shows.
//
//go:embed translations/*.json
var Translations embed.FS
