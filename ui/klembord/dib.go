package klembord

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image/png"
)

// dib turns a PNG into a packed device-independent bitmap, the CF_DIB
// clipboard format of Windows: a 40-byte BITMAPINFOHEADER and then 24-bit
// BGR rows, bottom row first, each padded to four bytes.
func dib(pngBytes []byte) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		return nil, fmt.Errorf("de grafiek is geen geldige PNG: %w", err)
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	stride := (w*3 + 3) &^ 3
	out := make([]byte, 40+stride*h)
	le := binary.LittleEndian
	le.PutUint32(out[0:], 40)                // biSize
	le.PutUint32(out[4:], uint32(w))         // biWidth
	le.PutUint32(out[8:], uint32(h))         // biHeight > 0: bottom-up
	le.PutUint16(out[12:], 1)                // biPlanes
	le.PutUint16(out[14:], 24)               // biBitCount
	le.PutUint32(out[16:], 0)                // biCompression = BI_RGB
	le.PutUint32(out[20:], uint32(stride*h)) // biSizeImage
	le.PutUint32(out[24:], 3780)             // 96 dpi in pixels per metre
	le.PutUint32(out[28:], 3780)
	for y := 0; y < h; y++ {
		row := out[40+(h-1-y)*stride:]
		for x := 0; x < w; x++ {
			r, g, bl, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			// composite on white: a bitmap has no transparency
			r, g, bl = r+(0xffff-a), g+(0xffff-a), bl+(0xffff-a)
			row[3*x], row[3*x+1], row[3*x+2] = byte(bl>>8), byte(g>>8), byte(r>>8)
		}
	}
	return out, nil
}
