// Package klembord puts a chart on the system clipboard as an image, which
// Fyne 2.8 cannot do (its fyne.Clipboard holds text only). On Windows the
// image goes on as a device-independent bitmap (CF_DIB, what PowerPoint and
// Word paste) and as PNG; on Linux through xclip (X11) or wl-copy (Wayland)
// when one of them is installed. Elsewhere KopieerPNG returns
// ErrNietOndersteund, and the window offers to save the chart as PNG.
package klembord

import "errors"

// ErrNietOndersteund says that this computer cannot take an image on the
// clipboard from Jeugdmonitor.
var ErrNietOndersteund = errors.New("een afbeelding kopiëren kan op deze computer niet")

// KopieerPNG puts the PNG image on the clipboard.
func KopieerPNG(png []byte) error { return kopieer(png) }
