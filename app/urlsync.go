package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// URLSync keeps the address bar's fragment naming the current document,
// with history.replaceState (no new history entry per edit).
type URLSync struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
}

// OnMount writes the fragment of the document as opened.
func (u *URLSync) OnMount(ctx app.Context) { u.sync() }

// OnUpdate writes the fragment after a change.
func (u *URLSync) OnUpdate(ctx app.Context) { u.sync() }

func (u *URLSync) sync() {
	if !app.IsClient {
		return
	}
	frag, err := u.Store.ShareFragment()
	if err != nil {
		return // too large to share: the address keeps its last link
	}
	if app.Window().Get("location").Get("hash").String() == "#"+frag {
		return
	}
	app.Window().Get("history").Call("replaceState", nil, "", "#"+frag)
}

// Render draws nothing.
func (u *URLSync) Render() app.UI { return app.Span().Hidden(true) }
