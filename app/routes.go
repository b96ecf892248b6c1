// Package app is the playground's user interface: go-app components that hold
// UI state and ask the engine. It never imports syscall/js, so components
// compile and test natively; wasm/ and the server both register its routes.
package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// RegisterRoutes registers every page of the playground with go-app. The
// browser entry point and the server call it alike, because static
// generation only writes routes registered in its process.
func RegisterRoutes() {
	app.Route("/", func() app.Composer { return &Playground{} })
}
