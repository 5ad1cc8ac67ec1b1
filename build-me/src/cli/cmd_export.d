build-me/src/cli/cmd_export.o: src/cli/cmd_export.c src/cli/cli.h \
 src/core/geo.h src/util/sbuf.h src/core/store.h src/core/entry.h \
 src/util/err.h src/util/xalloc.h
src/cli/cli.h:
src/core/geo.h:
src/util/sbuf.h:
src/core/store.h:
src/core/entry.h:
src/util/err.h:
src/util/xalloc.h:
