build-geo/src/cli/cmd_entries.o: src/cli/cmd_entries.c src/cli/cli.h \
 src/core/geo.h src/util/sbuf.h src/core/store.h src/core/entry.h \
 src/util/err.h src/util/xalloc.h
src/cli/cli.h:
src/core/geo.h:
src/util/sbuf.h:
src/core/store.h:
src/core/entry.h:
src/util/err.h:
src/util/xalloc.h:
