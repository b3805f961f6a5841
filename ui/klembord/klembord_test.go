package klembord

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
)

// testPNG is a 5x3 image: red top-left pixel, half-transparent blue
// bottom-right pixel, the rest white.
func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 5, 3))
	for y := range 3 {
		for x := range 5 {
			img.Set(x, y, color.White)
		}
	}
	img.Set(0, 0, color.NRGBA{R: 255, A: 255})
	img.Set(4, 2, color.NRGBA{B: 255, A: 128})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDIBIsBottomUpBGRPaddedToFourBytes(t *testing.T) {
	d, err := dib(testPNG(t))
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	const stride = 16 // 5*3 = 15 bytes, padded to 16
	if le.Uint32(d) != 40 || le.Uint32(d[4:]) != 5 || le.Uint32(d[8:]) != 3 || le.Uint16(d[14:]) != 24 || len(d) != 40+stride*3 {
		t.Fatalf("kop %v, lengte %d", d[:40], len(d))
	}
	// the top image row is the last row of the bitmap
	top := d[40+2*stride:]
	if got := top[:3]; !bytes.Equal(got, []byte{0, 0, 255}) {
		t.Errorf("rode pixel linksboven = BGR %v", got)
	}
	// half-transparent blue on white: blue full, red and green half
	bottom := d[40:]
	if b, g, r := bottom[12], bottom[13], bottom[14]; b != 255 || g < 120 || g > 135 || r < 120 || r > 135 {
		t.Errorf("halfdoorzichtig blauw rechtsonder = BGR %d %d %d, want op wit gemengd", b, g, r)
	}
	if _, err := dib([]byte("geen png")); err == nil {
		t.Error("geen PNG gaf geen fout")
	}
}

// TestKopieerPNGThroughXclip puts an image on the X clipboard and reads it
// back with xclip, as a program that pastes would; it needs a display and
// xclip (./build.sh journey runs it under Xvfb).
func TestKopieerPNGThroughXclip(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows: CF_DIB, getest met TestDIBIsBottomUpBGRPaddedToFourBytes")
	}
	if _, err := exec.LookPath("xclip"); err != nil || os.Getenv("DISPLAY") == "" {
		t.Skip("xclip of een X-scherm (DISPLAY) ontbreekt")
	}
	t.Setenv("WAYLAND_DISPLAY", "")
	want := testPNG(t)
	start := time.Now()
	if err := KopieerPNG(want); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("kopiëren duurde %v: wachtte op het achtergebleven xclip", d)
	}
	got, err := exec.Command("xclip", "-selection", "clipboard", "-target", "image/png", "-out").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("het klembord geeft %d bytes terug, want de %d van de PNG", len(got), len(want))
	}
}

func TestKopieerPNGWithoutToolSaysSo(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows heeft altijd een klembord")
	}
	t.Setenv("PATH", t.TempDir())
	if err := KopieerPNG(testPNG(t)); !errors.Is(err, ErrNietOndersteund) {
		t.Errorf("zonder xclip en wl-copy: %v, want ErrNietOndersteund", err)
	}
}
