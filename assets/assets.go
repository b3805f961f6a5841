// Package assets holds what is embedded in the binary: the built-in register
// (one JSON file per source document, see data/register) and the icon.
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
