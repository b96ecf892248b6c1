// SVG shapes of the PrivateLink Playground's render worker: Graphviz's SVG
// output of polygons, Bézier paths, polylines, ellipses and label lines,
// written by JavaScript byte for byte as Graphviz's own SVG renderer writes
// them.
//
// Why: Graphviz formats every coordinate with snprintf("%.2f"), which in
// its WebAssembly build (WASI libc, long double done in software) is a
// large part of writing a diagram's SVG. Graphviz still lays the graph out
// and decides every shape, point, color and label position; only the text
// of those elements is written here, as bytes into WebAssembly memory, then
// appended to Graphviz's own output between its own text. Cases this file
// does not cover (gradient fills, edge-aligned labels, PostScript font
// aliases, HTML font styles, label text needing XML escapes other than
// dashes, unknown color types) go to Graphviz's own code.
//
// installSVGShapes(exports, memory) → {use(fast), written()}: use(false)
// puts Graphviz's own writers back (the tests compare both); written()
// counts the elements this file wrote since it was last asked.
"use strict";

(function (root) {
  // The members of gvrender_engine_t (a struct of function pointers) this
  // file replaces: go-graphviz's bridge names for the member's setter and
  // for its function calling renderers written in Go.
  const MEMBER = {
    textspan: ["textspan", "Textspan"],
    ellipse: ["ellipse", "Ellipse"],
    polygon: ["polygon", "Polygon"],
    bezier: ["beziercurve", "Beziercurve"],
    polyline: ["polyline", "Polyline"],
  };
  // Each replacement's parameter count (all i32: pointers and integers).
  const PARAMS = { textspan: 3, ellipse: 3, polygon: 4, bezier: 4, polyline: 3 };

  // thunkModule is a tiny WebAssembly module whose exported functions call
  // JavaScript imports ("js" module, same names): a function table holds
  // only WebAssembly functions.
  function thunkModule(names) {
    const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const leb = (n, out) => {
      do {
        let b = n & 0x7f;
        n >>>= 7;
        if (n) b |= 0x80;
        out.push(b);
      } while (n);
      return out;
    };
    const str = (s, out) => {
      leb(s.length, out);
      for (const c of s) out.push(c.charCodeAt(0));
      return out;
    };
    const section = (id, body) => {
      bytes.push(id);
      leb(body.length, bytes);
      bytes.push(...body);
    };
    const params = names.map((name) => PARAMS[name]);
    const counts = [...new Set(params)];
    const types = leb(counts.length, []);
    for (const n of counts) {
      types.push(0x60);
      leb(n, types);
      for (let i = 0; i < n; i++) types.push(0x7f);
      types.push(0x00);
    }
    section(1, types);
    const imports = leb(names.length, []);
    names.forEach((name, i) => {
      str("js", imports);
      str(name, imports);
      imports.push(0x00);
      leb(counts.indexOf(params[i]), imports);
    });
    section(2, imports);
    const funcs = leb(names.length, []);
    params.forEach((n) => leb(counts.indexOf(n), funcs));
    section(3, funcs);
    const exports = leb(names.length, []);
    names.forEach((name, i) => {
      str(name, exports);
      exports.push(0x00);
      leb(names.length + i, exports);
    });
    section(7, exports);
    const code = leb(names.length, []);
    params.forEach((n, i) => {
      const body = [0x00];
      for (let p = 0; p < n; p++) body.push(0x20, ...leb(p, []));
      body.push(0x10, ...leb(i, []), 0x0b);
      leb(body.length, code);
      code.push(...body);
    });
    section(10, code);
    return new WebAssembly.Module(new Uint8Array(bytes));
  }

  // formatNumber is Graphviz's gvprintdouble: "%.2f" (exact decimal
  // rounding, ties to even), trailing zeros and point dropped, anything
  // that would print as ±0.00 written "0". The byte writer below has its
  // own copy of the common case; this one is the reference and the rest.
  function formatNumber(x) {
    if (x > -0.005 && x < 0.005) return "0";
    const s = formatFixed2(x);
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48) end--; // "0"
    if (s.charCodeAt(end - 1) === 46) end--; // "."
    return s.slice(0, end);
  }

  // formatFixed2 is C's printf("%.2f"): toFixed rounds an exact tie up,
  // printf to even, and a tie is a value of n + k/8 with k odd.
  function formatFixed2(x) {
    if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    if (Math.abs(x) >= 1e21) return BigInt(x).toString() + ".00"; // toFixed turns to exponents
    const eighths = x * 8;
    if (Number.isInteger(eighths) && eighths % 2 !== 0) {
      // |x| * 100 = |eighths| * 25 / 2, an odd number of halves
      let hundredths = (BigInt(Math.abs(eighths)) * 25n) / 2n;
      if (hundredths % 2n === 1n) hundredths++;
      const cents = String(hundredths % 100n);
      return (x < 0 ? "-" : "") + hundredths / 100n + "." + (cents.length < 2 ? "0" : "") + cents;
    }
    const s = x.toFixed(2);
    return s === "0.00" && (x < 0 || Object.is(x, -0)) ? "-0.00" : s;
  }

  // writeNumber writes formatNumber(x) into bytes at at and returns the
  // index after it; bytes must have room for 24 (or for formatNumber(x),
  // which only numbers of 1e9 or more need).
  function writeNumber(bytes, at, x) {
    if (x > -0.005 && x < 0.005) {
      bytes[at] = 48; // "0"
      return at + 1;
    }
    const scaled = (x < 0 ? -x : x) * 100;
    if (scaled < 1e11) {
      const whole = Math.floor(scaled);
      const rest = scaled - whole;
      // Away from a tie, rounding the scaled value is exact decimal
      // rounding (below 1e11 the product is off by less than 1e-5).
      if (rest < 0.4999 || rest > 0.5001) {
        const hundredths = rest > 0.5 ? whole + 1 : whole;
        let units = Math.floor(hundredths / 100);
        const cents = hundredths - units * 100;
        if (x < 0) bytes[at++] = 45; // "-"
        let digits = 1;
        for (let t = 10; t <= units; t *= 10) digits++;
        at += digits;
        for (let k = at - 1; k >= at - digits; k--) {
          const q = Math.floor(units / 10);
          bytes[k] = 48 + units - q * 10;
          units = q;
        }
        if (cents !== 0) {
          const tens = Math.floor(cents / 10);
          bytes[at++] = 46; // "."
          bytes[at++] = 48 + tens;
          if (cents !== tens * 10) bytes[at++] = 48 + cents - tens * 10;
        }
        return at;
      }
    }
    const s = formatNumber(x);
    for (let i = 0; i < s.length; i++) bytes[at++] = s.charCodeAt(i);
    return at;
  }

  // probeOffset finds where a setter of go-graphviz's bridge writes in a
  // zeroed struct: the byte offset of that field in this build of Graphviz,
  // the bits it set in that byte, how many bytes it set, and the 32-bit word
  // it wrote there (a pointer, for a pointer field).
  function probeOffset(ex, memory, setter, ...value) {
    const size = 4096;
    const p = ex.malloc(size);
    new Uint8Array(memory.buffer, p, size).fill(0);
    setter(p, ...value);
    const bytes = new Uint8Array(memory.buffer, p, size);
    let at = bytes.findIndex((b) => b !== 0);
    let width = 0;
    while (at >= 0 && at + width < size && bytes[at + width]) width++;
    const bits = at >= 0 ? bytes[at] : 0;
    const word = at >= 0 && at % 4 === 0 ? new DataView(memory.buffer).getUint32(p + at, true) : 0;
    ex.free(p);
    if (at < 0) throw new Error("svg-shapes: a struct field was not found");
    return { at, bits, width, word };
  }

  const ascii = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const TEXT = {};
  for (const s of [
    "<polygon", "<path", "<polyline", "<ellipse", ' points="', ' d="', '"/>\n',
    ' fill="', "none", '" fill-opacity="', '" stroke="', '" stroke-width="',
    '" stroke-dasharray="5,2', '" stroke-dasharray="1,5', '" stroke-opacity="',
    ' cx="', '" cy="', '" rx="', '" ry="', "<text text-anchor=\"", 'start"', 'end"',
    'middle"', ' x="', '" y="', '" font-family="', '" font-size="', "</text>\n",
    "&#45;", "transparent",
  ]) {
    TEXT[s] = ascii(s);
  }

  function installSVGShapes(ex, memory) {
    const PEN_DASHED = ex.wasm_bridge_get_PEN_DASHED();
    const PEN_DOTTED = ex.wasm_bridge_get_PEN_DOTTED();
    const FILL_SOLID = ex.wasm_bridge_get_FILL_SOLID();
    const RGBA_BYTE = ex.wasm_bridge_get_RGBA_BYTE();
    const COLOR_STRING = ex.wasm_bridge_get_COLOR_STRING();

    // Field offsets, found through the bridge's setters.
    const probe = (setter, ...value) => probeOffset(ex, memory, setter, ...value);
    const jobObj = probe(ex.wasm_bridge_set_Job_obj, 0x7f).at;
    const colorSource = ex.malloc(64);
    new Uint8Array(memory.buffer, colorSource, 64).fill(0x5a);
    const penColor = probe(ex.wasm_bridge_set_ObjectState_pencolor, colorSource).at;
    const fillColor = probe(ex.wasm_bridge_set_ObjectState_fillcolor, colorSource).at;
    ex.free(colorSource);
    const colorType = probe(ex.wasm_bridge_set_Color_type, 0x7f).at;
    const pen = probe(ex.wasm_bridge_set_ObjectState_pen, 0x7f).at;
    const penWidth = probe(ex.wasm_bridge_set_ObjectState_penwidth, 1 + Number.EPSILON).at;
    const aligned = probe(ex.wasm_bridge_set_ObjectState_labeledgealigned, 1n);
    const spanStr = probe(ex.wasm_bridge_set_Textspan_str, 0x7f).at;
    const spanFont = probe(ex.wasm_bridge_set_Textspan_font, 0x7f).at;
    const spanCenter = probe(ex.wasm_bridge_set_Textspan_y_offset_center_line, 1 + Number.EPSILON).at;
    const spanJust = probe(ex.wasm_bridge_set_Textspan_just, 0x7fn).at;
    const fontName = probe(ex.wasm_bridge_set_TextFont_name, 0x7f).at;
    const fontAlias = probe(ex.wasm_bridge_set_TextFont_postscript_alias, 0x7f).at;
    const fontSize = probe(ex.wasm_bridge_set_TextFont_size, 1 + Number.EPSILON).at;
    const fontFlags = probe(ex.wasm_bridge_set_TextFont_flags, 0x7fn);
    if (fontFlags.width !== 1 || aligned.width !== 1) throw new Error("svg-shapes: unexpected bit fields");

    // Where each member is in the struct, and the function table entry of
    // go-graphviz's bridge function for it (which the bridge's setter
    // writes there): renderers written in Go are never registered here, so
    // nothing calls those entries and the thunks below take their places.
    const engine = ex.svg_engine.value;
    const table = ex.__indirect_function_table;
    const names = Object.keys(MEMBER);
    const member = {}; // the member's address in the svg renderer's struct
    const ours = {};
    const original = {};
    for (const name of names) {
      const [field, bridge] = MEMBER[name];
      const { at, word } = probe(ex["wasm_bridge_set_RenderEngine_" + field]);
      const fn = ex["RenderEngine_" + bridge];
      if (at % 4 !== 0 || table.get(word) !== fn || fn.length !== PARAMS[name]) {
        throw new Error("svg-shapes: gvrender_engine_t's " + field + " is not where it was looked for");
      }
      member[name] = engine + at;
      ours[name] = word;
      original[name] = new DataView(memory.buffer).getUint32(member[name], true);
    }
    const graphviz = (name) => table.get(original[name]);

    // Views of memory, renewed when it grows.
    let dv = new DataView(memory.buffer);
    let mem = new Uint8Array(memory.buffer);
    const views = () => {
      if (mem.buffer !== memory.buffer) {
        dv = new DataView(memory.buffer);
        mem = new Uint8Array(memory.buffer);
      }
    };

    // The element being written: bytes at [start, at) of a scratch buffer
    // in WebAssembly memory, handed to Graphviz's gvwrite when done.
    let start = 0;
    let end = 0;
    let at = 0;
    const reserve = (n) => {
      if (at + n <= end) return;
      const used = at - start;
      const size = Math.max(2 * (used + n), 8192);
      const next = ex.malloc(size);
      views();
      mem.copyWithin(next, start, at);
      if (start) ex.free(start);
      start = next;
      end = next + size;
      at = next + used;
    };
    const begin = (n) => {
      at = start;
      reserve(n);
    };
    let elements = 0;
    const finish = (job) => {
      elements++;
      ex.gvwrite(job, start, at - start);
    };
    const put = (bytes) => {
      reserve(bytes.length);
      for (let i = 0; i < bytes.length; i++) mem[at++] = bytes[i];
    };
    const putASCII = (s) => {
      reserve(s.length);
      for (let i = 0; i < s.length; i++) mem[at++] = s.charCodeAt(i);
    };
    const putNum = (x) => {
      if (x < 1e9 && x > -1e9) {
        reserve(24);
        at = writeNumber(mem, at, x);
      } else {
        putASCII(formatNumber(x));
      }
    };
    const putByte = (b) => {
      reserve(1);
      mem[at++] = b;
    };
    const putPoint = (p) => {
      putNum(dv.getFloat64(p, true));
      putByte(44); // ","
      putNum(-dv.getFloat64(p + 8, true));
    };
    // strlen and putC copy a C string's bytes as they are.
    const strlen = (p) => {
      let n = p;
      while (mem[n]) n++;
      return n - p;
    };
    const putC = (p) => {
      const n = strlen(p);
      reserve(n);
      mem.copyWithin(at, p, p + n);
      at += n;
    };
    const equalsC = (p, bytes, caseless) => {
      for (let i = 0; i < bytes.length; i++) {
        let c = mem[p + i];
        if (caseless && c >= 65 && c <= 90) c += 32;
        if (c !== bytes[i]) return false;
      }
      return mem[p + bytes.length] === 0;
    };
    // putRGB writes an RGBA color as "#rrggbb".
    const putRGB = (color) => {
      reserve(7);
      mem[at++] = 35; // "#"
      for (let i = 0; i < 3; i++) {
        const hi = mem[color + i] >> 4;
        const lo = mem[color + i] & 15;
        mem[at++] = hi < 10 ? 48 + hi : 87 + hi;
        mem[at++] = lo < 10 ? 48 + lo : 87 + lo;
      }
    };
    // opacity is an alpha as Graphviz prints it ("%f" of alpha / 255).
    const opacity = (a) => (a / 255).toFixed(6);

    // paintable says whether a color is one this file writes.
    const paintable = (color) => {
      const type = dv.getInt32(color + colorType, true);
      return type === COLOR_STRING || type === RGBA_BYTE;
    };
    // putPaint is svg_print_paint: a color by name, "#rrggbb", or "none".
    const putPaint = (color) => {
      if (dv.getInt32(color + colorType, true) === COLOR_STRING) {
        const s = dv.getUint32(color, true);
        if (equalsC(s, TEXT.transparent, false)) put(TEXT.none);
        else putC(s);
        return;
      }
      if (mem[color + 3] === 0) {
        put(TEXT.none);
        return;
      }
      putRGB(color);
    };
    // putOpacity writes attr and the alpha of an RGBA color that is
    // neither opaque nor transparent ("%f" of alpha / 255).
    const putOpacity = (attr, color) => {
      if (dv.getInt32(color + colorType, true) !== RGBA_BYTE) return;
      const a = mem[color + 3];
      if (a > 0 && a < 255) {
        put(attr);
        putASCII(opacity(a));
      }
    };

    // style is svg_grstyle; false when Graphviz must write the element.
    const styled = (obj, filled) =>
      (filled === 0 || filled === FILL_SOLID) && paintable(obj + penColor) && (!filled || paintable(obj + fillColor));
    const putStyle = (obj, filled) => {
      put(TEXT[' fill="']);
      if (filled) {
        putPaint(obj + fillColor);
        putOpacity(TEXT['" fill-opacity="'], obj + fillColor);
      } else {
        put(TEXT.none);
      }
      put(TEXT['" stroke="']);
      putPaint(obj + penColor);
      const width = dv.getFloat64(obj + penWidth, true);
      if (!(Math.abs(width - 1) < 0.005)) {
        put(TEXT['" stroke-width="']);
        putNum(width);
      }
      const p = dv.getInt32(obj + pen, true);
      if (p === PEN_DASHED) put(TEXT['" stroke-dasharray="5,2']);
      else if (p === PEN_DOTTED) put(TEXT['" stroke-dasharray="1,5']);
      putOpacity(TEXT['" stroke-opacity="'], obj + penColor);
      putByte(34); // '"'
    };
    const isAligned = (obj) => (mem[obj + aligned.at] & aligned.bits) !== 0;

    // plainTextLength is the length of a label line's text as written here
    // (dashes as "&#45;"), or -1 when it needs other escapes, which
    // Graphviz then writes: & < > " ' newline, return, a second space.
    const plainTextLength = (p) => {
      let n = 0;
      let prev = 0;
      for (let c = mem[p]; c; c = mem[++p]) {
        if (c === 38 || c === 60 || c === 62 || c === 34 || c === 39 || c === 10 || c === 13 || (c === 32 && prev === 32)) return -1;
        n += c === 45 ? 5 : 1;
        prev = c;
      }
      return n;
    };
    const putPlainText = (p) => {
      for (let c = mem[p]; c; c = mem[++p]) {
        if (c === 45) put(TEXT["&#45;"]);
        else mem[at++] = c;
      }
    };
    const BLACK = ascii("black");
    // putTextFill is the fill of a label line: none for black.
    const putTextFill = (color) => {
      if (dv.getInt32(color + colorType, true) === COLOR_STRING) {
        const s = dv.getUint32(color, true);
        if (equalsC(s, BLACK, true)) return;
        putASCII(' fill="');
        putC(s);
        putASCII('"');
        return;
      }
      put(TEXT[' fill="']);
      putRGB(color);
      putByte(34); // '"'
      const a = mem[color + 3];
      if (a < 255) putASCII(' fill-opacity="' + opacity(a) + '"');
    };

    // putPoints writes an element of n points at a: tag, style, then attr
    // holding each point after the byte before(i) gives (none for 0), and
    // the first point again when closed.
    const putPoints = (job, obj, filled, tag, attr, a, n, before, closed) => {
      begin(256 + 50 * n);
      put(tag);
      putStyle(obj, filled);
      put(attr);
      for (let i = 0; i < n; i++) {
        const b = before(i);
        if (b) putByte(b);
        putPoint(a + 16 * i);
      }
      if (closed) {
        putByte(32); // " "
        putPoint(a);
      }
      put(TEXT['"/>\n']);
      finish(job);
    };
    const spaced = (i) => (i ? 32 : 0); // " " between points
    const pathCommand = (i) => (i === 0 ? 77 : i === 1 ? 67 : 32); // "M", "C", " "

    const js = {
      ellipse(job, a, filled) {
        views();
        const obj = dv.getUint32(job + jobObj, true);
        if (!styled(obj, filled)) return graphviz("ellipse")(job, a, filled);
        begin(256);
        const cx = dv.getFloat64(a, true);
        const cy = dv.getFloat64(a + 8, true);
        put(TEXT["<ellipse"]);
        putStyle(obj, filled);
        put(TEXT[' cx="']);
        putNum(cx);
        put(TEXT['" cy="']);
        putNum(-cy);
        put(TEXT['" rx="']);
        putNum(dv.getFloat64(a + 16, true) - cx);
        put(TEXT['" ry="']);
        putNum(dv.getFloat64(a + 24, true) - cy);
        put(TEXT['"/>\n']);
        finish(job);
      },
      polygon(job, a, n, filled) {
        views();
        const obj = dv.getUint32(job + jobObj, true);
        if (!styled(obj, filled)) return graphviz("polygon")(job, a, n, filled);
        // Graphviz repeats the first point at the end.
        putPoints(job, obj, filled, TEXT["<polygon"], TEXT[' points="'], a, n, spaced, true);
      },
      bezier(job, a, n, filled) {
        views();
        const obj = dv.getUint32(job + jobObj, true);
        if (isAligned(obj) || !styled(obj, filled)) return graphviz("bezier")(job, a, n, filled);
        putPoints(job, obj, filled, TEXT["<path"], TEXT[' d="'], a, n, pathCommand, false);
      },
      polyline(job, a, n) {
        views();
        const obj = dv.getUint32(job + jobObj, true);
        if (!styled(obj, 0)) return graphviz("polyline")(job, a, n);
        putPoints(job, obj, 0, TEXT["<polyline"], TEXT[' points="'], a, n, spaced, false);
      },
      // textspan is svg_textspan for a label line in a font with no
      // PostScript alias and no HTML styles.
      textspan(job, p, span) {
        views();
        const obj = dv.getUint32(job + jobObj, true);
        const font = dv.getUint32(span + spanFont, true);
        const str = dv.getUint32(span + spanStr, true);
        const text =
          font && str && !isAligned(obj) && dv.getUint32(font + fontAlias, true) === 0 &&
          (mem[font + fontFlags.at] & fontFlags.bits) === 0 && paintable(obj + penColor)
            ? plainTextLength(str)
            : -1;
        if (text < 0) return graphviz("textspan")(job, p, span);
        begin(256 + text);
        const just = mem[span + spanJust];
        put(TEXT['<text text-anchor="']);
        put(just === 108 ? TEXT['start"'] : just === 114 ? TEXT['end"'] : TEXT['middle"']); // "l", "r"
        put(TEXT[' x="']);
        putNum(dv.getFloat64(p, true));
        put(TEXT['" y="']);
        putNum(-(dv.getFloat64(p + 8, true) + dv.getFloat64(span + spanCenter, true)));
        put(TEXT['" font-family="']);
        putC(dv.getUint32(font + fontName, true));
        put(TEXT['" font-size="']);
        putASCII(formatFixed2(dv.getFloat64(font + fontSize, true)) + '"');
        putTextFill(obj + penColor);
        reserve(text + 16);
        mem[at++] = 62; // ">"
        putPlainText(str);
        put(TEXT["</text>\n"]);
        finish(job);
      },
    };

    // The table cannot grow (its size is fixed by the module): the thunks
    // take the bridge's entries.
    const thunks = new WebAssembly.Instance(thunkModule(names), { js }).exports;
    for (const name of names) table.set(ours[name], thunks[name]);
    return {
      // use(true) writes the elements here, use(false) with Graphviz's code.
      use(fast) {
        const d = new DataView(memory.buffer);
        for (const name of names) d.setUint32(member[name], fast ? ours[name] : original[name], true);
      },
      written() {
        const n = elements;
        elements = 0;
        return n;
      },
    };
  }

  const api = { installSVGShapes, formatNumber, formatFixed2, writeNumber };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.svgShapes = api;
})(typeof self !== "undefined" ? self : globalThis);
