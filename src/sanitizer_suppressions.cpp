// LeakSanitizer suppressions for the sanitizer and fuzzing builds
// (QUOTEGRAPH_SANITIZE, QUOTEGRAPH_FUZZ): linked into each executable there,
// not into the library. Graphviz's renderer and fontconfig, which it loads
// to lay out SVG text, keep caches that live until the process exits (and
// so does GLib under Pango: 128 bytes from g_realloc, whose stack cannot be
// unwound past GLib); those are not leaks of ours. Everything allocated by quotegraph stays checked.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"
         "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libcdt.so\n"
         "leak:libpango\n"
         "leak:libcairo.so\n"
         "leak:libgvplugin_\n"
         "leak:libglib-2.0.so\n"
         "leak:libgobject-2.0.so\n";
}

// The table of suppressions used would go to standard error, which the CLI
// tests read: leave it out.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
