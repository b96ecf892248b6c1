package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ShareButton copies a link that reopens the current scenario and shows it
// for copying by hand.
type ShareButton struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	link, err string
	copied    bool
}

// OnUpdate forgets a link made for an older document.
func (b *ShareButton) OnUpdate(ctx app.Context) { b.link, b.err, b.copied = "", "", false }

// Render draws the button and the link.
func (b *ShareButton) Render() app.UI {
	return app.Div().Class("share").Body(
		app.Button().ID("share").Title("Copy a link that opens this scenario").Text("🔗 Share").
			OnClick(func(ctx app.Context, e app.Event) {
				base := app.Window().Get("location").Get("origin").String() + "/"
				link, err := b.Store.ShareLink(base)
				if err != nil {
					b.link, b.err = "", err.Error()
					return
				}
				b.link, b.err, b.copied = link, "", false
				b.copy(ctx, link)
			}),
		app.If(b.link != "", func() app.UI {
			msg := "Copy this link:"
			if b.copied {
				msg = "Link copied:"
			}
			return app.Span().Class("share-link").Body(
				app.Span().ID("share-status").Text(msg),
				app.Input().ID("share-link").Type("text").ReadOnly(true).Value(b.link),
			)
		}),
		app.If(b.err != "", func() app.UI { return app.Span().Class("draft-error").Attr("role", "alert").Text(b.err) }),
	)
}

// copy puts link on the clipboard (web/playground.js's plCopy) and says so
// when it worked; the promise's callbacks are released once it settles.
func (b *ShareButton) copy(ctx app.Context, link string) {
	if !app.IsClient || !app.Window().Get("plCopy").Truthy() {
		return
	}
	var ok, fail app.Func
	release := func() {
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(app.Context) { b.copied = true })
		release()
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		release() // the link stays on show for copying by hand
		return nil
	})
	app.Window().Call("plCopy", link).Call("then", ok, fail)
}
